package dev.outpost.review;

import dev.outpost.geo.LatLon;
import java.util.Arrays;
import java.util.Objects;

/**
 * A site that planners propose for a new station (a site of a scenario). Immutable apart from the cell array, which
 * callers must not modify.
 *
 * @param scenarioId the scenario proposing it, positive
 * @param scenarioName its name
 * @param siteName the site's name; null when it has none
 * @param location WGS 84 position; required
 * @param status the scenario's state as its owner names it (e.g. {@code draft}, {@code submitted}, {@code approved});
 *     required
 * @param coveredCells the H3 demand cells the site would bring within the service limit; empty when unknown (the
 *     review then matches the site to a gap by its position)
 */
public record ProposedSite(
        long scenarioId, String scenarioName, String siteName, LatLon location, String status, long[] coveredCells) {
    public ProposedSite {
        if (scenarioId <= 0) {
            throw new IllegalArgumentException("proposed site: scenario id " + scenarioId + " must be positive");
        }
        Objects.requireNonNull(scenarioName, "scenarioName");
        Objects.requireNonNull(location, "location");
        if (status == null || status.isBlank()) {
            throw new IllegalArgumentException("proposed site of scenario " + scenarioId + ": status is required");
        }
        coveredCells = coveredCells == null ? new long[0] : coveredCells.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProposedSite p
                && p.scenarioId == scenarioId
                && p.scenarioName.equals(scenarioName)
                && Objects.equals(p.siteName, siteName)
                && p.location.equals(location)
                && p.status.equals(status)
                && Arrays.equals(p.coveredCells, coveredCells);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scenarioId, siteName, location, status, Arrays.hashCode(coveredCells));
    }

    @Override
    public String toString() {
        return "ProposedSite[scenario " + scenarioId + " '" + scenarioName + "', " + siteName + " at " + location + ", "
                + status + ", " + coveredCells.length + " cells]";
    }
}
