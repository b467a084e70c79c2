package dev.outpost.siting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What both covering solvers share: infeasibility checks before solving, restating a solution on the unreduced
 * problem, and the per-site details (greedy order, marginal gains, runner-ups). Stateless.
 */
final class CoveringSupport {
    private CoveringSupport() {}

    /** A covering problem seen uniformly. */
    record Covering(
            ProblemKind kind,
            CoverageMatrix matrix,
            SiteRules rules,
            int p,
            double targetFraction,
            List<String> fixed) {
        boolean full() {
            return kind == ProblemKind.SET_COVERING;
        }

        boolean maximise() {
            return kind == ProblemKind.MAXIMAL_COVERING;
        }

        /** The covered weight a partial covering must reach, on the whole problem. */
        double targetWeight() {
            return targetFraction * matrix.totalWeight();
        }

        static Covering of(SitingProblem problem) {
            if (problem instanceof MaximalCoveringProblem mclp) {
                return new Covering(mclp.kind(), mclp.matrix(), mclp.rules(), mclp.p(), Double.NaN, mclp.fixedSites());
            }
            if (problem instanceof SetCoveringProblem lscp) {
                return new Covering(
                        lscp.kind(),
                        lscp.matrix(),
                        lscp.rules(),
                        Integer.MAX_VALUE,
                        lscp.targetFraction().orElse(Double.NaN),
                        lscp.fixedSites());
            }
            throw new IllegalArgumentException("not a covering problem: " + problem.kind());
        }
    }

