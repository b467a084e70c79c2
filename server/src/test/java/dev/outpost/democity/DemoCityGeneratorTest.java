package dev.outpost.democity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.democity.DemoCityFiles.Area;
import dev.outpost.democity.DemoCityFiles.Csv;
import dev.outpost.democity.DemoCityFiles.Osm;
import dev.outpost.democity.DemoCityFiles.OsmWay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.RobustLineIntersector;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

class DemoCityGeneratorTest {
    /** The opening-hours forms documented in geodata/README.md and the generated README. */
    private static final List<String> DOCUMENTED_HOURS = List.of(
            "24/7",
            "Mo-Su 07:00-22:00",
            "Mo-Su 08:00-20:00",
            "Mo-Sa 09:00-21:00",
            "Mo-Fr 08:00-20:00",
            "Mo-Fr 09:00-18:00; PH off",
            "Mo-Fr 08:30-12:00,14:00-17:30; PH off",
            "Mo-Su 18:00-02:00");

    private static final Set<String> SERVICES = Set.of(
            "drinking_water",
            "food_heating",
            "phone_charging",
            "ebike_charging",
            "battery_swap",
            "toilet",
            "rest_seats",
            "shower",
            "truck_parking",
            "first_aid",
            "wifi",
            "books",
            "legal_aid",
            "discount_meals");

    private static final Set<String> CAR_HIGHWAYS =
            Set.of("motorway", "motorway_link", "primary", "secondary", "tertiary", "residential", "service");

    private static final GeometryFactory F = DemoCityFiles.factory();

    @TempDir
    static Path tmp;

    private static Path small;
    private static Osm osm;
    private static Polygon water;
    private static List<Area> areas;

    @BeforeAll
    static void generateSmallCity() throws IOException {
        small = tmp.resolve("small");
        DemoCityGenerator.generate(DemoCitySize.SMALL, DemoCityGenerator.DEFAULT_SEED, small);
        osm = DemoCityFiles.readOsm(small.resolve("roads.osm"));
        water = F.createPolygon(osm.coordinates(osm.only("natural", "water")));
        areas = DemoCityFiles.readAreas(small.resolve("districts.geojson"));
    }

    // ---- reproducibility ----

    @Test
    void sameSizeAndSeedGiveByteIdenticalFiles() throws IOException {
        Path again = tmp.resolve("again");
        DemoCityGenerator.generate(DemoCitySize.SMALL, DemoCityGenerator.DEFAULT_SEED, again);
        assertThat(fileNames(again)).containsExactlyElementsOf(DemoCityWriter.FILES);
        for (String name : DemoCityWriter.FILES) {
            assertSameBytes(small.resolve(name), again.resolve(name), name);
        }
    }

    @Test
    void anotherSeedGivesAnotherCity() throws IOException {
        Path other = tmp.resolve("other-seed");
        DemoCityGenerator.generate(DemoCitySize.SMALL, DemoCityGenerator.DEFAULT_SEED + 1, other);
        for (String name : List.of("roads.osm", "stations.csv", "candidates.csv", "demand.csv", "districts.geojson")) {
            assertThat(Files.readAllBytes(other.resolve(name)))
                    .as(name)
                    .isNotEqualTo(Files.readAllBytes(small.resolve(name)));
        }
    }

    @Test
    void committedDemoCityEqualsAFreshGeneration() throws IOException {
        Path committed = repositoryRoot().resolve("geodata/demo-city");
        assertThat(fileNames(committed)).containsExactlyElementsOf(DemoCityWriter.FILES);
        for (String name : DemoCityWriter.FILES) {
            assertSameBytes(
                    small.resolve(name),
                    committed.resolve(name),
                    "geodata/demo-city/" + name + " differs from the generator's output; regenerate it with"
                            + " DemoCityGenerator --size small --out geodata/demo-city");
        }
    }

