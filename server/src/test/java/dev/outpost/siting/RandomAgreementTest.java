package dev.outpost.siting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Small random instances (at most 10 candidates) solved by enumerating every set of sites, compared with both solvers:
 * the exact solver must match the enumeration (with and without model reduction), the heuristic must never beat it,
 * and every bound must hold. The enumeration checks rules and computes capacitated service with its own code.
 */
class RandomAgreementTest {
    static final SitingSolver GREEDY = new GreedySwapSolver();
    static final SitingSolver EXACT = new CpSatSolver();
    static final SolveOptions OPTIONS = SolveOptions.defaults().withTimeLimitSeconds(20);
    static final SolveOptions UNREDUCED = OPTIONS.withReduce(false);

    /** A random covering instance with its rules kept in plain arrays, for the enumeration. */
    static final class Instance {
        int n;
        int m;
        boolean[][] covers; // [candidate][demand]
        double[] weight;
        boolean[] fixed;
        double[] cost; // null: none
        double budget = Double.POSITIVE_INFINITY;
        List<int[]> groups = new ArrayList<>(); // members
        List<int[]> limits = new ArrayList<>(); // {min, max}
        List<int[]> conflicts = new ArrayList<>();
        double[] capacity; // null: none

        List<String> names() {
            List<String> out = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                out.add("s" + j);
            }
            return out;
        }

