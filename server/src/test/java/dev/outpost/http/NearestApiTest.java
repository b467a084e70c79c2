package dev.outpost.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.app.TestApp;
import dev.outpost.geo.LatLon;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /api/nearest} over real HTTP on the demo city (its road network, its stations in PostGIS). */
class NearestApiTest {
    static final ObjectMapper M = new ObjectMapper();
    /** Tuesday 10 March 2026, noon in Shanghai: an ordinary working day. */
    static final String NOON = "2026-03-10T12:00:00+08:00";

    static TestApp app;
    static DemoRiver river;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start("nearestapi", true, Map.of());
        river = DemoRiver.read(TestApp.repoRoot().resolve("geodata/demo-city/roads.osm"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = app.get(path);
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
        return M.readTree(r.body());
    }

    static String at(LatLon p) {
        return String.format(Locale.ROOT, "lat=%.6f&lon=%.6f", p.lat(), p.lon());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    record Candidate(long id, LatLon location) {}

    @Test
    void acrossTheRiverTheNetworkAnswerBeatsTheStraightLine() throws Exception {
        // the stations a rider could use at noon: open, with known hours open then
        List<Candidate> open = new ArrayList<>();
        for (JsonNode f :
                get("/api/stations?region=demo&status=open&openAt=" + enc(NOON)).get("features")) {
            open.add(new Candidate(
                    f.get("id").asLong(),
                    new LatLon(
                            f.at("/geometry/coordinates/1").asDouble(),
                            f.at("/geometry/coordinates/0").asDouble())));
        }
        assertThat(open).hasSizeGreaterThan(20);

        int differing = 0;
        int acrossTheRiver = 0;
        for (int i = 0; i < 24; i++) {
            for (int j = 0; j < 24; j++) {
                LatLon p = new LatLon(22.565 + 0.08 * i / 23, 113.885 + 0.105 * j / 23);
                Candidate byLine = open.get(0);
                for (Candidate c : open) {
                    if (p.distanceMeters(c.location()) < p.distanceMeters(byLine.location())) {
                        byLine = c;
                    }
                }
                JsonNode r = get("/api/nearest?region=demo&" + at(p) + "&openAt=" + enc(NOON) + "&limit=50");
                assertThat(r.get("method").asText()).isEqualTo("network");
                JsonNode first = r.get("results").get(0);
                if (first.get("id").asLong() == byLine.id()) {
                    continue;
                }
                differing++;
                // the straight-line pick is ranked later, and it takes longer although it is closer
                JsonNode later = null;
                for (JsonNode x : r.get("results")) {
                    if (x.get("id").asLong() == byLine.id()) {
                        later = x;
                    }
                }
                assertThat(later)
                        .as("straight-line nearest %s within the 50 fastest from %s", byLine, p)
                        .isNotNull();
                assertThat(later.get("travelTimeSeconds").asInt())
                        .isGreaterThanOrEqualTo(first.get("travelTimeSeconds").asInt());
                assertThat(later.get("straightLineMeters").asLong())
                        .isLessThanOrEqualTo(first.get("straightLineMeters").asLong());
                LatLon a = new LatLon(
                        first.at("/geometry/coordinates/1").asDouble(),
                        first.at("/geometry/coordinates/0").asDouble());
                int bankP = river.bank(p);
                if (bankP != 0 && river.bank(byLine.location()) == -bankP && river.bank(a) == bankP) {
                    acrossTheRiver++;
                }
            }
        }
        assertThat(differing)
                .as("positions whose network answer differs from the straight line")
                .isGreaterThan(10);
        assertThat(acrossTheRiver)
                .as("positions whose straight-line nearest is across the river and network nearest on their bank")
                .isGreaterThan(0);
    }

    @Test
    void answersCarryMinutesOpenStateLinksAndRoutes() throws Exception {
        LatLon p = new LatLon(22.6301, 113.9102);
        JsonNode r = get("/api/nearest?region=demo&" + at(p) + "&openAt=" + enc(NOON) + "&limit=3&route=true"
                + "&services=" + enc("food_heating,手机充电"));
        assertThat(r.get("origin").get("lat").asDouble()).isEqualTo(22.6301);
        assertThat(r.get("mode").asText()).isEqualTo("ebike");
        assertThat(r.get("openAt").asText()).isEqualTo(NOON);
        assertThat(r.get("services").toString()).contains("food_heating").contains("phone_charging");
        JsonNode results = r.get("results");
        assertThat(results).hasSize(3);
        int previous = -1;
        for (JsonNode x : results) {
            assertThat(x.get("travelTimeSeconds").asInt()).isGreaterThanOrEqualTo(previous);
            previous = x.get("travelTimeSeconds").asInt();
            assertThat(x.get("minutes").asDouble())
                    .isCloseTo(previous / 60.0, org.assertj.core.api.Assertions.within(0.05));
            assertThat(x.get("services").toString()).contains("food_heating").contains("phone_charging");
            assertThat(x.get("openState").asText()).isIn("open", "closes_soon", "24h");
            assertThat(x.get("route").get("type").asText()).isEqualTo("LineString");
            assertThat(x.get("route").get("coordinates").size()).isGreaterThan(1);
            assertThat(x.get("handoff").get("amap").asText()).startsWith("https://uri.amap.com/navigation?");
            assertThat(x.get("meters").asLong())
                    .isGreaterThanOrEqualTo(x.get("straightLineMeters").asLong() - 600);
        }
        JsonNode car = get("/api/nearest?region=demo&" + at(p) + "&mode=car&limit=1");
        assertThat(car.get("mode").asText()).isEqualTo("car");
        assertThat(car.get("results").get(0).has("route")).isFalse();
    }

    @Test
    void offTheNetworkTheStraightLineIsLabelled() throws Exception {
        // 3 km south of the city's southern edge (22.56 N): no road within 500 m
        JsonNode r = get("/api/nearest?region=demo&lat=22.533&lon=113.93&limit=2");
        assertThat(r.get("method").asText()).isEqualTo("straight_line");
        assertThat(r.get("fallbackReason").asText()).contains("not on the road network");
        assertThat(r.get("results")).hasSize(2);
    }

    @Test
    void badInputIsAClear4xx() throws Exception {
        String ok = "/api/nearest?region=demo&lat=22.6&lon=113.93";
        StationApiTest.assertProblem(app.get("/api/nearest?region=demo&lat=95&lon=113.93"), 400, "'lat': 95");
        StationApiTest.assertProblem(app.get("/api/nearest?region=demo&lat=-90.5&lon=113.93"), 400, "out of range");
        StationApiTest.assertProblem(app.get("/api/nearest?region=demo&lat=22.6&lon=200"), 400, "'lon': 200");
        StationApiTest.assertProblem(
                app.get("/api/nearest?region=demo&lat=abc&lon=113.93"), 400, "'abc' is not a number");
        StationApiTest.assertProblem(
                app.get("/api/nearest?region=demo&lat=22.6&lon=NaN"), 400, "'NaN' is not a number");
        StationApiTest.assertProblem(app.get("/api/nearest?region=demo&lon=113.93"), 400, "'lat' is required");
        StationApiTest.assertProblem(app.get(ok + "&services=sauna,toilet,spa"), 400, "'sauna', 'spa'");
        StationApiTest.assertProblem(app.get(ok + "&limit=0"), 400, "'limit': 0 is out of range 1..50");
        StationApiTest.assertProblem(app.get(ok + "&limit=10000"), 400, "'limit': 10000 is out of range 1..50");
        StationApiTest.assertProblem(app.get(ok + "&limit=ten"), 400, "not a whole number");
        StationApiTest.assertProblem(app.get(ok + "&mode=plane"), 400, "unknown travel mode 'plane'");
        StationApiTest.assertProblem(app.get(ok + "&openAt=tomorrow"), 400, "openAt");
        StationApiTest.assertProblem(app.get(ok + "&route=maybe"), 400, "route");
        StationApiTest.assertProblem(app.get("/api/nearest?region=atlantis&lat=22.6&lon=113.93"), 404, "atlantis");
    }

    @Test
    void theFindAddressLeadsToThePhonePage() {
        HttpResponse<String> r = app.get("/find?lat=22.6&lon=113.93");
        assertThat(r.statusCode()).isIn(301, 302, 303, 307);
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith("find.html?lat=22.6&lon=113.93");
    }
}
