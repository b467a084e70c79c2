package dev.outpost.coverage;

import dev.outpost.demand.WorkerGroup;
import dev.outpost.network.TravelMode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A stored coverage run: what was computed on which network and demand layer, and its region-wide figures.
 * Immutable.
 *
 * @param id database id, positive
 * @param regionCode the region
 * @param group the worker group
 * @param mode the travel mode used
 * @param settings the limit and search limit
 * @param networkVersionId the {@link NetworkVersion} it ran on
 * @param demandLayerId the demand layer it covered
 * @param parameters further parameters (serving rules, engine), name → value
 * @param createdAt when it was stored
 * @param totals region-wide figures (station count: serving stations)
 */
public record CoverageRunInfo(
        long id,
        String regionCode,
        WorkerGroup group,
        TravelMode mode,
        CoverageSettings settings,
        long networkVersionId,
        long demandLayerId,
        Map<String, String> parameters,
        Instant createdAt,
        CoverageTotals totals) {
    public CoverageRunInfo {
        if (id <= 0) {
            throw new IllegalArgumentException("coverage run id " + id + " must be positive");
        }
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(settings, "settings");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(parameters, "parameters")));
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(totals, "totals");
    }
}
