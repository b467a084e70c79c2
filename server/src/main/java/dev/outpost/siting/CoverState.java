package dev.outpost.siting;

import java.util.Arrays;

/**
 * A set of open sites on a {@link CoverModel} with incremental coverage counts and the bookkeeping of the rules
 * (group counts, money spent, conflicts). Fixed sites are open from the start. Not thread-safe; one per search.
 */
final class CoverState {
    enum Fit {
        NOW,
        LATER,
        NEVER
    }

    final CoverModel model;
    final double[] w; // weight per row used by this search (the model's, or 1 per row)
    final int[] count; // open sites covering each row
    final boolean[] open;
    final int[][] groupsOf;
    final int[] groupCount;
    final int[] conflictCount;
    double covered;
    double spent;
    int newCount;

    CoverState(CoverModel model, double[] w) {
        this.model = model;
        this.w = w;
        this.count = new int[model.m];
        this.open = new boolean[model.n];
        this.groupsOf = model.rules.groupsOf();
        this.groupCount = new int[model.rules.groups.size()];
        this.conflictCount = new int[model.n];
        for (int j = 0; j < model.n; j++) {
            if (model.rules.fixed[j]) {
                open(j);
            }
        }
    }

    CoverState copy() {
        CoverState c = new CoverState(model, w);
        for (int j = 0; j < model.n; j++) {
            if (open[j] && !model.rules.fixed[j]) {
                c.open(j);
            }
        }
        return c;
    }

    boolean isNew(int j) {
        return open[j] && !model.rules.fixed[j];
    }

    /** Weight of the rows {@code j} would newly cover. */
    double gain(int j) {
        double g = 0;
        for (int i : model.covers[j]) {
            if (count[i] == 0) {
                g += w[i];
            }
        }
        return g;
    }

    /** Weight of the rows only {@code j} covers (lost if it closed). */
    double loss(int j) {
        double l = 0;
        for (int i : model.covers[j]) {
            if (count[i] == 1) {
                l += w[i];
            }
        }
        return l;
    }

    void open(int j) {
        if (open[j]) {
            throw new IllegalStateException("site " + j + " is already open");
        }
        open[j] = true;
        for (int i : model.covers[j]) {
            if (count[i]++ == 0) {
                covered += w[i];
            }
        }
        if (!model.rules.fixed[j]) {
            newCount++;
            spent += model.rules.cost(j);
            for (int g : groupsOf[j]) {
                groupCount[g]++;
            }
            for (int k : model.rules.conflicts[j]) {
                conflictCount[k]++;
            }
        }
    }

    void close(int j) {
        if (!open[j] || model.rules.fixed[j]) {
            throw new IllegalStateException("site " + j + " is not an open new site");
        }
        open[j] = false;
        for (int i : model.covers[j]) {
            if (--count[i] == 0) {
                covered -= w[i];
            }
        }
        newCount--;
        spent -= model.rules.cost(j);
        for (int g : groupsOf[j]) {
            groupCount[g]--;
        }
        for (int k : model.rules.conflicts[j]) {
            conflictCount[k]--;
        }
    }

    private boolean withinBudget(double amount) {
        double b = model.rules.budget;
        return b == Double.POSITIVE_INFINITY || amount <= b + 1e-9 * Math.max(1, Math.abs(b));
    }

    /** Sum over groups of the new sites still missing to reach the group's minimum. */
    int outstandingMin() {
        int s = 0;
        for (int g = 0; g < groupCount.length; g++) {
            s += Math.max(0, model.rules.groups.get(g).minNew() - groupCount[g]);
        }
        return s;
    }

