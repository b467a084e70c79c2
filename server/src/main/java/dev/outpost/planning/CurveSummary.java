package dev.outpost.planning;

import java.util.List;

/**
 * Coverage against the number of new sites, 1..N (greedy, nested: site k is added to the k - 1 before it), with the
 * existing stations fixed and no budget, district or spacing rules, and where it flattens. Immutable.
 *
 * @param points one per number of new sites
 * @param flattenPercent a site adding less than this share (%) of all demand counts as flat
 * @param flattensAfter the smallest k after which the next site adds less than the threshold; null when the curve
 *     never flattens within N
 */
public record CurveSummary(List<Point> points, double flattenPercent, Integer flattensAfter) {
    public CurveSummary {
        points = List.copyOf(points);
    }

    /**
     * @param newSites k
     * @param coveredDemand demand covered with the first k sites (existing stations included)
     * @param coveredFraction the same as a share of all demand
     * @param marginalGain what site k added
     * @param candidateId site k, null when nothing was left to gain
     */
    public record Point(
            int newSites, double coveredDemand, double coveredFraction, double marginalGain, String candidateId) {}

    public static CurveSummary empty() {
        return new CurveSummary(List.of(), 0, null);
    }
}
