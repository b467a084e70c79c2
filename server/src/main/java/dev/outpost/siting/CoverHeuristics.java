package dev.outpost.siting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** Lazy greedy, swap and pruning searches on a {@link CoverModel}. Stateless. */
final class CoverHeuristics {
    private CoverHeuristics() {}

    /** The outcome of a search on the model: open state, pick order and, for maximisation, an upper bound. */
    static final class Run {
        final CoverState state;
        final List<Integer> picks = new ArrayList<>();
        final List<Double> gains = new ArrayList<>();
        /** Upper bound (maximal covering) or lower bound (set covering) in model terms; NaN when none. */
        double bound = Double.NaN;

        boolean complete = true;
        String shortfall = "";

        Run(CoverState state) {
            this.state = state;
        }
    }

    private record Entry(double key, double gain, int j, int stamp) {}

    private static final Comparator<Entry> BY_KEY_DESC =
            Comparator.comparingDouble(Entry::key).reversed().thenComparingInt(Entry::j);

    private static double proxyGain(CoverState st, int j) {
        double g = st.gain(j);
        double[] cap = st.model.rules.capacities;
        return cap == null ? g : Math.min(g, cap[j]);
    }

    private static double key(CoverModel model, int j, double gain, boolean ratio, double tinyCost) {
        return ratio ? gain / Math.max(model.rules.cost(j), tinyCost) : gain;
    }

    /**
     * Maximal covering: lazy greedy for at most {@code p} new sites (by gain, or by gain per cost when {@code ratio}),
     * honouring every rule; then, without capacities, best-improvement swaps until none improves or time runs out.
     * Gains never grow as sites open (coverage is submodular), so a stale gain is an upper bound and the first entry
     * that is fresh on top of the queue is the best. With capacities the gain is capped at the site's capacity (a proxy:
     * the served weight is computed by a flow afterwards).
     */
    static Run maxCover(CoverModel model, int p, boolean ratio, boolean swaps, Deadline deadline) {
        CoverState st = new CoverState(model, model.weight);
        Run run = new Run(st);
        long pairs = 0;
        for (int[] c : model.covers) {
            pairs += c.length;
        }
        int boundEvery = pairs * (p + 1L) <= 30_000_000L ? 1 : Math.max(1, p / 8);
        double bound = st.upperBound(p);
        double f0 = st.covered;
        double tinyCost = tinyCost(model);

        PriorityQueue<Entry> heap = new PriorityQueue<>(Math.max(1, model.n), BY_KEY_DESC);
        for (int j = 0; j < model.n; j++) {
            if (!model.rules.fixed[j] && st.canOpen(j, p) != CoverState.Fit.NEVER) {
                double g = proxyGain(st, j);
                heap.add(new Entry(key(model, j, g, ratio, tinyCost), g, j, 0));
            }
        }
        List<Entry> deferred = new ArrayList<>();
        int stamp = 0;
        while (st.newCount < p && !heap.isEmpty()) {
            Entry e = heap.poll();
            CoverState.Fit fit = st.canOpen(e.j(), p);
            if (fit == CoverState.Fit.NEVER) {
                continue;
            }
            if (e.stamp() != stamp) {
                double g = proxyGain(st, e.j());
                heap.add(new Entry(key(model, e.j(), g, ratio, tinyCost), g, e.j(), stamp));
                continue;
            }
            if (fit == CoverState.Fit.LATER) {
                deferred.add(e);
                continue;
            }
            if (e.gain() <= 0) {
                if (st.outstandingMin() == 0) {
                    break; // nothing left to gain from any feasible candidate
                }
                if (!st.helpsMinimum(e.j())) {
                    deferred.add(e);
                    continue;
                }
            }
            st.open(e.j());
            run.picks.add(e.j());
            run.gains.add(e.gain());
            stamp++;
            heap.addAll(deferred);
            deferred.clear();
            if (stamp % boundEvery == 0) {
                bound = Math.min(bound, st.upperBound(p));
            }
        }
        if (model.rules.cardinalityOnly() && !ratio) {
            // Nemhauser, Wolsey and Fisher (1978): greedy reaches (1 - 1/e) of the optimum of g(S) = f(S + F) - f(F).
            bound = Math.min(bound, f0 + (st.covered - f0) / (1 - 1 / Math.E));
        }
        if (swaps && !model.rules.hasCapacities()) {
            swapSearch(st, deadline);
            if (model.rules.cardinalityOnly() && st.newCount > 0) {
                double coverable = WeightedCoverSearch.coverableWeight(model);
                // the regime it is made for: a (nearly) complete cover within reach of p sites
                if (st.covered >= WEIGHTED_FROM_SHARE * coverable && st.covered < coverable * (1 - 1e-12)) {
                    weightedSearch(st, deadline);
                }
            }
        }
        bound = Math.min(bound, st.upperBound(p));
        bound = Math.min(bound, model.rowWeight());
        if (model.rules.hasCapacities()) {
            bound = Math.min(bound, capacityBound(model, p));
        }
        run.bound = bound;
        if (st.outstandingMin() > 0) {
            run.complete = false;
            run.shortfall = shortfall(st);
        }
        return run;
    }

