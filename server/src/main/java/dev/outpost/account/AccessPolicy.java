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
            // admins manage users
            AccessRule.only("GET", "/api/admin/users", Scope.NONE, ADMINS, "list users"),
            AccessRule.only("POST", "/api/admin/users", Scope.NONE, ADMINS, "create a user"),
            AccessRule.only("PUT", "/api/admin/users/{name}", Scope.NONE, ADMINS, "change role, areas, disable"),
            // leaders review their districts; admins everything
            AccessRule.only(
                    "GET", "/api/audit", Scope.DISTRICT, REVIEWERS, "audit log (leaders: rows of their areas only)"),
            // the proposal workflow (issue 6 part 3): a leader of the proposal's area decides, never its author
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
