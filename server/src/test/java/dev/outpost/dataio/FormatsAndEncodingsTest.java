package dev.outpost.dataio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.outpost.district.AreaLevel;
import dev.outpost.district.District;
import dev.outpost.geo.CoordinateSystem;
import dev.outpost.geo.LatLon;
import dev.outpost.station.Station;
import dev.outpost.station.StationKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

class FormatsAndEncodingsTest {
    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void decodingDetectsBomsUtf8AndGbk() {
        byte[] utf16 = new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0, (byte) 0x2D, (byte) 0x4E};
        assertThat(TextDecoding.decode(utf16, null).text()).isEqualTo("a中");
        assertThat(TextDecoding.decode(utf16, null).charset()).isEqualTo(StandardCharsets.UTF_16LE);

        byte[] gbk = "驿站".getBytes(GBK);
        assertThat(TextDecoding.decode(gbk, null).text()).isEqualTo("驿站");
        assertThat(TextDecoding.decode(gbk, null).charset()).isEqualTo(TextDecoding.GBK);

        // A UTF-8 file cut in the middle of its last character is still UTF-8.
        byte[] utf8 = "名称,驿站".getBytes(StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOf(utf8, utf8.length - 1);
        TextDecoding.Decoded decoded = TextDecoding.decode(cut, null);
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(decoded.text()).isEqualTo("名称,驿\uFFFD");
    }

