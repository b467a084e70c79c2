package dev.outpost.account;

import dev.outpost.district.District;
import dev.outpost.district.DistrictRepository;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies the {@link AccessPolicy} to one request: role first (the public gets "login required", a logged-in user
 * of another role "forbidden"), then the rule's {@link Scope} against the user's areas, then the author check.
 * Admins pass every area check. Area containment follows the district hierarchy (a leader of a district answers
 * for its subdistricts and communities). Thread-safe if the district repository and resolvers are.
 */
public final class Authorizer {
    /** Deepest area hierarchy walked (district → subdistrict → community is 3). */
    private static final int MAX_DEPTH = 12;

    private final AccessPolicy policy;
    private final DistrictRepository districts;
    private final Map<String, TargetResolver> resolvers;

    /**
     * @param resolvers target resolvers by the name rules refer to; a rule whose resolver is missing is refused
     */
    public Authorizer(AccessPolicy policy, DistrictRepository districts, Map<String, TargetResolver> resolvers) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.districts = Objects.requireNonNull(districts, "districts");
        this.resolvers = Map.copyOf(resolvers);
    }

    public AccessPolicy policy() {
        return policy;
    }

    /** This authorizer with one more target resolver. */
    public Authorizer withResolver(String name, TargetResolver resolver) {
        Map<String, TargetResolver> m = new HashMap<>(resolvers);
        m.put(name, resolver);
        return new Authorizer(policy, districts, m);
    }

    public Decision decide(AccessRequest r) {
        Optional<AccessRule> found = policy.find(r.method(), r.pathPattern());
        if (found.isEmpty()) {
            if (AccessRule.isWrite(r.method())) {
                return Decision.forbidden(
                        null,
                        "no access rule for " + r.method() + " " + r.pathPattern()
                                + "; changes are refused by default");
            }
            return Decision.allow(null);
        }
        AccessRule rule = found.get();
        if (rule.roles().contains(Role.PUBLIC)) {
            return Decision.allow(rule);
        }
        User user = r.user();
        if (user == null) {
            return Decision.loginRequired(rule, "log in first: " + rule.key() + " is for " + roleList(rule.roles()));
        }
        if (!rule.allows(user.role())) {
            return Decision.forbidden(
                    rule,
                    "role '" + user.role().code() + "' may not " + rule.key() + "; it is for "
                            + roleList(rule.roles()));
        }
        Target target = null;
        if (rule.target() != null) {
            TargetResolver resolver = resolvers.get(rule.target());
            if (resolver == null) {
                return Decision.forbidden(
                        rule, "no resolver for target '" + rule.target() + "' of " + rule.key() + "; refused");
            }
            target = resolver.resolve(r.regionCode(), r.pathParams()).orElse(null);
            if (target == null) {
                return Decision.allow(rule); // the handler answers 404
            }
            if (rule.authorMayNotAct() && user.name().equals(target.author())) {
                return Decision.forbidden(
                        rule, "user '" + user.name() + "' made this " + rule.target() + " and may not decide on it");
            }
        }
        if (user.role() == Role.ADMIN) {
            return Decision.allow(rule);
        }
        switch (rule.scope()) {
            case NONE:
                return Decision.allow(rule);
            case REGION: {
                String region = target != null ? target.regionCode() : r.regionCode();
                boolean inRegion =
                        user.areas().stream().anyMatch(a -> a.regionCode().equals(region));
                return inRegion
                        ? Decision.allow(rule)
                        : Decision.forbidden(
                                rule, "user '" + user.name() + "' answers for no area in region '" + region + "'");
            }
            case DISTRICT: {
                String region = target != null ? target.regionCode() : r.regionCode();
                // the target's own district wins: a district named in the request cannot widen the check
                String district = target != null ? target.districtCode() : r.districtCode();
                if (district == null && target == null) {
                    return Decision.allow(rule); // the handler limits what it shows to the user's areas
                }
                if (covers(user, region, district)) {
                    return Decision.allow(rule);
                }
                return Decision.forbidden(
                        rule,
                        "user '" + user.name() + "' does not answer for "
                                + (district == null
                                        ? "the whole region '" + region + "'"
                                        : "area '" + district + "' of region '" + region + "'")
                                + "; their areas: " + user.areas());
            }
            default:
                throw new IllegalStateException("unknown scope " + rule.scope());
        }
    }

    /**
     * True when {@code user} answers for area {@code districtCode} of {@code regionCode}: an admin, a whole-region
     * area, or one of the user's areas is the area or one of its ancestors. A null district means the whole region.
     */
    public boolean covers(User user, String regionCode, String districtCode) {
        if (user.role() == Role.ADMIN) {
            return true;
        }
        List<Area> inRegion = user.areas().stream()
                .filter(a -> a.regionCode().equals(regionCode))
                .toList();
        if (inRegion.stream().anyMatch(Area::wholeRegion)) {
            return true;
        }
        if (districtCode == null || inRegion.isEmpty()) {
            return false;
        }
        Set<String> mine = inRegion.stream().map(Area::districtCode).collect(Collectors.toSet());
        String code = districtCode;
        for (int depth = 0; code != null && depth < MAX_DEPTH; depth++) {
            if (mine.contains(code)) {
                return true;
            }
            code = districts
                    .findByCode(regionCode, code)
                    .map(District::parentCode)
                    .orElse(null);
        }
        return false;
    }

    /** What {@code user} may see by area; null for an admin (everything). */
    public AreaFilter visibleAreas(User user) {
        if (user.role() == Role.ADMIN) {
            return null;
        }
        Set<String> whole = new HashSet<>();
        Map<String, Set<String>> codes = new HashMap<>();
        Map<String, List<Area>> byRegion = user.areas().stream().collect(Collectors.groupingBy(Area::regionCode));
        for (Map.Entry<String, List<Area>> e : byRegion.entrySet()) {
            String region = e.getKey();
            if (e.getValue().stream().anyMatch(Area::wholeRegion)) {
                whole.add(region);
                continue;
            }
            codes.put(
                    region,
                    below(region, e.getValue().stream().map(Area::districtCode).toList()));
        }
        return new AreaFilter(whole, codes);
    }

    /** The codes of area {@code code} of the region and every area below it (just the code when it has none). */
    public Set<String> areaAndBelow(String regionCode, String code) {
        return below(regionCode, List.of(code));
    }

    private Set<String> below(String regionCode, List<String> roots) {
        Map<String, List<String>> children = new HashMap<>();
        for (District d : districts.find(regionCode, null)) {
            if (d.parentCode() != null) {
                children.computeIfAbsent(d.parentCode(), k -> new ArrayList<>()).add(d.code());
            }
        }
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String c = todo.poll();
            if (seen.add(c)) {
                todo.addAll(children.getOrDefault(c, List.of()));
            }
        }
        return seen;
    }

    private static String roleList(Set<Role> roles) {
        return roles.stream().map(Role::code).collect(Collectors.joining(", "));
    }
}