    @Test
    void badCommandLinesAreRejectedWithTheirValue() {
        assertThatThrownBy(() -> DemoCityGenerator.main(new String[] {"--size", "huge"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'huge'")
                .hasMessageContaining("small, shenzhen");
        assertThatThrownBy(() -> DemoCityGenerator.main(new String[] {"--seed", "x1"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x1'");
        assertThatThrownBy(() -> DemoCityGenerator.main(new String[] {"--colour", "red"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'--colour'");
    }

    // ---- roads.osm ----

    @Test
    void osmFileIsWellFormedAndLabelledSynthetic() throws IOException {
        assertThat(osm.problems).isEmpty();
        assertThat(osm.comment).contains("SYNTHETIC");
        assertThat(Files.readString(small.resolve("roads.osm")))
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm ");
        Set<Long> referenced = new HashSet<>();
        for (OsmWay w : osm.ways) {
            assertThat(w.refs()).as("way " + w.id()).hasSizeGreaterThanOrEqualTo(2);
            for (long ref : w.refs()) {
                assertTrue(osm.nodes.containsKey(ref), "way " + w.id() + " refers to missing node " + ref);
                referenced.add(ref);
            }
        }
        assertThat(referenced).hasSameSizeAs(osm.nodes.keySet());
        assertThat(osm.nodes.size()).isBetween(2_000, 8_000);
        for (OsmWay w : osm.ways) {
            String highway = w.tags().getOrDefault("highway", "");
            if (Set.of("primary", "secondary", "tertiary", "residential", "motorway")
                    .contains(highway)) {
                assertThat(w.tags().get("name")).as("name of way " + w.id()).matches(".*\\p{IsHan}.*");
                assertThat(w.tags().get("name:en"))
                        .as("name:en of way " + w.id())
                        .matches("[A-Za-z0-9' ]+");
            }
        }
    }

    @Test
    void networkHasTheExpectedRoadKindsAndRestrictions() {
        Map<String, Long> byHighway = osm.ways.stream()
                .filter(OsmWay::highway)
                .collect(Collectors.groupingBy(w -> w.tags().get("highway"), TreeMap::new, Collectors.counting()));
        assertThat(byHighway)
                .containsKeys(
                        "motorway",
                        "motorway_link",
                        "primary",
                        "secondary",
                        "tertiary",
                        "residential",
                        "service",
                        "cycleway");
        assertThat(osm.ways.stream().filter(w -> w.is("hgv", "no")).count()).isGreaterThan(5);
        assertThat(osm.ways.stream().filter(w -> w.is("maxweight", "10")).count())
                .isGreaterThan(1);
        assertThat(osm.ways.stream().filter(w -> w.is("maxweight", "10") && w.is("bridge", "yes")))
                .hasSize(1);
        assertThat(osm.ways.stream()
                        .filter(w -> w.is("highway", "cycleway") && w.tags().containsKey("name"))
                        .map(w -> w.tags().get("name"))
                        .distinct())
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(osm.ways.stream().filter(w -> w.is("landuse", "industrial"))).hasSize(1);
        for (OsmWay w : osm.ways) {
            if (w.is("highway", "motorway") || w.is("highway", "motorway_link")) {
                assertThat(w.tags()).as("way " + w.id()).containsEntry("oneway", "yes");
                assertThat(w.tags()).containsEntry("bicycle", "no").containsEntry("foot", "no");
            }
            if (w.is("highway", "primary") || w.is("highway", "motorway")) {
                assertThat(w.tags()).as("way " + w.id()).containsKey("maxspeed");
            }
        }
    }

    @Test
    void riverIsCrossedOnlyByBridges() {
        PreparedGeometry river = PreparedGeometryFactory.prepare(water);
        Set<Long> crossing = new TreeSet<>();
        for (OsmWay w : osm.ways) {
            if (!w.highway()) {
                continue;
            }
            Coordinate[] cs = osm.coordinates(w);
            for (int k = 1; k < cs.length; k++) {
                if (river.intersects(F.createLineString(new Coordinate[] {cs[k - 1], cs[k]}))) {
                    assertThat(w.tags())
                            .as("way " + w.id() + " crosses the river")
                            .containsEntry("bridge", "yes");
                    crossing.add(w.id());
                }
            }
        }
        // four road bridges and the two carriageways of the expressway
        assertThat(crossing).hasSize(6);
    }

    @Test
    void bridgesAreTheOnlyLinksBetweenTheBanks() {
        LineString centre = F.createLineString(osm.coordinates(osm.only("waterway", "river")));
        UnionFind components = new UnionFind();
        for (OsmWay w : osm.ways) {
            if (w.highway() && !w.is("bridge", "yes")) {
                for (int k = 1; k < w.refs().size(); k++) {
                    components.union(w.refs().get(k - 1), w.refs().get(k));
                }
            }
        }
        Map<Long, Boolean> westOfRiver = new HashMap<>();
        int west = 0;
        int east = 0;
        for (long id : highwayNodes()) {
            boolean isWest = westOf(centre, osm.nodes.get(id).coordinate());
            Boolean other = westOfRiver.putIfAbsent(components.find(id), isWest);
            assertTrue(other == null || other == isWest, "node " + id + " joins both banks without a bridge");
            if (isWest) {
                west++;
            } else {
                east++;
            }
        }
        assertThat(west).isGreaterThan(500);
        assertThat(east).isGreaterThan(500);
    }

    @Test
    void highwaysMeetOnlyAtSharedNodesUnlessOneIsABridge() {
        record Segment(OsmWay way, long a, long b, Coordinate p, Coordinate q) {}
        List<Segment> segments = new ArrayList<>();
        STRtree index = new STRtree();
        for (OsmWay w : osm.ways) {
            if (!w.highway()) {
                continue;
            }
            for (int k = 1; k < w.refs().size(); k++) {
                long a = w.refs().get(k - 1);
                long b = w.refs().get(k);
                Segment s = new Segment(
                        w, a, b, osm.nodes.get(a).coordinate(), osm.nodes.get(b).coordinate());
                segments.add(s);
                index.insert(new Envelope(s.p(), s.q()), s);
            }
        }
        RobustLineIntersector li = new RobustLineIntersector();
        List<String> crossings = new ArrayList<>();
        for (Segment s : segments) {
            for (Object o : index.query(new Envelope(s.p(), s.q()))) {
                Segment t = (Segment) o;
                if (t == s
                        || t.way().id() < s.way().id()
                        || s.a() == t.a()
                        || s.a() == t.b()
                        || s.b() == t.a()
                        || s.b() == t.b()) {
                    continue;
                }
                li.computeIntersection(s.p(), s.q(), t.p(), t.q());
                if (li.hasIntersection()
                        && !s.way().is("bridge", "yes")
                        && !t.way().is("bridge", "yes")) {
                    crossings.add("way " + s.way().id() + " x way " + t.way().id() + " at " + li.getIntersection(0));
                }
            }
        }
        assertThat(crossings).isEmpty();
    }

    @Test
    void expresswayIsCrossedOnlyAtItsEndsOverpassesAndInterchanges() {
        Set<Long> motorwayNodes = new HashSet<>();
        List<LineString> motorway = new ArrayList<>();
        for (OsmWay w : osm.ways) {
            if (w.is("highway", "motorway")) {
                motorwayNodes.addAll(w.refs());
                motorway.add(F.createLineString(osm.coordinates(w)));
            }
        }
        Geometry carriageways = F.buildGeometry(motorway);
        Set<Long> atGrade = new TreeSet<>();
        Set<Long> overpasses = new TreeSet<>();
        long ramps = 0;
        for (OsmWay w : osm.ways) {
            if (!w.highway() || w.is("highway", "motorway")) {
                continue;
            }
            if (w.is("highway", "motorway_link")) {
                ramps++;
                continue;
            }
            for (long ref : w.refs()) {
                if (motorwayNodes.contains(ref)) {
                    atGrade.add(ref);
                }
            }
            if (F.createLineString(osm.coordinates(w)).intersects(carriageways)
                    && w.refs().stream().noneMatch(motorwayNodes::contains)) {
                assertThat(w.tags())
                        .as("way " + w.id() + " crosses the expressway")
                        .containsEntry("bridge", "yes");
                overpasses.add(w.id());
            }
        }
        assertThat(atGrade).as("at-grade junctions: the two ends").hasSize(2);
        assertThat(overpasses).as("two overpasses and two interchanges").hasSize(4);
        assertThat(ramps).as("two diamond interchanges").isEqualTo(8);
    }

    @Test
    void allHighwaysAreConnectedAndCarsCanGetEverywhere() {
        UnionFind all = new UnionFind();
        for (OsmWay w : osm.ways) {
            if (w.highway()) {
                for (int k = 1; k < w.refs().size(); k++) {
                    all.union(w.refs().get(k - 1), w.refs().get(k));
                }
            }
        }
        Set<Long> roots = highwayNodes().stream().map(all::find).collect(Collectors.toSet());
        assertThat(roots).hasSize(1);

        Map<Long, List<Long>> forward = new HashMap<>();
        Map<Long, List<Long>> backward = new HashMap<>();
        for (OsmWay w : osm.ways) {
            if (!CAR_HIGHWAYS.contains(w.tags().getOrDefault("highway", ""))) {
                continue;
            }
            boolean oneway = w.is("oneway", "yes");
            for (int k = 1; k < w.refs().size(); k++) {
                long a = w.refs().get(k - 1);
                long b = w.refs().get(k);
                arc(forward, backward, a, b);
                if (!oneway) {
                    arc(forward, backward, b, a);
                }
            }
        }
        long start = forward.keySet().stream().min(Long::compare).orElseThrow();
        assertThat(reach(forward, start)).as("reachable from node " + start).isEqualTo(forward.keySet());
        assertThat(reach(backward, start)).as("can reach node " + start).isEqualTo(forward.keySet());
    }

    @Test
    void oneWayStreetsIncludeCouplets() {
        int eastbound = 0;
        int westbound = 0;
        int northbound = 0;
        int southbound = 0;
        for (OsmWay w : osm.ways) {
            if (!w.is("oneway", "yes") || w.tags().get("highway").startsWith("motorway")) {
                continue;
            }
            Coordinate[] cs = osm.coordinates(w);
            double dx = cs[cs.length - 1].x - cs[0].x;
            double dy = cs[cs.length - 1].y - cs[0].y;
            if (Math.abs(dx) > Math.abs(dy)) {
                eastbound += dx > 0 ? 1 : 0;
                westbound += dx < 0 ? 1 : 0;
            } else {
                northbound += dy > 0 ? 1 : 0;
                southbound += dy < 0 ? 1 : 0;
            }
        }
        assertThat(List.of(eastbound, westbound, northbound, southbound)).allMatch(n -> n > 0);
    }

    // ---- districts.geojson ----

    @Test
    void subdistrictsTileTheirDistrictsAndDistrictsTileTheCity() {
        List<Area> districts =
                areas.stream().filter(a -> a.level().equals("district")).toList();
        assertThat(districts).hasSize(3);
        double districtSum = 0;
        for (Area d : districts) {
            List<Area> subs = areas.stream()
                    .filter(a ->
                            d.code().equals(a.properties().get("parent_code").asText()))
                    .toList();
            assertThat(subs).as(d.code()).hasSizeGreaterThanOrEqualTo(2);
            double area = d.geometry().getArea();
            double sum = subs.stream().mapToDouble(s -> s.geometry().getArea()).sum();
            assertThat(Math.abs(sum - area) / area).as("area of " + d.code()).isLessThan(0.001);
            for (int i = 0; i < subs.size(); i++) {
                for (int j = i + 1; j < subs.size(); j++) {
                    double overlap = subs.get(i)
                            .geometry()
                            .intersection(subs.get(j).geometry())
                            .getArea();
                    assertThat(overlap / area)
                            .as(subs.get(i).code() + " overlaps " + subs.get(j).code())
                            .isLessThan(1e-6);
                }
            }
            Geometry union =
                    F.buildGeometry(subs.stream().map(Area::geometry).toList()).union();
            assertThat(union.symDifference(d.geometry()).getArea() / area).isLessThan(0.001);
            districtSum += area;
        }
        double[] b = osm.bounds;
        double cityArea = (b[2] - b[0]) * (b[3] - b[1]);
        assertThat(Math.abs(districtSum - cityArea) / cityArea).isLessThan(0.001);
    }

    @Test
    void areaPropertiesAreConsistent() throws IOException {
        JsonNode collection = DemoCityFiles.readJson(small.resolve("districts.geojson"));
        assertThat(collection.get("synthetic").asBoolean()).isTrue();
        assertThat(areas.stream().filter(a -> a.level().equals("subdistrict"))).hasSize(8);
        Map<String, Long> subPopulation = new TreeMap<>();
        Map<String, Integer> subMinStations = new TreeMap<>();
        for (Area a : areas) {
            JsonNode p = a.properties();
            assertThat(p.get("synthetic").asBoolean()).isTrue();
            assertThat(p.get("source").asText()).contains("SYNTHETIC");
            assertThat(p.get("name").asText()).endsWith(a.level().equals("district") ? "区" : "街道");
            assertThat(p.get("population").asLong()).isPositive();
            assertThat(p.get("targets").get("min_stations").asInt()).isPositive();
            assertThat(p.get("targets").get("coverage_15min").asDouble()).isEqualTo(0.9);
            if (a.level().equals("district")) {
                assertThat(a.code()).matches("4499\\d\\d");
                assertThat(p.get("parent_code").isNull()).isTrue();
            } else {
                assertThat(a.level()).isEqualTo("subdistrict");
                String parent = p.get("parent_code").asText();
                assertThat(a.code()).matches("\\d{9}").startsWith(parent);
                subPopulation.merge(parent, p.get("population").asLong(), Long::sum);
                subMinStations.merge(
                        parent, p.get("targets").get("min_stations").asInt(), Integer::sum);
            }
        }
        for (Area d : areas.stream().filter(a -> a.level().equals("district")).toList()) {
            assertThat(subPopulation.get(d.code()))
                    .isEqualTo(d.properties().get("population").asLong());
            assertThat(subMinStations.get(d.code()))
                    .isEqualTo(d.properties().get("targets").get("min_stations").asInt());
        }
        // dense centre, sparse outskirts: the subdistrict densities differ by more than a factor of 3
        double[] densities = areas.stream()
                .filter(a -> a.level().equals("subdistrict"))
                .mapToDouble(a -> a.properties().get("population").asDouble()
                        / a.geometry().getArea())
                .sorted()
                .toArray();
        assertThat(densities[densities.length - 1] / densities[0]).isGreaterThan(3);
    }

    // ---- stations.csv ----

    @Test
    void everyStationLiesInExactlyOneDistrictMatchingItsCode() throws IOException {
        Csv stations = DemoCityFiles.readCsv(small.resolve("stations.csv"));
        List<Area> districts =
                areas.stream().filter(a -> a.level().equals("district")).toList();
        for (CSVRecord r : stations.records()) {
            Point p = point(r.get("经度"), r.get("纬度"));
            List<String> containing = districts.stream()
                    .filter(d -> d.geometry().contains(p))
                    .map(Area::code)
                    .toList();
            assertThat(containing).as(r.get("编号")).containsExactly(r.get("所属区"));
            assertThat(water.contains(p)).as(r.get("编号") + " in the river").isFalse();
            assertThat(r.get("地址")).startsWith("示范市").endsWith("号");
        }
    }

    @Test
    void stationColumnsHoldDocumentedValues() throws IOException {
        Csv stations = DemoCityFiles.readCsv(small.resolve("stations.csv"));
        assertThat(stations.bom()).isTrue();
        assertThat(stations.header())
                .containsExactly("编号", "类型", "名称", "地址", "运营方", "所属区", "服务", "开放时间", "座位数", "状态", "经度", "纬度");
        assertThat(stations.records()).hasSizeBetween(35, 45);
        Map<String, Long> kinds = stations.records().stream()
                .collect(Collectors.groupingBy(r -> r.get("类型"), TreeMap::new, Collectors.counting()));
        assertThat(kinds.keySet())
                .containsExactlyInAnyOrder(
                        "warm_bee_station", "driver_home", "party_service_center", "partner_site", "other");
        assertThat(kinds.get("party_service_center")).isEqualTo(8L);
        Set<String> ids = new HashSet<>();
        Set<String> statuses = new TreeSet<>();
        for (CSVRecord r : stations.records()) {
            assertThat(ids.add(r.get("编号"))).as("duplicate id " + r.get("编号")).isTrue();
            assertThat(r.get("开放时间")).as(r.get("编号")).isIn(DOCUMENTED_HOURS);
            List<String> services = Arrays.asList(r.get("服务").split(";"));
            assertThat(services)
                    .as(r.get("编号"))
                    .isNotEmpty()
                    .allMatch(SERVICES::contains)
                    .doesNotHaveDuplicates();
            if (r.get("类型").equals("driver_home")) {
                assertThat(services).contains("shower", "truck_parking");
            }
            assertThat(Integer.parseInt(r.get("座位数"))).isPositive();
            assertThat(r.get("经度")).matches("\\d+\\.\\d{6}");
            assertThat(r.get("纬度")).matches("\\d+\\.\\d{6}");
            assertThat(r.get("名称")).matches(".*\\p{IsHan}.*");
            statuses.add(r.get("状态"));
        }
        assertThat(statuses).containsExactly("closed", "open", "planned");
        long open = stations.records().stream()
                .filter(r -> r.get("状态").equals("open"))
                .count();
        assertThat(open).isGreaterThan(stations.records().size() * 3L / 4);
    }

    @Test
    void stationsAreSparseBeyondTheRiverAndInTheOutskirts() throws IOException {
        LineString centre = F.createLineString(osm.coordinates(osm.only("waterway", "river")));
        Csv stations = DemoCityFiles.readCsv(small.resolve("stations.csv"));
        int west = 0;
        int east = 0;
        for (CSVRecord r : stations.records()) {
            if (r.get("类型").equals("warm_bee_station")) {
                if (westOf(centre, point(r.get("经度"), r.get("纬度")).getCoordinate())) {
                    west++;
                } else {
                    east++;
                }
            }
        }
        // the west bank is a little larger than the east; its warm-bee stations far outnumber the east's
        assertThat(west).isGreaterThan(3 * east);
        // the north-east quarter of the city (quiet outskirts beyond the river) has at most one warm-bee station
        double[] b = osm.bounds;
        long northEast = stations.records().stream()
                .filter(r -> r.get("类型").equals("warm_bee_station"))
                .filter(r -> Double.parseDouble(r.get("经度")) > b[0] + 0.75 * (b[2] - b[0])
                        && Double.parseDouble(r.get("纬度")) > b[1] + 0.7 * (b[3] - b[1]))
                .count();
        assertThat(northEast).isLessThanOrEqualTo(1);
    }

    // ---- candidates.csv and demand.csv ----

    @Test
    void candidatesAreManyMoreThanStationsAndLieInTheirDistrict() throws IOException {
        Csv candidates = DemoCityFiles.readCsv(small.resolve("candidates.csv"));
        assertThat(candidates.bom()).isTrue();
        assertThat(candidates.header()).containsExactly("编号", "类型", "名称", "所属区", "成本", "经度", "纬度");
        assertThat(candidates.records()).hasSize(200);
        assertThat(candidates.records().stream().map(r -> r.get("类型")).distinct())
                .containsExactlyInAnyOrder("gas_station", "convenience_store", "community_centre", "caring_merchant");
        List<Area> districts =
                areas.stream().filter(a -> a.level().equals("district")).toList();
        for (CSVRecord r : candidates.records()) {
            Point p = point(r.get("经度"), r.get("纬度"));
            assertThat(districts.stream().filter(d -> d.geometry().contains(p)).map(Area::code))
                    .as(r.get("编号"))
                    .containsExactly(r.get("所属区"));
            assertThat(r.get("成本")).matches("\\d+\\.\\d");
            assertThat(Double.parseDouble(r.get("成本"))).isBetween(1.0, 30.0);
        }
    }

    @Test
    void demandPointsLieOnLandInTheCityForEveryGroup() throws IOException {
        Csv demand = DemoCityFiles.readCsv(small.resolve("demand.csv"));
        assertThat(demand.bom()).isFalse();
        assertThat(demand.header()).containsExactly("group", "lon", "lat", "weight");
        assertThat(demand.records()).hasSize(3_000);
        Map<String, Long> groups = demand.records().stream()
                .collect(Collectors.groupingBy(r -> r.get("group"), TreeMap::new, Collectors.counting()));
        assertThat(groups).containsOnlyKeys("rider", "ride_hailing", "truck");
        assertThat(groups.get("rider")).isGreaterThan(groups.get("ride_hailing"));
        assertThat(groups.get("ride_hailing")).isGreaterThan(groups.get("truck"));
        PreparedGeometry river = PreparedGeometryFactory.prepare(water);
        double[] b = osm.bounds;
        Polygon park = F.createPolygon(osm.coordinates(osm.only("landuse", "industrial")));
        int trucksNearPark = 0;
        for (CSVRecord r : demand.records()) {
            Point p = point(r.get("lon"), r.get("lat"));
            assertThat(river.contains(p)).isFalse();
            assertThat(p.getX()).isBetween(b[0], b[2]);
            assertThat(p.getY()).isBetween(b[1], b[3]);
            assertThat(Double.parseDouble(r.get("weight"))).isPositive();
            if (r.get("group").equals("truck") && park.distance(p) < 0.005) {
                trucksNearPark++;
            }
        }
        assertThat(trucksNearPark).isGreaterThan(groups.get("truck").intValue() / 3);
    }

    @Test
    void readmeSaysSyntheticAndDocumentsEveryOpeningHoursForm() throws IOException {
        String readme = Files.readString(small.resolve("README.md"));
        assertThat(readme).contains("SYNTHETIC", "合成数据", "seed", Long.toString(DemoCityGenerator.DEFAULT_SEED));
        for (String hours : DOCUMENTED_HOURS) {
            assertThat(readme).contains("`" + hours + "`");
        }
        Path repoReadme = repositoryRoot().resolve("geodata/README.md");
        String text = Files.readString(repoReadme);
        assertThat(text).contains("SYNTHETIC", "./outpost democity", DemoCity.GENERATOR);
        for (String hours : DOCUMENTED_HOURS) {
            assertThat(text).contains("`" + hours + "`");
        }
    }

    // ---- the benchmark size ----

    @Test
    void shenzhenSizeHasBenchmarkScale() throws IOException {
        Path dir = tmp.resolve("shenzhen");
        DemoCityGenerator.Summary s = DemoCityGenerator.generate(DemoCitySize.SHENZHEN, 7, dir);
        assertThat(s.districts()).isEqualTo(10);
        assertThat(s.subdistricts()).isEqualTo(60);
        assertThat(s.osmNodes()).isBetween(50_000, 150_000);
        assertThat(s.stations()).isEqualTo(750);
        assertThat(s.candidates()).isGreaterThanOrEqualTo(10_000);
        assertThat(s.demandPoints()).isEqualTo(100_000);
        Csv stations = DemoCityFiles.readCsv(dir.resolve("stations.csv"));
        assertEquals(
                47,
                stations.records().stream()
                        .filter(r -> r.get("类型").equals("driver_home"))
                        .count());
        Osm big = DemoCityFiles.readOsm(dir.resolve("roads.osm"));
        assertThat(big.problems).isEmpty();
        assertThat(big.nodes).hasSize(s.osmNodes());
    }

    // ---- helpers ----

    /** Byte equality, reporting the first differing line instead of two byte arrays. */
    private static void assertSameBytes(Path expected, Path actual, String what) throws IOException {
        byte[] e = Files.readAllBytes(expected);
        byte[] a = Files.readAllBytes(actual);
        if (Arrays.equals(e, a)) {
            return;
        }
        String[] el = new String(e, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1);
        String[] al = new String(a, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1);
        int k = 0;
        while (k < Math.min(el.length, al.length) && el[k].equals(al[k])) {
            k++;
        }
        throw new AssertionError(what + ": first difference on line " + (k + 1) + "\nexpected: "
                + (k < el.length ? abbreviate(el[k]) : "<end of file>") + "\nactual:   "
                + (k < al.length ? abbreviate(al[k]) : "<end of file>"));
    }

    private static String abbreviate(String line) {
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static Path repositoryRoot() {
        String property = System.getProperty("outpost.root");
        if (property != null && Files.isDirectory(Path.of(property).resolve("geodata"))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("geodata")) && Files.isDirectory(p.resolve("server"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root (a directory with geodata/ and server/)");
    }

    private static Point point(String lon, String lat) {
        return F.createPoint(new Coordinate(Double.parseDouble(lon), Double.parseDouble(lat)));
    }

    private static Set<Long> highwayNodes() {
        Set<Long> ids = new TreeSet<>();
        osm.ways.stream().filter(OsmWay::highway).forEach(w -> ids.addAll(w.refs()));
        return ids;
    }

    /** Whether c lies west of the river's centre line (interpolated at c's latitude). */
    private static boolean westOf(LineString centre, Coordinate c) {
        Coordinate[] cs = centre.getCoordinates();
        for (int k = 1; k < cs.length; k++) {
            double y0 = Math.min(cs[k - 1].y, cs[k].y);
            double y1 = Math.max(cs[k - 1].y, cs[k].y);
            if (c.y >= y0 && c.y <= y1) {
                double t = (c.y - cs[k - 1].y) / (cs[k].y - cs[k - 1].y);
                return c.x < cs[k - 1].x + t * (cs[k].x - cs[k - 1].x);
            }
        }
        throw new AssertionError("latitude " + c.y + " is outside the river's extent");
    }

    private static void arc(Map<Long, List<Long>> forward, Map<Long, List<Long>> backward, long a, long b) {
        forward.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
        forward.computeIfAbsent(b, k -> new ArrayList<>());
        backward.computeIfAbsent(b, k -> new ArrayList<>()).add(a);
        backward.computeIfAbsent(a, k -> new ArrayList<>());
    }

    private static Set<Long> reach(Map<Long, List<Long>> graph, long start) {
        Set<Long> seen = new HashSet<>();
        Deque<Long> todo = new ArrayDeque<>();
        todo.push(start);
        seen.add(start);
        while (!todo.isEmpty()) {
            for (long next : graph.get(todo.pop())) {
                if (seen.add(next)) {
                    todo.push(next);
                }
            }
        }
        return seen;
    }

    private static final class UnionFind {
        private final Map<Long, Long> parent = new HashMap<>();

        long find(long x) {
            long root = x;
            while (parent.getOrDefault(root, root) != root) {
                root = parent.get(root);
            }
            return root;
        }

        void union(long a, long b) {
            long ra = find(a);
            long rb = find(b);
            if (ra != rb) {
                parent.put(Math.max(ra, rb), Math.min(ra, rb));
            }
        }
    }
}
