package dev.outpost.coverage;

import dev.outpost.district.AreaLevel;
import dev.outpost.district.District;
import dev.outpost.geo.LatLon;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Coverage figures per area of one level: every cell is counted in the area its centre lies in (see
 * {@link AreaIndex} for borders and level consistency), cells outside every area in {@link #unassigned()}; so the
 * areas' figures plus the unassigned ones add up to the region's. Immutable.
 *
 * @param level the level
 * @param areas one entry per area of the level, ordered by code, including areas without cells
 * @param unassigned figures of the cells in no area of this level (station count: stations in no area)
 */
public record CoverageBreakdown(AreaLevel level, List<AreaCoverage> areas, CoverageTotals unassigned) {
    public CoverageBreakdown {
        Objects.requireNonNull(level, "level");
        areas = List.copyOf(areas);
        Objects.requireNonNull(unassigned, "unassigned");
    }

    /** The breakdown of a result by the areas of {@code level}. */
    public static CoverageBreakdown of(CoverageResult result, AreaIndex index, AreaLevel level) {
        return of(result, index, level, index.assign(result.centres(), level));
    }

    /**
     * The breakdown with the cells' areas already known (they never change while only stations do).
     *
     * @param cellAreas per cell of the result, the index into {@code index.areas(level)} or -1, as from
     *     {@link AreaIndex#assign}
     */
    public static CoverageBreakdown of(CoverageResult result, AreaIndex index, AreaLevel level, int[] cellAreas) {
        if (cellAreas.length != result.size()) {
            throw new IllegalArgumentException(
                    "cell areas has " + cellAreas.length + " entries for " + result.size() + " cells");
        }
        List<District> areas = index.areas(level);
        int limit = result.settings().limitSeconds();
        CoverageTotals.Accumulator[] acc = new CoverageTotals.Accumulator[areas.size()];
        for (int a = 0; a < acc.length; a++) {
            acc[a] = new CoverageTotals.Accumulator(limit);
        }
        CoverageTotals.Accumulator outside = new CoverageTotals.Accumulator(limit);
        for (int i = 0; i < result.size(); i++) {
            CoverageTotals.Accumulator target = cellAreas[i] >= 0 ? acc[cellAreas[i]] : outside;
            target.add(result.weight(i), result.status(i), result.seconds(i));
        }
        List<LatLon> stationPoints = new ArrayList<>();
        for (ServingStation s : result.stations()) {
            stationPoints.add(s.location());
        }
        int[] stationAreas = index.assign(stationPoints, level);
        for (int a : stationAreas) {
            if (a >= 0) {
                acc[a].stations++;
            } else {
                outside.stations++;
            }
        }
        List<AreaCoverage> out = new ArrayList<>(areas.size());
        for (int a = 0; a < areas.size(); a++) {
            District d = areas.get(a);
            out.add(new AreaCoverage(d.code(), d.name(), d.level(), d.parentCode(), acc[a].build()));
        }
        return new CoverageBreakdown(level, out, outside.build());
    }
}
