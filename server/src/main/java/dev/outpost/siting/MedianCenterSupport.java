package dev.outpost.siting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;

/**
 * p-median and p-center: the greedy and interchange heuristics, infeasibility checks, and restating a solution on the
 * problem. Stateless.
 *
 * <p>The heuristics work on "effective" costs where a missing pair costs {@code M = 2 × (largest finite cost) + 1},
 * so that reaching a demand point always pays; answers are then evaluated on the true costs.
 */
final class MedianCenterSupport {
    private MedianCenterSupport() {}

    /** A p-median or p-center problem seen uniformly. */
    record Assign(ProblemKind kind, CostMatrix matrix, int p, boolean[] fixed, List<String> fixedNames) {
        boolean center() {
            return kind == ProblemKind.P_CENTER;
        }

        static Assign of(SitingProblem problem) {
            if (problem instanceof PMedianProblem pm) {
                return new Assign(pm.kind(), pm.matrix(), pm.p(), fixedOf(pm.matrix(), pm::isFixed), pm.fixedSites());
            }
            if (problem instanceof PCenterProblem pc) {
                return new Assign(pc.kind(), pc.matrix(), pc.p(), fixedOf(pc.matrix(), pc::isFixed), pc.fixedSites());
            }
            throw new IllegalArgumentException("not a p-median or p-center problem: " + problem.kind());
        }

        private static boolean[] fixedOf(CostMatrix m, IntPredicate isFixed) {
            boolean[] f = new boolean[m.candidateCount()];
            for (int j = 0; j < f.length; j++) {
                f[j] = isFixed.test(j);
            }
            return f;
        }

        /** Whether demand {@code i} enters the model: every point for p-center, weight > 0 for p-median. */
        boolean counts(int i) {
            return center() || matrix.weight(i) > 0;
        }
    }

    static Optional<String> obviousInfeasibility(Assign a) {
        CostMatrix m = a.matrix();
        List<String> lost = new ArrayList<>();
        for (int i = 0; i < m.demandCount(); i++) {
            if (!a.counts(i)) {
                continue;
            }
            boolean reach = false;
            for (int j = 0; j < m.candidateCount() && !reach; j++) {
                reach = m.cost(j, i) != Double.POSITIVE_INFINITY;
            }
            if (!reach) {
                lost.add(m.demandNames().get(i));
            }
        }
        if (!lost.isEmpty()) {
            return Optional.of(lost.size() + " demand point(s) have no cost to any candidate, e.g. "
                    + String.join(", ", lost.subList(0, Math.min(5, lost.size()))));
        }
        return Optional.empty();
    }

    private static double bigM(CostMatrix m) {
        double max = 0;
        for (double c : m.rawCosts()) {
            if (c != Double.POSITIVE_INFINITY) {
                max = Math.max(max, c);
            }
        }
        return 2 * max + 1;
    }

    private static double[] effective(CostMatrix m, double bigM) {
        double[] raw = m.rawCosts();
        double[] e = new double[raw.length];
        for (int k = 0; k < raw.length; k++) {
            e[k] = raw[k] == Double.POSITIVE_INFINITY ? bigM : raw[k];
        }
        return e;
    }

    /** Nearest and second-nearest open site per demand point, on effective costs. */
    private static final class Nearest {
        final int[] s1;
        final double[] d1;
        final double[] d2;

        Nearest(int n, int m, double[] e, boolean[] open, double bigM) {
            s1 = new int[m];
            d1 = new double[m];
            d2 = new double[m];
            Arrays.fill(s1, -1);
            Arrays.fill(d1, bigM);
            Arrays.fill(d2, bigM);
            for (int j = 0; j < n; j++) {
                if (!open[j]) {
                    continue;
                }
                for (int i = 0; i < m; i++) {
                    double c = e[j * m + i];
                    if (s1[i] < 0 || c < d1[i]) {
                        if (s1[i] >= 0) {
                            d2[i] = d1[i];
                        }
                        d1[i] = c;
                        s1[i] = j;
                    } else if (c < d2[i]) {
                        d2[i] = c;
                    }
                }
            }
        }
    }

