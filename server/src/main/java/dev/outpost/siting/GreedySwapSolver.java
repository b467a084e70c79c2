package dev.outpost.siting;

import java.util.List;
import java.util.Optional;

/**
 * A fast heuristic for interactive use: lazy greedy (a priority queue of marginal gains) followed by a 1-swap local
 * search (Teitz–Bart interchange for p-median), within the time limit of the options; for maximal covering with only
 * the site count limited, when the swap search already covers 99 % of the coverable weight, a row-weighting local
 * search ({@link WeightedCoverSearch}) then looks for the complete cover the swap search misses.
 *
 * <p>Its status is {@link SolveStatus#FEASIBLE} with a proven bound, and {@link SolveStatus#OPTIMAL} only when the bound
 * meets the objective. Bounds:
 *
 * <ul>
 *   <li>maximal covering: the smallest, over the greedy prefixes S and the final solution, of {@code f(S)} plus the
 *       {@code p} largest marginal gains over S (valid for any monotone submodular coverage and whatever the other
 *       constraints, since they only shrink the feasible sets); with only the site count limited, also
 *       {@code f(F) + (f(G) - f(F)) / (1 - 1/e)} for fixed sites F and greedy solution G (Nemhauser, Wolsey and Fisher
 *       1978); never more than the coverable weight. Everything covered gives the bound at once.
 *   <li>set covering: the fewest sites whose single gains can reach the target, and for the full form the number of
 *       demand points no two of which share a candidate (each needs its own site).
 *   <li>p-median, p-center: each demand point at its nearest candidate (weak; it proves optimality only when the best
 *       candidates are all opened).
 * </ul>
 *
 * <p>Capacities: the maximal covering greedy caps each gain at the site's capacity and skips the swap search; the set
 * covering greedy adds sites by {@code min(capacity, weight covered)} and checks the target by a flow; both report
 * the weight actually served (a maximum flow). Group minima are kept by reserving slots; a heuristic that still cannot
 * satisfy a rule answers {@link SolveStatus#UNKNOWN} (the exact solver can decide). Stateless and thread-safe.
 */
public final class GreedySwapSolver implements SitingSolver {
    public static final String NAME = "greedy-swap";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SitingResult solve(SitingProblem problem, SolveOptions options) {
        Deadline deadline = Deadline.in(options.timeLimitSeconds(), options.control());
        return switch (problem.kind()) {
            case MAXIMAL_COVERING, SET_COVERING, PARTIAL_COVERING -> solveCovering(problem, options, deadline);
            case P_MEDIAN, P_CENTER -> solveAssign(problem, deadline);
        };
    }

    private SitingResult solveCovering(SitingProblem problem, SolveOptions options, Deadline deadline) {
        CoveringSupport.Covering c = CoveringSupport.Covering.of(problem);
        Optional<String> infeasible = CoveringSupport.obviousInfeasibility(c);
        if (infeasible.isPresent()) {
            return CoveringSupport.result(
                    c,
                    SolveStatus.INFEASIBLE,
                    infeasible.get(),
                    NAME,
                    new int[0],
                    Double.NaN,
                    deadline.elapsedMillis(),
                    Reduction.none(c.matrix().candidateCount(), c.matrix().demandCount()),
                    List.of());
        }
        CoverModel model = options.reduce()
                ? CoverModel.reduce(c.matrix(), c.rules())
                : CoverModel.identity(c.matrix(), c.rules());
        Outcome h = runCovering(c, model, deadline);
        if (!h.complete()) {
            return CoveringSupport.result(
                    c,
                    SolveStatus.UNKNOWN,
                    "the heuristic found no solution: " + h.shortfall() + "; try the exact solver",
                    NAME,
                    new int[0],
                    h.bound(),
                    deadline.elapsedMillis(),
                    model.reduction,
                    List.of());
        }
        return CoveringSupport.result(
                c,
                SolveStatus.FEASIBLE,
                h.note(),
                NAME,
                CoveringSupport.toOriginal(model, h.modelSites()),
                h.bound(),
                deadline.elapsedMillis(),
                model.reduction,
                List.of());
    }

    /**
     * The heuristic's answer on a model.
     *
     * @param modelSites new sites, model indices
     * @param bound in the problem's units (the constant weight of fixed-covered rows added back)
     */
    record Outcome(int[] modelSites, boolean complete, double bound, String note, String shortfall) {}

    static Outcome runCovering(CoveringSupport.Covering c, CoverModel model, Deadline deadline) {
        if (c.maximise()) {
            CoverHeuristics.Run run = CoverHeuristics.maxCover(model, c.p(), false, true, deadline);
            double bound = run.bound;
            String how = "lazy greedy + swap search";
            if (model.rules.hasBudget()) {
                CoverHeuristics.Run ratio = CoverHeuristics.maxCover(model, c.p(), true, true, deadline);
                bound = Math.min(bound, ratio.bound);
                if (ratio.complete && (!run.complete || value(ratio) > value(run))) {
                    run = ratio;
                    how = "lazy greedy by gain per cost + swap search";
                }
            }
            return new Outcome(
                    run.state.newSites(),
                    run.complete,
                    bound + model.constantWeight,
                    how + "; upper bound from submodular marginal gains",
                    run.shortfall);
        }
        double target = c.full() ? Double.NaN : Math.max(0, c.targetWeight() - model.constantWeight);
        CoverHeuristics.Run run = CoverHeuristics.setCover(model, c.full(), target, deadline);
        return new Outcome(
                run.state.newSites(),
                run.complete,
                run.bound,
                "lazy greedy + pruning + two-for-one moves; lower bound from gains"
                        + (c.full() ? " and disjoint demand points" : ""),
                run.shortfall);
    }

    private static double value(CoverHeuristics.Run run) {
        CoverState st = run.state;
        if (!st.model.rules.hasCapacities()) {
            return st.covered;
        }
        return ServedFlow.served(st.model.covers, st.model.weight, st.model.rules.capacities, st.open);
    }

    private SitingResult solveAssign(SitingProblem problem, Deadline deadline) {
        MedianCenterSupport.Assign a = MedianCenterSupport.Assign.of(problem);
        Optional<String> infeasible = MedianCenterSupport.obviousInfeasibility(a);
        if (infeasible.isPresent()) {
            return MedianCenterSupport.result(
                    a,
                    SolveStatus.INFEASIBLE,
                    infeasible.get(),
                    NAME,
                    null,
                    Double.NaN,
                    deadline.elapsedMillis(),
                    List.of());
        }
        boolean[] open = a.center()
                ? MedianCenterSupport.pCenterHeuristic(a, deadline)
                : MedianCenterSupport.pMedianHeuristic(a, deadline);
        String how = a.center() ? "greedy + swap search" : "lazy greedy + Teitz-Bart interchange";
        return MedianCenterSupport.result(
                a,
                SolveStatus.FEASIBLE,
                how + "; lower bound: each demand point at its nearest candidate",
                NAME,
                open,
                MedianCenterSupport.trivialBound(a),
                deadline.elapsedMillis(),
                List.of());
    }
}
