package dev.outpost.dataio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.geo.CoordinateSystem;
import dev.outpost.geo.LatLon;
import dev.outpost.station.OpeningHours;
import dev.outpost.station.Station;
import dev.outpost.station.StationKind;
import dev.outpost.station.StationService;
import dev.outpost.station.StationStatus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StationWritersTest {
    private static final List<Station> STATIONS = List.of(
            new Station(
                    7L,
                    "beijing",
                    "S-001",
                    StationKind.WARM_BEE_STATION,
                    "中关村暖蜂驿站",
                    "海淀区中关村大街1号, 东门",
                    "海淀区总工会",
                    "110108",
                    EnumSet.of(StationService.DRINKING_WATER, StationService.PHONE_CHARGING, StationService.TOILET),
                    OpeningHours.parse("Mo-Fr 08:00-20:00; Sa,Su 10:00-18:00"),
                    12,
                    StationStatus.OPEN,
                    new LatLon(39.98331234567, 116.31051234567)),
            new Station(
                    null,
                    "beijing",
                    "=HYPERLINK(\"http://evil\")",
                    StationKind.OTHER,
                    "-5 号站 \"引号\"",
                    "@home",
                    "+86 operator",
                    null,
                    Set.of(),
                    null,
                    null,
                    StationStatus.PLANNED,
                    new LatLon(51.5, -0.1275)),
            new Station(
                    null,
                    "beijing",
                    "'=already quoted",
                    StationKind.PARTNER_SITE,
                    "多行\n名称",
                    "=1+1",
                    null,
                    null,
                    EnumSet.of(StationService.WIFI),
                    OpeningHours.parse("24/7"),
                    0,
                    StationStatus.CLOSED,
                    new LatLon(-33.8688, 151.2093)));

    /** The stations as read back: no database id, the rest identical. */
    private static List<Station> withoutIds(List<Station> stations) {
        return stations.stream()
                .map(s -> new Station(
                        null,
                        s.regionCode(),
                        s.externalId(),
                        s.kind(),
                        s.name(),
                        s.address(),
                        s.operator(),
                        s.districtCode(),
                        s.services(),
                        s.openingHours(),
                        s.capacitySeats(),
                        s.status(),
                        s.location()))
                .toList();
    }

    private static StationFileReader reader(CoordinateSystem crs) {
        return new StationFileReader(StationFileReader.Options.of("beijing", crs));
    }

    @Test
    void csvRoundTripIsExact() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new StationCsvWriter().write(STATIONS, out);

        ParsedFile<Station> back = reader(CoordinateSystem.WGS84).read(out.toByteArray(), "export.csv");

        assertThat(back.errorMessages()).isEmpty();
        assertThat(back.warningMessages()).isEmpty();
        assertThat(back.values()).isEqualTo(withoutIds(STATIONS));
    }

    @Test
    void csvHasBomChineseHeadersAndIsSafeFromFormulas() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new StationCsvWriter().write(STATIONS, out);
        byte[] bytes = out.toByteArray();

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertThat(lines[0]).isEqualTo("编号,类型,名称,地址,运营方,所属区,服务,开放时间,座位数,状态,经度,纬度");
        assertThat(lines[1])
                .isEqualTo("S-001,暖蜂驿站,中关村暖蜂驿站,\"海淀区中关村大街1号, 东门\",海淀区总工会,110108,"
                        + "饮用水、手机充电、卫生间,\"Mo-Fr 08:00-20:00; Sa,Su 10:00-18:00\",12,运营中,116.31051234567,"
                        + "39.98331234567");
        // Text cells starting with = + - @ get a quote; the negative longitude in a numeric column does not.
        assertThat(lines[2])
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\",其他,\"'-5 号站 \"\"引号\"\"\",'@home,"
                        + "'+86 operator,,,,,规划中,-0.1275,51.5");
        assertThat(lines[3]).startsWith("''=already quoted,合作站点,\"多行\n名称\",'=1+1,,,");
        assertThat(lines[3]).endsWith(",24/7,0,已关闭,151.2093,-33.8688");
    }

    @Test
    void leadingTabAndCarriageReturnAreProtectedAndSurviveTheRoundTrip() {
        assertThat(StationCsvWriter.text("\tx")).isEqualTo("'\tx");
        assertThat(StationCsvWriter.text("\rx")).isEqualTo("'\rx");
        assertThat(StationCsvWriter.text("x=1")).isEqualTo("x=1");
        assertThat(StationCsvWriter.text("'x")).isEqualTo("'x");
        Station s = new Station(
                null,
                "beijing",
                null,
                StationKind.OTHER,
                "\t制表符开头",
                "\r回车开头",
                null,
                null,
                Set.of(),
                null,
                null,
                StationStatus.OPEN,
                new LatLon(39.9, 116.4));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new StationCsvWriter().write(List.of(s), out);

        assertThat(reader(CoordinateSystem.WGS84)
                        .read(out.toByteArray(), "x.csv")
                        .values())
                .containsExactly(s);
    }

    @Test
    void csvInAnotherCoordinateSystemReadsBackWithThatSystemDeclared() {
        List<Station> inChina = List.of(STATIONS.get(0));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new StationCsvWriter(CoordinateSystem.GCJ02).write(inChina, out);

        ParsedFile<Station> back = reader(CoordinateSystem.GCJ02).read(out.toByteArray(), "amap.csv");

        LatLon original = inChina.get(0).location();
        LatLon read = back.values().get(0).location();
        assertThat(read.distanceMeters(original)).isLessThan(0.01);
        // ... while the written numbers are the shifted ones (hundreds of metres away).
        ParsedFile<Station> misread = reader(CoordinateSystem.WGS84).read(out.toByteArray(), "amap.csv");
        assertThat(misread.values().get(0).location().distanceMeters(original)).isGreaterThan(300);
    }

    @Test
    void geoJsonRoundTripIsExactAndChineseIsNotEscaped() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new StationGeoJsonWriter().write(STATIONS, out);
        String json = out.toString(StandardCharsets.UTF_8);

        assertThat(json).contains("\"name\":\"中关村暖蜂驿站\"").doesNotContain("\\u");
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.path("type").asText()).isEqualTo("FeatureCollection");
        JsonNode first = root.path("features").get(0);
        assertThat(first.path("id").asLong()).isEqualTo(7L);
        assertThat(first.path("properties").path("kind").asText()).isEqualTo("warm_bee_station");
        assertThat(first.path("properties").path("services").toString())
                .isEqualTo("[\"drinking_water\",\"phone_charging\",\"toilet\"]");
        assertThat(first.path("geometry").toString())
                .isEqualTo("{\"type\":\"Point\",\"coordinates\":[116.31051234567,39.98331234567]}");
        assertThat(root.path("features").get(1).has("id")).isFalse();

        ParsedFile<Station> back = reader(CoordinateSystem.WGS84).read(out.toByteArray(), "export.geojson");

        assertThat(back.errorMessages()).isEmpty();
        assertThat(back.warningMessages()).isEmpty();
        assertThat(back.values()).isEqualTo(withoutIds(STATIONS));
    }

    @Test
    void csvWrittenThenReadAsXlsxSheetAlsoRoundTrips() {
        // The same table typed into a workbook (as a user would paste it) reads back the same.
        List<List<?>> rows = new java.util.ArrayList<>();
        for (Station s : STATIONS) {
            rows.add(Arrays.asList(
                    s.externalId(),
                    s.kind().code(),
                    s.name(),
                    s.address(),
                    s.operator(),
                    s.districtCode(),
                    StationService.toCodes(s.services()),
                    s.openingHours() == null ? null : s.openingHours().source(),
                    s.capacitySeats(),
                    s.status().code(),
                    s.location().lon(),
                    s.location().lat()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxWriter.write(new XlsxWriter.Sheet("驿站", StationFields.CANONICAL, rows), out);

        ParsedFile<Station> back = reader(CoordinateSystem.WGS84).read(out.toByteArray(), "stations.xlsx");

        assertThat(back.errorMessages()).isEmpty();
        assertThat(back.values()).isEqualTo(withoutIds(STATIONS));
        assertThat(back.rows()).extracting(ParsedRow::row).containsExactly(2, 3, 4);
    }
}
