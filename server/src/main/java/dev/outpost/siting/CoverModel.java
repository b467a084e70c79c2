package dev.outpost.siting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The covering model a solver works on: candidates, demand rows, weights and rules, possibly reduced from the
 * problem's matrix. Model candidate {@code j} is problem candidate {@code original[j]}. Immutable once built.
 */
final class CoverModel {
    final int n;
    final int m;
    final int[][] covers; // per candidate: sorted row indices
    final int[][] coveredBy; // per row: sorted candidate indices
    final double[] weight; // per row
    final int[] original;
    final SiteRules rules;
    /** Weight of rows removed because fixed sites cover them: covered whatever the new sites. */
    final double constantWeight;

    final Reduction reduction;

    private CoverModel(
            int[][] covers,
            int[][] coveredBy,
            double[] weight,
            int[] original,
            SiteRules rules,
            double constantWeight,
            Reduction reduction) {
        this.n = covers.length;
        this.m = coveredBy.length;
        this.covers = covers;
        this.coveredBy = coveredBy;
        this.weight = weight;
        this.original = original;
        this.rules = rules;
        this.constantWeight = constantWeight;
        this.reduction = reduction;
    }

    /** The unreduced model of a matrix and its rules (shares the matrix's arrays). */
    static CoverModel identity(CoverageMatrix matrix, SiteRules rules) {
        int n = matrix.candidateCount();
        int[] original = new int[n];
        for (int j = 0; j < n; j++) {
            original[j] = j;
        }
        return new CoverModel(
                matrix.rawCovers(),
                matrix.rawCoveredBy(),
                matrix.rawWeights(),
                original,
                rules,
                0,
                Reduction.none(n, matrix.demandCount()));
    }

    double rowWeight() {
        double s = 0;
        for (double w : weight) {
            s += w;
        }
        return s;
    }

    /**
     * Reduces a covering model: rows no candidate covers are dropped, rows a fixed site covers are dropped (their
     * weight kept as a constant; not with capacities, where fixed sites' capacity is shared), rows covered by the same
     * candidates are merged (weights summed), and dominated candidates are dropped. A candidate {@code a} is dominated
     * when it covers nothing left, or when another candidate {@code b} covers every row {@code a} covers, costs no more,
     * belongs to the same groups, and neither has spacing conflicts; {@code a} must not be fixed, its groups must have
     * no minimum, and there must be no capacities. Then any solution with {@code a} can swap it for {@code b} (or drop
     * it when {@code b} is already open) and lose nothing, so the optimum is unchanged. Repeated until nothing changes.
     */
    static CoverModel reduce(CoverageMatrix matrix, SiteRules rules) {
        int n0 = matrix.candidateCount();
        int m0 = matrix.demandCount();
        int[][] coveredBy0 = matrix.rawCoveredBy();
        double[] w0 = matrix.rawWeights();
        boolean capacitated = rules.hasCapacities();

        boolean[] alive = new boolean[n0];
        Arrays.fill(alive, true);
        int fixedCovered = 0;
        int uncoverable = 0;
        double constant = 0;
        List<int[]> rowCoverers = new ArrayList<>();
        List<Double> rowWeights = new ArrayList<>();
        for (int i = 0; i < m0; i++) {
            int[] c = coveredBy0[i];
            if (c.length == 0) {
                uncoverable++;
                continue;
            }
            if (!capacitated && anyFixed(c, rules.fixed)) {
                fixedCovered++;
                constant += w0[i];
                continue;
            }
            rowCoverers.add(c);
            rowWeights.add(w0[i]);
        }
        if (!capacitated) {
            for (int j = 0; j < n0; j++) {
                if (rules.fixed[j]) {
                    alive[j] = false; // covers no row left
                }
            }
        }
        int[][] groupsOf = rules.groupsOf();
        boolean[] eligible = new boolean[n0];
        for (int j = 0; j < n0; j++) {
            boolean ok = !rules.fixed[j] && !capacitated;
            for (int g : groupsOf[j]) {
                if (rules.groups.get(g).minNew() > 0) {
                    ok = false;
                }
            }
            eligible[j] = ok;
        }

        int merged = 0;
        int[][] rows = rowCoverers.toArray(new int[0][]);
        double[] weights = rowWeights.stream().mapToDouble(Double::doubleValue).toArray();
        for (int round = 0; round < 10; round++) {
            // keep only alive coverers, then merge identical rows
            Map<IntArray, Integer> seen = new HashMap<>(rows.length * 2);
            List<int[]> nextRows = new ArrayList<>(rows.length);
            List<Double> nextWeights = new ArrayList<>(rows.length);
            for (int r = 0; r < rows.length; r++) {
                int[] c = filterAlive(rows[r], alive);
                Integer at = seen.putIfAbsent(new IntArray(c), nextRows.size());
                if (at == null) {
                    nextRows.add(c);
                    nextWeights.add(weights[r]);
                } else {
                    nextWeights.set(at, nextWeights.get(at) + weights[r]);
                    merged++;
                }
            }
            rows = nextRows.toArray(new int[0][]);
            weights = nextWeights.stream().mapToDouble(Double::doubleValue).toArray();
            int[][] covers = CoverageMatrix.invert(rows, n0);
            int dropped = dropDominated(rows, covers, alive, eligible, groupsOf, rules);
            if (dropped == 0) {
                break;
            }
        }

        // re-index
        int[] newIndex = new int[n0];
        Arrays.fill(newIndex, -1);
        int n = 0;
        for (int j = 0; j < n0; j++) {
            if (alive[j]) {
                newIndex[j] = n++;
            }
        }
        int[] original = new int[n];
        for (int j = 0; j < n0; j++) {
            if (alive[j]) {
                original[newIndex[j]] = j;
            }
        }
        int[][] coveredBy = new int[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            int[] c = new int[rows[r].length];
            for (int k = 0; k < c.length; k++) {
                c[k] = newIndex[rows[r][k]];
            }
            coveredBy[r] = c; // still sorted: re-indexing keeps order
        }
        int[][] covers = CoverageMatrix.invert(coveredBy, n);
        SiteRules reducedRules = remap(rules, original, newIndex);
        Reduction reduction = new Reduction(n0, n, m0, rows.length, merged, fixedCovered, uncoverable, n0 - n);
        return new CoverModel(covers, coveredBy, weights, original, reducedRules, constant, reduction);
    }