    private record Entry(double gain, int j, int stamp) {}

    /**
     * p-median: lazy greedy on the savings (a submodular function, so stale savings are upper bounds), then Teitz and
     * Bart's interchange with the fast swap evaluation of Whitaker: one pass over all pairs gives, for every candidate
     * c and open site s, the change of closing s and opening c. Always exactly p new sites.
     *
     * @return open flags of the solution (fixed and new)
     */
    static boolean[] pMedianHeuristic(Assign a, Deadline deadline) {
        CostMatrix m = a.matrix();
        int n = m.candidateCount();
        int dem = m.demandCount();
        double bigM = bigM(m);
        double[] e = effective(m, bigM);
        double[] w = new double[dem];
        for (int i = 0; i < dem; i++) {
            w[i] = a.counts(i) ? m.weight(i) : 0;
        }
        boolean[] open = a.fixed().clone();
        double[] cur = new Nearest(n, dem, e, open, bigM).d1;
        PriorityQueue<Entry> heap = new PriorityQueue<>(
                Math.max(1, n),
                (x, y) -> x.gain() != y.gain() ? Double.compare(y.gain(), x.gain()) : Integer.compare(x.j(), y.j()));
        for (int j = 0; j < n; j++) {
            if (!open[j]) {
                heap.add(new Entry(savings(e, dem, j, cur, w), j, 0));
            }
        }
        int stamp = 0;
        while (stamp < a.p()) {
            Entry top = heap.poll();
            if (top.stamp() != stamp) {
                heap.add(new Entry(savings(e, dem, top.j(), cur, w), top.j(), stamp));
                continue;
            }
            open[top.j()] = true;
            for (int i = 0; i < dem; i++) {
                cur[i] = Math.min(cur[i], e[top.j() * dem + i]);
            }
            stamp++;
        }
        interchangeMedian(a, e, w, open, bigM, deadline);
        return open;
    }

    private static double savings(double[] e, int dem, int j, double[] cur, double[] w) {
        double s = 0;
        for (int i = 0; i < dem; i++) {
            double c = e[j * dem + i];
            if (c < cur[i]) {
                s += w[i] * (cur[i] - c);
            }
        }
        return s;
    }

