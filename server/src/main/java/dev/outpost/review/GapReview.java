package dev.outpost.review;

import dev.outpost.geo.LatLon;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * One of the largest gap areas (connected uncovered demand cells) reaching into the reviewed area, with the proposed
 * sites that would close it. Immutable apart from the JTS polygon, which callers must not modify.
 *
 * @param rank 1 for the gap holding the most demand inside the area
 * @param regionRank its rank among all gaps of the region
 * @param cellsInArea its cells whose centres lie in the area
 * @param demandInArea their demand
 * @param demand the whole gap's demand (it may reach beyond the area)
 * @param minMinutes minutes from its best-served cell to the nearest station; NaN when none reaches one
 * @param maxMinutes minutes from its worst-served reachable cell; NaN likewise
 * @param unreachableCells cells with no station within the search limit
 * @param centre the demand-weighted centre of its cells in the area, WGS 84
 * @param area the whole gap, WGS 84
 * @param proposedSites sites whose circles would reach into the gap (or that lie in or next to it)
 * @param proposedCoveredDemand demand of the gap's cells in the area that the proposed sites with known cells would
 *     cover; 0 when none
 */
public record GapReview(
        int rank,
        int regionRank,
        int cellsInArea,
        double demandInArea,
        double demand,
        double minMinutes,
        double maxMinutes,
        int unreachableCells,
        LatLon centre,
        MultiPolygon area,
        List<ProposedSite> proposedSites,
        double proposedCoveredDemand) {
    public GapReview {
        if (rank < 1 || regionRank < 1) {
            throw new IllegalArgumentException("gap review: ranks " + rank + ", " + regionRank + " must be ≥ 1");
        }
        Objects.requireNonNull(centre, "centre");
        Objects.requireNonNull(area, "area");
        proposedSites = List.copyOf(proposedSites);
    }
}
