package dev.outpost.siting;

import java.util.List;
import java.util.Objects;

/**
 * The answer to a siting problem, always restated on the unreduced problem. Immutable and thread-safe.
 *
 * <p>The objective depends on the problem: covered weight for maximal covering (fixed sites included); number of new
 * sites for set covering and partial covering; the sum of weight × cost to the nearest open site for p-median; the
 * largest cost to the nearest open site for p-center. Costs and weights are in the caller's units. It is recomputed in
 * {@code double} from the chosen sites, whatever integer scaling the solver used.
 *
 * @param problem the kind of problem
 * @param status what the solver proved
 * @param message a sentence for people (why infeasible, what was proven, what was skipped); never null
 * @param solver the solver that produced the answer, e.g. {@code greedy-swap} or {@code cp-sat}
 * @param chosenSites new sites by name, in greedy order (each adds the most over those before it); empty without a
 *     solution
 * @param fixedSites existing sites by name
 * @param siteDetails one entry per chosen site, same order: marginal gain and runner-up
 * @param objective see above; NaN without a solution
 * @param bestBound a proven bound on the optimum: an upper bound when maximising, a lower bound when minimising; NaN
 *     when none is known
 * @param gap {@code |bestBound - objective| / |objective|}; 0 when they are equal, NaN when either is unknown
 * @param coveredWeight demand weight covered (within the radius of an open site; with capacities, the weight actually
 *     served); for p-median and p-center, the weight of demand points that reach an open site
 * @param totalWeight the sum of all demand weights
 * @param coveredFraction {@code coveredWeight / totalWeight} (1 when the total is 0)
 * @param coveredDemandCount demand points within reach of an open site
 * @param demandCount all demand points
 * @param wallTimeMillis time spent in {@code solve}, milliseconds
 * @param reduction what the model reduction removed
 * @param progress the exact search's objective and bound over time (empty for heuristics)
 */
public record SitingResult(
        ProblemKind problem,
        SolveStatus status,
        String message,
        String solver,
        List<String> chosenSites,
        List<String> fixedSites,
        List<ChosenSite> siteDetails,
        double objective,
        double bestBound,
        double gap,
        double coveredWeight,
        double totalWeight,
        double coveredFraction,
        int coveredDemandCount,
        int demandCount,
        long wallTimeMillis,
        Reduction reduction,
        List<ProgressPoint> progress) {
    public SitingResult {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
        Objects.requireNonNull(solver, "solver");
        chosenSites = List.copyOf(chosenSites);
        fixedSites = List.copyOf(fixedSites);
        siteDetails = List.copyOf(siteDetails);
        Objects.requireNonNull(reduction, "reduction");
        progress = List.copyOf(progress);
        if (status.hasSolution() && Double.isNaN(objective)) {
            throw new IllegalArgumentException("a " + status + " result needs an objective");
        }
    }

    /** The relative gap between an objective and a bound: 0 when equal, NaN when either is NaN. */
    public static double gap(double objective, double bound) {
        if (Double.isNaN(objective) || Double.isNaN(bound)) {
            return Double.NaN;
        }
        double diff = Math.abs(bound - objective);
        if (diff == 0) {
            return 0;
        }
        return objective == 0 ? Double.POSITIVE_INFINITY : diff / Math.abs(objective);
    }

    /** The number of demand points out of reach of every open site. */
    public int uncoveredDemandCount() {
        return demandCount - coveredDemandCount;
    }
}
