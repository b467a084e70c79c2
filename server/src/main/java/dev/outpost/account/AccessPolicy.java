package dev.outpost.account;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The access policy: one table from endpoint (method and path pattern, exactly as the route is registered) to the
 * roles that may call it and the area check that follows. The HTTP layer consults it before every request; a test
 * checks that every registered route has a line here and walks the whole table with every role. Immutable.
 *
 * <p>An endpoint without a line is refused for writes and allowed for reads (static files, and anything public
 * added before its line); the completeness test keeps that case from reaching production.
 */
public final class AccessPolicy {
    static final Set<Role> STAFF = EnumSet.of(Role.PLANNER, Role.LEADER, Role.ADMIN);
    static final Set<Role> EDITORS = EnumSet.of(Role.PLANNER, Role.ADMIN);
    static final Set<Role> REVIEWERS = EnumSet.of(Role.LEADER, Role.ADMIN);
    static final Set<Role> LEADERS = EnumSet.of(Role.LEADER);
    static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);

    private static final AccessPolicy STANDARD = new AccessPolicy(List.of(
            // the public map and API: everybody, no login
            AccessRule.everyone("GET", "/health/live", "liveness probe"),
            AccessRule.everyone("GET", "/health/ready", "readiness probe (database reachable)"),
            AccessRule.everyone("GET", "/api/config", "map settings and regions"),
            AccessRule.everyone("GET", "/api/meta", "code lists with labels"),
            AccessRule.everyone("GET", "/api/stations", "search stations"),
            AccessRule.everyone("GET", "/api/stations/{id}", "one station"),
            AccessRule.everyone("GET", "/api/districts", "administrative areas"),
            AccessRule.everyone("GET", "/api/exports/stations.geojson", "the public station register as GeoJSON"),
            AccessRule.everyone("GET", "/api/exports/stations.csv", "the public station register as CSV"),
            // the public map's coverage layers, isochrones and service circles; the rider page and check-ins
            AccessRule.everyone("GET", "/api/coverage/summary", "coverage figures of the latest run"),
            AccessRule.everyone("GET", "/api/coverage/cells", "demand cells with minutes to the nearest station"),
            AccessRule.everyone("GET", "/api/coverage/cells/{h3}/route", "route from a cell to its station"),
            AccessRule.everyone("GET", "/api/coverage/gaps", "largest uncovered areas"),
            AccessRule.everyone("GET", "/api/coverage/stations", "per-station coverage"),
            AccessRule.everyone("GET", "/api/coverage/runs", "stored coverage runs"),
            AccessRule.everyone("GET", "/api/coverage/runs/{id}", "one stored coverage run"),
            AccessRule.everyone("GET", "/api/isochrone", "5/10/15-minute bands around a point"),
            AccessRule.everyone("GET", "/api/stations/{id}/service-area", "a station's service circle"),
            AccessRule.everyone("GET", "/api/nearest", "nearest open stations (rider page)"),
            AccessRule.everyone("GET", "/find", "the rider page"),
            AccessRule.everyone("GET", "/s/{code}", "station page of a QR poster (anonymous check-in)"),
            AccessRule.everyone("GET", "/api/stations/{id}/poster.png", "QR poster"),
            AccessRule.everyone("GET", "/api/stations/{id}/poster.pdf", "QR poster"),
            // accounts
            AccessRule.everyone("GET", "/api/auth/me", "who is logged in (public when nobody), with the CSRF token"),
            AccessRule.everyone("POST", "/api/auth/login", "log in (throttled; Origin checked)"),
            AccessRule.only("POST", "/api/auth/logout", Scope.NONE, STAFF, "log out"),
            // planners edit stations and data of their regions
            AccessRule.only("POST", "/api/stations", Scope.REGION, EDITORS, "create a station"),
            AccessRule.only("PUT", "/api/stations/{id}", Scope.REGION, EDITORS, "change a station"),
            AccessRule.only("DELETE", "/api/stations/{id}", Scope.REGION, EDITORS, "delete a station"),
            AccessRule.only("POST", "/api/imports/stations", Scope.REGION, EDITORS, "import a station file"),
            AccessRule.only("POST", "/api/imports/districts", Scope.REGION, EDITORS, "import a district file"),
            // planners: analyses, demand, candidates, scenarios (drafts), long jobs; staff of the region read them
            AccessRule.only("POST", "/api/coverage/runs", Scope.REGION, EDITORS, "run a coverage analysis"),
            AccessRule.only("DELETE", "/api/coverage/runs/{id}", Scope.REGION, EDITORS, "delete a stored coverage run"),
            AccessRule.only("GET", "/api/demand/layers", Scope.REGION, STAFF, "demand layers"),
            AccessRule.only("POST", "/api/demand", Scope.REGION, EDITORS, "upload a demand layer"),
            AccessRule.only("POST", "/api/demand/population", Scope.REGION, EDITORS, "demand layer from population"),
            AccessRule.only("DELETE", "/api/demand/layers/{id}", Scope.REGION, EDITORS, "delete a demand layer"),
            AccessRule.only("GET", "/api/candidates", Scope.REGION, STAFF, "candidate sites"),
            AccessRule.only("POST", "/api/imports/candidates", Scope.REGION, EDITORS, "import candidate sites"),
            AccessRule.only("GET", "/api/scenarios", Scope.REGION, STAFF, "scenarios"),
            AccessRule.only("GET", "/api/scenarios/compare", Scope.REGION, STAFF, "compare scenarios"),
            AccessRule.only("GET", "/api/scenarios/{id}", Scope.REGION, STAFF, "one scenario"),
            AccessRule.only(
                    "GET", "/api/scenarios/{id}/cells", Scope.REGION, STAFF, "a scenario's demand cells before/after"),
            AccessRule.only("GET", "/api/scenarios/{id}/export.geojson", Scope.REGION, STAFF, "scenario export"),
            AccessRule.only("GET", "/api/scenarios/{id}/export.csv", Scope.REGION, STAFF, "scenario export"),
            AccessRule.only("GET", "/api/scenarios/{id}/export.xlsx", Scope.REGION, STAFF, "scenario export"),
            AccessRule.only("POST", "/api/scenarios", Scope.REGION, EDITORS, "draft a scenario (may solve)"),
            AccessRule.only(
                    "DELETE", "/api/scenarios/{id}", Scope.REGION, EDITORS, "delete a draft that was never submitted"),
            AccessRule.only("POST", "/api/scenarios/{id}/sites", Scope.REGION, EDITORS, "add a site"),
            AccessRule.only("PUT", "/api/scenarios/{id}/sites/{siteId}", Scope.REGION, EDITORS, "move a site"),
            AccessRule.only("DELETE", "/api/scenarios/{id}/sites/{siteId}", Scope.REGION, EDITORS, "remove a site"),
            AccessRule.only(
                    "POST", "/api/scenarios/{id}/submit", Scope.REGION, EDITORS, "submit a scenario as a proposal"),
            AccessRule.only("GET", "/api/jobs/{id}", Scope.REGION, STAFF, "progress of a long solve"),
            AccessRule.only("POST", "/api/jobs/{id}/cancel", Scope.REGION, EDITORS, "cancel a long solve"),
            AccessRule.only("GET", "/api/stations/{id}/checkins", Scope.REGION, STAFF, "daily check-ins of a station"),
            // the leaders' review of an area (parameter area) and its reports (the area is the file name)
            AccessRule.only("GET", "/api/review", Scope.DISTRICT, STAFF, "review of an area (its figures)"),
            AccessRule.only("GET", "/api/review/areas", Scope.REGION, STAFF, "areas to choose from"),
            new AccessRule(
                    "GET",
                    "/api/reports/{file}",
                    STAFF,
                    Scope.DISTRICT,
                    "report-area",
                    false,
                    "PDF / XLSX report of an area"),
            // admins manage users
            AccessRule.only("GET", "/api/admin/users", Scope.NONE, ADMINS, "list users"),
            AccessRule.only("POST", "/api/admin/users", Scope.NONE, ADMINS, "create a user"),
            AccessRule.only("PUT", "/api/admin/users/{name}", Scope.NONE, ADMINS, "change role, areas, disable"),
            // leaders review their districts; admins everything
            AccessRule.only(
                    "GET", "/api/audit", Scope.DISTRICT, REVIEWERS, "audit log (leaders: rows of their areas only)"),
            // the proposal workflow (issue 6 part 3): a leader of the proposal's area decides, never its author
            AccessRule.only(
                    "GET",
                    "/api/proposals",
                    Scope.DISTRICT,
                    REVIEWERS,
                    "proposals of the caller's areas (parameter area: that area and below)"),
            AccessRule.only(
                            "POST",
                            "/api/proposals/{id}/approve",
                            Scope.DISTRICT,
                            LEADERS,
                            "approve a submitted proposal")
                    .onTargetNotByAuthor("proposal"),
            AccessRule.only(
                            "POST",
                            "/api/proposals/{id}/return",
                            Scope.DISTRICT,
                            LEADERS,
                            "send a proposal back with a comment")
                    .onTargetNotByAuthor("proposal")));

    private final Map<String, AccessRule> byKey;

    /** @throws IllegalArgumentException if two rules are for the same method and path */
    public AccessPolicy(List<AccessRule> rules) {
        Map<String, AccessRule> m = new LinkedHashMap<>();
        for (AccessRule r : rules) {
            if (m.put(r.key(), r) != null) {
                throw new IllegalArgumentException("access policy has two rules for " + r.key());
            }
        }
        this.byKey = Collections.unmodifiableMap(m);
    }

    /** The policy of this application. */
    public static AccessPolicy standard() {
        return STANDARD;
    }

    /** This policy with further rules (for route groups added by other modules). */
    public AccessPolicy with(List<AccessRule> more) {
        List<AccessRule> all = new ArrayList<>(byKey.values());
        all.addAll(more);
        return new AccessPolicy(all);
    }

    /** Every rule, in table order. */
    public List<AccessRule> rules() {
        return List.copyOf(byKey.values());
    }

    /** The rule for exactly this method and registered path pattern. */
    public Optional<AccessRule> find(String method, String pathPattern) {
        return Optional.ofNullable(byKey.get(method.toUpperCase(java.util.Locale.ROOT) + " " + pathPattern));
    }
}
