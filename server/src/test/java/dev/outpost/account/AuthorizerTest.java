package dev.outpost.account;

import static dev.outpost.account.InMemoryDistricts.A;
import static dev.outpost.account.InMemoryDistricts.A1;
import static dev.outpost.account.InMemoryDistricts.A1A;
import static dev.outpost.account.InMemoryDistricts.A2;
import static dev.outpost.account.InMemoryDistricts.B;
import static dev.outpost.account.InMemoryDistricts.B1;
import static dev.outpost.account.InMemoryDistricts.C;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.account.Decision.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The policy's role, region, district and author checks on a small district tree, without HTTP or database. */
class AuthorizerTest {
    static final User PLANNER = user("pat", Role.PLANNER, Area.region("demo"));
    static final User PLANNER_OTHER = user("olga", Role.PLANNER, Area.region("other"));
    static final User LEADER_A = user("lee-a", Role.LEADER, new Area("demo", A));
    static final User LEADER_B = user("lee-b", Role.LEADER, new Area("demo", B));
    static final User LEADER_A1 = user("lee-a1", Role.LEADER, new Area("demo", A1));
    static final User ADMIN = user("ada", Role.ADMIN);

    /** Proposals of the test: id 7 in district A1 by planner pat, id 8 in B by lee-a (a leader who drafted it). */
    static final TargetResolver PROPOSALS = (region, params) -> switch (params.getOrDefault("id", "")) {
        case "7" -> Optional.of(new Target("demo", A1, "pat"));
        case "8" -> Optional.of(new Target("demo", B, "lee-a"));
        case "9" -> Optional.of(new Target("demo", A, "lee-a"));
        default -> Optional.empty();
    };

    final Authorizer authorizer =
            new Authorizer(AccessPolicy.standard(), new InMemoryDistricts(), Map.of("proposal", PROPOSALS));

    static User user(String name, Role role, Area... areas) {
        return new User(name, name, role, List.of(areas), false, null);
    }

    Outcome decide(String method, String path, User who) {
        return decide(method, path, Map.of(), "demo", null, who);
    }

    Outcome decide(String method, String path, Map<String, String> params, String region, String district, User who) {
        return authorizer
                .decide(new AccessRequest(method, path, params, region, district, who))
                .outcome();
    }

    @Test
    void publicEndpointsAreOpenToEverybody() {
        for (User who : new User[] {null, PLANNER, LEADER_A, ADMIN}) {
            assertThat(decide("GET", "/api/stations", who)).isEqualTo(Outcome.ALLOW);
            assertThat(decide("POST", "/api/auth/login", who)).isEqualTo(Outcome.ALLOW);
        }
    }

    @Test
    void rolesDecideFirstPublicNeedsLoginOthersAreForbidden() {
        assertThat(decide("POST", "/api/stations", null)).isEqualTo(Outcome.LOGIN_REQUIRED);
        assertThat(decide("POST", "/api/stations", LEADER_A)).isEqualTo(Outcome.FORBIDDEN);
        assertThat(decide("POST", "/api/stations", PLANNER)).isEqualTo(Outcome.ALLOW);
        assertThat(decide("POST", "/api/stations", ADMIN)).isEqualTo(Outcome.ALLOW);
        assertThat(decide("GET", "/api/admin/users", PLANNER)).isEqualTo(Outcome.FORBIDDEN);
        assertThat(decide("GET", "/api/admin/users", LEADER_A)).isEqualTo(Outcome.FORBIDDEN);
        assertThat(decide("GET", "/api/admin/users", ADMIN)).isEqualTo(Outcome.ALLOW);
        Decision d = authorizer.decide(
                new AccessRequest("PUT", "/api/stations/{id}", Map.of("id", "3"), "demo", null, LEADER_B));
        assertThat(d.reason())
                .contains("role 'leader'")
                .contains("PUT /api/stations/{id}")
                .contains("planner");
    }

    @Test
    void plannersActOnlyInTheirRegions() {
        assertThat(decide("POST", "/api/imports/stations", Map.of(), "demo", null, PLANNER))
                .isEqualTo(Outcome.ALLOW);
        assertThat(decide("POST", "/api/imports/stations", Map.of(), "other", null, PLANNER))
                .isEqualTo(Outcome.FORBIDDEN);
        assertThat(decide("POST", "/api/imports/stations", Map.of(), "other", null, PLANNER_OTHER))
                .isEqualTo(Outcome.ALLOW);
        assertThat(decide("POST", "/api/imports/stations", Map.of(), "other", null, ADMIN))
                .isEqualTo(Outcome.ALLOW);
        Decision d =
                authorizer.decide(new AccessRequest("POST", "/api/stations", Map.of(), "demo", null, PLANNER_OTHER));
        assertThat(d.reason()).contains("olga").contains("region 'demo'");
    }