    private static double tinyCost(CoverModel model) {
        double max = 0;
        for (int j = 0; j < model.n; j++) {
            max = Math.max(max, model.rules.cost(j));
        }
        return max > 0 ? max * 1e-9 : 1;
    }

    /** Capacitated coverage is at most the fixed sites' capacity plus the p largest capacities of the others. */
    private static double capacityBound(CoverModel model, int p) {
        double fixedCap = 0;
        double[] others = new double[model.n];
        int k = 0;
        for (int j = 0; j < model.n; j++) {
            double c = model.rules.capacities[j];
            if (model.rules.fixed[j]) {
                fixedCap += c;
            } else {
                others[k++] = c;
            }
        }
        return fixedCap + CoverState.sumOfLargest(others, k, p);
    }

    static String shortfall(CoverState st) {
        List<String> parts = new ArrayList<>();
        for (int g = 0; g < st.groupCount.length; g++) {
            SiteRules.Group group = st.model.rules.groups.get(g);
            if (st.groupCount[g] < group.minNew()) {
                parts.add("group '" + group.name() + "' has " + st.groupCount[g] + " new sites of the " + group.minNew()
                        + " required");
            }
        }
        return String.join("; ", parts);
    }

    /** Best-improvement 1-swap (close one new site, open another) until no swap improves coverage. */
    /**
     * Effort of the row-weighting search after the swap search: at most this many exchanges and this share of the time
     * left, and never more than {@link #WEIGHTED_MAX_SECONDS} (it stops at once when every coverable row is covered);
     * it runs only when the swap search already covers
     * this share of the coverable weight.
     */
    static final long WEIGHTED_MAX_STEPS = 50_000;

    static final double WEIGHTED_TIME_SHARE = 0.25;

    static final double WEIGHTED_MAX_SECONDS = 1.0;

    static final double WEIGHTED_FROM_SHARE = 0.99;

    /**
     * Row-weighting local search from the swap search's solution ({@link WeightedCoverSearch}); adopts its best
     * solution when it covers more, then polishes it with the swap search again.
     */
    static void weightedSearch(CoverState st, Deadline deadline) {
        // interactive solves stay interactive: at most a second, whatever the time limit
        double seconds = Math.min(WEIGHTED_MAX_SECONDS, deadline.remainingSeconds() * WEIGHTED_TIME_SHARE);
        Deadline own = Deadline.in(seconds, deadline.control());
        int[] start = st.newSites();
        WeightedCoverSearch search = new WeightedCoverSearch(st.model, start, 20240601L);
        int[] best = search.run(own, WEIGHTED_MAX_STEPS);
        double eps = 1e-9 * Math.max(1, st.model.rowWeight());
        if (search.bestWeight() <= st.covered + eps) {
            return;
        }
        for (int j : start) {
            st.close(j);
        }
        for (int j : best) {
            st.open(j);
        }
        swapSearch(st, deadline);
    }

