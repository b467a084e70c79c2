package dev.outpost.network.graphhopper;

/**
 * A point placed on an edge of a {@link ModeGraph}, with the exact times between it and the edge's two end nodes.
 *
 * <p>Exactness: a GraphHopper edge has one speed per direction, so the time to cover part of it is proportional to
 * the length covered. The position along the edge is measured on the edge's geometry (from the base node to the
 * snapped point, divided by the geometry's full length) and applied to the stored full-edge time, so the two partial
 * times always add up to the full-edge time. GraphHopper's own virtual nodes ({@code QueryGraph}) split the edge the
 * same way but re-measure each piece, which can differ from this by rounding and by the simplification of the stored
 * geometry (typically well under a second).
 *
 * @param edge the edge id
 * @param fraction position along the edge from its canonical base node (0) to its adjacent node (1)
 * @param snapDistanceMeters distance from the query point to the snapped point
 * @param toBaseMs time from the point to the base node (against the edge's direction), or {@link ModeGraph#CLOSED}
 * @param toAdjMs time from the point to the adjacent node, or {@link ModeGraph#CLOSED}
 * @param fromBaseMs time from the base node to the point, or {@link ModeGraph#CLOSED}
 * @param fromAdjMs time from the adjacent node to the point, or {@link ModeGraph#CLOSED}
 */
record SnappedPoint(
        int edge,
        int baseNode,
        int adjNode,
        double fraction,
        double snapDistanceMeters,
        double snappedLat,
        double snappedLon,
        int toBaseMs,
        int toAdjMs,
        int fromBaseMs,
        int fromAdjMs) {

    static SnappedPoint on(
            ModeGraph graph, int edge, double fraction, double snapDistanceMeters, double lat, double lon) {
        return new SnappedPoint(
                edge,
                graph.edgeBase[edge],
                graph.edgeAdj[edge],
                fraction,
                snapDistanceMeters,
                lat,
                lon,
                graph.partialMillis(edge, fraction, 0),
                graph.partialMillis(edge, fraction, 1),
                graph.partialMillis(edge, 0, fraction),
                graph.partialMillis(edge, 1, fraction));
    }

    /** Time from this point to {@code other} along their common edge without passing a node, or CLOSED. */
    int directMillisTo(SnappedPoint other, ModeGraph graph) {
        if (other.edge != edge) {
            return ModeGraph.CLOSED;
        }
        return graph.partialMillis(edge, fraction, other.fraction);
    }

    /** Road distance from the base node to this point, metres. */
    double metersFromBase(ModeGraph graph) {
        return fraction * graph.edgeMeters[edge];
    }

    /** Road distance from the adjacent node to this point, metres. */
    double metersFromAdj(ModeGraph graph) {
        return (1 - fraction) * graph.edgeMeters[edge];
    }
}
