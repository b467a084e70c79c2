package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.account.Area;
import dev.outpost.account.Role;
import dev.outpost.store.DbSnapshot;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Planners delete what they made, over real HTTP on the demo city: {@code DELETE /api/scenarios/{id}} (only a draft
 * that was never submitted; a submitted or returned one is the record of a decision) and {@code DELETE
 * /api/coverage/runs/{id}}, each audited; and the whole story of a demand layer that scenarios and stored runs use:
 * refused, then cleared by deleting what the refusal names, then deleted.
 */
class DeleteApiTest {
    static final String HEXI = "449901";
    static TestApp app;
    static ApiSession planner;
    static ApiSession leader;

    @BeforeAll
    static void start() throws Exception {
        Path csv = TestApp.repoRoot().resolve("geodata/demo-city/candidates.csv");
        Assumptions.assumeTrue(Files.isRegularFile(csv), "skipped: the demo city is absent from " + csv);
        app = TestApp.start("delete_api", true, Map.of());
        HttpResponse<String> r =
                app.upload("/api/imports/candidates?region=demo", "candidates.csv", Files.readAllBytes(csv));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        app.createUser("planner-li", Role.PLANNER, List.of(Area.region("demo")), "planner-pass-7");
        app.createUser("leader-hexi", Role.LEADER, List.of(new Area("demo", HEXI)), "leader-pass-7");
        planner = app.login("planner-li", "planner-pass-7");
        leader = app.login("leader-hexi", "leader-pass-7");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    static JsonNode json(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return r.body().isEmpty() ? null : ApiSession.json(r);
    }

    /** A solved draft of two sites among the imported candidates of district 河西区, by the planner. */
    static JsonNode scenario(String name) {
        return json(
                planner.send(
                        "POST",
                        "/api/scenarios?region=demo",
                        "{\"name\":\"" + name + "\",\"problem\":\"mclp\",\"p\":2,\"minutes\":5,\"async\":false,"
                                + "\"candidates\":{\"sources\":[\"import\"],\"districts\":[\"" + HEXI + "\"]}}"),
                201);
    }

    static List<Long> scenarioIds() {
        List<Long> ids = new ArrayList<>();
        json(planner.get("/api/scenarios?region=demo&limit=1000"), 200)
                .forEach(s -> ids.add(s.get("id").asLong()));
        return ids;
    }

    static List<Long> runIds(String group) {
        List<Long> ids = new ArrayList<>();
        json(planner.get("/api/coverage/runs?region=demo&limit=1000&group=" + group), 200)
                .forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }

    /** The audit rows of one entity, newest first, as the admin reads them. */
    static JsonNode audit(String entity, long id) {
        return json(app.get("/api/audit?region=demo&entity=" + entity + "&entityId=" + id), 200)
                .get("entries");
    }

    /** {@code SELECT count(*) FROM table WHERE column = value}, straight from the database. */
    static long count(String table, String column, long value) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        app.db().jdbcUrl(), app.db().user(), app.db().password());
                java.sql.PreparedStatement q =
                        c.prepareStatement("SELECT count(*) FROM " + table + " WHERE " + column + " = ?")) {
            q.setLong(1, value);
            try (java.sql.ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void aDraftIsDeletedWithItsSitesAndAuditedThen404AndItsMatricesStay() throws Exception {
        JsonNode s = scenario("草稿待删");
        long id = s.get("id").asLong();
        long candidateMatrix = s.at("/inputs/candidateMatrixId").asLong();
        long stationMatrix = s.at("/inputs/stationMatrixId").asLong();
        assertThat(count("scenario_site", "scenario_id", id)).isEqualTo(2);
        assertThat(scenarioIds()).contains(id);

        HttpResponse<String> gone = planner.send("DELETE", "/api/scenarios/" + id + "?region=demo", null);
        assertThat(gone.statusCode()).as(gone.body()).isEqualTo(204);
        assertThat(gone.body()).isEmpty();

        assertThat(scenarioIds()).doesNotContain(id);
        assertThat(json(planner.get("/api/scenarios/" + id + "?region=demo"), 404)
                        .get("detail")
                        .asText())
                .isEqualTo("scenario " + id + " not found in region 'demo'");
        assertThat(count("scenario_site", "scenario_id", id)).isZero();
        // the reach matrices are shared caches: they stay for other scenarios and later solves
        assertThat(count("candidate_matrix", "matrix_id", candidateMatrix)).isEqualTo(1);
        assertThat(count("candidate_matrix", "matrix_id", stationMatrix)).isEqualTo(1);
        // a second delete finds nothing
        assertThat(json(planner.send("DELETE", "/api/scenarios/" + id + "?region=demo", null), 404)
                        .get("detail")
                        .asText())
                .isEqualTo("no scenario " + id + " in region 'demo'");

        // audited: create, then delete by the planner with the scenario as it was
        JsonNode rows = audit("scenario", id);
        assertThat(rows.findValuesAsText("action")).containsExactly("delete", "create");
        JsonNode deleted = rows.get(0);
        assertThat(deleted.get("actor").asText()).isEqualTo("planner-li");
        assertThat(deleted.get("at").asText()).isNotBlank();
        assertThat(deleted.get("after").isNull()).isTrue();
        JsonNode before = deleted.get("before");
        assertThat(before.get("name").asText()).isEqualTo("草稿待删");
        assertThat(before.get("status").asText()).isEqualTo("draft");
        assertThat(before.get("sites")).hasSize(2);
        assertThat(before.get("candidateMatrixId").asLong()).isEqualTo(candidateMatrix);
        assertThat(before.get("createdBy").asText()).isEqualTo("planner-li");
    }

    @Test
    void anEditedDraftIsDeletedToo() {
        JsonNode s = scenario("改过的草稿");
        long id = s.get("id").asLong();
        int site = s.at("/sites/features/0/properties/siteId").asInt();
        json(planner.send("DELETE", "/api/scenarios/" + id + "/sites/" + site + "?region=demo", null), 200);
        // the edit's cover counts are in memory; the deletion drops them with the rows
        json(planner.get("/api/scenarios/" + id + "/cells?region=demo"), 200);
        json(planner.send("DELETE", "/api/scenarios/" + id + "?region=demo", null), 204);
        json(planner.get("/api/scenarios/" + id + "/cells?region=demo"), 404);
        json(
                planner.send("POST", "/api/scenarios/" + id + "/sites?region=demo", "{\"lat\":22.62,\"lon\":113.92}"),
                404);
    }

    @Test
    void aSubmittedOrReturnedScenarioIsARecordAndIsRefusedWith409ChangingNothing() {
        long id = scenario("已提交").get("id").asLong();
        json(planner.send("POST", "/api/scenarios/" + id + "/submit?region=demo", "{}"), 200);
        refused(id, "scenario " + id + " is submitted; only a draft that was never submitted can be deleted");

        json(leader.send("POST", "/api/proposals/" + id + "/return?region=demo", "{\"comment\":\"再想想\"}"), 200);
        refused(id, "scenario " + id + " is returned; only a draft that was never submitted can be deleted");
        // nor by an admin
        Map<String, String> before = DbSnapshot.of(app.db().database());
        assertThat(json(app.send("DELETE", "/api/scenarios/" + id + "?region=demo", null), 409)
                        .get("detail")
                        .asText())
                .contains("is returned");
        assertThat(DbSnapshot.of(app.db().database())).isEqualTo(before);

        json(planner.send("POST", "/api/scenarios/" + id + "/submit?region=demo", null), 200);
        json(leader.send("POST", "/api/proposals/" + id + "/approve?region=demo", null), 200);
        refused(id, "scenario " + id + " is approved; only a draft that was never submitted can be deleted");
        JsonNode read = json(planner.get("/api/scenarios/" + id + "?region=demo"), 200);
        assertThat(read.get("decisions")).hasSize(4);
        assertThat(audit("scenario", id).findValuesAsText("action")).doesNotContain("delete");
    }

    /** The planner's delete is refused with 409 naming the status, and no row of any table changes. */
    static void refused(long id, String detail) {
        Map<String, String> before = DbSnapshot.of(app.db().database());
        JsonNode problem = json(planner.send("DELETE", "/api/scenarios/" + id + "?region=demo", null), 409);
        assertThat(problem.get("status").asInt()).isEqualTo(409);
        assertThat(problem.get("detail").asText()).startsWith(detail);
        assertThat(DbSnapshot.of(app.db().database())).isEqualTo(before);
        assertThat(scenarioIds()).contains(id);
    }

    @Test
    void leadersAreRefused403AndTheAnonymous401ChangingNothing() {
        long id = scenario("只读者不能删").get("id").asLong();
        long run = json(planner.send("POST", "/api/coverage/runs?region=demo&group=rider", null), 201)
                .get("runId")
                .asLong();
        Map<String, String> before = DbSnapshot.of(app.db().database());
        for (String path :
                List.of("/api/scenarios/" + id + "?region=demo", "/api/coverage/runs/" + run + "?region=demo")) {
            HttpResponse<String> r = leader.send("DELETE", path, null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
            assertThat(ApiSession.json(r).get("detail").asText()).contains("role 'leader'");
            assertThat(app.anonymous().send("DELETE", path, null).statusCode()).isEqualTo(401);
        }
        assertThat(DbSnapshot.of(app.db().database())).isEqualTo(before);
        assertThat(scenarioIds()).contains(id);
        assertThat(runIds("rider")).contains(run);
    }

    @Test
    void aStoredRunIsDeletedWithItsFiguresAndAuditedThen404() throws Exception {
        JsonNode summary = json(planner.send("POST", "/api/coverage/runs?region=demo&group=rider", null), 201);
        long run = summary.get("runId").asLong();
        assertThat(summary.get("basedOnRunId").asLong()).isEqualTo(run);
        assertThat(count("coverage_cell", "coverage_run_id", run)).isPositive();
        assertThat(count("coverage_area", "coverage_run_id", run)).isPositive();
        json(app.get("/api/coverage/runs/" + run + "?region=demo"), 200);

        json(planner.send("DELETE", "/api/coverage/runs/" + run + "?region=demo", null), 204);
        assertThat(runIds("rider")).doesNotContain(run);
        assertThat(json(app.get("/api/coverage/runs/" + run + "?region=demo"), 404)
                        .get("detail")
                        .asText())
                .isEqualTo("no coverage run " + run + " in region 'demo'");
        assertThat(count("coverage_cell", "coverage_run_id", run)).isZero();
        assertThat(count("coverage_area", "coverage_run_id", run)).isZero();
        assertThat(count("coverage_station", "coverage_run_id", run)).isZero();
        // the figures in memory stay, but no longer name the deleted run
        JsonNode now = json(app.get("/api/coverage/summary?region=demo&group=rider"), 200);
        assertThat(now.get("runId").isNull()).isTrue();
        assertThat(now.get("basedOnRunId").isNull()).isTrue();
        assertThat(now.at("/overall/demand").asDouble())
                .isEqualTo(summary.at("/overall/demand").asDouble());
        assertThat(json(planner.send("DELETE", "/api/coverage/runs/" + run + "?region=demo", null), 404)
                        .get("detail")
                        .asText())
                .isEqualTo("no coverage run " + run + " in region 'demo'");

        JsonNode rows = audit("coverage_run", run);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("action").asText()).isEqualTo("delete");
        assertThat(rows.get(0).get("actor").asText()).isEqualTo("planner-li");
        assertThat(rows.get(0).at("/before/group").asText()).isEqualTo("rider");
        assertThat(rows.get(0).at("/before/demandLayerId").asLong())
                .isEqualTo(summary.get("demandLayerId").asLong());
        assertThat(rows.get(0).at("/before/demand").asDouble())
                .isCloseTo(summary.at("/overall/demand").asDouble(), org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void unknownOrMalformedIdsAre404Or400() {
        Map<String, String> before = DbSnapshot.of(app.db().database());
        assertThat(json(planner.send("DELETE", "/api/scenarios/987654?region=demo", null), 404)
                        .get("detail")
                        .asText())
                .isEqualTo("no scenario 987654 in region 'demo'");
        assertThat(json(planner.send("DELETE", "/api/coverage/runs/987654?region=demo", null), 404)
                        .get("detail")
                        .asText())
                .isEqualTo("no coverage run 987654 in region 'demo'");
        json(planner.send("DELETE", "/api/scenarios/abc?region=demo", null), 400);
        json(planner.send("DELETE", "/api/coverage/runs/-3?region=demo", null), 400);
        assertThat(DbSnapshot.of(app.db().database())).isEqualTo(before);
    }

    /**
     * The user story: a planner wants to delete a demand layer; the refusal names the scenarios and stored runs that
     * use it; the planner deletes each of them and then the layer.
     */
    @Test
    void aLayerInUseIsClearedByDeletingWhatTheRefusalNamesThenDeleted() throws Exception {
        // a fresh rider layer (the newest, so runs and scenarios use it): demand at three points of the demo city
        String csv = "group,lon,lat,weight\nrider,113.9125,22.6225,5\nrider,113.9300,22.6300,3\n"
                + "rider,113.9500,22.6100,2\n";
        long layer = json(
                        planner.upload("/api/demand?region=demo", "riders.csv", csv.getBytes(StandardCharsets.UTF_8)),
                        201)
                .get(0)
                .get("id")
                .asLong();
        long run1 = json(planner.send("POST", "/api/coverage/runs?region=demo&group=rider", null), 201)
                .get("runId")
                .asLong();
        long run2 = json(planner.send("POST", "/api/coverage/runs?region=demo&group=rider", null), 201)
                .get("runId")
                .asLong();
        JsonNode s1 = json(
                planner.send(
                        "POST",
                        "/api/scenarios?region=demo",
                        "{\"name\":\"图层上的方案一\",\"problem\":\"mclp\",\"p\":1,\"minutes\":10,\"async\":false}"),
                201);
        JsonNode s2 = json(
                planner.send(
                        "POST",
                        "/api/scenarios?region=demo",
                        "{\"name\":\"图层上的方案二\",\"problem\":\"mclp\",\"p\":2,\"minutes\":10,\"async\":false}"),
                201);
        assertThat(s1.at("/inputs/demandLayerId").asLong()).isEqualTo(layer);
        assertThat(s2.at("/inputs/demandLayerId").asLong()).isEqualTo(layer);
        long id1 = s1.get("id").asLong();
        long id2 = s2.get("id").asLong();

        String path = "/api/demand/layers/" + layer + "?region=demo";
        assertThat(json(planner.send("DELETE", path, null), 409).get("detail").asText())
                .isEqualTo("demand layer " + layer + " is used by scenarios " + id1 + ", " + id2
                        + " and stored coverage runs " + run1 + ", " + run2 + "; delete them first");

        // delete what it names, one by one: the refusal shrinks
        json(planner.send("DELETE", "/api/scenarios/" + id1 + "?region=demo", null), 204);
        json(planner.send("DELETE", "/api/coverage/runs/" + run1 + "?region=demo", null), 204);
        assertThat(json(planner.send("DELETE", path, null), 409).get("detail").asText())
                .isEqualTo("demand layer " + layer + " is used by scenario " + id2 + " and stored coverage run " + run2
                        + "; delete them first");
        json(planner.send("DELETE", "/api/scenarios/" + id2 + "?region=demo", null), 204);
        assertThat(json(planner.send("DELETE", path, null), 409).get("detail").asText())
                .isEqualTo("demand layer " + layer + " is used by stored coverage run " + run2 + "; delete it first");
        json(planner.send("DELETE", "/api/coverage/runs/" + run2 + "?region=demo", null), 204);

        HttpResponse<String> gone = planner.send("DELETE", path, null);
        assertThat(gone.statusCode()).as(gone.body()).isEqualTo(204);
        List<Long> layers = new ArrayList<>();
        json(planner.get("/api/demand/layers?region=demo"), 200)
                .forEach(l -> layers.add(l.get("id").asLong()));
        assertThat(layers).doesNotContain(layer);
        assertThat(count("candidate_matrix", "demand_layer_id", layer)).isZero();
        // the map's figures fall back to the demo's own rider layer
        JsonNode summary = json(app.get("/api/coverage/summary?region=demo&group=rider"), 200);
        assertThat(summary.get("demandLayerId").asLong()).isNotEqualTo(layer);
    }
}