    @Test
    void leadersSeeTheirDistrictAndEverythingBelowItButNotTheNeighbours() {
        assertThat(decide("GET", "/api/audit", Map.of(), "demo", A, LEADER_A)).isEqualTo(Outcome.ALLOW);
        assertThat(decide("GET", "/api/audit", Map.of(), "demo", A1A, LEADER_A)).isEqualTo(Outcome.ALLOW);
        assertThat(decide("GET", "/api/audit", Map.of(), "demo", B, LEADER_A)).isEqualTo(Outcome.FORBIDDEN);
        assertThat(decide("GET", "/api/audit", Map.of(), "demo", B1, LEADER_A)).isEqualTo(Outcome.FORBIDDEN);
        // a subdistrict leader answers for neither the district above nor the sibling
        assertThat(decide("GET", "/api/audit", Map.of(), "demo", A1A, LEADER_A1))
                .isEqualTo(Outcome.ALLOW);
        assertThat(decide("GET", "/api/audit", Map.of(), "demo", A, LEADER_A1)).isEqualTo(Outcome.FORBIDDEN);
        assertThat(decide("GET", "/api/audit", Map.of(), "demo", A2, LEADER_A1)).isEqualTo(Outcome.FORBIDDEN);
        // the same code in another region is another area
        assertThat(decide("GET", "/api/audit", Map.of(), "other", A, LEADER_A)).isEqualTo(Outcome.FORBIDDEN);
        // an unknown district is nobody's (but an admin's, whose request then fails in the handler)
        assertThat(decide("GET", "/api/audit", Map.of(), "demo", "999", LEADER_A))
                .isEqualTo(Outcome.FORBIDDEN);
        assertThat(decide("GET", "/api/audit", Map.of(), "demo", "999", ADMIN)).isEqualTo(Outcome.ALLOW);
        // no district named: allowed, the handler limits the rows
        assertThat(decide("GET", "/api/audit", Map.of(), "demo", null, LEADER_B))
                .isEqualTo(Outcome.ALLOW);
    }

    @Test
    void proposalDecisionsGoToALeaderOfTheAreaWhoDidNotWriteIt() {
        Map<String, String> seven = Map.of("id", "7"); // district A1, by planner pat
        assertThat(decide("POST", "/api/proposals/{id}/approve", seven, "demo", null, LEADER_A))
                .isEqualTo(Outcome.ALLOW);
        assertThat(decide("POST", "/api/proposals/{id}/approve", seven, "demo", null, LEADER_B))
                .as("a leader of another district")
                .isEqualTo(Outcome.FORBIDDEN);
        assertThat(decide("POST", "/api/proposals/{id}/approve", seven, "demo", null, PLANNER))
                .as("the planner who submitted it")
                .isEqualTo(Outcome.FORBIDDEN);
        assertThat(decide("POST", "/api/proposals/{id}/return", seven, "demo", null, null))
                .isEqualTo(Outcome.LOGIN_REQUIRED);
        // lee-a drafted proposal 9 in their own district: still not theirs to decide
        Decision own = authorizer.decide(
                new AccessRequest("POST", "/api/proposals/{id}/approve", Map.of("id", "9"), "demo", null, LEADER_A));
        assertThat(own.outcome()).isEqualTo(Outcome.FORBIDDEN);
        assertThat(own.reason()).contains("lee-a").contains("may not decide");
        // a district named in the query cannot widen the check past the proposal's own district
        assertThat(decide("POST", "/api/proposals/{id}/approve", Map.of("id", "8"), "demo", A, LEADER_A))
                .as("proposal 8 is in district B whatever the query says")
                .isEqualTo(Outcome.FORBIDDEN);
        assertThat(decide("POST", "/api/proposals/{id}/approve", Map.of("id", "8"), "demo", null, LEADER_B))
                .isEqualTo(Outcome.ALLOW);
        // unknown proposal: allowed through, the handler answers 404
        assertThat(decide("POST", "/api/proposals/{id}/approve", Map.of("id", "404"), "demo", null, LEADER_B))
                .isEqualTo(Outcome.ALLOW);
    }

    @Test
    void aRuleWhoseTargetCannotBeResolvedIsRefused() {
        Authorizer withoutResolver = new Authorizer(AccessPolicy.standard(), new InMemoryDistricts(), Map.of());
        Decision d = withoutResolver.decide(
                new AccessRequest("POST", "/api/proposals/{id}/approve", Map.of("id", "7"), "demo", null, LEADER_A));
        assertThat(d.outcome()).isEqualTo(Outcome.FORBIDDEN);
        assertThat(d.reason()).contains("no resolver for target 'proposal'");
    }

    @Test
    void endpointsWithoutARuleAreReadableButNeverWritable() {
        assertThat(decide("GET", "/api/not-in-the-table", null)).isEqualTo(Outcome.ALLOW);
        for (String m : List.of("POST", "PUT", "PATCH", "DELETE")) {
            Decision d =
                    authorizer.decide(new AccessRequest(m, "/api/not-in-the-table", Map.of(), "demo", null, ADMIN));
            assertThat(d.outcome()).as(m).isEqualTo(Outcome.FORBIDDEN);
            assertThat(d.reason()).contains("no access rule");
        }
    }