        CoverageMatrix matrix() {
            List<String> dem = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                dem.add("d" + i);
            }
            List<int[]> lists = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                List<Integer> l = new ArrayList<>();
                for (int i = 0; i < m; i++) {
                    if (covers[j][i]) {
                        l.add(i);
                    }
                }
                lists.add(l.stream().mapToInt(Integer::intValue).toArray());
            }
            return CoverageMatrix.of(names(), dem, weight, lists);
        }

        List<String> fixedNames() {
            List<String> out = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (fixed[j]) {
                    out.add("s" + j);
                }
            }
            return out;
        }

        MaximalCoveringProblem mclp(int p) {
            MaximalCoveringProblem pr = MaximalCoveringProblem.from(matrix(), p).withFixedSites(fixedNames());
            if (cost != null) {
                pr = pr.withSiteCosts(costMap(), budget);
            }
            for (int g = 0; g < groups.size(); g++) {
                pr = pr.withGroupLimit(groupLimit(g));
            }
            if (!conflicts.isEmpty()) {
                pr = pr.withConflicts(conflictPairs());
            }
            if (capacity != null) {
                pr = pr.withCapacities(capacityMap());
            }
            return pr;
        }

        SetCoveringProblem lscp(double target) {
            SetCoveringProblem pr = (Double.isNaN(target)
                            ? SetCoveringProblem.from(matrix())
                            : SetCoveringProblem.partial(matrix(), target))
                    .withFixedSites(fixedNames());
            if (cost != null) {
                pr = pr.withSiteCosts(costMap(), budget);
            }
            for (int g = 0; g < groups.size(); g++) {
                pr = pr.withGroupLimit(groupLimit(g));
            }
            if (!conflicts.isEmpty()) {
                pr = pr.withConflicts(conflictPairs());
            }
            if (capacity != null) {
                pr = pr.withCapacities(capacityMap());
            }
            return pr;
        }

        private Map<String, Double> costMap() {
            Map<String, Double> c = new HashMap<>();
            for (int j = 0; j < n; j++) {
                c.put("s" + j, cost[j]);
            }
            return c;
        }

        private Map<String, Double> capacityMap() {
            Map<String, Double> c = new HashMap<>();
            for (int j = 0; j < n; j++) {
                c.put("s" + j, capacity[j]);
            }
            return c;
        }

        private GroupLimit groupLimit(int g) {
            List<String> members = new ArrayList<>();
            for (int j : groups.get(g)) {
                members.add("s" + j);
            }
            return new GroupLimit("g" + g, members, limits.get(g)[0], limits.get(g)[1]);
        }

        private List<SitePair> conflictPairs() {
            List<SitePair> out = new ArrayList<>();
            for (int[] c : conflicts) {
                out.add(new SitePair("s" + c[0], "s" + c[1]));
            }
            return out;
        }

        boolean feasible(boolean[] isNew) {
            double spent = 0;
            for (int j = 0; j < n; j++) {
                if (isNew[j]) {
                    spent += cost == null ? 0 : cost[j];
                }
            }
            if (spent > budget + 1e-9) {
                return false;
            }
            for (int g = 0; g < groups.size(); g++) {
                int k = 0;
                for (int j : groups.get(g)) {
                    if (isNew[j]) {
                        k++;
                    }
                }
                if (k < limits.get(g)[0] || k > limits.get(g)[1]) {
                    return false;
                }
            }
            for (int[] c : conflicts) {
                if (isNew[c[0]] && isNew[c[1]]) {
                    return false;
                }
            }
            return true;
        }

        /** Covered weight, or served weight (Edmonds–Karp on a dense residual matrix) with capacities. */
        double value(boolean[] open) {
            if (capacity == null) {
                double v = 0;
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        if (open[j] && covers[j][i]) {
                            v += weight[i];
                            break;
                        }
                    }
                }
                return v;
            }
            int nodes = n + m + 2;
            int s = n + m;
            int t = s + 1;
            double[][] r = new double[nodes][nodes];
            for (int i = 0; i < m; i++) {
                r[s][i] = weight[i];
                for (int j = 0; j < n; j++) {
                    if (open[j] && covers[j][i]) {
                        r[i][m + j] = Double.POSITIVE_INFINITY;
                    }
                }
            }
            for (int j = 0; j < n; j++) {
                if (open[j]) {
                    r[m + j][t] = capacity[j];
                }
            }
            double flow = 0;
            while (true) {
                int[] prev = new int[nodes];
                Arrays.fill(prev, -1);
                prev[s] = s;
                ArrayDeque<Integer> q = new ArrayDeque<>();
                q.add(s);
                while (!q.isEmpty() && prev[t] < 0) {
                    int u = q.poll();
                    for (int v = 0; v < nodes; v++) {
                        if (prev[v] < 0 && r[u][v] > 1e-12) {
                            prev[v] = u;
                            q.add(v);
                        }
                    }
                }
                if (prev[t] < 0) {
                    return flow;
                }
                double push = Double.POSITIVE_INFINITY;
                for (int v = t; v != s; v = prev[v]) {
                    push = Math.min(push, r[prev[v]][v]);
                }
                for (int v = t; v != s; v = prev[v]) {
                    r[prev[v]][v] -= push;
                    r[v][prev[v]] += push;
                }
                flow += push;
            }
        }

        double totalWeight() {
            double s = 0;
            for (double w : weight) {
                s += w;
            }
            return s;
        }
    }

    static Instance randomInstance(Random rnd, boolean allowCapacity) {
        Instance in = new Instance();
        in.n = 4 + rnd.nextInt(7);
        in.m = 6 + rnd.nextInt(20);
        in.covers = new boolean[in.n][in.m];
        double density = 0.2 + 0.3 * rnd.nextDouble();
        for (int j = 0; j < in.n; j++) {
            for (int i = 0; i < in.m; i++) {
                in.covers[j][i] = rnd.nextDouble() < density;
            }
        }
        in.weight = new double[in.m];
        for (int i = 0; i < in.m; i++) {
            in.weight[i] = rnd.nextInt(10) == 0 ? 0 : 1 + rnd.nextInt(50);
        }
        in.fixed = new boolean[in.n];
        if (rnd.nextDouble() < 0.3) {
            in.fixed[rnd.nextInt(in.n)] = true;
        }
        if (rnd.nextDouble() < 0.3) {
            in.cost = new double[in.n];
            for (int j = 0; j < in.n; j++) {
                in.cost[j] = 1 + rnd.nextInt(9);
            }
            in.budget = 5 + rnd.nextInt(11);
        }
        if (rnd.nextDouble() < 0.3) {
            int size = 2 + rnd.nextInt(Math.min(3, in.n - 1));
            List<Integer> all = new ArrayList<>();
            for (int j = 0; j < in.n; j++) {
                all.add(j);
            }
            Collections.shuffle(all, rnd);
            int min = rnd.nextInt(2);
            in.groups.add(
                    all.subList(0, size).stream().mapToInt(Integer::intValue).toArray());
            in.limits.add(new int[] {min, min + rnd.nextInt(2)});
        }
        if (rnd.nextDouble() < 0.3) {
            for (int k = 0; k < 2; k++) {
                int a = rnd.nextInt(in.n);
                int b = rnd.nextInt(in.n);
                if (a != b) {
                    in.conflicts.add(new int[] {a, b});
                }
            }
        }
        if (allowCapacity && rnd.nextDouble() < 0.25) {
            in.capacity = new double[in.n];
            for (int j = 0; j < in.n; j++) {
                in.capacity[j] = 10 + rnd.nextInt(70);
            }
        }
        return in;
    }

    /** Best covered weight with at most p new sites; NaN when no set keeps the rules. */
    static double bruteMclp(Instance in, int p) {
        double best = Double.NaN;
        for (int mask = 0; mask < (1 << in.n); mask++) {
            boolean[] isNew = new boolean[in.n];
            boolean[] open = in.fixed.clone();
            int k = 0;
            boolean ok = true;
            for (int j = 0; j < in.n; j++) {
                if ((mask >> j & 1) == 1) {
                    if (in.fixed[j]) {
                        ok = false;
                    }
                    isNew[j] = true;
                    open[j] = true;
                    k++;
                }
            }
            if (!ok || k > p || !in.feasible(isNew)) {
                continue;
            }
            double v = in.value(open);
            if (Double.isNaN(best) || v > best) {
                best = v;
            }
        }
        return best;
    }

    /** Fewest new sites reaching the goal (all rows, or a weight); -1 when impossible. */
    static int bruteCover(Instance in, double target) {
        int best = -1;
        for (int mask = 0; mask < (1 << in.n); mask++) {
            boolean[] isNew = new boolean[in.n];
            boolean[] open = in.fixed.clone();
            int k = 0;
            boolean ok = true;
            for (int j = 0; j < in.n; j++) {
                if ((mask >> j & 1) == 1) {
                    if (in.fixed[j]) {
                        ok = false;
                    }
                    isNew[j] = true;
                    open[j] = true;
                    k++;
                }
            }
            if (!ok || (best >= 0 && k >= best) || !in.feasible(isNew)) {
                continue;
            }
            boolean reached;
            if (Double.isNaN(target)) {
                if (in.capacity != null) {
                    reached = in.value(open) >= in.totalWeight() - 1e-9;
                } else {
                    reached = true;
                    for (int i = 0; i < in.m && reached; i++) {
                        boolean c = false;
                        for (int j = 0; j < in.n; j++) {
                            c |= open[j] && in.covers[j][i];
                        }
                        reached = c;
                    }
                }
            } else {
                reached = in.value(open) >= target * in.totalWeight() - 1e-9;
            }
            if (reached) {
                best = k;
            }
        }
        return best;
    }

    static boolean[] newFlags(Instance in, SitingResult r) {
        boolean[] isNew = new boolean[in.n];
        for (String s : r.chosenSites()) {
            isNew[Integer.parseInt(s.substring(1))] = true;
        }
        return isNew;
    }

    static boolean[] openFlags(Instance in, SitingResult r) {
        boolean[] open = in.fixed.clone();
        boolean[] isNew = newFlags(in, r);
        for (int j = 0; j < in.n; j++) {
            open[j] |= isNew[j];
        }
        return open;
    }

    @Test
    void maximalCoveringAgreesWithEnumeration() {
        Random rnd = new Random(20240611L);
        int greedyOptimal = 0;
        int instances = 0;
        int merged = 0;
        int dominated = 0;
        for (int t = 0; t < 60; t++) {
            Instance in = randomInstance(rnd, true);
            int free = in.n
                    - (int) IntStream.range(0, in.n).filter(j -> in.fixed[j]).count();
            int p = 1 + rnd.nextInt(Math.min(3, free));
            MaximalCoveringProblem problem = in.mclp(p);
            double best = bruteMclp(in, p);
            String where = "instance " + t + " (n=" + in.n + ", m=" + in.m + ", p=" + p + ")";
            for (SolveOptions o : List.of(OPTIONS, UNREDUCED)) {
                SitingResult exact = EXACT.solve(problem, o);
                if (Double.isNaN(best)) {
                    assertThat(exact.status()).as(where).isEqualTo(SolveStatus.INFEASIBLE);
                    continue;
                }
                assertThat(exact.status()).as(where + " " + exact.message()).isEqualTo(SolveStatus.OPTIMAL);
                assertThat(exact.objective()).as(where).isCloseTo(best, within(1e-6));
                assertThat(in.feasible(newFlags(in, exact))).as(where).isTrue();
                assertThat(in.value(openFlags(in, exact))).as(where).isCloseTo(best, within(1e-6));
                assertThat(exact.chosenSites().size()).as(where).isLessThanOrEqualTo(p);
                if (o.reduce()) {
                    merged += exact.reduction().demandsMerged();
                    dominated += exact.reduction().candidatesDominated();
                }
            }
            SitingResult greedy = GREEDY.solve(problem, OPTIONS);
            if (Double.isNaN(best)) {
                assertThat(greedy.status().hasSolution()).as(where).isFalse();
                continue;
            }
            instances++;
            if (greedy.status().hasSolution()) {
                assertThat(in.feasible(newFlags(in, greedy))).as(where).isTrue();
                assertThat(greedy.objective()).as(where).isLessThanOrEqualTo(best + 1e-6);
                assertThat(greedy.objective()).as(where).isCloseTo(in.value(openFlags(in, greedy)), within(1e-6));
                if (greedy.status() == SolveStatus.OPTIMAL) {
                    assertThat(greedy.objective()).as(where).isCloseTo(best, within(1e-6));
                }
                if (Math.abs(greedy.objective() - best) < 1e-6) {
                    greedyOptimal++;
                }
            }
            assertThat(greedy.bestBound()).as(where).isGreaterThanOrEqualTo(best - 1e-6);
        }
        System.out.printf(
                Locale.ROOT,
                "MCLP: heuristic optimal on %d of %d feasible instances; reduction merged %d rows, dropped %d"
                        + " candidates%n",
                greedyOptimal,
                instances,
                merged,
                dominated);
        assertThat(merged).as("the instances exercise row merging").isPositive();
        assertThat(dominated).as("the instances exercise dominance").isPositive();
    }

    @Test
    void setCoveringAgreesWithEnumeration() {
        Random rnd = new Random(77L);
        for (int t = 0; t < 50; t++) {
            Instance in = randomInstance(rnd, true);
            double target = rnd.nextBoolean() ? Double.NaN : 0.5 + 0.45 * rnd.nextDouble();
            if (in.totalWeight() == 0) {
                continue;
            }
            SetCoveringProblem problem = in.lscp(target);
            int best = bruteCover(in, target);
            String where = "instance " + t + " (n=" + in.n + ", m=" + in.m + ", target=" + target + ")";
            for (SolveOptions o : List.of(OPTIONS, UNREDUCED)) {
                SitingResult exact = EXACT.solve(problem, o);
                if (best < 0) {
                    assertThat(exact.status()).as(where + " " + exact.message()).isEqualTo(SolveStatus.INFEASIBLE);
                    continue;
                }
                assertThat(exact.status()).as(where + " " + exact.message()).isEqualTo(SolveStatus.OPTIMAL);
                assertThat(exact.objective()).as(where).isEqualTo(best);
                assertThat(in.feasible(newFlags(in, exact))).as(where).isTrue();
            }
            SitingResult greedy = GREEDY.solve(problem, OPTIONS);
            if (best < 0) {
                assertThat(greedy.status().hasSolution()).as(where).isFalse();
                continue;
            }
            if (greedy.status().hasSolution()) {
                assertThat(greedy.objective()).as(where).isGreaterThanOrEqualTo(best);
                assertThat(in.feasible(newFlags(in, greedy))).as(where).isTrue();
                if (!Double.isNaN(target)) {
                    assertThat(greedy.coveredWeight())
                            .as(where)
                            .isGreaterThanOrEqualTo(target * in.totalWeight() - 1e-6);
                }
            }
            assertThat(greedy.bestBound()).as(where).isLessThanOrEqualTo(best);
        }
    }

    static CostMatrix randomCosts(Random rnd, int n, int m, boolean integral) {
        List<String> c = new ArrayList<>();
        List<String> d = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            c.add("s" + j);
        }
        for (int i = 0; i < m; i++) {
            d.add("d" + i);
        }
        double[][] costs = new double[n][m];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                costs[j][i] = integral ? rnd.nextInt(100) : 1000 * rnd.nextDouble();
            }
        }
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            w[i] = integral ? rnd.nextInt(20) : 50 * rnd.nextDouble();
        }
        return CostMatrix.of(c, d, costs, w);
    }

    static double bruteAssign(CostMatrix m, int p, int fixed, boolean center) {
        int n = m.candidateCount();
        double best = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < (1 << n); mask++) {
            if (Integer.bitCount(mask) != p || (fixed >= 0 && (mask >> fixed & 1) == 1)) {
                continue;
            }
            double sum = 0;
            double max = 0;
            for (int i = 0; i < m.demandCount(); i++) {
                double near = fixed >= 0 ? m.cost(fixed, i) : Double.POSITIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    if ((mask >> j & 1) == 1) {
                        near = Math.min(near, m.cost(j, i));
                    }
                }
                if (m.weight(i) > 0) {
                    sum += m.weight(i) * near;
                }
                max = Math.max(max, near);
            }
            best = Math.min(best, center ? max : sum);
        }
        return best;
    }

    @Test
    void pMedianAndPCenterAgreeWithEnumeration() {
        Random rnd = new Random(4242L);
        for (int t = 0; t < 40; t++) {
            boolean center = t % 2 == 1;
            int n = 4 + rnd.nextInt(7);
            int m = 5 + rnd.nextInt(25);
            CostMatrix costs = randomCosts(rnd, n, m, rnd.nextBoolean());
            int fixed = rnd.nextDouble() < 0.3 ? rnd.nextInt(n) : -1;
            int free = n - (fixed >= 0 ? 1 : 0);
            int p = 1 + rnd.nextInt(Math.min(3, free));
            SitingProblem problem = center
                    ? PCenterProblem.from(costs, p).withFixedSites(fixed >= 0 ? List.of("s" + fixed) : List.of())
                    : PMedianProblem.from(costs, p).withFixedSites(fixed >= 0 ? List.of("s" + fixed) : List.of());
            double best = bruteAssign(costs, p, fixed, center);
            String where =
                    (center ? "p-center" : "p-median") + " instance " + t + " (n=" + n + ", m=" + m + ", p=" + p + ")";
            SitingResult exact = EXACT.solve(problem, OPTIONS);
            assertThat(exact.status()).as(where + " " + exact.message()).isEqualTo(SolveStatus.OPTIMAL);
            assertThat(exact.objective()).as(where).isCloseTo(best, within(1e-9 * Math.max(1, best)));
            assertThat(exact.chosenSites()).as(where).hasSize(p);
            SitingResult greedy = GREEDY.solve(problem, OPTIONS);
            assertThat(greedy.objective()).as(where).isGreaterThanOrEqualTo(best - 1e-9 * Math.max(1, best));
            assertThat(greedy.bestBound()).as(where).isLessThanOrEqualTo(best + 1e-9 * Math.max(1, best));
            assertThat(greedy.chosenSites()).as(where).hasSize(p);
        }
    }
}
