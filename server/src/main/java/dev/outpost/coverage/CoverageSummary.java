package dev.outpost.coverage;

import dev.outpost.demand.WorkerGroup;
import dev.outpost.network.TravelMode;
import java.time.Instant;
import java.util.Objects;

/**
 * Coverage figures of one worker group in one region, overall and per area of one level, with their provenance.
 * Immutable.
 *
 * @param regionCode the region
 * @param group the worker group
 * @param mode the travel mode
 * @param settings the limit and search limit
 * @param runId the stored run these figures are exactly; null when stations changed since (or nothing was stored)
 * @param basedOnRunId the stored run the figures started from (equal to {@code runId} when unchanged); null when
 *     they were computed without storing
 * @param computedAt when the figures were last computed or updated
 * @param networkVersionId the road network version
 * @param demandLayerId the demand layer
 * @param stationChanges station changes applied incrementally since the figures were computed in full
 * @param overall region-wide figures
 * @param breakdown per area of the requested level
 */
public record CoverageSummary(
        String regionCode,
        WorkerGroup group,
        TravelMode mode,
        CoverageSettings settings,
        Long runId,
        Long basedOnRunId,
        Instant computedAt,
        long networkVersionId,
        long demandLayerId,
        int stationChanges,
        CoverageTotals overall,
        CoverageBreakdown breakdown) {
    public CoverageSummary {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(computedAt, "computedAt");
        Objects.requireNonNull(overall, "overall");
        Objects.requireNonNull(breakdown, "breakdown");
    }
}
