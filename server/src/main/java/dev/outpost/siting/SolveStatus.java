package dev.outpost.siting;

/** What a solver can say about its answer. */
public enum SolveStatus {
    /** The solution is proven optimal (by the exact solver, or by a heuristic whose bound meets its value). */
    OPTIMAL,
    /** A feasible solution whose optimality is not proven; the result's bound and gap say how far it may be. */
    FEASIBLE,
    /** Proven that no solution satisfies the constraints; the message says which. */
    INFEASIBLE,
    /** The time limit ran out before any feasible solution was found. */
    TIME_LIMIT,
    /** No solution and no proof of infeasibility (for example a heuristic that could not meet a group minimum). */
    UNKNOWN;

    /** Whether the result carries a feasible solution. */
    public boolean hasSolution() {
        return this == OPTIMAL || this == FEASIBLE;
    }
}
