package dev.outpost.coverage;

import dev.outpost.network.Route;
import java.util.Objects;

/**
 * The way from a demand cell's centre to its nearest serving station. Immutable apart from the route's JTS line.
 *
 * @param cell the H3 cell
 * @param stationId its nearest serving station
 * @param travelSeconds the coverage figure: seconds from the cell to the station
 * @param route the fastest route from the cell's centre to the station (its own time may differ from
 *     {@code travelSeconds} by rounding)
 */
public record CellRoute(long cell, long stationId, int travelSeconds, Route route) {
    public CellRoute {
        Objects.requireNonNull(route, "route");
    }
}