    /** A reason the problem cannot be solved, found without searching; empty when none is obvious. */
    static Optional<String> obviousInfeasibility(Covering c) {
        SiteRules r = c.rules();
        CoverageMatrix m = c.matrix();
        boolean disjoint = true;
        boolean[] seen = new boolean[r.n];
        int sumMin = 0;
        double minCostAll = 0;
        for (SiteRules.Group g : r.groups) {
            int free = 0;
            List<Double> costs = new ArrayList<>();
            for (int j : g.members()) {
                if (seen[j]) {
                    disjoint = false;
                }
                seen[j] = true;
                if (!r.fixed[j]) {
                    free++;
                    costs.add(r.cost(j));
                }
            }
            if (g.minNew() > free) {
                return Optional.of("group '" + g.name() + "' needs at least " + g.minNew() + " new sites but has only "
                        + free + " candidates that are not fixed");
            }
            costs.sort(Double::compare);
            double cheapest = 0;
            for (int t = 0; t < g.minNew(); t++) {
                cheapest += costs.get(t);
            }
            if (r.hasBudget() && cheapest > r.budget * (1 + 1e-12)) {
                return Optional.of(String.format(
                        Locale.ROOT,
                        "group '%s' needs at least %d new sites, which cost at least %s, over the budget of %s",
                        g.name(),
                        g.minNew(),
                        num(cheapest),
                        num(r.budget)));
            }
            sumMin += g.minNew();
            minCostAll += cheapest;
        }
        if (disjoint && sumMin > c.p()) {
            return Optional.of("the groups need at least " + sumMin + " new sites together, more than p = " + c.p());
        }
        if (disjoint && r.hasBudget() && minCostAll > r.budget * (1 + 1e-12)) {
            return Optional.of("the group minima cost at least " + num(minCostAll) + " together, over the budget of "
                    + num(r.budget));
        }
        if (c.kind() == ProblemKind.SET_COVERING) {
            List<String> uncoverable = m.uncoverableDemands();
            if (!uncoverable.isEmpty()) {
                return Optional.of(
                        uncoverable.size() + " demand point(s) are beyond the radius of every candidate, e.g. "
                                + String.join(", ", uncoverable.subList(0, Math.min(5, uncoverable.size()))));
            }
        }
        if (c.kind() == ProblemKind.PARTIAL_COVERING || (c.kind() == ProblemKind.SET_COVERING && r.hasCapacities())) {
            double coverable = 0;
            for (int i = 0; i < m.demandCount(); i++) {
                if (m.rawCoveredBy()[i].length > 0) {
                    coverable += m.weight(i);
                }
            }
            double target = c.full() ? m.totalWeight() : c.targetWeight();
            if (coverable < target * (1 - 1e-12)) {
                return Optional.of(String.format(
                        Locale.ROOT,
                        "at most %s of the weight %s (%.4f %%) lies within the radius of any candidate; the target is"
                                + " %.4f %%",
                        num(coverable),
                        num(m.totalWeight()),
                        100 * coverable / m.totalWeight(),
                        100 * target / m.totalWeight()));
            }
            if (r.hasCapacities()) {
                double all = 0;
                for (double cap : r.capacities) {
                    all += cap;
                }
                if (all < target * (1 - 1e-12)) {
                    return Optional.of("all candidates together have capacity " + num(all) + ", less than the "
                            + num(target) + " to serve");
                }
            }
        }
        return Optional.empty();
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    /** Coverage of a set of open original candidates: {covered or served weight, covered count}. */
    static double[] evaluate(CoverageMatrix matrix, SiteRules rules, boolean[] open) {
        int[][] coveredBy = matrix.rawCoveredBy();
        double weight = 0;
        int count = 0;
        for (int i = 0; i < matrix.demandCount(); i++) {
            for (int j : coveredBy[i]) {
                if (open[j]) {
                    weight += matrix.weight(i);
                    count++;
                    break;
                }
            }
        }
        if (rules.hasCapacities()) {
            weight = ServedFlow.served(matrix.rawCovers(), matrix.rawWeights(), rules.capacities, open);
        }
        return new double[] {weight, count};
    }

    /**
     * Orders the chosen new sites greedily (each adds the most weight over the fixed sites and those before it) and,
     * for maximal covering without capacities, finds each one's runner-up.
     *
     * @param chosen original indices of the new sites
     */
    static List<ChosenSite> details(Covering c, int[] chosen, boolean runnerUps) {
        CoverModel identity = CoverModel.identity(c.matrix(), c.rules());
        CoverState st = new CoverState(identity, identity.weight);
        boolean cap = c.rules().hasCapacities();
        List<Integer> left = new ArrayList<>();
        for (int j : chosen) {
            left.add(j);
        }
        List<Integer> order = new ArrayList<>();
        List<Double> gains = new ArrayList<>();
        double servedBefore =
                cap ? ServedFlow.served(identity.covers, identity.weight, c.rules().capacities, st.open) : 0;
        while (!left.isEmpty()) {
            int bestK = 0;
            double bestGain = -1;
            for (int k = 0; k < left.size(); k++) {
                double g = st.gain(left.get(k));
                if (g > bestGain) {
                    bestGain = g;
                    bestK = k;
                }
            }
            int j = left.remove(bestK);
            st.open(j);
            order.add(j);
            if (cap) {
                double served = ServedFlow.served(identity.covers, identity.weight, c.rules().capacities, st.open);
                gains.add(served - servedBefore);
                servedBefore = served;
            } else {
                gains.add(bestGain);
            }
        }
        double[][] swaps = runnerUps && !cap ? st.bestSwaps() : new double[0][];
        List<String> names = c.matrix().candidateNames();
        List<ChosenSite> out = new ArrayList<>();
        for (int k = 0; k < order.size(); k++) {
            int j = order.get(k);
            String runnerUp = null;
            double runnerUpObjective = Double.NaN;
            for (double[] s : swaps) {
                if ((int) s[0] == j && s[1] >= 0) {
                    runnerUp = names.get((int) s[1]);
                    runnerUpObjective = st.covered + s[2];
                }
            }
            out.add(new ChosenSite(names.get(j), gains.get(k), runnerUp, runnerUpObjective));
        }
        return out;
    }

    /** Builds the result for a solution given by original indices of the new sites. */
    static SitingResult result(
            Covering c,
            SolveStatus status,
            String message,
            String solver,
            int[] chosen,
            double bound,
            long wallTimeMillis,
            Reduction reduction,
            List<ProgressPoint> progress) {
        CoverageMatrix m = c.matrix();
        double total = m.totalWeight();
        if (!status.hasSolution()) {
            return new SitingResult(
                    c.kind(),
                    status,
                    message,
                    solver,
                    List.of(),
                    c.fixed(),
                    List.of(),
                    Double.NaN,
                    bound,
                    Double.NaN,
                    Double.NaN,
                    total,
                    Double.NaN,
                    0,
                    m.demandCount(),
                    wallTimeMillis,
                    reduction,
                    progress);
        }
        boolean[] open = new boolean[m.candidateCount()];
        for (int j = 0; j < open.length; j++) {
            open[j] = c.rules().fixed[j];
        }
        for (int j : chosen) {
            open[j] = true;
        }
        double[] ev = evaluate(m, c.rules(), open);
        List<ChosenSite> details = details(c, chosen, c.maximise());
        List<String> names = new ArrayList<>();
        for (ChosenSite s : details) {
            names.add(s.name());
        }
        double objective = c.maximise() ? ev[0] : chosen.length;
        SolveStatus finalStatus = status;
        String finalMessage = message;
        if (finalStatus == SolveStatus.FEASIBLE && !Double.isNaN(bound) && closeEnough(objective, bound)) {
            finalStatus = SolveStatus.OPTIMAL;
            finalMessage = message + "; the bound meets the objective, so the solution is optimal";
        }
        double fraction = total == 0 ? 1 : ev[0] / total;
        return new SitingResult(
                c.kind(),
                finalStatus,
                finalMessage,
                solver,
                names,
                c.fixed(),
                details,
                objective,
                bound,
                SitingResult.gap(objective, bound),
                ev[0],
                total,
                fraction,
                (int) ev[1],
                m.demandCount(),
                wallTimeMillis,
                reduction,
                progress);
    }

    static boolean closeEnough(double objective, double bound) {
        return Math.abs(bound - objective) <= 1e-9 * Math.max(1, Math.abs(objective));
    }

    /** Checks that a solution keeps the rules; returns the broken rule, or empty. Used to verify exact answers. */
    static Optional<String> brokenRule(Covering c, int[] chosen) {
        SiteRules r = c.rules();
        List<String> names = c.matrix().candidateNames();
        boolean[] isNew = new boolean[r.n];
        double spent = 0;
        for (int j : chosen) {
            if (r.fixed[j]) {
                return Optional.of("fixed site '" + names.get(j) + "' listed as new");
            }
            isNew[j] = true;
            spent += r.cost(j);
        }
        if (c.maximise() && chosen.length > c.p()) {
            return Optional.of(chosen.length + " new sites, more than p = " + c.p());
        }
        if (r.hasBudget() && spent > r.budget * (1 + 1e-9) + 1e-9) {
            return Optional.of("new sites cost " + num(spent) + ", over the budget of " + num(r.budget));
        }
        for (SiteRules.Group g : r.groups) {
            int k = 0;
            for (int j : g.members()) {
                if (isNew[j]) {
                    k++;
                }
            }
            if (k < g.minNew() || k > g.maxNew()) {
                return Optional.of(
                        "group '" + g.name() + "' gets " + k + " new sites, outside " + g.minNew() + ".." + g.maxNew());
            }
        }
        for (int a = 0; a < r.n; a++) {
            if (isNew[a]) {
                for (int b : r.conflicts[a]) {
                    if (isNew[b]) {
                        return Optional.of("sites '" + names.get(a) + "' and '" + names.get(b) + "' conflict");
                    }
                }
            }
        }
        return Optional.empty();
    }

    static int[] toOriginal(CoverModel model, int[] modelSites) {
        return Arrays.stream(modelSites).map(j -> model.original[j]).toArray();
    }
}
