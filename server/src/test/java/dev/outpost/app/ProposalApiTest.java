package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.account.Area;
import dev.outpost.account.Role;
import dev.outpost.store.DbSnapshot;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The proposal workflow over real HTTP on the demo city: the submit contract the planner page relies on, the history
 * on {@code GET /api/scenarios/{id}}, the leaders' list, and bad input — empty or oversized comments, decisions on a
 * scenario already decided, unknown districts and scenarios, broken bodies — each a clear JSON problem that changes
 * nothing.
 */
class ProposalApiTest {
    static final String HEXI = "449901";
    static final String HEDONG = "449902";
    static TestApp app;
    static ApiSession planner;
    static ApiSession leader;
    static ApiSession cityLeader;

    @BeforeAll
    static void start() throws Exception {
        Path csv = TestApp.repoRoot().resolve("geodata/demo-city/candidates.csv");
        Assumptions.assumeTrue(Files.isRegularFile(csv), "skipped: the demo city is absent from " + csv);
        app = TestApp.start("proposal_api", true, Map.of());
        HttpResponse<String> r =
                app.upload("/api/imports/candidates?region=demo", "candidates.csv", Files.readAllBytes(csv));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        app.createUser("planner-wang", Role.PLANNER, List.of(Area.region("demo")), "planner-pass-9");
        app.createUser("leader-hexi", Role.LEADER, List.of(new Area("demo", HEXI)), "leader-pass-9");
        app.createUser("leader-city", Role.LEADER, List.of(Area.region("demo")), "leader-pass-8");
        planner = app.login("planner-wang", "planner-pass-9");
        cityLeader = app.login("leader-city", "leader-pass-8");
        leader = app.login("leader-hexi", "leader-pass-9");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    static JsonNode json(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return ApiSession.json(r);
    }

    /** A solved scenario of two sites among the candidates of one district. */
    static long scenario(String name, String district) {
        return json(
                        planner.send(
                                "POST",
                                "/api/scenarios?region=demo",
                                "{\"name\":\"" + name + "\",\"problem\":\"mclp\",\"p\":2,\"minutes\":5,\"async\":false,"
                                        + "\"candidates\":{\"sources\":[\"import\"],\"districts\":[\"" + district
                                        + "\"]}}"),
                        201)
                .get("id")
                .asLong();
    }

    /** Sends a request that must be refused with {@code status} and a detail containing {@code detail}. */
    static void refused(ApiSession s, String path, String body, int status, String detail) {
        Map<String, String> before = DbSnapshot.of(app.db().database());
        JsonNode problem = json(s.send("POST", path, body), status);
        assertThat(problem.get("detail").asText()).contains(detail);
        assertThat(DbSnapshot.of(app.db().database()))
                .as("nothing changed: " + detail)
                .isEqualTo(before);
    }

    @Test
    void submitReturnResubmitApproveOverHttp() {
        long id = scenario("河西区两个新站", HEXI);
        JsonNode submitted = json(
                planner.send("POST", "/api/scenarios/" + id + "/submit?region=demo", "{\"comment\":\"请审阅\"}"), 200);
        // the contract of the planner page: the scenario JSON with status submitted
        assertThat(submitted.get("id").asLong()).isEqualTo(id);
        assertThat(submitted.get("status").asText()).isEqualTo("submitted");
        assertThat(submitted.get("area").asText()).isEqualTo(HEXI);
        assertThat(submitted.get("areaName").asText()).isEqualTo("河西区");
        assertThat(submitted.at("/sites/features")).hasSize(2);

        JsonNode list = json(leader.get("/api/proposals?region=demo"), 200);
        assertThat(list.get("proposals").findValuesAsText("id")).contains(Long.toString(id));
        JsonNode back = json(
                leader.send("POST", "/api/proposals/" + id + "/return?region=demo", "{\"comment\":\"成本未填\"}"), 200);
        assertThat(back.get("status").asText()).isEqualTo("returned");
        json(planner.send("POST", "/api/scenarios/" + id + "/submit?region=demo", null), 200);
        JsonNode approved = json(leader.send("POST", "/api/proposals/" + id + "/approve?region=demo", null), 200);
        assertThat(approved.get("status").asText()).isEqualTo("approved");

        JsonNode read = json(planner.get("/api/scenarios/" + id + "?region=demo"), 200);
        assertThat(read.get("status").asText()).isEqualTo("approved");
        JsonNode decisions = read.get("decisions");
        assertThat(decisions).hasSize(4);
        assertThat(decisions.findValuesAsText("step"))
                .containsExactly("submitted", "returned", "submitted", "approved");
        assertThat(decisions.findValuesAsText("actor"))
                .containsExactly("planner-wang", "leader-hexi", "planner-wang", "leader-hexi");
        assertThat(decisions.get(0).get("comment").asText()).isEqualTo("请审阅");
        assertThat(decisions.get(1).get("comment").asText()).isEqualTo("成本未填");
        // the approval's stations are planned stations of the register, at the sites' positions with their names
        JsonNode sites = read.at("/sites/features");
        JsonNode ids = decisions.get(3).get("stationIds");
        assertThat(ids).hasSize(2);
        for (int k = 0; k < 2; k++) {
            JsonNode st = json(app.get("/api/stations/" + ids.get(k).asLong() + "?region=demo"), 200);
            String text = st.toString();
            assertThat(text).contains("\"planned\"");
            String name = sites.get(k).at("/properties/name").asText();
            assertThat(text).contains(name);
        }
        // the audit log shows every step to the area's leader
        JsonNode audit = json(leader.get("/api/audit?region=demo&entity=scenario&entityId=" + id), 200);
        assertThat(audit.get("entries")).hasSize(4);
    }

    @Test
    void badInputIsAClearErrorAndChangesNothing() {
        long id = scenario("河西区坏请求", HEXI);
        String submit = "/api/scenarios/" + id + "/submit?region=demo";
        String approve = "/api/proposals/" + id + "/approve?region=demo";
        String back = "/api/proposals/" + id + "/return?region=demo";
        refused(planner, submit, "{\"area\":\"999999\"}", 400, "area: unknown district '999999' in region 'demo'");
        refused(planner, submit, "{\"area\":\"" + HEDONG + "\"}", 400, "2 of 2 sites lie outside 河东区 (449902)");
        refused(planner, submit, "{\"comment\":\"" + "长".repeat(2001) + "\"}", 400, "comment: 2001 characters");
        refused(planner, submit, "{\"comment\":42}", 400, "field 'comment' must be text");
        refused(planner, submit, "[1,2]", 400, "the body must be a JSON object");
        refused(planner, submit, "{oops", 400, "the body is not valid JSON");
        refused(planner, "/api/scenarios/987654/submit?region=demo", "{}", 404, "scenario 987654 not found");
        // a draft has no area yet: only a leader of the whole region reaches the handler, which names the status
        refused(cityLeader, approve, "{}", 409, "scenario " + id + " is draft; only submitted proposals");
        refused(leader, approve, "{}", 403, "does not answer for the whole region 'demo'");

        json(planner.send("POST", submit, "{\"area\":\"" + HEXI + "\"}"), 200);
        refused(planner, submit, "{}", 409, "is submitted; only draft and returned scenarios can be submitted");
        refused(leader, back, "{}", 400, "comment: required when sending a proposal back");
        refused(leader, back, "{\"comment\":\"   \"}", 400, "comment: required");
        refused(leader, back, "{\"comment\":\"" + "长".repeat(2001) + "\"}", 400, "at most 2000 allowed");
        refused(leader, approve, "{\"comment\":\"" + "长".repeat(2001) + "\"}", 400, "at most 2000 allowed");

        json(leader.send("POST", approve, "{\"comment\":\"同意\"}"), 200);
        refused(leader, approve, "{}", 409, "scenario " + id + " is approved");
        refused(leader, back, "{\"comment\":\"撤回\"}", 409, "is approved");
        refused(planner, submit, "{}", 409, "is approved");
        // an approved scenario can no longer be edited
        JsonNode edit = json(app.send("DELETE", "/api/scenarios/" + id + "/sites/1?region=demo", null), 409);
        assertThat(edit.get("detail").asText()).contains("is approved");
        // an unknown status in the list
        assertThat(json(leader.get("/api/proposals?region=demo&status=maybe"), 400)
                        .get("detail")
                        .asText())
                .contains("parameter 'status': unknown scenario status 'maybe'");
    }
}