    static void swapSearch(CoverState st, Deadline deadline) {
        double eps = 1e-9 * Math.max(1, st.model.rowWeight());
        while (!deadline.passed()) {
            double[][] best = st.bestSwaps();
            int bestT = -1;
            for (int t = 0; t < best.length; t++) {
                if (best[t][1] >= 0 && (bestT < 0 || best[t][2] > best[bestT][2])) {
                    bestT = t;
                }
            }
            if (bestT < 0 || best[bestT][2] <= eps) {
                return;
            }
            st.close((int) best[bestT][0]);
            st.open((int) best[bestT][1]);
        }
    }

    /**
     * Set covering: lazy greedy by newly covered rows (full form, uncapacitated) or weight until the target is reached,
     * then group minima, then dropping redundant sites, then moves that replace two sites by one while the target
     * holds. With capacities the served weight is a flow, sites are added in order of min(capacity, weight covered) and
     * the two-for-one moves are skipped.
     *
     * @param full whether every row must be covered (else a weight target)
     * @param target the weight (partial) to reach within the model's rows; ignored for the full form
     */
    static Run setCover(CoverModel model, boolean full, double target, Deadline deadline) {
        boolean cap = model.rules.hasCapacities();
        double[] w;
        double goal;
        if (full && !cap) {
            w = new double[model.m];
            Arrays.fill(w, 1);
            goal = model.m;
        } else {
            w = model.weight;
            goal = full ? model.rowWeight() : target;
        }
        CoverState st = new CoverState(model, w);
        Run run = new Run(st);
        double eps = 1e-9 * Math.max(1, goal);
        run.bound = lowerBound(model, st, full && !cap, goal);

        PriorityQueue<Entry> heap = new PriorityQueue<>(Math.max(1, model.n), BY_KEY_DESC);
        for (int j = 0; j < model.n; j++) {
            if (!model.rules.fixed[j] && st.canOpen(j, Integer.MAX_VALUE) != CoverState.Fit.NEVER) {
                double g = cap ? Math.min(model.rules.capacities[j], st.gain(j)) : st.gain(j);
                heap.add(new Entry(g, g, j, 0));
            }
        }
        int stamp = 0;
        while (served(st) < goal - eps && !heap.isEmpty()) {
            Entry e = heap.poll();
            if (st.canOpen(e.j(), Integer.MAX_VALUE) != CoverState.Fit.NOW) {
                continue;
            }
            if (!cap && e.stamp() != stamp) {
                double g = st.gain(e.j());
                heap.add(new Entry(g, g, e.j(), stamp));
                continue;
            }
            if (!cap && e.gain() <= 0) {
                break;
            }
            st.open(e.j());
            run.picks.add(e.j());
            run.gains.add(e.gain());
            stamp++;
        }
        if (served(st) < goal - eps) {
            run.complete = false;
            run.shortfall = "the greedy search could not reach the target under the constraints";
            return run;
        }
        satisfyMinima(st, run);
        if (!run.complete) {
            return run;
        }
        prune(st, goal, eps);
        if (!cap) {
            while (!deadline.passed() && twoForOne(st, goal, eps, deadline)) {
                prune(st, goal, eps);
            }
        }
        return run;
    }

    private static double served(CoverState st) {
        if (!st.model.rules.hasCapacities()) {
            return st.covered;
        }
        return ServedFlow.served(st.model.covers, st.w, st.model.rules.capacities, st.open);
    }

    private static void satisfyMinima(CoverState st, Run run) {
        while (st.outstandingMin() > 0) {
            int best = -1;
            double bestGain = -1;
            for (int j = 0; j < st.model.n; j++) {
                if (st.helpsMinimum(j) && st.canOpen(j, Integer.MAX_VALUE) == CoverState.Fit.NOW) {
                    double g = st.gain(j);
                    if (g > bestGain) {
                        bestGain = g;
                        best = j;
                    }
                }
            }
            if (best < 0) {
                run.complete = false;
                run.shortfall = shortfall(st);
                return;
            }
            st.open(best);
            run.picks.add(best);
            run.gains.add(bestGain);
        }
    }

