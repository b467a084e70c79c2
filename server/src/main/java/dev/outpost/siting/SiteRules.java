package dev.outpost.siting;

import dev.outpost.geo.LatLon;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The side constraints of a covering problem, by candidate index: fixed sites, site costs and a budget, group limits,
 * spacing conflicts and capacities. Immutable; every {@code with} returns a copy.
 */
final class SiteRules {
    /** A group limit by candidate index. */
    record Group(String name, int[] members, int minNew, int maxNew) {}

    final int n;
    final boolean[] fixed;
    final double[] costs; // null: no costs
    final double budget; // +inf: none
    final List<Group> groups;
    final int[][] conflicts; // per candidate, sorted distinct partner indices
    final double[] capacities; // null: uncapacitated

    private SiteRules(
            int n,
            boolean[] fixed,
            double[] costs,
            double budget,
            List<Group> groups,
            int[][] conflicts,
            double[] capacities) {
        this.n = n;
        this.fixed = fixed;
        this.costs = costs;
        this.budget = budget;
        this.groups = groups;
        this.conflicts = conflicts;
        this.capacities = capacities;
    }

    static SiteRules none(int n) {
        int[][] c = new int[n][];
        Arrays.fill(c, new int[0]);
        return new SiteRules(n, new boolean[n], null, Double.POSITIVE_INFINITY, List.of(), c, null);
    }

    /** Rules by index, for a reduced model; arrays are taken as they are. */
    static SiteRules of(
            int n,
            boolean[] fixed,
            double[] costs,
            double budget,
            List<Group> groups,
            int[][] conflicts,
            double[] capacities) {
        return new SiteRules(n, fixed, costs, budget, List.copyOf(groups), conflicts, capacities);
    }

    SiteRules withFixed(Collection<String> names, ToIntFunction<String> index) {
        boolean[] f = new boolean[n];
        for (String name : names) {
            f[index.applyAsInt(name)] = true;
        }
        return new SiteRules(n, f, costs, budget, groups, conflicts, capacities);
    }

