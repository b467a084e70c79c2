package dev.outpost.network.graphhopper;

import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.index.LocationIndex;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.DistanceCalcEarth;
import com.graphhopper.util.DistancePlaneProjection;
import com.graphhopper.util.EdgeIteratorState;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import com.graphhopper.util.shapes.GHPoint3D;
import dev.outpost.geo.LatLon;
import java.util.function.IntPredicate;

/**
 * Places points on the closest edge usable by a travel mode (open in at least one direction, not on a small island),
 * exactly: the nearest edge comes from an {@link EdgeSegmentIndex} over all edge segments, searched over the whole
 * graph; among equally near edges the lowest edge id wins. The result is a GraphHopper {@link Snap} as its own
 * location index would make it for that edge (closest tower node, way index, position, distance by
 * {@link DistancePlaneProjection}, snapped point), so it can seed a {@code QueryGraph}.
 *
 * <p>GraphHopper's {@code LocationIndexTree} is not used here: it searches rings of tiles and stops early, and can
 * miss the closest edge by hundreds of metres (e.g. on a regular street grid, where edges lie along tile borders).
 *
 * <p>Read-only after construction; safe for concurrent use.
 */
final class Snapper {
    private static final DistancePlaneProjection PLANE = DistancePlaneProjection.DIST_PLANE;

    private final BaseGraph graph;
    private final EdgeSegmentIndex index;

    Snapper(BaseGraph graph, EdgeSegmentIndex index) {
        this.graph = graph;
        this.index = index;
    }

    /** Indexes the graph's edge segments (once per loaded network) and returns a snapper over them. */
    static Snapper build(BaseGraph graph) {
        return new Snapper(graph, EdgeSegmentIndex.build(graph));
    }

    EdgeSegmentIndex index() {
        return index;
    }

    /**
     * The exact snap of the point for the mode, however far the nearest usable edge; invalid ({@link Snap#isValid()}
     * false) only when the mode has no usable edge at all. The caller applies the maximum snap distance.
     */
    Snap snap(LatLon point, ModeGraph modeGraph) {
        boolean[] snappable = modeGraph.snappable;
        return snap(point.lat(), point.lon(), edge -> snappable[edge]);
    }

    /** The exact snap of (lat, lon) onto the nearest edge whose id passes {@code usable}; see the other overload. */
    Snap snap(double lat, double lon, IntPredicate usable) {
        Snap snap = new Snap(lat, lon);
        int edgeId = index.nearestEdge(lat, lon, usable);
        if (edgeId < 0) {
            return snap;
        }
        // the edge in its stored orientation (base → adj), as GraphHopper's index hands it out
        EdgeIteratorState edge = graph.getEdgeIteratorStateForKey(edgeId * 2);
        PointList points = edge.fetchWayGeometry(FetchMode.ALL);
        int last = points.size() - 1;
        double baseDistance = PLANE.calcNormalizedDist(lat, lon, points.getLat(0), points.getLon(0));
        double adjDistance = PLANE.calcNormalizedDist(lat, lon, points.getLat(last), points.getLon(last));
        boolean baseCloser = baseDistance < adjDistance;
        int closestTower = baseCloser ? edge.getBaseNode() : edge.getAdjNode();
        double best = baseCloser ? baseDistance : adjDistance;
        int wayIndex = baseCloser ? 0 : last;
        Snap.Position position = Snap.Position.TOWER;
        for (int i = 0; i < last; i++) {
            double aLat = points.getLat(i);
            double aLon = points.getLon(i);
            double bLat = points.getLat(i + 1);
            double bLon = points.getLon(i + 1);
            if (PLANE.isCrossBoundary(aLon, bLon)) {
                continue;
            }
            if (PLANE.validEdgeDistance(lat, lon, aLat, aLon, bLat, bLon)) {
                double d = PLANE.calcNormalizedEdgeDistance(lat, lon, aLat, aLon, bLat, bLon);
                if (d < best) {
                    best = d;
                    wayIndex = i;
                    position = Snap.Position.EDGE;
                }
            } else if (i + 1 < last) {
                double d = PLANE.calcNormalizedDist(lat, lon, bLat, bLon);
                if (d < best) {
                    best = d;
                    wayIndex = i + 1;
                    position = Snap.Position.PILLAR;
                }
            }
        }
        snap.setClosestNode(closestTower);
        snap.setClosestEdge(edge);
        snap.setWayIndex(wayIndex);
        snap.setSnappedPosition(position);
        snap.setQueryDistance(PLANE.calcDenormalizedDist(best));
        snap.calcSnappedPoint(PLANE);
        return snap;
    }

    /**
     * This snapper as a GraphHopper {@link LocationIndex}, for GraphHopper's router: {@code findClosest} snaps exactly
     * onto edges that pass the router's filter; tile queries go to {@code tiles} (GraphHopper's own index). Closing it
     * does nothing (the caller owns {@code tiles}).
     */
    LocationIndex asLocationIndex(LocationIndex tiles) {
        return new LocationIndex() {
            @Override
            public Snap findClosest(double lat, double lon, EdgeFilter filter) {
                return snap(lat, lon, edge -> filter.accept(graph.getEdgeIteratorStateForKey(edge * 2)));
            }

            @Override
            public void query(TileFilter tileFilter, Visitor visitor) {
                tiles.query(tileFilter, visitor);
            }

            @Override
            public void close() {
                // the segment index is plain heap memory; GraphHopper's index is closed with GraphHopper
            }
        };
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
