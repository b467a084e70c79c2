package dev.outpost.coverage;

import java.util.Objects;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * A connected patch of uncovered demand cells ({@link CellStatus#GAP} or {@link CellStatus#UNREACHABLE}; cells are
 * connected when they share an edge). Immutable apart from the JTS polygon and the cell array, which callers must not
 * modify.
 *
 * @param rank 1 for the gap holding the most demand
 * @param cells the H3 cells, increasing
 * @param demand total weight of the cells
 * @param area the cells merged, WGS 84, SRID 4326
 * @param minMinutes minutes from the best-served cell to its nearest station; NaN when no cell reaches a station
 *     within the search limit
 * @param maxMinutes minutes from the worst-served cell that still reaches a station; NaN likewise
 * @param unreachableCells cells with no station within the search limit
 */
public record GapArea(
        int rank,
        long[] cells,
        double demand,
        MultiPolygon area,
        double minMinutes,
        double maxMinutes,
        int unreachableCells) {
    public GapArea {
        if (rank < 1) {
            throw new IllegalArgumentException("gap rank " + rank + " must be ≥ 1");
        }
        Objects.requireNonNull(cells, "cells");
        Objects.requireNonNull(area, "area");
    }

    public int cellCount() {
        return cells.length;
    }
}
