package dev.outpost.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.account.AccessPolicy;
import dev.outpost.account.AccessRule;
import dev.outpost.account.AccountService;
import dev.outpost.account.Area;
import dev.outpost.account.Role;
import dev.outpost.account.Scope;
import dev.outpost.app.ApiSession;
import dev.outpost.app.TestApp;
import dev.outpost.common.Actor;
import dev.outpost.district.Region;
import dev.outpost.store.DbSnapshot;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The authorisation matrix over real HTTP: every rule of the access policy against every kind of caller — the
 * public, a planner of the demo region, a planner of another region, the leader of district A (河西区 449901), the
 * leader of district B (河东区 449902) and an admin. The expected answer is worked out here from the rule's roles and
 * scope and the caller's areas (not by asking the authorizer): refused callers get exactly 401 (not logged in) or
 * 403, allowed ones reach the handler (which answers what it answers to a dummy request, never 401/403/5xx). Every
 * route the server registers must have a rule. No request of the matrix may change any data.
 */
class AuthorizationMatrixTest {
    static final String DISTRICT_A = "449901";
    static final String DISTRICT_B = "449902";
    /** Rules written ahead of their routes; remove a line when its route lands. */
    static final Set<String> PLANNED = Set.of();
    /**
     * A scenario of district A submitted by the planner and approved by leader A before the matrix runs: the
     * matrix's proposal requests act on it (a leader of A reaches the handler, which refuses the decided proposal
     * without changing anything; leader B is refused by the area check). 0 when the demo city is absent.
     */
    static long decidedProposal;

    static TestApp app;
    static final Map<String, Caller> CALLERS = new java.util.LinkedHashMap<>();
    static final Map<String, ApiSession> SESSIONS = new HashMap<>();

    /** A kind of caller: role (PUBLIC for no login) and areas, with the password to log in again after a logout. */
    record Caller(String name, Role role, List<Area> areas, String password) {}

