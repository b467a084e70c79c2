package dev.outpost.siting;

/**
 * What model reduction removed before solving. Counts are of candidates and demand points (rows). The answer is
 * always restated on the unreduced problem.
 *
 * @param candidatesBefore candidates in the problem
 * @param candidatesAfter candidates left in the model
 * @param demandsBefore demand points in the problem
 * @param demandsAfter demand rows left in the model
 * @param demandsMerged rows removed by merging rows covered by exactly the same candidates (weights summed)
 * @param demandsCoveredByFixedSites rows removed because a fixed site already covers them
 * @param demandsUncoverable rows removed because no candidate covers them
 * @param candidatesDominated candidates removed because another covers a superset at no greater cost and with the
 *     same constraints, or because they cover nothing left (fixed sites removed with their rows count here too)
 */
public record Reduction(
        int candidatesBefore,
        int candidatesAfter,
        int demandsBefore,
        int demandsAfter,
        int demandsMerged,
        int demandsCoveredByFixedSites,
        int demandsUncoverable,
        int candidatesDominated) {
    public Reduction {
        if (candidatesAfter < 0
                || candidatesAfter > candidatesBefore
                || demandsAfter < 0
                || demandsAfter > demandsBefore) {
            throw new IllegalArgumentException("reduction counts " + candidatesBefore + "->" + candidatesAfter
                    + " candidates, " + demandsBefore + "->" + demandsAfter + " demand rows are inconsistent");
        }
    }

    /** No reduction. */
    public static Reduction none(int candidates, int demands) {
        return new Reduction(candidates, candidates, demands, demands, 0, 0, 0, 0);
    }
}
