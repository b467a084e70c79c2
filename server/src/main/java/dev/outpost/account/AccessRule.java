package dev.outpost.account;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * One line of the access policy: who may call one endpoint. Immutable.
 *
 * @param method HTTP method in upper case ({@code GET}, {@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE})
 * @param path the endpoint's path pattern exactly as the route is registered, e.g. {@code /api/stations/{id}}
 * @param roles who may call it; {@link Role#PUBLIC} means everybody, logged in or not
 * @param scope which area check follows the role check
 * @param target name of the {@link TargetResolver} that finds the object acted on (for {@link Scope#DISTRICT} and
 *     {@code authorMayNotAct}); null when the request names its district itself or there is none
 * @param authorMayNotAct true when the author of the target may not do this (nobody approves their own proposal)
 * @param purpose one line for people reading the table
 */
public record AccessRule(
        String method,
        String path,
        Set<Role> roles,
        Scope scope,
        String target,
        boolean authorMayNotAct,
        String purpose) {
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    public AccessRule {
        if (method == null || !METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("access rule: method '" + method + "' is not one of " + METHODS);
        }
        method = method.toUpperCase(Locale.ROOT);
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("access rule " + method + ": path '" + path + "' must start with /");
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("access rule " + method + " " + path + ": no role may call it");
        }
        roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
        if (scope == null) {
            throw new IllegalArgumentException("access rule " + method + " " + path + ": scope is required");
        }
        if (roles.contains(Role.PUBLIC) && (scope != Scope.NONE || authorMayNotAct)) {
            throw new IllegalArgumentException(
                    "access rule " + method + " " + path + ": a public rule cannot check areas or authors");
        }
        if (authorMayNotAct && target == null) {
            throw new IllegalArgumentException(
                    "access rule " + method + " " + path + ": checking the author needs a target resolver");
        }
    }

    /** Everybody, logged in or not. */
    public static AccessRule everyone(String method, String path, String purpose) {
        return new AccessRule(method, path, EnumSet.of(Role.PUBLIC), Scope.NONE, null, false, purpose);
    }

    /** Logged-in users of the given roles, with the area check {@code scope}. */
    public static AccessRule only(String method, String path, Scope scope, Set<Role> roles, String purpose) {
        return new AccessRule(method, path, roles, scope, null, false, purpose);
    }

    /** This rule with the district of the target found by resolver {@code name}, the target's author refused. */
    public AccessRule onTargetNotByAuthor(String name) {
        return new AccessRule(method, path, roles, scope, name, true, purpose);
    }

    /** True for POST, PUT, PATCH and DELETE. */
    public boolean isWrite() {
        return isWrite(method);
    }

    public static boolean isWrite(String method) {
        String m = method.toUpperCase(Locale.ROOT);
        return m.equals("POST") || m.equals("PUT") || m.equals("PATCH") || m.equals("DELETE");
    }

    /** True when a user of {@code role} (or the public) passes the role check. */
    public boolean allows(Role role) {
        return roles.contains(Role.PUBLIC) || roles.contains(role);
    }

    /** {@code METHOD path}, the key of the rule in the policy. */
    public String key() {
        return method + " " + path;
    }
}
