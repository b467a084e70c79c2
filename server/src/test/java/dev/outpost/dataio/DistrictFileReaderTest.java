package dev.outpost.dataio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.outpost.common.Problem;
import dev.outpost.district.AreaLevel;
import dev.outpost.district.District;
import dev.outpost.geo.CoordinateSystem;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.MultiPolygon;

class DistrictFileReaderTest {
    private static final Charset GBK = Charset.forName("GBK");
    private static final String WGS84_PRJ = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\","
            + "6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    private static DistrictFileReader reader() {
        return new DistrictFileReader(DistrictFileReader.Options.of("bj", CoordinateSystem.WGS84));
    }

    private static LinkedHashMap<String, Integer> fields(Object... nameWidth) {
        LinkedHashMap<String, Integer> f = new LinkedHashMap<>();
        for (int i = 0; i < nameWidth.length; i += 2) {
            f.put((String) nameWidth[i], (Integer) nameWidth[i + 1]);
        }
        return f;
    }

    /** A zipped layer "areas" with the given records and attributes. */
    private static byte[] layer(List<List<double[]>> shapes, byte[] dbf, String prj, String cpg) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("areas.shp", ShapefileBytes.polygons(shapes));
        entries.put("areas.shx", ShapefileBytes.index(shapes));
        entries.put("areas.dbf", dbf);
        if (prj != null) {
            entries.put("areas.prj", prj.getBytes(StandardCharsets.US_ASCII));
        }
        if (cpg != null) {
            entries.put("areas.cpg", cpg.getBytes(StandardCharsets.US_ASCII));
        }
        return ShapefileBytes.zip(entries);
    }

    @Test
    void handAssembledShapefileWithOneSquare() {
        List<List<double[]>> shapes = List.of(List.of(ShapefileBytes.clockwiseSquare(116.0, 39.9, 0.01)));
        byte[] dbf = ShapefileBytes.dbf(
                fields("CODE", 12, "名称", 30, "级别", 12, "人口", 10),
                List.of(List.of("110101001", "东华门街道", "街道", "68400")),
                StandardCharsets.UTF_8,
                0);

        DistrictFileReader.Result result = reader().read(layer(shapes, dbf, WGS84_PRJ, "UTF-8"), "areas.zip");

        assertThat(result.features().errorMessages()).isEmpty();
        assertThat(result.features().warnings()).isEmpty();
        District d = result.features().values().get(0);
        assertThat(result.features().rows().get(0).row()).isEqualTo(1);
        assertThat(d.regionCode()).isEqualTo("bj");
        assertThat(d.code()).isEqualTo("110101001");
        assertThat(d.name()).isEqualTo("东华门街道");
        assertThat(d.level()).isEqualTo(AreaLevel.SUBDISTRICT);
        assertThat(d.parentCode()).isNull();
        assertThat(d.population()).isEqualTo(68400L);
        assertThat(d.boundary().getSRID()).isEqualTo(4326);
        assertThat(d.boundary().getNumGeometries()).isEqualTo(1);
        assertThat(d.boundary().getArea()).isCloseTo(0.0001, within(1e-12));
        assertThat(d.boundary().getEnvelopeInternal().getMinX()).isEqualTo(116.0);
        assertThat(d.boundary().getEnvelopeInternal().getMaxY()).isCloseTo(39.91, within(1e-12));
        assertThat(result.derivedParents()).isEmpty();
    }

    @Test
    void ringsBecomePolygonsWithHolesByOrientation() {
        // Record 1: a 4x4 outer ring with a 1x1 hole; record 2: two separate outer rings (a multipolygon).
        List<List<double[]>> shapes = List.of(
                List.of(ShapefileBytes.clockwiseSquare(100, 30, 4), ShapefileBytes.counterClockwiseSquare(101, 31, 1)),
                List.of(ShapefileBytes.clockwiseSquare(110, 30, 1), ShapefileBytes.clockwiseSquare(112, 30, 2)));
        byte[] dbf =
                ShapefileBytes.dbf(fields("NAME", 10), List.of(List.of("甲"), List.of("乙")), StandardCharsets.UTF_8, 0);

        DistrictFileReader.Result result = new DistrictFileReader(
                        DistrictFileReader.Options.of("x", CoordinateSystem.WGS84)
                                .withLevel(AreaLevel.DISTRICT))
                .read(layer(shapes, dbf, null, null), "areas.zip");

        assertThat(result.features().errorMessages()).isEmpty();
        MultiPolygon withHole = result.features().values().get(0).boundary();
        assertThat(withHole.getNumGeometries()).isEqualTo(1);
        assertThat(((org.locationtech.jts.geom.Polygon) withHole.getGeometryN(0)).getNumInteriorRing())
                .isEqualTo(1);
        assertThat(withHole.getArea()).isEqualTo(15.0);
        MultiPolygon twoParts = result.features().values().get(1).boundary();
        assertThat(twoParts.getNumGeometries()).isEqualTo(2);
        assertThat(twoParts.getArea()).isEqualTo(5.0);
        // No code column: stable codes generated from the names.
        assertThat(result.features().values().get(0).code())
                .isEqualTo(DistrictFileReader.generatedCode("甲"))
                .matches("n[0-9a-f]{12}");
    }

    @Test
    void ringsAllCounterClockwiseAreNestedByContainment() {
        List<List<double[]>> shapes = List.of(List.of(
                ShapefileBytes.counterClockwiseSquare(100, 30, 4), ShapefileBytes.counterClockwiseSquare(101, 31, 1)));
        byte[] dbf = ShapefileBytes.dbf(fields("乡", 10), List.of(List.of("甲")), StandardCharsets.UTF_8, 0);

        DistrictFileReader.Result result = reader().read(layer(shapes, dbf, null, null), "areas.zip");

        assertThat(result.features().errorMessages()).isEmpty();
        District d = result.features().values().get(0);
        assertThat(d.boundary().getArea()).isEqualTo(15.0);
        assertThat(d.level()).isEqualTo(AreaLevel.SUBDISTRICT);
    }

    @Test
    void polygonZRecordsAreReadIn2d() {
        List<List<double[]>> shapes = List.of(List.of(ShapefileBytes.clockwiseSquare(100, 30, 2)));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("z.shp", ShapefileBytes.polygons(shapes, 15));
        entries.put("z.dbf", ShapefileBytes.dbf(fields("县", 10), List.of(List.of("甲")), StandardCharsets.UTF_8, 0));

        DistrictFileReader.Result result = reader().read(ShapefileBytes.zip(entries), "z.zip");

        assertThat(result.features().errorMessages()).isEmpty();
        assertThat(result.features().values().get(0).boundary().getArea()).isEqualTo(4.0);
        assertThat(result.features().values().get(0).level()).isEqualTo(AreaLevel.DISTRICT);
        assertThat(result.features().warningMessages())
                .containsExactly("file: the archive has no .shx index; the .shp was read record by record");
    }

    @Test
    void gbkAttributesAreDetectedWithoutCpgAndTheCpgWinsWhenPresent() {
        List<List<double[]>> shapes = List.of(List.of(ShapefileBytes.clockwiseSquare(100, 30, 1)));
        byte[] dbf = ShapefileBytes.dbf(fields("名称", 20, "级别", 8), List.of(List.of("望京街道", "街道")), GBK, 0);

        DistrictFileReader.Result detected = reader().read(layer(shapes, dbf, null, null), "areas.zip");
        assertThat(detected.features().errorMessages()).isEmpty();
        assertThat(detected.features().values().get(0).name()).isEqualTo("望京街道");

        DistrictFileReader.Result declared = reader().read(layer(shapes, dbf, null, "GBK"), "areas.zip");
        assertThat(declared.features().values().get(0).name()).isEqualTo("望京街道");

        // A wrong .cpg is obeyed: the GBK field names no longer match and the file is refused.
        DistrictFileReader.Result wrong = reader().read(layer(shapes, dbf, null, "UTF-8"), "areas.zip");
        assertThat(wrong.hasErrors()).isTrue();
        assertThat(wrong.features().errorMessages()).anyMatch(m -> m.contains("the file has no name column"));
    }

    @Test
    void codePage936LanguageDriverMeansGbk() {
        List<List<double[]>> shapes = List.of(List.of(ShapefileBytes.clockwiseSquare(100, 30, 1)));
        // "中" in GBK is D6 D0: not valid UTF-8 either way, but here only the language driver byte decides.
        byte[] dbf =
                ShapefileBytes.dbf(fields("NAME", 20, "LEVEL", 12), List.of(List.of("中关村", "subdistrict")), GBK, 0x4D);

        Dbf.Table table = Dbf.read(dbf, null);

        assertThat(table.charset()).isEqualTo(TextDecoding.GBK);
        assertThat(table.records().get(0)).containsExactly("中关村", "subdistrict");
        assertThat(reader().read(layer(shapes, dbf, null, null), "a.zip")
                        .features()
                        .values()
                        .get(0)
                        .name())
                .isEqualTo("中关村");
    }

    @Test
    void zipEntriesThatEscapeTheArchiveAreRefused() {
        byte[] dbf = ShapefileBytes.dbf(fields("NAME", 10), List.of(List.of("x")), StandardCharsets.UTF_8, 0);
        for (String hostile : List.of("../evil.shp", "a/../../evil.shp", "/etc/evil.shp", "C:/evil.shp")) {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("ok.dbf", dbf);
            entries.put(hostile, new byte[100]);

            DistrictFileReader.Result result = reader().read(ShapefileBytes.zip(entries), "evil.zip");

            assertThat(result.features().errorMessages())
                    .containsExactly("file: zip entry '" + hostile + "' escapes the archive; refused");
        }
    }

    @Test
    void archivesThatExpandTooMuchOrHoldTooManyEntriesAreRefused() {
        Map<String, byte[]> bomb = new LinkedHashMap<>();
        bomb.put("areas.shp", new byte[3_000_000]);
        DistrictFileReader small = new DistrictFileReader(
                DistrictFileReader.Options.of("x", CoordinateSystem.WGS84).withMaxBytes(100_000));
        byte[] zip = ShapefileBytes.zip(bomb);
        assertThat(zip.length).isLessThan(100_000);

        assertThat(small.read(zip, "bomb.zip").features().errorMessages())
                .containsExactly("file: the archive expands to more than 1.9 MiB (at entry 'areas.shp'); refused as a"
                        + " possible zip bomb");

        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 65; i++) {
            many.put("f" + i + ".txt", new byte[1]);
        }
        assertThat(reader().read(ShapefileBytes.zip(many), "many.zip")
                        .features()
                        .errorMessages())
                .containsExactly("file: the archive has more than 64 entries; refused");
    }

    @Test
    void archivesWithoutTheNeededFiles() {
        Map<String, byte[]> noShp = new LinkedHashMap<>();
        noShp.put("readme.txt", new byte[] {'x'});
        assertThat(reader().read(ShapefileBytes.zip(noShp), "a.zip").features().errorMessages())
                .containsExactly(
                        "file: the archive holds no .shp file (it holds: readme.txt); zip the .shp, .shx, .dbf,"
                                + " .prj and .cpg files of one layer");

        Map<String, byte[]> noDbf = new LinkedHashMap<>();
        noDbf.put("dir/a.shp", ShapefileBytes.polygons(List.of(List.of(ShapefileBytes.clockwiseSquare(1, 1, 1)))));
        assertThat(reader().read(ShapefileBytes.zip(noDbf), "a.zip").features().errorMessages())
                .containsExactly("file: the archive has no .dbf file next to dir/a.shp: the attributes are missing");

        Map<String, byte[]> two = new LinkedHashMap<>();
        two.put("a.shp", new byte[100]);
        two.put("b.shp", new byte[100]);
        assertThat(reader().read(ShapefileBytes.zip(two), "a.zip").features().errorMessages())
                .containsExactly("file: the archive holds 2 shapefiles (a.shp, b.shp); upload one layer per archive");
    }

    @Test
    void truncatedShpIsReported() {
        List<List<double[]>> shapes = List.of(
                List.of(ShapefileBytes.clockwiseSquare(100, 30, 1)),
                List.of(ShapefileBytes.clockwiseSquare(102, 30, 1)));
        byte[] shp = ShapefileBytes.polygons(shapes);
        byte[] cut = java.util.Arrays.copyOf(shp, shp.length - 40);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("a.shp", cut);
        entries.put(
                "a.dbf",
                ShapefileBytes.dbf(fields("乡", 10), List.of(List.of("甲"), List.of("乙")), StandardCharsets.UTF_8, 0));

        DistrictFileReader.Result result = reader().read(ShapefileBytes.zip(entries), "a.zip");

        assertThat(result.features().errorMessages())
                .containsExactly("feature 2, field 'geometry': record 2 is cut short: the .shp file is truncated");
        assertThat(result.features().rows()).extracting(ParsedRow::row).containsExactly(1);
    }

    @Test
    void projectedGaussKrugerPrjIsReprojected() {
        // CGCS2000 3-degree Gauss-Kruger CM 114E (EPSG:4547): easting 500 km lies on the central meridian.
        String prj = "PROJCS[\"CGCS2000_3_Degree_GK_CM_114E\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
                + "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
                + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\","
                + "500000.0],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",114.0],"
                + "PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
        double northing = 2_489_000.0;
        List<List<double[]>> shapes = List.of(List.of(ShapefileBytes.clockwiseSquare(500_000, northing, 1000)));
        byte[] dbf = ShapefileBytes.dbf(fields("区", 10), List.of(List.of("福田")), StandardCharsets.UTF_8, 0);

        DistrictFileReader.Result result = reader().read(layer(shapes, dbf, prj, null), "gk.zip");

        assertThat(result.features().errorMessages()).isEmpty();
        // The western corners lie on the central meridian, where the northing is the meridian arc from the equator
        // (GRS 80 ellipsoid).
        List<Coordinate> west = new java.util.ArrayList<>();
        for (Coordinate c : result.features().values().get(0).boundary().getCoordinates()) {
            if (Math.abs(c.x - 114.0) < 1e-9 && west.stream().noneMatch(w -> w.equals2D(c))) {
                west.add(c);
            }
        }
        assertThat(west).hasSize(2);
        west.sort(java.util.Comparator.comparingDouble(c -> c.y));
        assertThat(meridianArcMeters(west.get(0).y)).isCloseTo(northing, within(0.001));
        assertThat(meridianArcMeters(west.get(1).y)).isCloseTo(northing + 1000, within(0.001));
    }

    /** The meridian arc length of the GRS 80 ellipsoid to latitude {@code latDegrees} (Helmert's series). */
    private static double meridianArcMeters(double latDegrees) {
        double a = 6378137.0;
        double f = 1 / 298.257222101;
        double n = f / (2 - f);
        double phi = Math.toRadians(latDegrees);
        double n2 = n * n;
        double n3 = n2 * n;
        double n4 = n3 * n;
        return a
                / (1 + n)
                * ((1 + n2 / 4 + n4 / 64) * phi
                        - (3 * n / 2 - 3 * n3 / 16) * Math.sin(2 * phi)
                        + (15 * n2 / 16 - 15 * n4 / 64) * Math.sin(4 * phi)
                        - (35 * n3 / 48) * Math.sin(6 * phi)
                        + (315 * n4 / 512) * Math.sin(8 * phi));
    }

    @Test
    void unsupportedProjectedPrjIsRefusedWithAClearMessage() {
        String prj = "PROJCS[\"Beijing_1954_Lambert\",GEOGCS[\"GCS_Beijing_1954\",DATUM[\"D_Beijing_1954\","
                + "SPHEROID[\"Krasovsky_1940\",6378245.0,298.3]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\","
                + "0.0174532925199433]],PROJECTION[\"Lambert_Conformal_Conic\"],UNIT[\"Meter\",1.0]]";
        List<List<double[]>> shapes = List.of(List.of(ShapefileBytes.clockwiseSquare(500_000, 2_000_000, 1000)));
        byte[] dbf = ShapefileBytes.dbf(fields("区", 10), List.of(List.of("甲")), StandardCharsets.UTF_8, 0);

        assertThat(reader().read(layer(shapes, dbf, prj, null), "a.zip")
                        .features()
                        .errorMessages())
                .containsExactly("file, field 'crs': the .prj file declares the projected coordinate system"
                        + " 'Beijing_1954_Lambert', which cannot be converted to longitude/latitude here (its datum is"
                        + " not WGS 84 or CGCS2000); export the layer in WGS 84 (EPSG:4326) or CGCS2000 (EPSG:4490)");
    }

    @Test
    void projectedCoordinatesWithoutPrjAreNotTakenForDegrees() {
        List<List<double[]>> shapes = List.of(List.of(ShapefileBytes.clockwiseSquare(500_000, 2_000_000, 1000)));
        byte[] dbf = ShapefileBytes.dbf(fields("区", 10), List.of(List.of("甲")), StandardCharsets.UTF_8, 0);

        assertThat(reader().read(layer(shapes, dbf, null, null), "a.zip")
                        .features()
                        .errorMessages())
                .containsExactly("feature 1, field 'geometry': coordinates 500000..501000, 2000000..2001000 are not"
                        + " longitude/latitude degrees (a projected file without its .prj?)");
    }

    private static String geojson(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    private static String feature(String properties, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":" + properties + ",\"geometry\":" + geometry + "}";
    }

    private static DistrictFileReader.Result readGeoJson(DistrictFileReader reader, String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8), "areas.geojson");
    }

    @Test
    void selfIntersectingPolygonIsRepairedWithAWarningNotRefused() {
        String bowTie = "{\"type\":\"Polygon\",\"coordinates\":[[[116,39],[117,40],[117,39],[116,40],[116,39]]]}";

        DistrictFileReader.Result result = readGeoJson(reader(), geojson(feature("{\"乡\":\"甲\"}", bowTie)));

        assertThat(result.features().errorMessages()).isEmpty();
        assertThat(result.features().warnings()).singleElement().satisfies(w -> {
            assertThat(w.row()).isEqualTo(1);
            assertThat(w.field()).isEqualTo("geometry");
            assertThat(w.reason()).startsWith("the polygon was invalid and has been repaired: self-intersection at");
        });
        MultiPolygon repaired = result.features().values().get(0).boundary();
        assertThat(repaired.isValid()).isTrue();
        // Two triangles meeting at (116.5, 39.5), each of area 0.25.
        assertThat(repaired.getNumGeometries()).isEqualTo(2);
        assertThat(repaired.getArea()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void missingEmptyAndNonPolygonGeometriesAreErrors() {
        String square = "{\"type\":\"Polygon\",\"coordinates\":[[[116,39],[116,40],[117,40],[117,39],[116,39]]]}";
        String json = geojson(
                feature("{\"乡\":\"甲\"}", "null"),
                feature("{\"乡\":\"乙\"}", "{\"type\":\"MultiPolygon\",\"coordinates\":[]}"),
                feature("{\"乡\":\"丙\"}", "{\"type\":\"LineString\",\"coordinates\":[[116,39],[117,40]]}"),
                feature("{\"乡\":\"丁\"}", square));

        DistrictFileReader.Result result = readGeoJson(reader(), json);

        assertThat(result.features().errorMessages())
                .containsExactly(
                        "feature 1, field 'geometry': the feature has no geometry",
                        "feature 2, field 'geometry': the geometry is empty",
                        "feature 3, field 'geometry': an area must be a Polygon or MultiPolygon, not LineString");
        assertThat(result.features().values()).extracting(District::name).containsExactly("丁");
    }

    @Test
    void duplicateCodesWithDifferentNamesAreErrorsAndSplitAreasAreMerged() {
        String a = "{\"type\":\"Polygon\",\"coordinates\":[[[116,39],[116,40],[117,40],[117,39],[116,39]]]}";
        String b = "{\"type\":\"Polygon\",\"coordinates\":[[[118,39],[118,40],[119,40],[119,39],[118,39]]]}";
        String json = geojson(
                feature("{\"代码\":\"1\",\"乡\":\"甲\"}", a),
                feature("{\"代码\":\"1\",\"乡\":\"甲\"}", b),
                feature("{\"代码\":\"2\",\"乡\":\"乙\"}", a),
                feature("{\"代码\":\"2\",\"乡\":\"丙\"}", b));

        DistrictFileReader.Result result = readGeoJson(reader(), json);

        assertThat(result.features().errorMessages())
                .containsExactly(
                        "feature 3, field 'code': the code '2' is used by feature 3 '乙' and feature 4 '丙'",
                        "feature 4, field 'code': the code '2' is used by feature 3 '乙' and feature 4 '丙'");
        assertThat(result.features().warningMessages())
                .containsExactly("feature 2, field 'code': feature 2 repeats the code '1' and name '甲' of feature 1;"
                        + " merged into one area");
        District merged = result.features().values().get(0);
        assertThat(merged.boundary().getNumGeometries()).isEqualTo(2);
        assertThat(merged.boundary().getArea()).isEqualTo(2.0);
    }

    @Test
    void parentsAreBuiltFromTheParentNameColumn() {
        // Two townships of 朝阳区 side by side (1x1 each) and one of 海淀区.
        String west = "{\"type\":\"Polygon\",\"coordinates\":[[[116,39],[116,40],[117,40],[117,39],[116,39]]]}";
        String east = "{\"type\":\"Polygon\",\"coordinates\":[[[117,39],[117,40],[118,40],[118,39],[117,39]]]}";
        String far = "{\"type\":\"Polygon\",\"coordinates\":[[[110,30],[110,31],[111,31],[111,30],[110,30]]]}";
        String json = geojson(
                feature("{\"县\":\"朝阳区\",\"乡\":\"甲街道\",\"pop\":100}", west),
                feature("{\"县\":\"朝阳区\",\"乡\":\"乙街道\",\"pop\":250.4}", east),
                feature("{\"县\":\"海淀区\",\"乡\":\"丙街道\",\"pop\":7}", far));
        DistrictFileReader reader = new DistrictFileReader(
                DistrictFileReader.Options.of("bj", CoordinateSystem.WGS84).withParentNameField("县"));

        DistrictFileReader.Result result = readGeoJson(reader, json);

        assertThat(result.features().errorMessages()).isEmpty();
        assertThat(result.features().warnings()).isEmpty();
        assertThat(result.derivedParents()).extracting(District::name).containsExactly("朝阳区", "海淀区");
        District chaoyang = result.derivedParents().get(0);
        assertThat(chaoyang.level()).isEqualTo(AreaLevel.DISTRICT);
        assertThat(chaoyang.population()).isEqualTo(350L);
        assertThat(chaoyang.boundary().getArea()).isEqualTo(2.0);
        assertThat(chaoyang.boundary().getNumGeometries()).isEqualTo(1);
        assertThat(chaoyang.code()).isEqualTo(DistrictFileReader.generatedCode("朝阳区"));
        List<District> children = result.features().values();
        assertThat(children).extracting(District::level).containsOnly(AreaLevel.SUBDISTRICT);
        assertThat(children)
                .extracting(District::parentCode)
                .containsExactly(
                        chaoyang.code(),
                        chaoyang.code(),
                        result.derivedParents().get(1).code());
        assertThat(children.get(0).code()).isEqualTo(DistrictFileReader.generatedCode("朝阳区/甲街道"));
        assertThat(result.all()).extracting(District::name).containsExactly("朝阳区", "海淀区", "甲街道", "乙街道", "丙街道");
    }

    @Test
    void parentNameColumnMustExist() {
        String square = "{\"type\":\"Polygon\",\"coordinates\":[[[116,39],[116,40],[117,40],[117,39],[116,39]]]}";
        DistrictFileReader reader = new DistrictFileReader(
                DistrictFileReader.Options.of("bj", CoordinateSystem.WGS84).withParentNameField("区县"));

        DistrictFileReader.Result result = readGeoJson(reader, geojson(feature("{\"乡\":\"甲\"}", square)));

        assertThat(result.features().errors()).extracting(Problem::field).containsExactly("区县");
        assertThat(result.features().errorMessages().get(0)).contains("the parent name column '区县' is not in the file");
    }

    @Test
    void aFileWithoutNameOrLevelSaysWhatIsMissing() {
        String square = "{\"type\":\"Polygon\",\"coordinates\":[[[116,39],[116,40],[117,40],[117,39],[116,39]]]}";

        DistrictFileReader.Result result = readGeoJson(reader(), geojson(feature("{\"foo\":\"甲\"}", square)));

        assertThat(result.features().errors()).extracting(Problem::field).containsExactly("name", "level");
        assertThat(result.features().warningMessages())
                .singleElement()
                .asString()
                .startsWith("file, field 'foo': column 'foo' is not a known field and was ignored");
    }

    @Test
    void targetsFromAJsonObjectAndFromTargetColumns() {
        String square = "{\"type\":\"Polygon\",\"coordinates\":[[[116,39],[116,40],[117,40],[117,39],[116,39]]]}";
        String json = geojson(
                feature(
                        "{\"乡\":\"甲\",\"targets\":{\"min_stations\":3,\"coverage_15min\":0.9},"
                                + "\"target_max_walk_minutes\":\"15\"}",
                        square),
                feature("{\"乡\":\"乙\",\"targets\":{\"min_stations\":\"many\"}}", square),
                feature("{\"乡\":\"丙\",\"target_max_walk_minutes\":\"soon\"}", square));

        DistrictFileReader.Result result = readGeoJson(reader(), json);

        assertThat(result.features().values().get(0).targets())
                .containsExactly(
                        Map.entry("min_stations", 3.0),
                        Map.entry("coverage_15min", 0.9),
                        Map.entry("max_walk_minutes", 15.0));
        assertThat(result.features().errors())
                .extracting(Problem::row, Problem::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "targets"),
                        org.assertj.core.groups.Tuple.tuple(3, "target_max_walk_minutes"));
        assertThat(result.features().errors().get(0).reason())
                .isEqualTo("targets '{\"min_stations\":\"many\"}' must be a JSON object of numbers, e.g."
                        + " {\"min_stations\": 5} ('min_stations' is not a number)");
        assertThat(result.features().warnings()).isEmpty();
    }

    @Test
    void theRepositorysDemoCityReadsWithItsHierarchyAndTargets() {
        // The synthetic demo city is committed in the repository (written by dev.outpost.democity).
        java.nio.file.Path demo = java.nio.file.Paths.get(System.getProperty("outpost.root", "."))
                .resolve("geodata/demo-city/districts.geojson");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.Files.isRegularFile(demo), "no demo city at " + demo);

        DistrictFileReader.Result result = reader().read(demo);

        assertThat(result.features().errorMessages()).isEmpty();
        List<District> all = result.features().values();
        assertThat(all).hasSize(11);
        District hexi = all.get(0);
        assertThat(hexi.code()).isEqualTo("449901");
        assertThat(hexi.level()).isEqualTo(AreaLevel.DISTRICT);
        assertThat(hexi.parentCode()).isNull();
        assertThat(hexi.population()).isEqualTo(466560L);
        assertThat(hexi.targets()).containsEntry("min_stations", 21.0).containsEntry("coverage_15min", 0.9);
        District last = all.get(all.size() - 1);
        assertThat(last.name()).isEqualTo("崇文街道");
        assertThat(last.level()).isEqualTo(AreaLevel.SUBDISTRICT);
        assertThat(last.parentCode()).isEqualTo("449903");
    }

    @Test
    void csvIsNotABoundaryFile() {
        assertThat(reader().read("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "a.csv")
                        .features()
                        .errorMessages())
                .containsExactly("file: district boundaries must be GeoJSON or a zipped Shapefile; this file looks like"
                        + " csv");
    }
}