    private static void interchangeMedian(
            Assign a, double[] e, double[] w, boolean[] open, double bigM, Deadline deadline) {
        int n = a.matrix().candidateCount();
        int dem = a.matrix().demandCount();
        double total = 0;
        for (int i = 0; i < dem; i++) {
            total += w[i] * bigM;
        }
        double eps = 1e-12 * Math.max(1, total);
        while (!deadline.passed()) {
            Nearest near = new Nearest(n, dem, e, open, bigM);
            int[] pos = new int[n];
            Arrays.fill(pos, -1);
            List<Integer> sites = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (open[j] && !a.fixed()[j]) {
                    pos[j] = sites.size();
                    sites.add(j);
                }
            }
            int k = sites.size();
            if (k == 0) {
                return;
            }
            double[] loss = new double[k];
            for (int i = 0; i < dem; i++) {
                int t = near.s1[i] < 0 ? -1 : pos[near.s1[i]];
                if (t >= 0) {
                    loss[t] += w[i] * (near.d2[i] - near.d1[i]);
                }
            }
            double bestProfit = eps;
            int bestIn = -1;
            int bestOut = -1;
            double[] extra = new double[k];
            for (int c = 0; c < n; c++) {
                if (open[c]) {
                    continue;
                }
                double gain = 0;
                Arrays.fill(extra, 0);
                int base = c * dem;
                for (int i = 0; i < dem; i++) {
                    double ec = e[base + i];
                    double d1 = near.d1[i];
                    if (ec < d1) {
                        gain += w[i] * (d1 - ec);
                    }
                    if (ec < near.d2[i]) {
                        int t = near.s1[i] < 0 ? -1 : pos[near.s1[i]];
                        if (t >= 0) {
                            extra[t] += w[i] * (near.d2[i] - Math.max(d1, ec));
                        }
                    }
                }
                for (int t = 0; t < k; t++) {
                    double profit = gain - loss[t] + extra[t];
                    if (profit > bestProfit) {
                        bestProfit = profit;
                        bestIn = c;
                        bestOut = sites.get(t);
                    }
                }
            }
            if (bestIn < 0) {
                return;
            }
            open[bestOut] = false;
            open[bestIn] = true;
        }
    }

    /**
     * p-center: greedy (each step opens the site that lowers the largest cost most, ties broken by the weighted sum),
     * then best-improvement swaps on the same two criteria. Always exactly p new sites.
     */
    static boolean[] pCenterHeuristic(Assign a, Deadline deadline) {
        CostMatrix m = a.matrix();
        int n = m.candidateCount();
        int dem = m.demandCount();
        double bigM = bigM(m);
        double[] e = effective(m, bigM);
        double[] w = m.rawWeights();
        boolean[] open = a.fixed().clone();
        double[] cur = new Nearest(n, dem, e, open, bigM).d1;
        for (int step = 0; step < a.p(); step++) {
            int best = -1;
            double bestMax = Double.POSITIVE_INFINITY;
            double bestSum = Double.POSITIVE_INFINITY;
            for (int c = 0; c < n; c++) {
                if (open[c]) {
                    continue;
                }
                double mx = 0;
                double sm = 0;
                for (int i = 0; i < dem; i++) {
                    double v = Math.min(cur[i], e[c * dem + i]);
                    mx = Math.max(mx, v);
                    sm += w[i] * v;
                }
                if (mx < bestMax || (mx == bestMax && sm < bestSum)) {
                    bestMax = mx;
                    bestSum = sm;
                    best = c;
                }
            }
            open[best] = true;
            for (int i = 0; i < dem; i++) {
                cur[i] = Math.min(cur[i], e[best * dem + i]);
            }
        }
        while (!deadline.passed()) {
            Nearest near = new Nearest(n, dem, e, open, bigM);
            double curMax = 0;
            double curSum = 0;
            for (int i = 0; i < dem; i++) {
                curMax = Math.max(curMax, near.d1[i]);
                curSum += w[i] * near.d1[i];
            }
            double epsMax = 1e-12 * Math.max(1, curMax);
            double epsSum = 1e-12 * Math.max(1, curSum);
            double bestMax = curMax;
            double bestSum = curSum;
            int bestIn = -1;
            int bestOut = -1;
            for (int s = 0; s < n && !deadline.passed(); s++) {
                if (!open[s] || a.fixed()[s]) {
                    continue;
                }
                for (int c = 0; c < n; c++) {
                    if (open[c]) {
                        continue;
                    }
                    double mx = 0;
                    double sm = 0;
                    int base = c * dem;
                    for (int i = 0; i < dem && mx <= bestMax + epsMax; i++) {
                        double without = near.s1[i] == s ? near.d2[i] : near.d1[i];
                        double v = Math.min(without, e[base + i]);
                        mx = Math.max(mx, v);
                        sm += w[i] * v;
                    }
                    boolean better = mx < bestMax - epsMax || (mx <= bestMax + epsMax && sm < bestSum - epsSum);
                    if (better) {
                        bestMax = mx;
                        bestSum = sm;
                        bestIn = c;
                        bestOut = s;
                    }
                }
            }
            if (bestIn < 0) {
                return open;
            }
            open[bestOut] = false;
            open[bestIn] = true;
        }
        return open;
    }

    /** A lower bound: each demand point is at least as far as its nearest candidate (summed or maximised). */
    static double trivialBound(Assign a) {
        CostMatrix m = a.matrix();
        double sum = 0;
        double max = 0;
        for (int i = 0; i < m.demandCount(); i++) {
            if (!a.counts(i)) {
                continue;
            }
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < m.candidateCount(); j++) {
                best = Math.min(best, m.cost(j, i));
            }
            sum += m.weight(i) * best;
            max = Math.max(max, best);
        }
        return a.center() ? max : sum;
    }

    /** {objective, reached weight, reached count} of a set of open sites, on the true costs. */
    static double[] evaluate(Assign a, boolean[] open) {
        CostMatrix m = a.matrix();
        double sum = 0;
        double max = 0;
        double reachedWeight = 0;
        int reached = 0;
        for (int i = 0; i < m.demandCount(); i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < m.candidateCount(); j++) {
                if (open[j]) {
                    best = Math.min(best, m.cost(j, i));
                }
            }
            if (best != Double.POSITIVE_INFINITY) {
                reached++;
                reachedWeight += m.weight(i);
            }
            if (a.counts(i)) {
                sum += m.weight(i) * best;
                max = Math.max(max, best);
            }
        }
        return new double[] {a.center() ? max : sum, reachedWeight, reached};
    }

    static SitingResult result(
            Assign a,
            SolveStatus status,
            String message,
            String solver,
            boolean[] open,
            double bound,
            long wallTimeMillis,
            List<ProgressPoint> progress) {
        CostMatrix m = a.matrix();
        Reduction none = Reduction.none(m.candidateCount(), m.demandCount());
        if (!status.hasSolution()) {
            return new SitingResult(
                    a.kind(),
                    status,
                    message,
                    solver,
                    List.of(),
                    a.fixedNames(),
                    List.of(),
                    Double.NaN,
                    bound,
                    Double.NaN,
                    Double.NaN,
                    m.totalWeight(),
                    Double.NaN,
                    0,
                    m.demandCount(),
                    wallTimeMillis,
                    none,
                    progress);
        }
        double[] ev = evaluate(a, open);
        double objective = ev[0];
        SolveStatus finalStatus = status;
        String finalMessage = message;
        if (objective == Double.POSITIVE_INFINITY) {
            finalStatus = SolveStatus.UNKNOWN;
            finalMessage = message + "; the solution leaves some demand without any reachable open site";
        } else if (finalStatus == SolveStatus.FEASIBLE && CoveringSupport.closeEnough(objective, bound)) {
            finalStatus = SolveStatus.OPTIMAL;
            finalMessage = message + "; the bound meets the objective, so the solution is optimal";
        }
        List<ChosenSite> details = details(a, open, objective);
        List<String> names = new ArrayList<>();
        for (ChosenSite s : details) {
            names.add(s.name());
        }
        double total = m.totalWeight();
        return new SitingResult(
                a.kind(),
                finalStatus,
                finalMessage,
                solver,
                names,
                a.fixedNames(),
                details,
                finalStatus.hasSolution() ? objective : Double.NaN,
                bound,
                SitingResult.gap(objective, bound),
                ev[1],
                total,
                total == 0 ? 1 : ev[1] / total,
                (int) ev[2],
                m.demandCount(),
                wallTimeMillis,
                none,
                progress);
    }

    /**
     * New sites ordered by how much the objective would worsen if each alone closed (largest first); for p-median that
     * worsening is the site's marginal gain, for p-center NaN.
     */
    private static List<ChosenSite> details(Assign a, boolean[] open, double objective) {
        List<String> names = a.matrix().candidateNames();
        List<double[]> rows = new ArrayList<>();
        for (int j = 0; j < open.length; j++) {
            if (open[j] && !a.fixed()[j]) {
                double gain = Double.NaN;
                if (!a.center()) {
                    open[j] = false;
                    gain = evaluate(a, open)[0] - objective;
                    open[j] = true;
                }
                rows.add(new double[] {j, gain});
            }
        }
        rows.sort((x, y) -> {
            int c = Double.compare(y[1], x[1]);
            return c != 0 ? c : Double.compare(x[0], y[0]);
        });
        List<ChosenSite> out = new ArrayList<>();
        for (double[] r : rows) {
            out.add(new ChosenSite(names.get((int) r[0]), r[1], null, Double.NaN));
        }
        return out;
    }
}