    /** Whether opening {@code j} lowers the outstanding group minimum. */
    boolean helpsMinimum(int j) {
        for (int g : groupsOf[j]) {
            if (groupCount[g] < model.rules.groups.get(g).minNew()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code j} can be opened now as a new site, given at most {@code p} new sites: NEVER when it breaks a rule
     * that more openings cannot repair; LATER when it would leave too few of the {@code p} slots for the group minima.
     */
    Fit canOpen(int j, int p) {
        if (open[j] || conflictCount[j] > 0 || newCount >= p || !withinBudget(spent + model.rules.cost(j))) {
            return Fit.NEVER;
        }
        for (int g : groupsOf[j]) {
            if (groupCount[g] >= model.rules.groups.get(g).maxNew()) {
                return Fit.NEVER;
            }
        }
        if (p != Integer.MAX_VALUE && !model.rules.groups.isEmpty()) {
            int outstanding = 0;
            for (int g = 0; g < groupCount.length; g++) {
                int have = groupCount[g] + (Arrays.binarySearch(groupsOf[j], g) >= 0 ? 1 : 0);
                outstanding += Math.max(0, model.rules.groups.get(g).minNew() - have);
            }
            if (p - newCount - 1 < outstanding) {
                return Fit.LATER;
            }
        }
        return Fit.NOW;
    }

    /** Whether closing new site {@code out} and opening {@code in} keeps every rule that holds now. */
    boolean canSwap(int out, int in) {
        if (open[in] || model.rules.fixed[in]) {
            return false;
        }
        int conflicts = conflictCount[in] - (model.rules.inConflict(in, out) ? 1 : 0);
        if (conflicts > 0) {
            return false;
        }
        if (!withinBudget(spent - model.rules.cost(out) + model.rules.cost(in))) {
            return false;
        }
        int[] gIn = groupsOf[in];
        int[] gOut = groupsOf[out];
        for (int g : gIn) {
            if (Arrays.binarySearch(gOut, g) < 0
                    && groupCount[g] + 1 > model.rules.groups.get(g).maxNew()) {
                return false;
            }
        }
        for (int g : gOut) {
            if (Arrays.binarySearch(gIn, g) < 0
                    && groupCount[g] - 1 < model.rules.groups.get(g).minNew()) {
                return false;
            }
        }
        return true;
    }

    /** Whether closing new site {@code j} keeps the group minima. */
    boolean canClose(int j) {
        for (int g : groupsOf[j]) {
            if (groupCount[g] - 1 < model.rules.groups.get(g).minNew()) {
                return false;
            }
        }
        return true;
    }

    /** The open new sites, ascending. */
    int[] newSites() {
        int[] out = new int[newCount];
        int k = 0;
        for (int j = 0; j < model.n; j++) {
            if (isNew(j)) {
                out[k++] = j;
            }
        }
        return out;
    }

    /**
     * For each open new site, the best candidate to swap it for (keeping all rules) and the change of covered weight
     * that swap makes. Runs in O(pairs + candidates × new sites).
     *
     * @return {@code result[k] = {site, bestCandidate or -1, delta}} for the k-th open new site
     */
    double[][] bestSwaps() {
        int[] sites = newSites();
        int k = sites.length;
        int[] pos = new int[model.n];
        Arrays.fill(pos, -1);
        for (int t = 0; t < k; t++) {
            pos[sites[t]] = t;
        }
        int[] owner = new int[model.m];
        Arrays.fill(owner, -1);
        double[] loss = new double[k];
        for (int i = 0; i < model.m; i++) {
            if (count[i] == 1) {
                for (int j : model.coveredBy[i]) {
                    if (open[j]) {
                        owner[i] = j;
                        break;
                    }
                }
                int t = pos[owner[i]];
                if (t >= 0) {
                    loss[t] += w[i];
                }
            }
        }
        double[][] best = new double[k][];
        for (int t = 0; t < k; t++) {
            best[t] = new double[] {sites[t], -1, Double.NEGATIVE_INFINITY};
        }
        double[] extra = new double[k];
        for (int c = 0; c < model.n; c++) {
            if (open[c] || model.rules.fixed[c]) {
                continue;
            }
            double gain0 = 0;
            Arrays.fill(extra, 0);
            for (int i : model.covers[c]) {
                if (count[i] == 0) {
                    gain0 += w[i];
                } else if (count[i] == 1) {
                    int t = pos[owner[i]];
                    if (t >= 0) {
                        extra[t] += w[i];
                    }
                }
            }
            for (int t = 0; t < k; t++) {
                double delta = gain0 - loss[t] + extra[t];
                if (delta > best[t][2] && canSwap(sites[t], c)) {
                    best[t][1] = c;
                    best[t][2] = delta;
                }
            }
        }
        return best;
    }

    /**
     * The data-dependent bound of submodular maximisation: for any set S and any p new sites T,
     * {@code f(T) <= f(S) + sum of the p largest marginal gains over S}. Valid whatever other rules hold.
     */
    double upperBound(int p) {
        double[] gains = new double[model.n];
        int k = 0;
        for (int j = 0; j < model.n; j++) {
            if (!open[j] && !model.rules.fixed[j]) {
                gains[k++] = gain(j);
            }
        }
        return covered + sumOfLargest(gains, k, p);
    }

    static double sumOfLargest(double[] values, int length, int p) {
        double[] v = Arrays.copyOf(values, length);
        Arrays.sort(v);
        double s = 0;
        for (int t = 0; t < p && t < length; t++) {
            s += v[length - 1 - t];
        }
        return s;
    }
}