    SiteRules withCosts(Map<String, Double> costByName, double newBudget, List<String> names) {
        if (Double.isNaN(newBudget) || newBudget < 0) {
            throw new IllegalArgumentException("budget " + newBudget + " must be non-negative (or +Infinity)");
        }
        double[] c = new double[n];
        Set<String> known = new HashSet<>(names);
        for (String name : costByName.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("site cost given for unknown candidate '" + name + "'");
            }
        }
        for (int j = 0; j < n; j++) {
            Double v = costByName.get(names.get(j));
            if (v == null) {
                if (fixed[j]) {
                    continue;
                }
                throw new IllegalArgumentException("no site cost given for candidate '" + names.get(j) + "'");
            }
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException(
                        "site cost " + v + " of candidate '" + names.get(j) + "' must be finite and non-negative");
            }
            c[j] = v;
        }
        return new SiteRules(n, fixed, c, newBudget, groups, conflicts, capacities);
    }

    SiteRules withGroup(GroupLimit limit, ToIntFunction<String> index) {
        int[] members =
                limit.members().stream().mapToInt(index).distinct().sorted().toArray();
        List<Group> g = new ArrayList<>(groups);
        g.add(new Group(limit.group(), members, limit.minNewSites(), limit.maxNewSites()));
        return new SiteRules(n, fixed, costs, budget, List.copyOf(g), conflicts, capacities);
    }

    SiteRules withConflicts(Collection<SitePair> pairs, ToIntFunction<String> index) {
        List<List<Integer>> adj = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            List<Integer> l = new ArrayList<>();
            for (int k : conflicts[j]) {
                l.add(k);
            }
            adj.add(l);
        }
        for (SitePair pair : pairs) {
            int a = index.applyAsInt(pair.first());
            int b = index.applyAsInt(pair.second());
            adj.get(a).add(b);
            adj.get(b).add(a);
        }
        int[][] c = new int[n][];
        for (int j = 0; j < n; j++) {
            c[j] = adj.get(j).stream()
                    .mapToInt(Integer::intValue)
                    .distinct()
                    .sorted()
                    .toArray();
        }
        return new SiteRules(n, fixed, costs, budget, groups, c, capacities);
    }

    static List<SitePair> spacingConflicts(List<String> names, double spacing, CandidateDistance distance) {
        if (!Double.isFinite(spacing) || spacing < 0) {
            throw new IllegalArgumentException("spacing " + spacing + " must be finite and non-negative");
        }
        List<SitePair> pairs = new ArrayList<>();
        for (int a = 0; a < names.size(); a++) {
            for (int b = a + 1; b < names.size(); b++) {
                double d = distance.between(names.get(a), names.get(b));
                if (Double.isNaN(d)) {
                    throw new IllegalArgumentException(
                            "distance between '" + names.get(a) + "' and '" + names.get(b) + "' is NaN");
                }
                if (d < spacing) {
                    pairs.add(new SitePair(names.get(a), names.get(b)));
                }
            }
        }
        return pairs;
    }

    static CandidateDistance greatCircle(Map<String, LatLon> positions) {
        Map<String, LatLon> copy = new LinkedHashMap<>(positions);
        return (a, b) -> position(copy, a).distanceMeters(position(copy, b));
    }

    private static LatLon position(Map<String, LatLon> positions, String name) {
        LatLon p = positions.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no position given for candidate '" + name + "'");
        }
        return p;
    }

    SiteRules withCapacities(Map<String, Double> capacityByName, List<String> names) {
        double[] c = new double[n];
        Set<String> known = new HashSet<>(names);
        for (String name : capacityByName.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("capacity given for unknown candidate '" + name + "'");
            }
        }
        for (int j = 0; j < n; j++) {
            Double v = capacityByName.get(names.get(j));
            if (v == null) {
                throw new IllegalArgumentException("no capacity given for candidate '" + names.get(j) + "'");
            }
            if (!(v >= 0) || Double.isNaN(v)) {
                throw new IllegalArgumentException("capacity " + v + " of candidate '" + names.get(j)
                        + "' must be non-negative (+Infinity for unlimited)");
            }
            c[j] = v;
        }
        return new SiteRules(n, fixed, costs, budget, groups, conflicts, c);
    }

    int fixedCount() {
        int k = 0;
        for (boolean f : fixed) {
            if (f) {
                k++;
            }
        }
        return k;
    }

    int[] fixedIndices() {
        int[] out = new int[fixedCount()];
        int k = 0;
        for (int j = 0; j < n; j++) {
            if (fixed[j]) {
                out[k++] = j;
            }
        }
        return out;
    }

    double cost(int j) {
        return costs == null || fixed[j] ? 0 : costs[j];
    }

    boolean hasBudget() {
        return costs != null && budget != Double.POSITIVE_INFINITY;
    }

    boolean hasCapacities() {
        return capacities != null;
    }

    boolean hasConflicts() {
        for (int[] c : conflicts) {
            if (c.length > 0) {
                return true;
            }
        }
        return false;
    }

    boolean hasGroups() {
        return !groups.isEmpty();
    }

    /** Whether only the count of new sites limits a solution (the setting of the (1 - 1/e) greedy guarantee). */
    boolean cardinalityOnly() {
        return !hasBudget() && !hasCapacities() && !hasConflicts() && !hasGroups();
    }

    boolean inConflict(int a, int b) {
        return Arrays.binarySearch(conflicts[a], b) >= 0;
    }

    /** For each candidate, the indices of the groups it belongs to. */
    int[][] groupsOf() {
        int[] count = new int[n];
        for (Group g : groups) {
            for (int j : g.members()) {
                count[j]++;
            }
        }
        int[][] out = new int[n][];
        for (int j = 0; j < n; j++) {
            out[j] = new int[count[j]];
        }
        int[] fill = new int[n];
        for (int gi = 0; gi < groups.size(); gi++) {
            for (int j : groups.get(gi).members()) {
                out[j][fill[j]++] = gi;
            }
        }
        return out;
    }

    /** Public views by name, for the problem classes. */
    List<String> fixedNames(List<String> names) {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            if (fixed[j]) {
                out.add(names.get(j));
            }
        }
        return List.copyOf(out);
    }

    List<GroupLimit> groupLimits(List<String> names) {
        List<GroupLimit> out = new ArrayList<>();
        for (Group g : groups) {
            List<String> m = new ArrayList<>();
            for (int j : g.members()) {
                m.add(names.get(j));
            }
            out.add(new GroupLimit(g.name(), m, g.minNew(), g.maxNew()));
        }
        return List.copyOf(out);
    }

    List<SitePair> conflictPairs(List<String> names) {
        List<SitePair> out = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            for (int b : conflicts[a]) {
                if (a < b) {
                    out.add(new SitePair(names.get(a), names.get(b)));
                }
            }
        }
        return List.copyOf(out);
    }
}
