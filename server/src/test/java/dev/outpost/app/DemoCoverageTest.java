package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo as {@code ./outpost demo} wires it: the road network and demand are loaded with the city, coverage is
 * answered over HTTP, and a station added through the API updates the figures incrementally to exactly what a fresh
 * full run gives.
 */
class DemoCoverageTest {
    static TestApp app;
    static final ObjectMapper M = new ObjectMapper();

    @BeforeAll
    static void start() {
        app = TestApp.start("democoverage", true, Map.of());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static JsonNode get(String path) throws Exception {
        var r = app.get(path);
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
        return M.readTree(r.body());
    }

    @Test
    void addingAStationInTheLargestGapRaisesCoverageExactlyAsAFullRunDoes() throws Exception {
        JsonNode before = get("/api/coverage/summary?region=demo&group=rider");
        double shareBefore = before.at("/overall/coveredShareWithinLimit").asDouble();
        assertThat(shareBefore).isGreaterThan(0.05).isLessThan(1.0);
        // the synthetic city leaves 新港区 (south of the expressway) without warm-bee stations: there are gaps
        JsonNode gaps = get("/api/coverage/gaps?region=demo&group=rider&limit=1");
        assertThat(gaps.get("features")).hasSize(1);
        JsonNode cells = get("/api/coverage/cells?region=demo&group=rider&status=gap");
        assertThat(cells.get("features").size()).isGreaterThan(0);
        // put a station on the uncovered cell holding the most demand
        JsonNode worst = null;
        for (JsonNode f : cells.get("features")) {
            if (worst == null
                    || f.at("/properties/weight").asDouble()
                            > worst.at("/properties/weight").asDouble()) {
                worst = f;
            }
        }
        JsonNode ring = worst.at("/geometry/coordinates/0");
        double lon = 0;
        double lat = 0;
        int n = ring.size() - 1;
        for (int i = 0; i < n; i++) {
            lon += ring.get(i).get(0).asDouble() / n;
            lat += ring.get(i).get(1).asDouble() / n;
        }
        var created = app.send(
                "POST",
                "/api/stations?region=demo",
                String.format(
                        Locale.ROOT,
                        "{\"kind\":\"warm_bee_station\",\"name\":\"新港区暖蜂驿站(测试)\",\"lat\":%.7f,\"lon\":%.7f,"
                                + "\"openingHours\":\"24/7\"}",
                        lat,
                        lon));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        JsonNode incremental = get("/api/coverage/summary?region=demo&group=rider");
        double shareAfter = incremental.at("/overall/coveredShareWithinLimit").asDouble();
        assertThat(shareAfter).isGreaterThan(shareBefore);
        assertThat(incremental.get("stationChanges").asInt()).isGreaterThan(0);

        var full = app.send("POST", "/api/coverage/runs?region=demo&group=rider", null);
        assertThat(full.statusCode()).as(full.body()).isIn(200, 201);
        JsonNode fresh = M.readTree(full.body());
        assertThat(fresh.at("/overall/coveredDemandWithinLimit").asDouble())
                .isEqualTo(incremental.at("/overall/coveredDemandWithinLimit").asDouble());
    }

    @Test
    void isochroneOfADemoStationIsAPolygonAroundIt() throws Exception {
        JsonNode st = get("/api/stations?region=demo&kind=warm_bee_station&status=open&limit=1")
                .at("/features/0");
        long id = st.get("id").asLong();
        JsonNode area = get("/api/stations/" + id + "/service-area?region=demo&minutes=15&mode=ebike");
        assertThat(area.toString()).contains("Polygon");
        var bad = app.get("/api/isochrone?lat=22.6&lon=113.93&mode=rocket&minutes=15");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("rocket");
        var far = app.get("/api/isochrone?lat=40.0&lon=116.4&mode=ebike&minutes=15");
        assertThat(far.statusCode()).isEqualTo(400);
        assertThat(app.get("/api/isochrone?lat=22.6&lon=113.93&mode=ebike&minutes=0")
                        .statusCode())
                .isEqualTo(400);
    }
}
