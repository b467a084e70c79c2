package dev.outpost.network.graphhopper;

import com.graphhopper.storage.index.LocationIndex;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.DistanceCalcEarth;
import com.graphhopper.util.EdgeIteratorState;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import com.graphhopper.util.shapes.GHPoint3D;
import dev.outpost.geo.LatLon;

/**
 * Places points on the closest edge usable by a travel mode (open in at least one direction, not on a small island).
 * Stateless apart from the read-only GraphHopper index; safe for concurrent use.
 */
final class Snapper {
    private final LocationIndex index;

    Snapper(LocationIndex index) {
        this.index = index;
    }

    /** GraphHopper's snap of the point for the mode; check {@link Snap#isValid()}. */
    Snap snap(LatLon point, ModeGraph graph) {
        boolean[] snappable = graph.snappable;
        return index.findClosest(point.lat(), point.lon(), edge -> snappable[edge.getEdge()]);
    }

    static SnappedPoint toSnappedPoint(Snap snap, ModeGraph graph) {
        EdgeIteratorState edge = snap.getClosestEdge();
        PointList points = edge.fetchWayGeometry(FetchMode.ALL);
        GHPoint3D snapped = snap.getSnappedPoint();
        int wayIndex = snap.getWayIndex();
        DistanceCalcEarth calc = DistanceCalcEarth.DIST_EARTH;
        double along = 0;
        double total = 0;
        for (int i = 0; i + 1 < points.size(); i++) {
            double segment =
                    calc.calcDist(points.getLat(i), points.getLon(i), points.getLat(i + 1), points.getLon(i + 1));
            total += segment;
            if (i < wayIndex) {
                along += segment;
            }
        }
        if (snap.getSnappedPosition() == Snap.Position.EDGE && wayIndex < points.size()) {
            along += calc.calcDist(points.getLat(wayIndex), points.getLon(wayIndex), snapped.lat, snapped.lon);
        }
        double fraction = total > 0 ? Math.min(1, along / total) : 0;
        if (edge.get(EdgeIteratorState.REVERSE_STATE)) {
            fraction = 1 - fraction;
        }
        return SnappedPoint.on(graph, edge.getEdge(), fraction, snap.getQueryDistance(), snapped.lat, snapped.lon);
    }
}