    /** Closes new sites whose removal keeps the target and group minima, the smallest loss first. */
    private static void prune(CoverState st, double goal, double eps) {
        boolean changed = true;
        while (changed) {
            changed = false;
            int[] sites = st.newSites();
            Integer[] order = new Integer[sites.length];
            double[] loss = new double[st.model.n];
            for (int t = 0; t < sites.length; t++) {
                order[t] = sites[t];
                loss[sites[t]] = st.loss(sites[t]);
            }
            Arrays.sort(
                    order, Comparator.comparingDouble((Integer j) -> loss[j]).thenComparingInt(j -> j));
            for (int j : order) {
                if (!st.canClose(j)) {
                    continue;
                }
                st.close(j);
                if (served(st) >= goal - eps) {
                    changed = true;
                    break;
                }
                st.open(j);
            }
        }
    }

    /** Tries to replace two new sites by one candidate while keeping the target; applies the first such move. */
    private static boolean twoForOne(CoverState st, double goal, double eps, Deadline deadline) {
        CoverModel model = st.model;
        int[] sites = st.newSites();
        boolean[] mark = new boolean[model.n];
        List<Integer> candidates = new ArrayList<>();
        for (int a = 0; a < sites.length; a++) {
            for (int b = a + 1; b < sites.length; b++) {
                if (deadline.passed()) {
                    return false;
                }
                int s1 = sites[a];
                int s2 = sites[b];
                if (!st.canClose(s1) || !st.canClose(s2)) {
                    continue;
                }
                st.close(s1);
                st.close(s2);
                double missing = goal - st.covered;
                candidates.clear();
                for (int s : new int[] {s1, s2}) {
                    for (int i : model.covers[s]) {
                        if (st.count[i] == 0) {
                            for (int c : model.coveredBy[i]) {
                                if (!mark[c]) {
                                    mark[c] = true;
                                    candidates.add(c);
                                }
                            }
                        }
                    }
                }
                int found = -1;
                for (int c : candidates) {
                    mark[c] = false;
                    if (found < 0
                            && c != s1
                            && c != s2
                            && st.canOpen(c, Integer.MAX_VALUE) == CoverState.Fit.NOW
                            && st.gain(c) >= missing - eps) {
                        found = c;
                    }
                }
                if (found >= 0) {
                    st.open(found);
                    return true;
                }
                st.open(s1);
                st.open(s2);
            }
        }
        return false;
    }

    /**
     * A lower bound on the number of new sites: the fewest sites whose single-site gains could add up to the goal, and
     * for the full form the number of rows no two of which share a covering candidate (each needs its own site).
     */
    private static double lowerBound(CoverModel model, CoverState st, boolean unitRows, double goal) {
        double need = goal - st.covered;
        if (need <= 1e-9 * Math.max(1, goal)) {
            return 0;
        }
        double[] gains = new double[model.n];
        int k = 0;
        for (int j = 0; j < model.n; j++) {
            if (!model.rules.fixed[j]) {
                double g = st.gain(j);
                if (model.rules.hasCapacities()) {
                    g = Math.min(g, model.rules.capacities[j]);
                }
                gains[k++] = g;
            }
        }
        double[] sorted = Arrays.copyOf(gains, k);
        Arrays.sort(sorted);
        double sum = 0;
        int byGain = 0;
        for (int t = k - 1; t >= 0 && sum < need - 1e-9 * Math.max(1, goal); t--) {
            sum += sorted[t];
            byGain++;
        }
        int packing = 0;
        if (unitRows) {
            Integer[] rows = new Integer[model.m];
            for (int i = 0; i < model.m; i++) {
                rows[i] = i;
            }
            Arrays.sort(rows, Comparator.comparingInt((Integer i) -> model.coveredBy[i].length));
            boolean[] used = new boolean[model.n];
            for (int i : rows) {
                if (st.count[i] > 0) {
                    continue;
                }
                boolean free = true;
                for (int j : model.coveredBy[i]) {
                    if (used[j]) {
                        free = false;
                        break;
                    }
                }
                if (free) {
                    packing++;
                    for (int j : model.coveredBy[i]) {
                        used[j] = true;
                    }
                }
            }
        }
        return Math.max(byGain, packing);
    }
}
