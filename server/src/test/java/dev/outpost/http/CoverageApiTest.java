package dev.outpost.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.coverage.CoverageService;
import dev.outpost.coverage.CoverageSettings;
import dev.outpost.coverage.ServingRules;
import dev.outpost.demand.DemandCsv;
import dev.outpost.demand.DemandLayer;
import dev.outpost.demand.DemandService;
import dev.outpost.demand.DemandSource;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.district.Region;
import dev.outpost.geo.CoordinateSystem;
import dev.outpost.geo.Geometries;
import dev.outpost.geo.HexGrid;
import dev.outpost.geo.LatLon;
import dev.outpost.imports.ImportReport;
import dev.outpost.imports.ImportService;
import dev.outpost.network.NetworkSettings;
import dev.outpost.network.RoadNetwork;
import dev.outpost.network.graphhopper.GraphHopperNetwork;
import dev.outpost.station.Station;
import dev.outpost.station.StationCatalog;
import dev.outpost.station.StationKind;
import dev.outpost.station.StationQuery;
import dev.outpost.station.StationStatus;
import dev.outpost.store.JooqCoverageRepository;
import dev.outpost.store.JooqDemandRepository;
import dev.outpost.store.JooqDistrictRepository;
import dev.outpost.store.JooqImportStore;
import dev.outpost.store.JooqRegionRepository;
import dev.outpost.store.JooqStationRepository;
import dev.outpost.store.TestDatabase;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * The coverage and isochrone API over real HTTP, on the synthetic demo city ({@code geodata/demo-city}: roads,
 * districts, stations, demand) with the real store, the real GraphHopper network and the real services.
 */
class CoverageApiTest {
    static final ObjectMapper M = new ObjectMapper();
    static Path graphs;
    static TestDatabase db;
    static GraphHopperNetwork network;
    static CoverageService coverage;
    static TestSecurity security;
    static StationCatalog catalog;
    static Javalin app;
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static Map<WorkerGroup, DemandLayer> demand;

    @BeforeAll
    static void start() throws IOException {
        Path city = Path.of(System.getProperty("outpost.root", "..")).resolve("geodata/demo-city");
        Assumptions.assumeTrue(
                Files.isRegularFile(city.resolve("roads.osm")), "skipped: the demo city is absent from " + city);
        graphs = Files.createTempDirectory("coverage-api-graphs");
        network = GraphHopperNetwork.importOsm(city.resolve("roads.osm"), graphs, NetworkSettings.defaults());
        db = TestDatabase.create("coverage_api");
        JooqRegionRepository regions = new JooqRegionRepository(db.database());
        regions.upsert(new Region("demo", "示范市（合成数据）", "Demo City (synthetic)", true));
        JooqDistrictRepository districts = new JooqDistrictRepository(db.database());
        JooqStationRepository stations = new JooqStationRepository(db.database());
        catalog = new StationCatalog(stations, Clock.systemUTC());
        ImportService imports = new ImportService(new JooqImportStore(db.database()), districts, 50_000_000);
        importOk(imports.importDistricts(
                "demo",
                "districts.geojson",
                Files.readAllBytes(city.resolve("districts.geojson")),
                CoordinateSystem.WGS84,
                false,
                "test"));
        importOk(imports.importStations(
                "demo",
                "stations.csv",
                Files.readAllBytes(city.resolve("stations.csv")),
                CoordinateSystem.WGS84,
                false,
                "test"));
        JooqDemandRepository demandRepo = new JooqDemandRepository(db.database());
        demand = DemandCsv.read(
                new StringReader(Files.readString(city.resolve("demand.csv"), StandardCharsets.UTF_8)),
                HexGrid.defaultGrid());
        demand.forEach((g, layer) -> demandRepo.save("demo", layer, DemandSource.POINTS, "demand.csv"));
        coverage = new CoverageService(
                region -> region.equals("demo") ? Optional.<RoadNetwork>of(network) : Optional.empty(),
                stations,
                districts,
                demandRepo,
                new JooqCoverageRepository(db.database()),
                ServingRules.defaults(),
                CoverageSettings.defaults(),
                Clock.systemUTC());
        security = TestSecurity.create(db.database());
        HttpServices services = new HttpServices(
                regions,
                catalog,
                districts,
                imports,
                Clock.systemUTC(),
                () -> true,
                security.security(),
                params -> List.of(
                        new CoverageRoutes(coverage, params),
                        new IsochroneRoutes(coverage, params),
                        new DemandRoutes(new DemandService(demandRepo, districts, null), params, 1_000_000)));
        app = HttpApp.create(new HttpSettings(null, "", "", "demo", 50_000_000), services);
        app.start("127.0.0.1", 0);
    }