    @Test
    void visibleAreasExpandDistrictsToEverythingBelow() {
        assertThat(authorizer.visibleAreas(ADMIN)).isNull();
        AreaFilter a = authorizer.visibleAreas(LEADER_A);
        assertThat(a.wholeRegions()).isEmpty();
        assertThat(a.areaCodes()).isEqualTo(Map.of("demo", Set.of(A, A1, A1A, A2)));
        AreaFilter p = authorizer.visibleAreas(PLANNER);
        assertThat(p.wholeRegions()).containsExactly("demo");
        assertThat(authorizer.visibleAreas(user("nobody", Role.LEADER)).isEmpty())
                .isTrue();
        assertThat(authorizer.areaAndBelow("other", C)).containsExactly(C);
    }

    @Test
    void thePolicyTableIsWellFormed() {
        AccessPolicy policy = AccessPolicy.standard();
        assertThat(policy.rules()).hasSizeGreaterThan(20);
        for (AccessRule r : policy.rules()) {
            assertThat(r.path()).startsWith("/");
            assertThat(r.purpose()).isNotBlank();
            if (r.isWrite() && r.roles().contains(Role.PUBLIC)) {
                assertThat(r.path()).as("the only public write is the login").isEqualTo("/api/auth/login");
            }
        }
        assertThatThrownBy(() -> policy.with(List.of(AccessRule.everyone("GET", "/api/stations", "again"))))
                .hasMessageContaining("two rules for GET /api/stations");
        assertThatThrownBy(() -> new AccessRule(
                        "POST", "/x", Set.of(Role.PUBLIC), Scope.DISTRICT, null, false, "public with a scope"))
                .hasMessageContaining("public rule cannot check areas");
    }

    /**
     * What the issue asks of the table, stated independently of it (the HTTP matrix checks that the server does
     * what the table says; this checks that the table says what was asked).
     */
    @Test
    void thePolicySaysWhatTheIssueAsks() {
        List<AccessRule> rules = AccessPolicy.standard().rules();
        Set<String> publicRules = new java.util.TreeSet<>();
        for (AccessRule r : rules) {
            if (r.roles().contains(Role.PUBLIC)) {
                publicRules.add(r.key());
            }
            if (r.path().startsWith("/api/admin/")) {
                assertThat(r.roles()).as(r.key()).containsExactly(Role.ADMIN);
            }
            if (r.isWrite() && !r.path().startsWith("/api/auth/")) {
                assertThat(r.roles())
                        .as("only staff change anything: " + r.key())
                        .doesNotContain(Role.PUBLIC);
            }
            if (r.path().startsWith("/api/stations") || r.path().startsWith("/api/imports")) {
                if (r.isWrite()) {
                    assertThat(r.roles()).as(r.key()).containsExactlyInAnyOrder(Role.PLANNER, Role.ADMIN);
                    assertThat(r.scope()).as(r.key()).isEqualTo(Scope.REGION);
                }
            }
            if (r.path().endsWith("/approve") || r.path().endsWith("/return")) {
                assertThat(r.roles()).as(r.key()).containsExactly(Role.LEADER);
                assertThat(r.scope()).as(r.key()).isEqualTo(Scope.DISTRICT);
                assertThat(r.authorMayNotAct()).as(r.key()).isTrue();
            }
        }
        assertThat(publicRules)
                .containsExactlyInAnyOrder(
                        "GET /health/live",
                        "GET /health/ready",
                        "GET /api/config",
                        "GET /api/meta",
                        "GET /api/stations",
                        "GET /api/stations/{id}",
                        "GET /api/districts",
                        "GET /api/exports/stations.geojson",
                        "GET /api/exports/stations.csv",
                        "GET /api/auth/me",
                        "POST /api/auth/login",
                        // the coverage layers of the public map, isochrones, service circles
                        "GET /api/coverage/summary",
                        "GET /api/coverage/cells",
                        "GET /api/coverage/cells/{h3}/route",
                        "GET /api/coverage/gaps",
                        "GET /api/coverage/stations",
                        "GET /api/coverage/runs",
                        "GET /api/coverage/runs/{id}",
                        "GET /api/isochrone",
                        "GET /api/stations/{id}/service-area",
                        // the rider page, station pages of QR posters, the posters
                        "GET /api/nearest",
                        "GET /find",
                        "GET /s/{code}",
                        "GET /api/stations/{id}/poster.png",
                        "GET /api/stations/{id}/poster.pdf");
        AccessRule audit = AccessPolicy.standard().find("GET", "/api/audit").orElseThrow();
        assertThat(audit.roles()).containsExactlyInAnyOrder(Role.LEADER, Role.ADMIN);
        assertThat(audit.scope()).isEqualTo(Scope.DISTRICT);
    }
}
