package dev.outpost.siting;

/**
 * Solves siting problems. Implementations are stateless and thread-safe; they never throw for an infeasible
 * instance (the result says {@link SolveStatus#INFEASIBLE}) and throw {@link IllegalArgumentException} only for
 * malformed input.
 */
public interface SitingSolver {
    SitingResult solve(SitingProblem problem, SolveOptions options);

    default SitingResult solve(SitingProblem problem) {
        return solve(problem, SolveOptions.defaults());
    }

    /** A short name stated in results, e.g. {@code greedy-swap} or {@code cp-sat}. */
    String name();
}