    private static boolean anyFixed(int[] candidates, boolean[] fixed) {
        for (int j : candidates) {
            if (fixed[j]) {
                return true;
            }
        }
        return false;
    }

    private static int[] filterAlive(int[] c, boolean[] alive) {
        int k = 0;
        for (int j : c) {
            if (alive[j]) {
                k++;
            }
        }
        if (k == c.length) {
            return c;
        }
        int[] out = new int[k];
        k = 0;
        for (int j : c) {
            if (alive[j]) {
                out[k++] = j;
            }
        }
        return out;
    }

    private static int dropDominated(
            int[][] rows, int[][] covers, boolean[] alive, boolean[] eligible, int[][] groupsOf, SiteRules rules) {
        int dropped = 0;
        for (int a = 0; a < covers.length; a++) {
            if (!alive[a] || !eligible[a]) {
                continue;
            }
            int[] ca = covers[a];
            if (ca.length == 0) {
                alive[a] = false; // adds nothing; closing it never breaks a constraint (its groups have no minimum)
                dropped++;
                continue;
            }
            if (rules.conflicts[a].length > 0) {
                continue;
            }
            int pivot = ca[0];
            for (int r : ca) {
                if (rows[r].length < rows[pivot].length) {
                    pivot = r;
                }
            }
            for (int b : rows[pivot]) {
                if (b == a || !alive[b] || rules.fixed[b] || rules.conflicts[b].length > 0) {
                    continue;
                }
                if (!Arrays.equals(groupsOf[a], groupsOf[b])) {
                    continue;
                }
                double costA = rules.cost(a);
                double costB = rules.cost(b);
                if (costB > costA) {
                    continue;
                }
                int[] cb = covers[b];
                if (cb.length < ca.length) {
                    continue;
                }
                boolean strict = cb.length > ca.length || costB < costA || b < a;
                if (!strict || !isSubset(ca, cb)) {
                    continue;
                }
                alive[a] = false;
                dropped++;
                break;
            }
        }
        return dropped;
    }

    /** Whether sorted {@code small} is a subset of sorted {@code big}. */
    static boolean isSubset(int[] small, int[] big) {
        int k = 0;
        for (int x : small) {
            while (k < big.length && big[k] < x) {
                k++;
            }
            if (k == big.length || big[k] != x) {
                return false;
            }
            k++;
        }
        return true;
    }

    private static SiteRules remap(SiteRules rules, int[] original, int[] newIndex) {
        int n = original.length;
        boolean[] fixed = new boolean[n];
        double[] costs = rules.costs == null ? null : new double[n];
        double[] caps = rules.capacities == null ? null : new double[n];
        int[][] conflicts = new int[n][];
        for (int k = 0; k < n; k++) {
            int j = original[k];
            fixed[k] = rules.fixed[j];
            if (costs != null) {
                costs[k] = rules.costs[j];
            }
            if (caps != null) {
                caps[k] = rules.capacities[j];
            }
            conflicts[k] = mapSorted(rules.conflicts[j], newIndex);
        }
        List<SiteRules.Group> groups = new ArrayList<>();
        for (SiteRules.Group g : rules.groups) {
            groups.add(new SiteRules.Group(g.name(), mapSorted(g.members(), newIndex), g.minNew(), g.maxNew()));
        }
        return SiteRules.of(n, fixed, costs, rules.budget, groups, conflicts, caps);
    }

    private static int[] mapSorted(int[] indices, int[] newIndex) {
        return Arrays.stream(indices)
                .map(j -> newIndex[j])
                .filter(j -> j >= 0)
                .sorted()
                .toArray();
    }

    /** An int array with value equality, as a hash key. */
    private static final class IntArray {
        final int[] values;
        final int hash;

        IntArray(int[] values) {
            this.values = values;
            this.hash = Arrays.hashCode(values);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof IntArray other && hash == other.hash && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
