package dev.outpost.review;

import dev.outpost.coverage.CellStatus;
import dev.outpost.district.District;
import dev.outpost.station.Station;
import java.util.List;
import java.util.Objects;

/**
 * What a map of a reviewed area shows: its boundary, its subareas, the focus group's demand cells in it with minutes
 * to the nearest station, and its stations. Immutable apart from JTS geometries inside districts, which callers must
 * not modify.
 *
 * @param area the area
 * @param children its subareas
 * @param resolution the H3 resolution of the cells; 0 when there are none
 * @param cells the demand cells whose centres lie in the area
 * @param stations the stations located in the area, any kind and status
 * @param littleUsedStationIds stations flagged as little used
 */
public record AreaMap(
        District area,
        List<District> children,
        int resolution,
        List<Cell> cells,
        List<Station> stations,
        java.util.Set<Long> littleUsedStationIds) {
    public AreaMap {
        Objects.requireNonNull(area, "area");
        children = List.copyOf(children);
        cells = List.copyOf(cells);
        stations = List.copyOf(stations);
        littleUsedStationIds = java.util.Set.copyOf(littleUsedStationIds);
    }

    /**
     * One demand cell.
     *
     * @param cell the H3 cell
     * @param minutes minutes to the nearest serving station; null when none within the search limit or off the network
     * @param status the outcome
     */
    public record Cell(long cell, Double minutes, CellStatus status) {
        public Cell {
            Objects.requireNonNull(status, "status");
        }
    }
}
