package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code DELETE /api/demand/layers/{id}} on the demo as {@code ./outpost demo} wires it: a layer that a scenario or a
 * stored coverage run uses is refused with 409 naming them, and nothing changes; an unused layer goes.
 */
class DemandLayerInUseApiTest {
    static final ObjectMapper M = new ObjectMapper();
    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start("layer_in_use", true, Map.of());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    static JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return M.readTree(r.body());
    }

    static List<Long> layerIds() throws Exception {
        List<Long> ids = new ArrayList<>();
        json(app.get("/api/demand/layers?region=demo"), 200)
                .forEach(l -> ids.add(l.get("id").asLong()));
        return ids;
    }

    /** Ids of the stored rider coverage runs on {@code layerId}, ascending. */
    static List<Long> runsOn(long layerId) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (JsonNode r : json(app.get("/api/coverage/runs?region=demo&group=rider&limit=1000"), 200)) {
            if (r.get("demandLayerId").asLong() == layerId) {
                ids.add(r.get("id").asLong());
            }
        }
        ids.sort(null);
        return ids;
    }

    static long newestLayer(String group) throws Exception {
        for (JsonNode l : json(app.get("/api/demand/layers?region=demo"), 200)) {
            if (l.get("group").asText().equals(group)) {
                return l.get("id").asLong();
            }
        }
        throw new AssertionError("no " + group + " layer");
    }

    @Test
    void aLayerUsedByAScenarioAndStoredRunsIsRefusedWith409AndNothingChanges() throws Exception {
        long layer = newestLayer("rider");
        json(app.send("POST", "/api/coverage/runs?region=demo&group=rider", null), 201);
        JsonNode scenario = json(
                app.send(
                        "POST",
                        "/api/scenarios?region=demo",
                        "{\"name\":\"图层占用\",\"problem\":\"mclp\",\"p\":2,\"minutes\":5,\"async\":false}"),
                201);
        long scenarioId = scenario.get("id").asLong();
        assertThat(scenario.at("/inputs/demandLayerId").asLong()).isEqualTo(layer);
        List<Long> runs = runsOn(layer);
        assertThat(runs).isNotEmpty();
        List<Long> layersBefore = layerIds();

        JsonNode refused = json(app.send("DELETE", "/api/demand/layers/" + layer + "?region=demo", null), 409);
        String runList = runs.stream().map(String::valueOf).collect(Collectors.joining(", "));
        assertThat(refused.get("detail").asText())
                .isEqualTo("demand layer " + layer + " is used by scenario " + scenarioId + " and stored coverage "
                        + (runs.size() == 1 ? "run " : "runs ") + runList + "; delete them first");
        assertThat(refused.get("status").asInt()).isEqualTo(409);

        // nothing changed: the layer, the scenario (with its matrices) and the runs are all still there
        assertThat(layerIds()).isEqualTo(layersBefore);
        assertThat(runsOn(layer)).isEqualTo(runs);
        JsonNode again = json(app.get("/api/scenarios/" + scenarioId + "?region=demo"), 200);
        assertThat(again.get("figures")).isEqualTo(scenario.get("figures"));
        json(app.get("/api/coverage/summary?region=demo&group=rider"), 200);
    }

    @Test
    void aLayerUsedOnlyByAScenarioNamesThatScenario() throws Exception {
        // a new truck layer, then a truck scenario on it; no coverage run is stored for it
        String csv = "group,lon,lat,weight\ntruck,113.9125,22.6225,5\ntruck,113.9300,22.6300,3\n"
                + "truck,113.9500,22.6100,2\n";
        JsonNode saved =
                json(app.upload("/api/demand?region=demo", "trucks.csv", csv.getBytes(StandardCharsets.UTF_8)), 201);
        long layer = saved.get(0).get("id").asLong();
        JsonNode scenario = json(
                app.send(
                        "POST",
                        "/api/scenarios?region=demo",
                        "{\"name\":\"货车\",\"group\":\"truck\",\"problem\":\"mclp\",\"p\":1,\"minutes\":10,"
                                + "\"async\":false}"),
                201);
        assertThat(scenario.at("/inputs/demandLayerId").asLong()).isEqualTo(layer);
        JsonNode refused = json(app.send("DELETE", "/api/demand/layers/" + layer + "?region=demo", null), 409);
        assertThat(refused.get("detail").asText())
                .isEqualTo("demand layer " + layer + " is used by scenario "
                        + scenario.get("id").asLong() + "; delete it first");
        assertThat(layerIds()).contains(layer);
    }

    @Test
    void anUnusedLayerIsDeletedOnceThen404() throws Exception {
        // one ride-hailing demand point in the centre of a cell riders cannot reach within 15 minutes: no station is
        // within a minute's drive of it
        JsonNode gap = json(app.get("/api/coverage/cells?region=demo&group=rider&status=gap"), 200)
                .at("/features/0/geometry/coordinates/0");
        double lon = 0;
        double lat = 0;
        int n = gap.size() - 1;
        for (int i = 0; i < n; i++) {
            lon += gap.get(i).get(0).asDouble() / n;
            lat += gap.get(i).get(1).asDouble() / n;
        }
        String csv = String.format(java.util.Locale.ROOT, "group,lon,lat,weight\nride_hailing,%.6f,%.6f,4\n", lon, lat);
        JsonNode saved =
                json(app.upload("/api/demand?region=demo", "hailing.csv", csv.getBytes(StandardCharsets.UTF_8)), 201);
        long layer = saved.get(0).get("id").asLong();
        assertThat(layerIds()).contains(layer);
        // a solve that finds no answer stores no scenario but leaves the reach matrices it built on the layer: they
        // are a cache and go with the layer
        json(
                app.send(
                        "POST",
                        "/api/scenarios?region=demo",
                        "{\"name\":\"x\",\"group\":\"ride_hailing\",\"problem\":\"partial\",\"minutes\":1,"
                                + "\"targetCoverage\":1.0,\"budgetWanYuan\":1,\"defaultCostWanYuan\":50,\"async\":false}"),
                422);
        assertThat(matricesOn(layer)).isPositive();
        HttpResponse<String> gone = app.send("DELETE", "/api/demand/layers/" + layer + "?region=demo", null);
        assertThat(gone.statusCode()).as(gone.body()).isEqualTo(204);
        assertThat(layerIds()).doesNotContain(layer);
        assertThat(matricesOn(layer)).isZero();
        // the upload and the deletion are in the audit log, with what the layer was
        assertThat(auditOf(layer)).containsExactly("create by test-admin: 1 cells", "delete by test-admin: 1 cells");
        assertThat(json(app.send("DELETE", "/api/demand/layers/" + layer + "?region=demo", null), 404)
                        .get("detail")
                        .asText())
                .isEqualTo("no demand layer " + layer + " in region 'demo'");
    }

    /** The audit rows of a demand layer, oldest first: action, actor and the cell count it recorded. */
    static java.util.List<String> auditOf(long layerId) throws Exception {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        app.db().jdbcUrl(), app.db().user(), app.db().password());
                java.sql.PreparedStatement q = c.prepareStatement("SELECT action, actor,"
                        + " coalesce(after, before)->>'cellCount' FROM audit_log"
                        + " WHERE entity = 'demand_layer' AND entity_id = ? ORDER BY audit_id")) {
            q.setString(1, Long.toString(layerId));
            try (java.sql.ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1) + " by " + r.getString(2) + ": " + r.getString(3) + " cells");
                }
            }
        }
        return out;
    }

    /** Stored reach matrices built on the layer, counted in the database. */
    static int matricesOn(long layerId) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        app.db().jdbcUrl(), app.db().user(), app.db().password());
                java.sql.PreparedStatement q =
                        c.prepareStatement("SELECT count(*) FROM candidate_matrix WHERE demand_layer_id = ?")) {
            q.setLong(1, layerId);
            try (java.sql.ResultSet r = q.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
