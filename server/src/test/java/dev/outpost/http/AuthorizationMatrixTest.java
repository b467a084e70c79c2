package dev.outpost.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.account.AccessPolicy;
import dev.outpost.account.AccessRule;
import dev.outpost.account.Area;
import dev.outpost.account.Role;
import dev.outpost.account.Scope;
import dev.outpost.app.ApiSession;
import dev.outpost.app.TestApp;
import dev.outpost.district.Region;
import dev.outpost.store.DbSnapshot;
import java.net.http.HttpResponse;
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
    /** Rules written ahead of their routes (issue 6, the proposal workflow); remove a line when its route lands. */
    static final Set<String> PLANNED = Set.of("POST /api/proposals/{id}/approve", "POST /api/proposals/{id}/return");

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
        return rule.path()
                        .replace("{id}", "999999")
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
}
