package dev.outpost.siting;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Coverage against the number of new sites, 1 to N, for a maximal covering problem: the greedy sequence (each site
 * added to the previous ones, so the sets are nested) and optionally the exact optimum for every N. Shows where more
 * sites stop paying. Immutable.
 *
 * @param points one per number of new sites, 1..N
 * @param flattenThresholdWeight the marginal gain below which the curve counts as flat (a share of the total weight)
 * @param flattensAfter the smallest k such that the greedy's site k + 1 adds less than the threshold; empty when every
 *     site up to N adds at least the threshold
 */
public record CoverageCurve(List<Point> points, double flattenThresholdWeight, OptionalInt flattensAfter) {
    public CoverageCurve {
        points = List.copyOf(points);
    }

    /**
     * One point of the curve.
     *
     * @param newSites k
     * @param greedyCoveredWeight weight covered by the first k greedy sites and the fixed sites
     * @param greedyFraction the same as a share of the total weight
     * @param marginalGain what greedy site k added
     * @param site the name of greedy site k; {@code null} when the greedy stopped before k (nothing left to gain)
     * @param exactCoveredWeight the exact solver's covered weight with k sites; NaN when not computed
     * @param exactBound its proven upper bound; NaN when not computed
     * @param exactStatus its status; {@code null} when not computed
     */
    public record Point(
            int newSites,
            double greedyCoveredWeight,
            double greedyFraction,
            double marginalGain,
            String site,
            double exactCoveredWeight,
            double exactBound,
            SolveStatus exactStatus) {}

    /** The greedy curve for 1..{@code maxNewSites}; flat below {@code flattenPercent} % of the total weight. */
    public static CoverageCurve greedy(MaximalCoveringProblem base, int maxNewSites, double flattenPercent) {
        return compute(base, maxNewSites, flattenPercent, null, null);
    }

    /** The greedy curve plus an exact solve (with the given options) for every number of sites. */
    public static CoverageCurve withExact(
            MaximalCoveringProblem base,
            int maxNewSites,
            double flattenPercent,
            SitingSolver exact,
            SolveOptions options) {
        return compute(base, maxNewSites, flattenPercent, exact, options);
    }

    private static CoverageCurve compute(
            MaximalCoveringProblem base,
            int maxNewSites,
            double flattenPercent,
            SitingSolver exact,
            SolveOptions options) {
        if (maxNewSites < 1) {
            throw new IllegalArgumentException("the curve needs at least 1 new site, not " + maxNewSites);
        }
        if (!(flattenPercent >= 0 && flattenPercent <= 100)) {
            throw new IllegalArgumentException("flatten percent " + flattenPercent + " must be in 0..100");
        }
        MaximalCoveringProblem full = base.withP(maxNewSites); // checks the number of candidates
        CoveringSupport.Covering c = CoveringSupport.Covering.of(full);
        CoverModel model = CoverModel.reduce(c.matrix(), c.rules());
        CoverHeuristics.Run run =
                CoverHeuristics.maxCover(model, maxNewSites, false, false, Deadline.in(Double.MAX_VALUE / 1e10));
        double total = c.matrix().totalWeight();
        double threshold = flattenPercent / 100 * total;
        boolean[] open = c.rules().fixed.clone();
        double before = CoveringSupport.evaluate(c.matrix(), c.rules(), open)[0];
        List<Point> points = new ArrayList<>();
        OptionalInt flat = OptionalInt.empty();
        for (int k = 1; k <= maxNewSites; k++) {
            String site = null;
            double covered = before;
            if (k <= run.picks.size()) {
                int j = model.original[run.picks.get(k - 1)];
                open[j] = true;
                site = c.matrix().candidateNames().get(j);
                covered = CoveringSupport.evaluate(c.matrix(), c.rules(), open)[0];
            }
            double gain = covered - before;
            if (k >= 2 && flat.isEmpty() && gain < threshold) {
                flat = OptionalInt.of(k - 1);
            }
            double exactWeight = Double.NaN;
            double exactBound = Double.NaN;
            SolveStatus exactStatus = null;
            if (exact != null) {
                SitingResult r = exact.solve(base.withP(k), options);
                exactWeight = r.status().hasSolution() ? r.coveredWeight() : Double.NaN;
                exactBound = r.bestBound();
                exactStatus = r.status();
            }
            points.add(new Point(
                    k, covered, total == 0 ? 1 : covered / total, gain, site, exactWeight, exactBound, exactStatus));
            before = covered;
        }
        return new CoverageCurve(points, threshold, flat);
    }
}