    static void importOk(ImportReport r) {
        assertThat(r.ok()).as(r.errors().toString()).isTrue();
    }

    @AfterAll
    static void stop() throws IOException {
        if (app != null) {
            app.stop();
        }
        if (db != null) {
            db.close();
        }
        if (network != null) {
            network.close();
        }
        if (graphs != null) {
            try (var walk = Files.walk(graphs)) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    static HttpResponse<String> call(String method, String path) {
        try {
            return CLIENT.send(
                    security.asAdmin(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)))
                            .method(method, HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode ok(String method, String path, int status) throws IOException {
        HttpResponse<String> r = call(method, path);
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(status);
        return M.readTree(r.body());
    }

    static JsonNode get(String path) throws IOException {
        return ok("GET", path, 200);
    }

    static void problem(String path, int status, String detailPart) throws IOException {
        HttpResponse<String> r = call("GET", path);
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(status);
        JsonNode body = M.readTree(r.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asText()).contains(detailPart);
    }

    @Test
    void aRunIsStoredAndItsSummaryAddsUpToTheDemandFile() throws IOException {
        JsonNode run = ok("POST", "/api/coverage/runs?region=demo&group=rider&level=subdistrict", 201);
        assertThat(run.get("runId").asLong()).isPositive();
        assertThat(run.get("mode").asText()).isEqualTo("ebike");
        assertThat(run.get("limitMinutes").asInt()).isEqualTo(15);
        // the summary holds all the rider demand of demand.csv
        double riderDemand = demand.get(WorkerGroup.RIDER).totalWeight();
        assertThat(run.at("/overall/demand").asDouble()).isCloseTo(riderDemand, within(0.01));
        // stations: open warm-bee stations, party centres, partner sites and others (36 open in all, 3 of them driver
        // homes); the README lists the kinds
        long servingRiders = catalog.find(StationQuery.all("demo").withLimit(1000)).stream()
                .filter(s -> s.status() == StationStatus.OPEN && s.kind() != StationKind.DRIVER_HOME)
                .count();
        assertThat(run.at("/overall/stations").asLong()).isEqualTo(servingRiders);
        // 8 subdistricts that tile the city rectangle (README: lon 113.8800–113.9967, lat 22.5600–22.6503): the
        // only unassigned cells are border cells whose centres fall outside it; the areas add up per district
        assertThat(run.get("areas")).hasSize(8);
        int outside = 0;
        for (long c : demand.get(WorkerGroup.RIDER).cells()) {
            LatLon centre = HexGrid.defaultGrid().centre(c);
            if (centre.lon() < 113.88 || centre.lon() > 113.9967 || centre.lat() < 22.56 || centre.lat() > 22.6503) {
                outside++;
            }
        }
        assertThat(run.at("/unassigned/cells").asInt()).isEqualTo(outside).isLessThan(10);
        JsonNode districts = get("/api/coverage/summary?region=demo&group=rider&level=district");
        assertThat(districts.get("runId").asLong()).isEqualTo(run.get("runId").asLong());
        assertThat(districts.get("areas")).hasSize(3);
        for (JsonNode d : districts.get("areas")) {
            double demandSum = 0;
            double covered15 = 0;
            int stationSum = 0;
            for (JsonNode s : run.get("areas")) {
                if (s.get("parentCode").asText().equals(d.get("code").asText())) {
                    demandSum += s.get("demand").asDouble();
                    covered15 += s.at("/coveredDemand/15").asDouble();
                    stationSum += s.get("stations").asInt();
                }
            }
            assertThat(d.get("demand").asDouble()).isCloseTo(demandSum, within(0.01));
            assertThat(d.at("/coveredDemand/15").asDouble()).isCloseTo(covered15, within(0.01));
            assertThat(d.get("stations").asInt()).isEqualTo(stationSum);
        }
        double share = run.at("/overall/coveredShare/15").asDouble();
        assertThat(share).isBetween(0.0, 1.0);
        assertThat(run.at("/overall/coveredShare/5").asDouble()).isLessThanOrEqualTo(share);
        // the stored run is listed and can be read back
        JsonNode runs = get("/api/coverage/runs?region=demo&group=rider");
        assertThat(runs.get(0).get("id").asLong()).isEqualTo(run.get("runId").asLong());
        JsonNode stored = get("/api/coverage/runs/" + run.get("runId").asLong() + "?region=demo&level=subdistrict");
        assertThat(stored.get("areas")).isEqualTo(run.get("areas"));
    }

    @Test
    void cellsAreCompactHexagonsWithMinutesStationAndStatus() throws IOException {
        JsonNode all = get("/api/coverage/cells?region=demo&group=rider");
        int total = all.get("features").size();
        assertThat(total).isEqualTo(demand.get(WorkerGroup.RIDER).size());
        String bbox = "113.90,22.58,113.95,22.62";
        JsonNode some = get("/api/coverage/cells?region=demo&group=rider&bbox=" + bbox);
        assertThat(some.get("features").size()).isPositive().isLessThan(total);
        HexGrid grid = HexGrid.defaultGrid();
        for (JsonNode f : some.get("features")) {
            JsonNode p = f.get("properties");
            long cell = HexGrid.parseCell(p.get("h3").asText());
            LatLon c = grid.centre(cell);
            assertThat(c.lon()).isBetween(113.90, 113.95);
            assertThat(c.lat()).isBetween(22.58, 22.62);
            String status = p.get("status").asText();
            assertThat(status).isIn("covered", "gap", "unreachable", "off_network");
            boolean timed = status.equals("covered") || status.equals("gap");
            assertThat(p.get("minutes").isNull()).isEqualTo(!timed);
            assertThat(p.get("stationId").isNull()).isEqualTo(!timed);
            if (status.equals("covered")) {
                assertThat(p.get("minutes").asDouble()).isLessThanOrEqualTo(15);
            }
            assertThat(p.get("weight").asDouble()).isPositive();
            JsonNode ring = f.at("/geometry/coordinates/0");
            assertThat(ring).hasSize(7);
            for (JsonNode xy : ring) {
                // six decimals at most
                assertThat(xy.get(0).asText().length() - xy.get(0).asText().indexOf('.') - 1)
                        .isLessThanOrEqualTo(6);
            }
        }
        problem("/api/coverage/cells?region=demo&group=rider&bbox=1,2,3", 400, "bbox '1,2,3'");
        problem("/api/coverage/cells?region=demo&status=lost", 400, "parameter 'status': unknown cell status 'lost'");
        // the gap cells alone, each with its minutes beyond the limit
        JsonNode gaps = get("/api/coverage/cells?region=demo&group=rider&status=gap,unreachable");
        int counted = 0;
        for (JsonNode f : all.get("features")) {
            String status = f.at("/properties/status").asText();
            counted += status.equals("gap") || status.equals("unreachable") ? 1 : 0;
        }
        assertThat(gaps.get("features")).hasSize(counted);
        for (JsonNode f : gaps.get("features")) {
            if (f.at("/properties/status").asText().equals("gap")) {
                assertThat(f.at("/properties/minutes").asDouble())
                        .isGreaterThan(15)
                        .isLessThanOrEqualTo(30);
            }
        }
    }

    @Test
    void gapsAreRankedByDemand() throws IOException {
        JsonNode gaps = get("/api/coverage/gaps?region=demo&group=rider&limit=5");
        JsonNode features = gaps.get("features");
        assertThat(features.size()).isBetween(1, 5);
        double previous = Double.MAX_VALUE;
        GeoJsonReader reader = new GeoJsonReader();
        for (int k = 0; k < features.size(); k++) {
            JsonNode p = features.get(k).get("properties");
            assertThat(p.get("rank").asInt()).isEqualTo(k + 1);
            assertThat(p.get("demand").asDouble()).isLessThanOrEqualTo(previous).isPositive();
            previous = p.get("demand").asDouble();
            if (!p.get("minMinutes").isNull()) {
                assertThat(p.get("minMinutes").asDouble()).isGreaterThan(15);
            }
            try {
                Geometry g = reader.read(features.get(k).get("geometry").toString());
                assertThat(g.isValid()).isTrue();
                assertThat(g.getArea()).isPositive();
            } catch (org.locationtech.jts.io.ParseException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void isochronesForAnyPointAndStationServiceCircles() throws IOException, org.locationtech.jts.io.ParseException {
        Station station = catalog.find(StationQuery.all("demo").withLimit(1000)).stream()
                .filter(s -> s.status() == StationStatus.OPEN && s.kind() == StationKind.WARM_BEE_STATION)
                .findFirst()
                .orElseThrow();
        LatLon at = station.location();
        JsonNode iso = get("/api/isochrone?region=demo&lat=" + at.lat() + "&lon=" + at.lon()
                + "&mode=ebike&minutes=5,10,15&direction=from");
        assertThat(iso.get("features")).hasSize(3);
        assertThat(iso.at("/features/0/properties/minutes").asInt()).isEqualTo(15);
        assertThat(iso.at("/features/2/properties/minutes").asInt()).isEqualTo(5);
        assertThat(iso.at("/features/0/properties/direction").asText()).isEqualTo("from");
        GeoJsonReader reader = new GeoJsonReader();
        Geometry fifteen = reader.read(iso.at("/features/0/geometry").toString());
        Geometry five = reader.read(iso.at("/features/2/geometry").toString());
        assertThat(fifteen.getArea()).isGreaterThan(five.getArea());
        assertThat(fifteen.buffer(1e-6).contains(Geometries.point(at))).isTrue();

        JsonNode circle = get("/api/stations/" + station.id() + "/service-area?region=demo&minutes=15");
        assertThat(circle.at("/properties/stationId").asLong()).isEqualTo(station.id());
        assertThat(circle.at("/properties/mode").asText()).isEqualTo("ebike");
        assertThat(circle.at("/properties/direction").asText()).isEqualTo("to");
        Geometry area = reader.read(circle.get("geometry").toString());
        assertThat(area.buffer(1e-6).contains(Geometries.point(at))).isTrue();
        JsonNode byCar = get("/api/stations/" + station.id() + "/service-area?region=demo&minutes=10&mode=car");
        assertThat(byCar.at("/properties/mode").asText()).isEqualTo("car");

        String point = "&lat=" + at.lat() + "&lon=" + at.lon();
        problem("/api/isochrone?region=demo" + point + "&minutes=0", 400, "0 minutes is out of range 1..120");
        problem("/api/isochrone?region=demo" + point + "&minutes=121", 400, "121 minutes is out of range");
        problem("/api/isochrone?region=demo" + point + "&minutes=ten", 400, "'ten' is not a whole number");
        problem("/api/isochrone?region=demo" + point + "&mode=plane", 400, "unknown travel mode 'plane'");
        problem("/api/isochrone?region=demo" + point + "&direction=up", 400, "unknown direction 'up'");
        problem("/api/isochrone?region=demo&lat=95&lon=113.9", 400, "latitude 95.0 is out of range");
        problem("/api/isochrone?region=demo&lon=113.9", 400, "parameter 'lat' is required");
        problem("/api/isochrone?region=demo&lat=39.9&lon=116.4", 400, "is not on the road network");
        problem("/api/isochrone?region=atlantis" + point, 404, "unknown region 'atlantis'");
        problem("/api/stations/999999/service-area?region=demo", 404, "station 999999 not found");
        problem("/api/stations/" + station.id() + "/service-area?region=demo&minutes=0", 400, "out of range 1..120");
    }

    @Test
    void theRouteFromACellToItsNearestStation() throws IOException {
        JsonNode cells = get("/api/coverage/cells?region=demo&group=rider");
        JsonNode chosen = null;
        for (JsonNode f : cells.get("features")) {
            JsonNode p = f.get("properties");
            if (p.get("status").asText().equals("covered") && p.get("minutes").asDouble() > 3) {
                chosen = p;
                break;
            }
        }
        assertThat(chosen).isNotNull();
        JsonNode route = get("/api/coverage/cells/" + chosen.get("h3").asText() + "/route?region=demo&group=rider");
        assertThat(route.at("/geometry/type").asText()).isEqualTo("LineString");
        assertThat(route.at("/properties/stationId").asLong())
                .isEqualTo(chosen.get("stationId").asLong());
        assertThat(route.at("/properties/minutes").asDouble())
                .isEqualTo(chosen.get("minutes").asDouble());
        assertThat(route.at("/properties/routeMinutes").asDouble())
                .isCloseTo(chosen.get("minutes").asDouble(), within(0.05));
        assertThat(route.at("/properties/distanceMeters").asDouble()).isPositive();

        problem("/api/coverage/cells/not-a-cell/route?region=demo", 400, "'not-a-cell' is not an H3 cell");
        String elsewhere = HexGrid.address(HexGrid.defaultGrid().cell(new LatLon(39.9, 116.4)));
        problem("/api/coverage/cells/" + elsewhere + "/route?region=demo", 404, "is not a demand cell of rider");
    }

    static HttpResponse<String> upload(String path, String fileName, String text) {
        String boundary = "----coverage" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n";
        try {
            return CLIENT.send(
                    security.asAdmin(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void demandUploadsBecomeTheLayerCoverageUses() throws IOException {
        HexGrid grid = HexGrid.defaultGrid();
        String a = HexGrid.address(grid.cell(new LatLon(22.60, 113.92)));
        String b = HexGrid.address(grid.cell(new LatLon(22.61, 113.95)));
        HttpResponse<String> r = upload(
                "/api/demand?region=demo",
                "hailing.csv",
                "group,h3,weight\nride_hailing," + a + ",5\n网约车司机," + b + ",2.5\n");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode layers = M.readTree(r.body());
        assertThat(layers).hasSize(1);
        assertThat(layers.at("/0/source").asText()).isEqualTo("cells");
        assertThat(layers.at("/0/totalWeight").asDouble()).isEqualTo(7.5);
        JsonNode summary = get("/api/coverage/summary?region=demo&group=ride_hailing");
        assertThat(summary.get("demandLayerId").asLong())
                .isEqualTo(layers.at("/0/id").asLong());
        assertThat(summary.at("/overall/demand").asDouble()).isEqualTo(7.5);
        assertThat(summary.at("/overall/cells").asInt()).isEqualTo(2);
        assertThat(summary.get("mode").asText()).isEqualTo("car");

        // a bad file: every problem listed, nothing stored
        HttpResponse<String> bad = upload(
                "/api/demand?region=demo", "bad.csv", "group,lon,lat,weight\nride_hailing,113.9,22.6,x\npilot,1,2,3\n");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(422);
        JsonNode problems = M.readTree(bad.body()).get("problems");
        assertThat(problems).hasSize(2);
        assertThat(problems.at("/0/row").asInt()).isEqualTo(1);
        assertThat(problems.at("/0/field").asText()).isEqualTo("weight");
        assertThat(get("/api/coverage/summary?region=demo&group=ride_hailing")
                        .get("demandLayerId")
                        .asLong())
                .isEqualTo(layers.at("/0/id").asLong());

        // population fallback: the demo districts' 680,000 residents, 0.01 drivers each
        JsonNode population =
                ok("POST", "/api/demand/population?region=demo&group=ride_hailing&weightPerResident=0.01", 201);
        assertThat(population.get("source").asText()).isEqualTo("population");
        assertThat(population.get("totalWeight").asDouble()).isCloseTo(6_800, within(0.01));
        assertThat(get("/api/coverage/summary?region=demo&group=ride_hailing")
                        .at("/overall/demand")
                        .asDouble())
                .isCloseTo(6_800, within(0.01));
        // a layer used by a stored run cannot be deleted; an unknown one is a 404
        ok("POST", "/api/coverage/runs?region=demo&group=ride_hailing", 201);
        HttpResponse<String> conflict =
                call("DELETE", "/api/demand/layers/" + population.get("id").asLong() + "?region=demo");
        assertThat(conflict.statusCode()).as(conflict.body()).isEqualTo(409);
        assertThat(call("DELETE", "/api/demand/layers/" + layers.at("/0/id").asLong() + "?region=demo")
                        .statusCode())
                .isEqualTo(204);
        assertThat(call("DELETE", "/api/demand/layers/987654?region=demo").statusCode())
                .isEqualTo(404);
        assertThat(get("/api/demand/layers?region=demo").size()).isGreaterThanOrEqualTo(3);
        problem("/api/demand/layers?region=nowhere", 404, "unknown region 'nowhere'");
    }

    @Test
    void badGroupsAndLevelsAreClearErrors() throws IOException {
        problem(
                "/api/coverage/summary?region=demo&group=pilot",
                400,
                "parameter 'group': unknown worker group 'pilot'");
        problem(
                "/api/coverage/summary?region=demo&level=planet",
                400,
                "parameter 'level': unknown area level 'planet'");
        problem("/api/coverage/gaps?region=demo&limit=0", 400, "parameter 'limit'");
        problem("/api/coverage/runs/123456?region=demo", 404, "no coverage run 123456");
    }

    @Test
    void aStationChangeIsReflectedIncrementally() throws IOException {
        ok("POST", "/api/coverage/runs?region=demo&group=truck", 201);
        JsonNode before = get("/api/coverage/summary?region=demo&group=truck");
        Station home = catalog.create(new Station(
                null,
                "demo",
                null,
                StationKind.DRIVER_HOME,
                "测试司机之家",
                null,
                null,
                null,
                null,
                null,
                null,
                StationStatus.OPEN,
                new LatLon(22.60, 113.95)));
        coverage.stationSaved(home);
        JsonNode after = get("/api/coverage/summary?region=demo&group=truck");
        assertThat(after.get("runId").isNull()).isTrue();
        assertThat(after.get("basedOnRunId").asLong())
                .isEqualTo(before.get("runId").asLong());
        assertThat(after.get("stationChanges").asInt()).isEqualTo(1);
        assertThat(after.at("/overall/stations").asInt())
                .isEqualTo(before.at("/overall/stations").asInt() + 1);
        assertThat(after.at("/overall/coveredDemand/15").asDouble())
                .isGreaterThanOrEqualTo(before.at("/overall/coveredDemand/15").asDouble());
        // a fresh run agrees with the incremental figures
        JsonNode fresh = ok("POST", "/api/coverage/runs?region=demo&group=truck", 201);
        assertThat(fresh.get("overall")).isEqualTo(after.get("overall"));
        catalog.delete("demo", home.id());
        coverage.stationDeleted("demo", home.id());
        assertThat(get("/api/coverage/summary?region=demo&group=truck").get("overall"))
                .isEqualTo(before.get("overall"));
    }
}
