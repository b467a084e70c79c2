package dev.outpost.dataio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.common.Problem;
import dev.outpost.geo.CoordinateSystem;
import dev.outpost.geo.LatLon;
import dev.outpost.station.OpeningHours;
import dev.outpost.station.Station;
import dev.outpost.station.StationKind;
import dev.outpost.station.StationService;
import dev.outpost.station.StationStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StationFileReaderTest {
    private static final String HEADER_ZH = "编号,类型,名称,地址,运营方,所属区,服务,开放时间,座位数,状态,经度,纬度\n";

    private static final StationFileReader WGS84 =
            new StationFileReader(StationFileReader.Options.of("beijing", CoordinateSystem.WGS84));

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ParsedFile<Station> csv(String text) {
        return WGS84.read(utf8(text), "stations.csv");
    }

    private static List<String> errors(ParsedFile<?> file) {
        return file.errorMessages();
    }

    @Test
    void readsChineseHeadersAndEveryField() {
        ParsedFile<Station> file = csv(HEADER_ZH
                + "S1,暖蜂驿站,中关村驿站,海淀区中关村大街1号,海淀区总工会,110108,饮用水、手机充电,Mo-Su 08:00-20:00,12,运营中,116.3105,39.9833\n"
                + "S2,driver_home,\"司机之家, 北站\",,,,,,,planned,116.4,39.9\n");

        assertThat(errors(file)).isEmpty();
        assertThat(file.warnings()).isEmpty();
        assertThat(file.rows()).extracting(ParsedRow::row).containsExactly(2, 3);
        Station s1 = file.rows().get(0).value();
        assertThat(s1.regionCode()).isEqualTo("beijing");
        assertThat(s1.externalId()).isEqualTo("S1");
        assertThat(s1.kind()).isEqualTo(StationKind.WARM_BEE_STATION);
        assertThat(s1.name()).isEqualTo("中关村驿站");
        assertThat(s1.address()).isEqualTo("海淀区中关村大街1号");
        assertThat(s1.operator()).isEqualTo("海淀区总工会");
        assertThat(s1.districtCode()).isEqualTo("110108");
        assertThat(s1.services()).containsExactly(StationService.DRINKING_WATER, StationService.PHONE_CHARGING);
        assertThat(s1.openingHours()).isEqualTo(OpeningHours.parse("Mo-Su 08:00-20:00"));
        assertThat(s1.capacitySeats()).isEqualTo(12);
        assertThat(s1.status()).isEqualTo(StationStatus.OPEN);
        assertThat(s1.location()).isEqualTo(new LatLon(39.9833, 116.3105));
        Station s2 = file.rows().get(1).value();
        assertThat(s2.name()).isEqualTo("司机之家, 北站");
        assertThat(s2.address()).isNull();
        assertThat(s2.services()).isEmpty();
        assertThat(s2.openingHours()).isNull();
        assertThat(s2.capacitySeats()).isNull();
        assertThat(s2.status()).isEqualTo(StationStatus.PLANNED);
    }

    @Test
    void englishHeadersMatchIgnoringCaseAndBlanksAndUnknownColumnsAreWarnings() {
        ParsedFile<Station> file = csv(" Kind ,NAME,Lng,Latitude,remark,Opening Hours\n"
                + "party_service_center,Centre,116.4,39.9,note,24/7\n");

        assertThat(errors(file)).isEmpty();
        assertThat(file.values()).hasSize(1);
        assertThat(file.values().get(0).openingHours().isAlwaysOpen()).isTrue();
        assertThat(file.warningMessages())
                .singleElement()
                .asString()
                .startsWith("row 1, field 'remark': column 'remark' is not a known field and was ignored");
    }

    @Test
    void headersWithUnitsInBracketsAndOtherAliasesMatch() {
        ParsedFile<Station> file = csv("站点名称,站点类型,经度（GCJ02）,纬度(°),座位数（个）\n驿站,合作站点,116.4,39.9,8\n");

        assertThat(errors(file)).isEmpty();
        assertThat(file.values().get(0).capacitySeats()).isEqualTo(8);
        assertThat(file.values().get(0).kind()).isEqualTo(StationKind.PARTNER_SITE);
    }

    @Test
    void byteOrderMarkIsNotPartOfTheFirstHeader() {
        byte[] body = utf8("编号,类型,名称,经度,纬度\nA,其他,甲,116.4,39.9\n");
        byte[] bom = new byte[body.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bom, 3, body.length);

        ParsedFile<Station> file = WGS84.read(bom, "bom.csv");

        assertThat(errors(file)).isEmpty();
        assertThat(file.values().get(0).externalId()).isEqualTo("A");
    }

    @Test
    void gbkFileIsDetectedAndAnExplicitCharsetOverridesDetection() {
        byte[] gbk = "编号,类型,名称,地址,经度,纬度\nG1,暖蜂驿站,望京驿站,朝阳区望京街,116.47,39.99\n".getBytes(Charset.forName("GBK"));

        ParsedFile<Station> detected = WGS84.read(gbk, "gbk.csv");
        assertThat(errors(detected)).isEmpty();
        assertThat(detected.values().get(0).name()).isEqualTo("望京驿站");
        assertThat(detected.values().get(0).address()).isEqualTo("朝阳区望京街");

        ParsedFile<Station> forcedUtf8 = new StationFileReader(
                        StationFileReader.Options.of("bj", CoordinateSystem.WGS84)
                                .withCharset(StandardCharsets.UTF_8))
                .read(gbk, "gbk.csv");
        assertThat(forcedUtf8.hasErrors()).isTrue();
        assertThat(errors(forcedUtf8)).anyMatch(m -> m.contains("the file has no 'kind' column"));
    }

    @Test
    void unknownKindNamesRowFieldAndValue() {
        ParsedFile<Station> file = csv("类型,名称,经度,纬度\nxyz,甲,116.4,39.9\n其他,乙,116.4,39.9\n");

        assertThat(errors(file))
                .containsExactly("row 2, field 'kind': unknown station kind 'xyz'; expected one of "
                        + "warm_bee_station (暖蜂驿站), driver_home (司机之家), party_service_center (党群服务中心), partner_site"
                        + " (合作站点), other (其他)");
        assertThat(file.rows()).extracting(ParsedRow::row).containsExactly(3);
    }

    @Test
    void missingCoordinates() {
        ParsedFile<Station> file = csv("类型,名称,经度,纬度\n其他,甲,,39.9\n其他,乙,,\n");

        assertThat(errors(file))
                .containsExactly(
                        "row 2, field 'lon': missing coordinates: the longitude is empty",
                        "row 3, field 'lon': missing coordinates: the longitude and latitude are empty");
        assertThat(file.rows()).isEmpty();
    }

    @Test
    void latitudeOutsideNinetyInTheLatColumnLooksSwapped() {
        ParsedFile<Station> file = csv("类型,名称,经度,纬度\n其他,甲,39.9,116.4\n");

        assertThat(errors(file))
                .containsExactly("row 2, field 'lon': coordinates (lon 39.9, lat 116.4) look swapped: the latitude"
                        + " column holds a longitude; exchange the lon and lat values");
    }

    @Test
    void forChinaDeclaredSystemsAPointThatOnlyLandsInChinaWhenSwappedLooksSwapped() {
        // Urumqi is at lon 87.6, lat 43.8; given the other way round both values are legal degrees.
        String text = "类型,名称,经度,纬度\n其他,乌鲁木齐,43.8,87.6\n";

        ParsedFile<Station> gcj = new StationFileReader(StationFileReader.Options.of("x", CoordinateSystem.GCJ02))
                .read(utf8(text), "s.csv");
        assertThat(errors(gcj)).singleElement().asString().contains("look swapped");

        ParsedFile<Station> cgcs = new StationFileReader(StationFileReader.Options.of("x", CoordinateSystem.CGCS2000))
                .read(utf8(text), "s.csv");
        assertThat(errors(cgcs)).singleElement().asString().contains("look swapped");

        // WGS 84 is worldwide: lat 87.6 is a legal (Arctic) latitude, so nothing is said.
        assertThat(errors(csv(text))).isEmpty();
    }

    @Test
    void gcj02CoordinatesOutsideChinaAreRefused() {
        String paris = "类型,名称,经度,纬度\n其他,巴黎,2.35,48.85\n";

        ParsedFile<Station> file = new StationFileReader(StationFileReader.Options.of("x", CoordinateSystem.GCJ02))
                .read(utf8(paris), "s.csv");

        assertThat(errors(file))
                .containsExactly("row 2, field 'lon': coordinates (lon 2.35, lat 48.85) are outside China, but gcj02"
                        + " coordinates exist only in China; check the declared coordinate system");
        ParsedFile<Station> bd = new StationFileReader(StationFileReader.Options.of("x", CoordinateSystem.BD09))
                .read(utf8(paris), "s.csv");
        assertThat(errors(bd)).singleElement().asString().contains("outside China, but bd09");
        assertThat(errors(csv(paris))).isEmpty();
    }

    @Test
    void declaredGcj02IsConvertedToWgs84() {
        ParsedFile<Station> file = new StationFileReader(StationFileReader.Options.of("sh", CoordinateSystem.GCJ02))
                .read(utf8("类型,名称,经度,纬度\n其他,甲,121.531541859215,31.17530398364597\n"), "s.csv");

        LatLon wgs = file.values().get(0).location();
        // The published pair (eviltransform): WGS 84 (31.1774276, 121.5272106) is GCJ-02 (31.17530398, 121.53154186).
        assertThat(wgs.distanceMeters(new LatLon(31.1774276, 121.5272106))).isLessThan(0.5);
    }

    @Test
    void nonNumericNumbersNegativeAndFractionalCapacity() {
        ParsedFile<Station> file = csv("类型,名称,座位数,经度,纬度\n"
                + "其他,甲,many,116.4,39.9\n"
                + "其他,乙,-3,116.4,39.9\n"
                + "其他,丙,2.5,abc,39.9\n"
                + "其他,丁,１２,１１６．４,39.9°\n");

        assertThat(errors(file))
                .containsExactly(
                        "row 2, field 'capacity': capacity 'many' is not a number",
                        "row 3, field 'capacity': capacity -3 is negative; expected 0 or more seats",
                        "row 4, field 'capacity': capacity '2.5' is not a whole number of seats",
                        "row 4, field 'lon': longitude 'abc' is not a number");
        assertThat(file.rows()).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(5);
            assertThat(r.value().capacitySeats()).isEqualTo(12);
            assertThat(r.value().location()).isEqualTo(new LatLon(39.9, 116.4));
        });
    }

    @Test
    void unknownServicesAndMalformedOpeningHoursUseTheParsersMessages() {
        ParsedFile<Station> file = csv("类型,名称,服务,开放时间,经度,纬度\n其他,甲,饮用水、按摩,Mo-Fx 08:00-20:00,116.4,39.9\n");

        List<Problem> problems = file.errors();
        assertThat(problems).extracting(Problem::row).containsExactly(2, 2);
        assertThat(problems).extracting(Problem::field).containsExactly("services", "opening_hours");
        assertThat(problems.get(0).reason()).startsWith("unknown station service '按摩'; expected one of");
        String parserMessage = "";
        try {
            OpeningHours.parse("Mo-Fx 08:00-20:00");
        } catch (IllegalArgumentException e) {
            parserMessage = e.getMessage();
        }
        assertThat(parserMessage).isNotEmpty();
        assertThat(problems.get(1).reason()).isEqualTo(parserMessage);
    }

    @Test
    void everyProblemOfARowIsReportedNotOnlyTheFirst() {
        ParsedFile<Station> file = csv("编号,类型,名称,座位数,状态,经度,纬度\n" + "A,xyz,,-1,broken,abc,\n");

        assertThat(file.errors())
                .extracting(Problem::field)
                .containsExactly("kind", "name", "capacity", "status", "lat");
    }

    @Test
    void duplicateExternalIdsNameBothRows() {
        ParsedFile<Station> file =
                csv("编号,类型,名称,经度,纬度\n" + "S1,其他,甲,116.4,39.9\n" + "S2,其他,乙,116.4,39.9\n" + "S1,其他,丙,116.4,39.9\n");

        assertThat(errors(file))
                .containsExactly(
                        "row 2, field 'external_id': external id 'S1' appears more than once in the file: rows 2 and 4",
                        "row 4, field 'external_id': external id 'S1' appears more than once in the file: rows 2 and 4");
        assertThat(file.rows()).extracting(ParsedRow::row).containsExactly(3);
    }

    @Test
    void longListsOfDuplicateRowsAreShortened() {
        assertThat(StationFileReader.rowList("row", List.of(2, 3, 9))).isEqualTo("rows 2, 3 and 9");
        List<Integer> many = new ArrayList<>();
        for (int r = 2; r < 1002; r++) {
            many.add(r);
        }
        assertThat(StationFileReader.rowList("feature", many))
                .isEqualTo("features 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 990 more");
    }

    @Test
    void unterminatedQuoteNamesTheRowWhereItStarts() {
        ParsedFile<Station> file = csv("类型,名称,经度,纬度\n"
                + "其他,甲,116.4,39.9\n"
                + "其他,乙,116.5,39.9\n"
                + "其他,\"丙 116.6,39.9\n"
                + "其他,丁,116.7,39.9\n");

        assertThat(errors(file))
                .singleElement()
                .asString()
                .startsWith("row 4: a quoted value that starts in this row is never closed");
        assertThat(file.rows()).extracting(ParsedRow::row).containsExactly(2, 3);
    }

    @Test
    void rowWithFewerColumnsIsReportedAsCutShort() {
        ParsedFile<Station> file = csv("类型,名称,经度,纬度\n其他,甲,116.4,39.9\n其他,乙,116.5");

        assertThat(errors(file))
                .containsExactly(
                        "row 3: the row has 3 values but the header has 4 columns: it is cut short"
                                + " (truncated file or a missing delimiter)",
                        "row 3, field 'lat': missing coordinates: the" + " latitude is empty");
        assertThat(file.rows()).extracting(ParsedRow::row).containsExactly(2);
    }

    @Test
    void emptyFilesAndHeaderOnlyFiles() {
        assertThat(errors(csv(""))).containsExactly("file: the file is empty");
        assertThat(errors(WGS84.read(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n'}, "x.csv")))
                .containsExactly("file: the file is empty");
        assertThat(errors(csv("类型,名称,经度,纬度\n\n")))
                .containsExactly("file: no data rows: the file has a header row but nothing below it");
        assertThat(errors(WGS84.read(new byte[0], "x.xlsx"))).containsExactly("file: the file is empty");
        assertThat(errors(WGS84.read(utf8("{\"type\":\"FeatureCollection\",\"features\":[]}"), "x.geojson")))
                .containsExactly("file: no data rows: the FeatureCollection has no features");
    }

    @Test
    void fileOverTheLimitIsRefusedBeforeParsing(@TempDir Path dir) throws Exception {
        // Not even CSV: if it were parsed, the result would be a problem list, not an exception.
        byte[] junk = new byte[5000];
        StationFileReader small = new StationFileReader(
                StationFileReader.Options.of("x", CoordinateSystem.WGS84).withMaxBytes(4096));

        assertThatThrownBy(() -> small.read(junk, "big.csv"))
                .isInstanceOf(FileTooLargeException.class)
                .hasMessage("file 'big.csv' is larger than the limit of 4.0 KiB (4096 bytes); it was refused before"
                        + " reading");
        assertThatThrownBy(() -> small.read(new ByteArrayInputStream(junk), "big.csv"))
                .isInstanceOf(FileTooLargeException.class);
        Path file = dir.resolve("big.csv");
        Files.write(file, junk);
        assertThatThrownBy(() -> small.read(file)).isInstanceOf(FileTooLargeException.class);
        // Exactly at the limit is accepted (and then parsed).
        assertThat(small.read(new byte[4096], "ok.csv").errorMessages()).isNotEmpty();
    }

    @Test
    void problemsAreCappedAndTheRestCounted() {
        StringBuilder sb = new StringBuilder("类型,名称,经度,纬度\n");
        for (int i = 0; i < 250; i++) {
            sb.append("bad,甲,116.4,39.9\n");
        }
        ParsedFile<Station> file = csv(sb.toString());

        assertThat(file.errors()).hasSize(200);
        assertThat(file.omittedErrors()).isEqualTo(50);
        assertThat(file.errorCount()).isEqualTo(250);
        assertThat(file.errors().get(199).row()).isEqualTo(201);
        assertThat(file.errorMessages()).hasSize(201).last().isEqualTo("and 50 more errors");
        assertThat(file.toValidationException().problems()).hasSize(201);
        assertThat(file.rows()).isEmpty();
    }

    @Test
    void aTitleRowAboveTheHeaderIsSkippedWithAWarning() {
        ParsedFile<Station> file = csv("海淀区驿站名单（2026年）,,,\n\n类型,名称,经度,纬度\n其他,甲,116.4,39.9\n");

        assertThat(errors(file)).isEmpty();
        assertThat(file.rows()).extracting(ParsedRow::row).containsExactly(4);
        assertThat(file.warningMessages())
                .containsExactly("file: rows above row 3 were taken for a title and ignored; the header is row 3");
    }

    @Test
    void semicolonAndTabSeparatedFiles() {
        assertThat(csv("类型;名称;经度;纬度\n其他;甲;116.4;39.9\n").values()).hasSize(1);
        assertThat(csv("类型\t名称\t经度\t纬度\n其他\t甲\t116.4\t39.9\n").values()).hasSize(1);
    }

    @Test
    void districtNamesResolveToCodesWhenAMapIsGiven() {
        StationFileReader reader = new StationFileReader(StationFileReader.Options.of("bj", CoordinateSystem.WGS84)
                .withDistrictCodes(Map.of("海淀区", "110108", "110108", "110108", "朝阳区", "110105")));

        ParsedFile<Station> file = reader.read(
                utf8("类型,名称,所属区,经度,纬度\n其他,甲,海淀区,116.3,39.9\n其他,乙,朝阳,116.4,39.9\n其他,丙,火星区,116.4,39.9\n"), "s.csv");

        assertThat(file.values()).extracting(Station::districtCode).containsExactly("110108", "110105");
        assertThat(errors(file))
                .containsExactly("row 4, field 'district': unknown district '火星区'; expected one of 110108, 朝阳区, 海淀区");
    }

    @Test
    void explicitColumnChoiceWinsOverAliases() {
        StationFileReader reader = new StationFileReader(
                StationFileReader.Options.of("bj", CoordinateSystem.WGS84).withColumns(Map.of("name", "站点简称")));

        ParsedFile<Station> file = reader.read(utf8("类型,名称,站点简称,经度,纬度\n其他,全称很长的驿站,简称,116.3,39.9\n"), "s.csv");

        assertThat(file.values()).extracting(Station::name).containsExactly("简称");
        assertThat(file.warningMessages())
                .containsExactly("row 1, field 'name': column '名称' was ignored: field 'name' is taken from column"
                        + " '站点简称' as requested");
    }

    @Test
    void geoJsonFeaturesAreNumberedFromOneAndMustBePoints() {
        String json = "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"kind\":\"warm_bee_station\",\"name\":\"甲\","
                + "\"services\":[\"toilet\",\"饮用水\"],\"capacity\":6},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[116.4,39.9]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"kind\":\"other\",\"name\":\"乙\"},"
                + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[116.4,39.9],[116.5,39.9]]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"kind\":\"other\",\"name\":\"丙\",\"lon\":116.1,\"lat\":39.8},"
                + "\"geometry\":null}]}";

        ParsedFile<Station> file = WGS84.read(utf8(json), "stations.geojson");

        assertThat(errors(file))
                .containsExactly("feature 2, field 'geometry': a station must be a Point, not LineString");
        assertThat(file.rows()).extracting(ParsedRow::row).containsExactly(1, 3);
        Station first = file.values().get(0);
        assertThat(first.services()).isEqualTo(EnumSet.of(StationService.TOILET, StationService.DRINKING_WATER));
        assertThat(first.capacitySeats()).isEqualTo(6);
        assertThat(file.values().get(1).location()).isEqualTo(new LatLon(39.8, 116.1));
    }

    @Test
    void truncatedGeoJsonSaysSo() {
        String json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"kind\"";

        assertThat(errors(WGS84.read(utf8(json), "s.geojson")))
                .singleElement()
                .asString()
                .startsWith("file: the JSON ends unexpectedly at line 1")
                .endsWith("the file is truncated");
    }

    @Test
    void xlsxWithTitleRowNumericCellsAndDisplayFormats() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("驿站");
        ws.value(0, 0, "海淀区驿站名单");
        String[] header = {"编号", "类型", "名称", "座位数", "经度", "纬度"};
        for (int c = 0; c < header.length; c++) {
            ws.value(1, c, header[c]);
        }
        ws.value(2, 0, 1001);
        ws.value(2, 1, "暖蜂驿站");
        ws.value(2, 2, "=SUM(A1)");
        ws.value(2, 3, 20);
        ws.value(2, 4, 116.397128);
        ws.style(2, 4).format("0.00").set();
        ws.value(2, 5, 39.916527);
        // row 4 (index 3) left empty on purpose
        ws.value(4, 1, "火箭");
        ws.value(4, 2, "乙");
        ws.value(4, 4, 116.4);
        ws.value(4, 5, 39.9);
        wb.finish();

        ParsedFile<Station> file = WGS84.read(out.toByteArray(), "stations.xlsx");

        assertThat(errors(file))
                .singleElement()
                .asString()
                .startsWith("row 5, field 'kind': unknown station kind '火箭'");
        assertThat(file.warningMessages())
                .containsExactly("file: rows above row 2 were taken for a title and ignored; the header is row 2");
        ParsedRow<Station> row = file.rows().get(0);
        assertThat(row.row()).isEqualTo(3);
        assertThat(row.value().externalId()).isEqualTo("1001");
        assertThat(row.value().name()).isEqualTo("=SUM(A1)");
        assertThat(row.value().capacitySeats()).isEqualTo(20);
        assertThat(row.value().location()).isEqualTo(new LatLon(39.916527, 116.397128));
    }

    @Test
    void xlsxZipBombGuardStaysOn() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("s");
        ws.value(0, 0, "类型");
        ws.value(0, 1, "名称");
        // 3 MB of one repeated character deflates about a thousand times: far beyond POI's 1 % inflate ratio.
        ws.value(1, 0, "其他");
        ws.value(1, 1, "a".repeat(3_000_000));
        wb.finish();
        byte[] xlsx = out.toByteArray();
        assertThat(xlsx.length).isLessThan(100_000);

        ParsedFile<Station> file = WGS84.read(xlsx, "bomb.xlsx");

        assertThat(errors(file))
                .containsExactly("file: the spreadsheet was refused: a part of it expands far more than real"
                        + " spreadsheets do (zip-bomb guard)");
    }

    @Test
    void formatIsDetectedFromContentWhenTheNameSaysNothing() {
        byte[] json = utf8("{\"type\":\"Feature\",\"properties\":{\"kind\":\"other\",\"name\":\"甲\"},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[116.4,39.9]}}");
        assertThat(FileFormat.detect("upload", json)).isEqualTo(FileFormat.GEOJSON);
        assertThat(FileFormat.detect(null, utf8("a,b\n"))).isEqualTo(FileFormat.CSV);
        assertThat(FileFormat.detect("x.geojson", json)).isEqualTo(FileFormat.GEOJSON);
        assertThat(WGS84.read(json, null).values()).hasSize(1);
    }

    @Test
    void stationsWithErrorsAreLeftOutAndTheRestKeptInFileOrder() {
        List<String> lines = new ArrayList<>();
        lines.add("编号,类型,名称,经度,纬度");
        for (int i = 1; i <= 6; i++) {
            lines.add("S" + i + "," + (i % 3 == 0 ? "bad" : "其他") + ",站" + i + ",116.4,39.9");
        }
        ParsedFile<Station> file = csv(String.join("\n", lines));

        assertThat(file.values().stream().map(Station::externalId).collect(Collectors.toList()))
                .containsExactly("S1", "S2", "S4", "S5");
        assertThat(file.errors()).extracting(Problem::row).containsExactly(4, 7);
    }
}