    @BeforeAll
    static void start() {
        app = TestApp.start("authmatrix", true, Map.of());
        app.components().regions().upsert(new Region("other", "别市", "Other City", true));
        add(new Caller("public", Role.PUBLIC, List.of(), null));
        add(new Caller("planner", Role.PLANNER, List.of(Area.region("demo")), "planner-pass-1"));
        add(new Caller("planner-other", Role.PLANNER, List.of(Area.region("other")), "planner-pass-2"));
        add(new Caller("leader-a", Role.LEADER, List.of(new Area("demo", DISTRICT_A)), "leader-pass-a"));
        add(new Caller("leader-b", Role.LEADER, List.of(new Area("demo", DISTRICT_B)), "leader-pass-b"));
        add(new Caller(TestApp.ADMIN, Role.ADMIN, List.of(), app.adminPassword()));
        // not a caller of the matrix: its role changes in a test
        app.createUser("author", Role.PLANNER, List.of(Area.region("demo")), "author-pass-1");
        Path csv = TestApp.repoRoot().resolve("geodata/demo-city/candidates.csv");
        if (Files.isRegularFile(csv)) {
            try {
                HttpResponse<String> r =
                        app.upload("/api/imports/candidates?region=demo", "candidates.csv", Files.readAllBytes(csv));
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            ApiSession planner = session(CALLERS.get("planner"));
            decidedProposal = scenarioOfA(planner, "已决定的方案");
            HttpResponse<String> submitted =
                    planner.send("POST", "/api/scenarios/" + decidedProposal + "/submit?region=demo", "{}");
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
            HttpResponse<String> approved = session(CALLERS.get("leader-a"))
                    .send("POST", "/api/proposals/" + decidedProposal + "/approve?region=demo", "{}");
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        }
    }

    /** A new scenario with two sites among the candidates of district A, solved at once; its id. */
    static long scenarioOfA(ApiSession s, String name) {
        HttpResponse<String> r = s.send(
                "POST",
                "/api/scenarios?region=demo",
                "{\"name\":\"" + name + "\",\"problem\":\"mclp\",\"p\":2,\"minutes\":5,\"async\":false,"
                        + "\"candidates\":{\"sources\":[\"import\"],\"districts\":[\"" + DISTRICT_A + "\"]}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return ApiSession.json(r).get("id").asLong();
    }

    static void add(Caller c) {
        if (c.role() != Role.PUBLIC && !c.name().equals(TestApp.ADMIN)) {
            app.createUser(c.name(), c.role(), c.areas(), c.password());
        }
        CALLERS.put(c.name(), c);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static ApiSession session(Caller c) {
        if (c.role() == Role.PUBLIC) {
            return app.anonymous();
        }
        return SESSIONS.computeIfAbsent(c.name(), n -> app.login(n, c.password()));
    }

    /** Every route the running server registered, as {@code METHOD path}. */
    static Set<String> registeredRoutes() {
        return app.javalin().unsafe.internalRouter.allHttpHandlers().stream()
                .map(p -> p.endpoint)
                .filter(e -> e.method.isHttpMethod())
                .map(e -> e.method.name() + " " + e.path)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyRegisteredRouteHasARuleInThePolicy() {
        Set<String> routes = registeredRoutes();
        assertThat(routes).as("the server's routes").hasSizeGreaterThan(15);
        Set<String> ruled =
                AccessPolicy.standard().rules().stream().map(AccessRule::key).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(routes);
        missing.removeAll(ruled);
        assertThat(missing).as("routes without an access rule").isEmpty();
        Set<String> unrouted = new TreeSet<>(ruled);
        unrouted.removeAll(routes);
        assertThat(unrouted)
                .as("rules without a route (only those written ahead)")
                .isEqualTo(new TreeSet<>(PLANNED));
    }

    /** 401 for the public, 403 for others, when the rule refuses; 0 ("anything but 401/403/5xx") when it allows. */
    static int expected(AccessRule rule, Caller c) {
        if (rule.roles().contains(Role.PUBLIC)) {
            return 0;
        }
        if (c.role() == Role.PUBLIC) {
            return 401;
        }
        if (!rule.roles().contains(c.role())) {
            return 403;
        }
        if (c.role() == Role.ADMIN) {
            return 0;
        }
        // the matrix acts on region "demo" and district A
        boolean demoArea = c.areas().stream().anyMatch(a -> a.regionCode().equals("demo"));
        boolean coversA = c.areas().stream()
                .anyMatch(a -> a.regionCode().equals("demo")
                        && (a.wholeRegion() || a.districtCode().equals(DISTRICT_A)));
        if (rule.scope() == Scope.REGION && !demoArea) {
            return 403;
        }
        if (rule.scope() == Scope.DISTRICT && !coversA) {
            return 403;
        }
        return 0;
    }

    static String concretePath(AccessRule rule) {
        // proposal steps, and deleting a scenario (refused with 409 for a decided one), act on the decided proposal
        boolean proposal = rule.path().startsWith("/api/proposals/")
                || rule.path().endsWith("/submit")
                || rule.key().equals("DELETE /api/scenarios/{id}");
        return rule.path()
                        .replace("{id}", proposal && decidedProposal > 0 ? Long.toString(decidedProposal) : "999999")
                        .replace("{siteId}", "999999")
                        .replace("{name}", "nobody-here")
                        .replace("{code}", "NOCODE")
                        .replace("{h3}", "8a2a1072b59ffff")
                        .replace("{file}", DISTRICT_A + ".xlsx")
                        .replace("{district}", DISTRICT_A)
                + "?region=demo&district=" + DISTRICT_A + "&area=" + DISTRICT_A;
    }

    @TestFactory
    List<DynamicTest> everyRuleAgainstEveryCaller() {
        Map<String, String> before = DbSnapshot.of(app.db().database());
        Set<String> routes = registeredRoutes();
        List<DynamicTest> tests = new ArrayList<>();
        for (AccessRule rule : AccessPolicy.standard().rules()) {
            for (Caller c : CALLERS.values()) {
                tests.add(DynamicTest.dynamicTest(rule.key() + " as " + c.name(), () -> {
                    Assumptions.assumeTrue(
                            routes.contains(rule.key()), "no route yet for " + rule.key() + " (rule written ahead)");
                    ApiSession s = session(c);
                    String path = concretePath(rule);
                    HttpResponse<String> r =
                            rule.method().equals("GET") ? s.get(path) : s.send(rule.method(), path, "{}");
                    int want = expected(rule, c);
                    if (want == 0) {
                        assertThat(r.statusCode())
                                .as("%s as %s: %s", rule.key(), c.name(), r.body())
                                .isNotIn(401, 403)
                                .isLessThan(500);
                    } else {
                        assertThat(r.statusCode())
                                .as("%s as %s: %s", rule.key(), c.name(), r.body())
                                .isEqualTo(want);
                        assertThat(ApiSession.json(r).get("detail").asText()).isNotBlank();
                    }
                    if (rule.path().equals("/api/auth/logout") && r.statusCode() == 204) {
                        SESSIONS.remove(c.name()); // log in again for the following rules
                    }
                }));
            }
        }
        tests.add(DynamicTest.dynamicTest(
                "no request of the matrix changed any data",
                () -> assertThat(DbSnapshot.of(app.db().database())).isEqualTo(before)));
        return tests;
    }

    @Test
    void aLeaderOfOneDistrictCannotActOnAnother() {
        ApiSession a = session(CALLERS.get("leader-a"));
        assertThat(a.get("/api/audit?region=demo&district=" + DISTRICT_A).statusCode())
                .isEqualTo(200);
        assertThat(a.get("/api/audit?region=demo&district=449901001").statusCode())
                .as("a subdistrict of A")
                .isEqualTo(200);
        HttpResponse<String> r = a.get("/api/audit?region=demo&district=" + DISTRICT_B);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(ApiSession.json(r).get("detail").asText())
                .contains("leader-a")
                .contains(DISTRICT_B);
        assertThat(a.get("/api/audit?region=demo&district=449902001").statusCode())
                .as("a subdistrict of B")
                .isEqualTo(403);
    }

    @Test
    void onlyALeaderOfTheProposalsAreaDecidesItAndNeverItsAuthor() {
        Assumptions.assumeTrue(decidedProposal > 0, "skipped: the demo city's candidates are absent");
        ApiSession author = app.login("author", "author-pass-1");
        long id = scenarioOfA(author, "作者自己的方案");
        String approve = "/api/proposals/" + id + "/approve?region=demo";
        String back = "/api/proposals/" + id + "/return?region=demo";
        HttpResponse<String> submitted = author.send(
                "POST", "/api/scenarios/" + id + "/submit?region=demo", "{\"area\":\"" + DISTRICT_A + "\"}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        assertThat(ApiSession.json(submitted).get("status").asText()).isEqualTo("submitted");
        Map<String, String> before = DbSnapshot.of(app.db().database());

        // a planner approving their own proposal, or another planner's: planners do not decide
        HttpResponse<String> own = author.send("POST", approve, "{}");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(403);
        assertThat(ApiSession.json(own).get("detail").asText()).contains("role 'planner'");
        assertThat(session(CALLERS.get("planner")).send("POST", approve, "{}").statusCode())
                .isEqualTo(403);
        // a leader of another district, approving or sending back
        for (String path : List.of(approve, back)) {
            HttpResponse<String> r = session(CALLERS.get("leader-b")).send("POST", path, "{\"comment\":\"不同意\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
            assertThat(ApiSession.json(r).get("detail").asText())
                    .contains("leader-b")
                    .contains(DISTRICT_A);
        }
        assertThat(DbSnapshot.of(app.db().database())).isEqualTo(before);
        // the author made leader of A still may not decide on their own proposal
        Actor.as(TestApp.ADMIN, () -> app.components()
                .accounts()
                .updateUser(
                        "author",
                        new AccountService.UserChange(
                                null, Role.LEADER, List.of(new Area("demo", DISTRICT_A)), null, null)));
        ApiSession promoted = app.login("author", "author-pass-1");
        before = DbSnapshot.of(app.db().database());
        HttpResponse<String> self = promoted.send("POST", approve, "{}");
        assertThat(self.statusCode()).as(self.body()).isEqualTo(403);
        assertThat(ApiSession.json(self).get("detail").asText()).contains("made this proposal");
        // leader B does not see it among the proposals; nothing changed so far
        assertThat(ids(session(CALLERS.get("leader-b")).get("/api/proposals?region=demo")))
                .doesNotContain(id);
        assertThat(DbSnapshot.of(app.db().database())).isEqualTo(before);

        // the leader of A sees it and approves it: its sites become planned stations
        assertThat(ids(session(CALLERS.get("leader-a")).get("/api/proposals?region=demo")))
                .contains(id);
        HttpResponse<String> ok = session(CALLERS.get("leader-a")).send("POST", approve, "{\"comment\":\"同意\"}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        JsonNode p = ApiSession.json(ok);
        assertThat(p.get("status").asText()).isEqualTo("approved");
        assertThat(p.get("area").asText()).isEqualTo(DISTRICT_A);
        JsonNode last = p.get("decisions").get(1);
        assertThat(last.get("actor").asText()).isEqualTo("leader-a");
        assertThat(last.get("step").asText()).isEqualTo("approved");
        assertThat(last.get("stationIds")).hasSize(2);
        for (JsonNode stationId : last.get("stationIds")) {
            JsonNode st = ApiSession.json(app.get("/api/stations/" + stationId.asLong() + "?region=demo"));
            assertThat(st.toString()).contains("planned");
        }
    }

    static List<Long> ids(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<Long> out = new ArrayList<>();
        ApiSession.json(r).get("proposals").forEach(x -> out.add(x.get("id").asLong()));
        return out;
    }
}
