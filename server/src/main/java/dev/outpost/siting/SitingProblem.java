package dev.outpost.siting;

import java.util.List;

/**
 * A location problem ready to solve: a matrix, the number of sites or a target, and constraints. Implementations are
 * immutable and thread-safe; solve them with a {@link SitingSolver}.
 */
public sealed interface SitingProblem
        permits MaximalCoveringProblem, SetCoveringProblem, PMedianProblem, PCenterProblem {
    ProblemKind kind();

    /** Candidate names in matrix order. */
    List<String> candidateNames();

    /** Demand point names in matrix order. */
    List<String> demandNames();

    /** Existing sites (by name): always open, free, and not counted among the new sites. */
    List<String> fixedSites();

    /** The sum of the demand weights. */
    double totalWeight();
}