    @Test
    void charsetNamesFromCpgFilesAndForms() {
        assertThat(TextDecoding.parseCharset(" utf8 ")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(TextDecoding.parseCharset("65001")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(TextDecoding.parseCharset("GB2312")).isEqualTo(TextDecoding.GBK);
        assertThat(TextDecoding.parseCharset("cp936")).isEqualTo(TextDecoding.GBK);
        assertThat(TextDecoding.parseCharset("ISO-8859-1")).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> TextDecoding.parseCharset("klingon"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown charset 'klingon'; expected UTF-8 or GBK (or another Java charset name)");
    }

    @Test
    void zipWithGbkEntryNamesFromChineseWindows() throws Exception {
        List<List<double[]>> shapes = List.of(List.of(ShapefileBytes.clockwiseSquare(116, 39, 1)));
        LinkedHashMap<String, Integer> fields = new LinkedHashMap<>();
        fields.put("乡", 20);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // A GBK name charset writes the names without the UTF-8 flag, as old Windows zip tools do.
        try (ZipOutputStream zip = new ZipOutputStream(out, GBK)) {
            zip.putNextEntry(new ZipEntry("海淀街道.shp"));
            zip.write(ShapefileBytes.polygons(shapes));
            zip.putNextEntry(new ZipEntry("海淀街道.dbf"));
            zip.write(ShapefileBytes.dbf(fields, List.of(List.of("中关村街道")), StandardCharsets.UTF_8, 0));
            zip.putNextEntry(new ZipEntry("海淀街道.shx"));
            zip.write(ShapefileBytes.index(shapes));
        }

        List<SafeZip.Entry> entries = SafeZip.read(out.toByteArray(), 10, 1_000_000);
        assertThat(entries).extracting(SafeZip.Entry::name).containsExactly("海淀街道.shp", "海淀街道.dbf", "海淀街道.shx");

        DistrictFileReader.Result result = new DistrictFileReader(
                        DistrictFileReader.Options.of("bj", CoordinateSystem.WGS84))
                .read(new ByteArrayInputStream(out.toByteArray()), "海淀.zip");
        assertThat(result.features().errorMessages()).isEmpty();
        assertThat(result.features().values().get(0).name()).isEqualTo("中关村街道");
    }

    @Test
    void stationsFromAZippedPointShapefile() {
        LinkedHashMap<String, Integer> fields = new LinkedHashMap<>();
        fields.put("编号", 10);
        fields.put("类型", 20);
        fields.put("名称", 30);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(
                "stations.shp", ShapefileBytes.points(List.of(new double[] {116.4, 39.9}, new double[] {116.5, 40})));
        entries.put(
                "stations.dbf",
                ShapefileBytes.dbf(
                        fields,
                        List.of(List.of("A1", "司机之家", "北站司机之家"), List.of("A2", "飞船", "乙")),
                        StandardCharsets.UTF_8,
                        0));
        entries.put("stations.cpg", "UTF-8".getBytes(StandardCharsets.US_ASCII));

        ParsedFile<Station> file = new StationFileReader(StationFileReader.Options.of("bj", CoordinateSystem.WGS84))
                .read(ShapefileBytes.zip(entries), "stations.zip");

        assertThat(file.rowLabel()).isEqualTo("feature");
        assertThat(file.errorMessages())
                .singleElement()
                .asString()
                .startsWith("feature 2, field 'kind': unknown station kind '飞船'");
        Station s = file.values().get(0);
        assertThat(s.kind()).isEqualTo(StationKind.DRIVER_HOME);
        assertThat(s.name()).isEqualTo("北站司机之家");
        assertThat(s.location()).isEqualTo(new LatLon(39.9, 116.4));
    }

    @Test
    void geoJsonInWebMercatorIsReprojected() {
        // Web Mercator on a sphere of radius 6378137 m: x = R·λ, y = R·ln(tan(π/4 + φ/2)).
        double r = 6378137.0;
        double lon = 116.4;
        double lat = 39.9;
        double x = r * Math.toRadians(lon);
        double y = r * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2));
        String json = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
                + "\"urn:ogc:def:crs:EPSG::3857\"}},\"features\":[{\"type\":\"Feature\",\"properties\":{\"kind\":"
                + "\"other\",\"name\":\"甲\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + x + "," + y
                + "]}}]}";

        ParsedFile<Station> file = new StationFileReader(StationFileReader.Options.of("bj", CoordinateSystem.WGS84))
                .read(json.getBytes(StandardCharsets.UTF_8), "s.geojson");

        assertThat(file.errorMessages()).isEmpty();
        assertThat(file.values().get(0).location().lon()).isCloseTo(lon, within(1e-9));
        assertThat(file.values().get(0).location().lat()).isCloseTo(lat, within(1e-9));

        ParsedFile<Station> gcj = new StationFileReader(StationFileReader.Options.of("bj", CoordinateSystem.GCJ02))
                .read(json.getBytes(StandardCharsets.UTF_8), "s.geojson");
        assertThat(gcj.errorMessages())
                .singleElement()
                .asString()
                .startsWith(
                        "file, field 'crs': the file declares the projected coordinate system 'urn:ogc:def:crs:EPSG::3857"
                                + " (EPSG:3857)' but gcj02 was declared for it");
    }

    @Test
    void geoJsonCrsMembersThatAreGeographic() {
        assertThat(SourceCrs.fromGeoJson("urn:ogc:def:crs:OGC:1.3:CRS84").kind())
                .isEqualTo(SourceCrs.Kind.WGS84);
        assertThat(SourceCrs.fromGeoJson("EPSG:4326").kind()).isEqualTo(SourceCrs.Kind.WGS84);
        assertThat(SourceCrs.fromGeoJson("urn:ogc:def:crs:EPSG::4490").kind()).isEqualTo(SourceCrs.Kind.CGCS2000);
        assertThat(SourceCrs.fromGeoJson("EPSG:4214").kind()).isEqualTo(SourceCrs.Kind.OTHER_GEOGRAPHIC);
        assertThat(SourceCrs.fromGeoJson("EPSG:4547").kind()).isEqualTo(SourceCrs.Kind.PROJECTED);
        assertThatThrownBy(() -> SourceCrs.fromGeoJson("my own crs"))
                .hasMessageStartingWith(
                        "the file declares the coordinate reference system 'my own crs', which is not" + " understood");
    }

    @Test
    void prjFilesOfBothFlavours() {
        assertThat(SourceCrs.fromPrj("GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\","
                                + "SPHEROID[\"CGCS2000\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0],"
                                + "UNIT[\"degree\",0.0174532925199433],AUTHORITY[\"EPSG\",\"4490\"]]")
                        .kind())
                .isEqualTo(SourceCrs.Kind.CGCS2000);
        assertThat(SourceCrs.fromPrj("GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\","
                                + "SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
                                + "UNIT[\"Degree\",0.0174532925199433]]")
                        .kind())
                .isEqualTo(SourceCrs.Kind.CGCS2000);
        assertThat(SourceCrs.fromPrj("GEOGCS[\"GCS_Xian_1980\",DATUM[\"D_Xian_1980\",SPHEROID[\"Xian_1980\",6378140.0,"
                                + "298.257]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]")
                        .kind())
                .isEqualTo(SourceCrs.Kind.OTHER_GEOGRAPHIC);
        // OGC WKT with an EPSG authority and a UTM projection (zone 50N, central meridian 117 E).
        SourceCrs utm = SourceCrs.fromPrj("PROJCS[\"WGS 84 / UTM zone 50N\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\","
                + "SPHEROID[\"WGS 84\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\","
                + "0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],"
                + "PARAMETER[\"central_meridian\",117],PARAMETER[\"scale_factor\",0.9996],PARAMETER[\"false_easting\","
                + "500000],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1],AUTHORITY[\"EPSG\",\"32650\"]]");
        assertThat(utm.kind()).isEqualTo(SourceCrs.Kind.PROJECTED);
        org.locationtech.jts.geom.Point onMeridian = (org.locationtech.jts.geom.Point) utm.reproject(
                dev.outpost.geo.Geometries.factory().createPoint(new org.locationtech.jts.geom.Coordinate(500000, 0)));
        assertThat(onMeridian.getX()).isCloseTo(117.0, within(1e-12));
        assertThat(onMeridian.getY()).isCloseTo(0.0, within(1e-12));
        assertThatThrownBy(() -> SourceCrs.fromPrj("GEOGCS[\"x\""))
                .hasMessageStartingWith("the .prj file is not readable WKT");
    }

    @Test
    void otherGeographicDatumIsReadWithAWarning() {
        String prj = "GEOGCS[\"GCS_Beijing_1954\",DATUM[\"D_Beijing_1954\",SPHEROID[\"Krasovsky_1940\",6378245.0,"
                + "298.3]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
        List<List<double[]>> shapes = List.of(List.of(ShapefileBytes.clockwiseSquare(116, 39, 1)));
        LinkedHashMap<String, Integer> fields = new LinkedHashMap<>();
        fields.put("县", 10);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("a.shp", ShapefileBytes.polygons(shapes));
        entries.put("a.shx", ShapefileBytes.index(shapes));
        entries.put("a.dbf", ShapefileBytes.dbf(fields, List.of(List.of("甲")), StandardCharsets.UTF_8, 0));
        entries.put("a.prj", prj.getBytes(StandardCharsets.US_ASCII));

        DistrictFileReader.Result result = new DistrictFileReader(
                        DistrictFileReader.Options.of("x", CoordinateSystem.WGS84))
                .read(ShapefileBytes.zip(entries), "a.zip");

        assertThat(result.features().errorMessages()).isEmpty();
        assertThat(result.features().warningMessages())
                .containsExactly("file, field 'crs': the file declares the"
                        + " geographic coordinate system 'GCS_Beijing_1954'; its coordinates were read as wgs84 and may be off"
                        + " by up to about 100 m");
        District d = result.features().values().get(0);
        assertThat(d.level()).isEqualTo(AreaLevel.DISTRICT);
    }

    @Test
    void xlsxWriterWritesTypedCellsSafeNamesAndNeverFormulas() throws Exception {
        List<List<?>> rows = List.of(
                Arrays.asList("=SUM(A1:A9)", 12.5, true, LocalDate.of(2026, 5, 1), null, "中文"),
                Arrays.asList("-3", -3));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxWriter.write(
                List.of(
                        new XlsxWriter.Sheet("方案 [1]: 海淀/朝阳?", List.of("名称", "数值", "是否", "日期", "空", "文本"), rows),
                        new XlsxWriter.Sheet("方案 [1]: 海淀/朝阳?", List.of("a"), List.of()),
                        new XlsxWriter.Sheet("a very long sheet name that Excel would refuse", List.of(), List.of())),
                out);

        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(3);
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("方案  1   海淀 朝阳");
            assertThat(wb.getSheetAt(1).getSheetName()).isEqualTo("方案  1   海淀 朝阳 (2)");
            assertThat(wb.getSheetAt(2).getSheetName()).isEqualTo("a very long sheet name that Exc");
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("名称");
            assertThat(wb.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex())
                            .getBold())
                    .isTrue();
            Cell formulaLike = sheet.getRow(1).getCell(0);
            assertThat(formulaLike.getCellType()).isEqualTo(CellType.STRING);
            assertThat(formulaLike.getStringCellValue()).isEqualTo("=SUM(A1:A9)");
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(12.5);
            assertThat(sheet.getRow(1).getCell(2).getBooleanCellValue()).isTrue();
            assertThat(sheet.getRow(1).getCell(3).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2026, 5, 1));
            assertThat(sheet.getRow(1).getCell(4)).isNull();
            assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).isEqualTo("中文");
            assertThat(sheet.getRow(2).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(-3.0);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
        }
    }
}
