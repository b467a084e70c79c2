package dev.outpost.coverage;

import dev.outpost.demand.WorkerGroup;
import dev.outpost.district.AreaLevel;
import dev.outpost.network.NetworkInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Storage of network versions and coverage runs (figures per cell, per area, per station), implemented in
 * {@code store}. Implementations are thread-safe.
 */
public interface CoverageRepository {
    /**
     * Records a loaded network, or returns the version already recorded for the same region, file checksum and import
     * time.
     */
    NetworkVersion recordNetworkVersion(String regionCode, NetworkInfo info);

    Optional<NetworkVersion> findNetworkVersion(String regionCode, long networkVersionId);

    /** The region's recorded network versions, newest import first. */
    List<NetworkVersion> networkVersions(String regionCode);

    /**
     * Stores a run with its cells, its figures for every given breakdown and its per-station figures, in one
     * transaction.
     *
     * @param parameters further parameters to keep with the run (serving rules, engine), name → value
     */
    CoverageRunInfo saveRun(
            String regionCode,
            long networkVersionId,
            long demandLayerId,
            CoverageResult result,
            List<CoverageBreakdown> breakdowns,
            Map<String, String> parameters);

    Optional<CoverageRunInfo> findRun(String regionCode, long runId);

    /** The most recent run of the group. */
    Optional<CoverageRunInfo> latestRun(String regionCode, WorkerGroup group);

    /** The group's runs, newest first, at most {@code limit} (1–1,000). */
    List<CoverageRunInfo> runs(String regionCode, WorkerGroup group, int limit);

    /** A run's figures for the areas of one level, ordered by code; empty when none were stored. */
    List<AreaCoverage> runAreas(String regionCode, long runId, AreaLevel level);

    /** A run's cells, ordered by cell. */
    List<CellOutcome> runCells(String regionCode, long runId);

    /** A run's per-station figures, ordered by station id. */
    List<StationCoverage> runStations(String regionCode, long runId);

    /**
     * Deletes a stored run with its cells, area and station figures, writing an audit row ({@code delete} of entity
     * {@code coverage_run}, with the run's inputs and region-wide figures as they were), in one transaction. No table
     * refers to a run except its own figures.
     *
     * @return the deleted run, empty when the region has no such run
     */
    Optional<CoverageRunInfo> deleteRun(String regionCode, long runId);
}
