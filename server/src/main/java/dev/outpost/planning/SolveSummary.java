package dev.outpost.planning;

import dev.outpost.siting.ProblemKind;
import dev.outpost.siting.Reduction;
import dev.outpost.siting.SitingResult;
import dev.outpost.siting.SolveStatus;
import java.util.Objects;

/**
 * What the solver said about a scenario's solution when it was solved (edits later do not change it). Nothing is
 * called optimal unless {@code status} is {@link SolveStatus#OPTIMAL}, which only a proof gives. Immutable.
 *
 * @param problem the problem actually solved (a partial request with target 1 is solved as set covering)
 * @param solver the solver that produced the answer, e.g. {@code greedy-swap}, {@code cp-sat}
 * @param status what was proven
 * @param message the solver's sentence (how it stopped, what was proven, rounding notes)
 * @param objective the objective: covered demand weight including existing stations (mclp), number of new sites
 *     (partial, lscp), demand-weighted seconds to the nearest site (pmedian), largest seconds (pcenter)
 * @param objectiveUnit what the objective counts: {@code demand}, {@code sites}, {@code weighted_seconds},
 *     {@code seconds}
 * @param bestBound the proven bound on the optimum (upper when maximising, lower when minimising); NaN when unknown
 * @param gap {@code |bound - objective| / |objective|}; 0 when proven optimal, NaN when unknown
 * @param wallTimeMillis the solver's time, milliseconds
 * @param reduction what the model reduction removed
 * @param candidateCount candidates offered to the solver
 * @param fixedCount existing stations kept fixed
 */
public record SolveSummary(
        ProblemKind problem,
        String solver,
        SolveStatus status,
        String message,
        double objective,
        String objectiveUnit,
        double bestBound,
        double gap,
        long wallTimeMillis,
        Reduction reduction,
        int candidateCount,
        int fixedCount) {
    public SolveSummary {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(solver, "solver");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
        Objects.requireNonNull(objectiveUnit, "objectiveUnit");
        Objects.requireNonNull(reduction, "reduction");
    }

    static SolveSummary of(SitingResult r, int candidateCount, int fixedCount) {
        String unit =
                switch (r.problem()) {
                    case MAXIMAL_COVERING -> "demand";
                    case SET_COVERING, PARTIAL_COVERING -> "sites";
                    case P_MEDIAN -> "weighted_seconds";
                    case P_CENTER -> "seconds";
                };
        return new SolveSummary(
                r.problem(),
                r.solver(),
                r.status(),
                r.message(),
                r.objective(),
                unit,
                r.bestBound(),
                r.gap(),
                r.wallTimeMillis(),
                r.reduction(),
                candidateCount,
                fixedCount);
    }
}
