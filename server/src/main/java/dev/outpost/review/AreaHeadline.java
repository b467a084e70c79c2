package dev.outpost.review;

import dev.outpost.coverage.CoverageTotals;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.district.AreaLevel;
import dev.outpost.district.District;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The headline figures of one area: its stations by kind and status and the coverage of each worker group whose
 * coverage could be computed, with the area's targets. Figures count what lies in the area as
 * {@link dev.outpost.coverage.AreaIndex} assigns points (a point in a subdistrict counts in that subdistrict's
 * district), so the figures of an area's subareas add up to the area's. Immutable.
 *
 * @param code the area's code
 * @param name its name as stored (Chinese)
 * @param level its level
 * @param parentCode the enclosing area, null when none
 * @param population residents, null when unknown
 * @param minStationsTarget the {@code min_stations} target, null when none
 * @param coverage15Target the {@code coverage_15min} target (share 0–1), null when none
 * @param stations stations located in the area, every kind and status
 * @param coverage per worker group whose coverage is available, the figures over the demand cells in the area
 *     (station count: serving stations in the area); copied, unmodifiable
 */
public record AreaHeadline(
        String code,
        String name,
        AreaLevel level,
        String parentCode,
        Long population,
        Double minStationsTarget,
        Double coverage15Target,
        StationTally stations,
        Map<WorkerGroup, CoverageTotals> coverage) {
    public AreaHeadline {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(stations, "stations");
        EnumMap<WorkerGroup, CoverageTotals> copy = new EnumMap<>(WorkerGroup.class);
        copy.putAll(Objects.requireNonNull(coverage, "coverage"));
        coverage = Collections.unmodifiableMap(copy);
    }

    static AreaHeadline of(District d, StationTally stations, Map<WorkerGroup, CoverageTotals> coverage) {
        return new AreaHeadline(
                d.code(),
                d.name(),
                d.level(),
                d.parentCode(),
                d.population(),
                d.target(District.TARGET_MIN_STATIONS),
                d.target(District.TARGET_COVERAGE_15MIN),
                stations,
                coverage);
    }

    /** Open stations in the area. */
    public int openStations() {
        return stations.withStatus(dev.outpost.station.StationStatus.OPEN);
    }

    /** Whether the open stations reach {@code min_stations}; null when there is no such target. */
    public Boolean meetsStationTarget() {
        return minStationsTarget == null ? null : openStations() >= minStationsTarget;
    }

    /** The group's share of demand within 15 minutes (0–1); NaN when unavailable or without demand. */
    public double share15(WorkerGroup group) {
        CoverageTotals t = coverage.get(group);
        return t == null ? Double.NaN : t.shareAt(15);
    }

    /** Whether the group's 15-minute share reaches {@code coverage_15min}; null without target or figures. */
    public Boolean meetsCoverageTarget(WorkerGroup group) {
        double s = share15(group);
        return coverage15Target == null || Double.isNaN(s) ? null : s >= coverage15Target;
    }
}
