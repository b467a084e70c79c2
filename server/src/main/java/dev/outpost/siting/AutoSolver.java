package dev.outpost.siting;

/**
 * Picks the solver: CP-SAT (warm-started by the heuristic, within the time limit) when the native library loads and
 * the covering model has at most {@link #MAX_EXACT_COVER_PAIRS} covering pairs; otherwise {@link GreedySwapSolver}.
 * p-median and p-center models too large for the exact model fall back inside {@link CpSatSolver}. The result's
 * {@code solver} names the solver actually used. Stateless and thread-safe.
 */
public final class AutoSolver implements SitingSolver {
    public static final long MAX_EXACT_COVER_PAIRS = 3_000_000L;

    private final GreedySwapSolver greedy = new GreedySwapSolver();
    private final CpSatSolver exact = new CpSatSolver();

    @Override
    public String name() {
        return "auto";
    }

    @Override
    public SitingResult solve(SitingProblem problem, SolveOptions options) {
        if (!CpSatSolver.isAvailable()) {
            return withNote(greedy.solve(problem, options), "OR-Tools could not be loaded; heuristic answer");
        }
        long pairs = -1;
        if (problem instanceof MaximalCoveringProblem p) {
            pairs = p.matrix().pairCount();
        } else if (problem instanceof SetCoveringProblem p) {
            pairs = p.matrix().pairCount();
        }
        if (pairs > MAX_EXACT_COVER_PAIRS) {
            return withNote(
                    greedy.solve(problem, options),
                    pairs + " covering pairs exceed the exact model's limit of " + MAX_EXACT_COVER_PAIRS);
        }
        return exact.solve(problem, options);
    }

    private static SitingResult withNote(SitingResult r, String note) {
        return new SitingResult(
                r.problem(),
                r.status(),
                r.message().isEmpty() ? note : r.message() + "; " + note,
                r.solver(),
                r.chosenSites(),
                r.fixedSites(),
                r.siteDetails(),
                r.objective(),
                r.bestBound(),
                r.gap(),
                r.coveredWeight(),
                r.totalWeight(),
                r.coveredFraction(),
                r.coveredDemandCount(),
                r.demandCount(),
                r.wallTimeMillis(),
                r.reduction(),
                r.progress());
    }
}
