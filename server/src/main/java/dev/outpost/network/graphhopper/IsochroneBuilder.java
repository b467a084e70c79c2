package dev.outpost.network.graphhopper;

import com.graphhopper.isochrone.algorithm.ContourBuilder;
import com.graphhopper.isochrone.algorithm.JTSTriangulator;
import com.graphhopper.isochrone.algorithm.ShortestPathTree;
import com.graphhopper.isochrone.algorithm.Triangulator;
import com.graphhopper.routing.RouterConfig;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.NodeAccess;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.DistanceCalcEarth;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Isochrone polygons: one GraphHopper shortest-path tree from the snapped origin, a Delaunay triangulation of the
 * reached nodes with their times ({@link JTSTriangulator}), one contour per band ({@link ContourBuilder}), and a clip
 * to the roads actually reached within the band plus a buffer, so that contours do not bulge over rivers, mountains or
 * the edge of the extract. Stateless; safe for concurrent use.
 */
final class IsochroneBuilder {
    private static final double EARTH_RADIUS_METERS = DistanceCalcEarth.R;

    private final BaseGraph graph;
    private final RouterConfig routerConfig;
    private final GeometryFactory factory;

    IsochroneBuilder(BaseGraph graph, RouterConfig routerConfig, GeometryFactory factory) {
        this.graph = graph;
        this.routerConfig = routerConfig;
        this.factory = factory;
    }

    /**
     * @param snap a valid snap of the origin for the mode (it is changed: its closest node becomes the virtual node)
     * @param weighting the mode's weighting (unwrapped)
     * @param reverse true for travel towards the origin
     * @param minutes strictly increasing band limits
     * @param clipMeters buffer around the reached roads to clip to; 0 for no clipping
     * @return one polygon per band, SRID 4326
     */
    List<MultiPolygon> build(
            Snap snap, Supplier<Weighting> weighting, boolean reverse, int[] minutes, double clipMeters) {
        QueryGraph queryGraph = QueryGraph.create(graph, snap);
        Weighting wrapped = queryGraph.wrapWeighting(weighting.get());
        long maxMillis = minutes[minutes.length - 1] * 60_000L;
        // Search beyond the largest band: the contour runs through the midpoints of triangulation edges joining a
        // node within the band to one beyond it, so nodes beyond the band must be sites too.
        double searchLimit = maxMillis + Math.max(0.15 * maxMillis, 120_000);
        ShortestPathTree tree = new ShortestPathTree(queryGraph, wrapped, reverse, TraversalMode.NODE_BASED);
        tree.setTimeLimit(searchLimit);

        int[] reachedMillis = new int[queryGraph.getNodes()];
        Arrays.fill(reachedMillis, -1);
        List<Integer> reachedNodes = new ArrayList<>();
        Triangulator.Result triangulation;
        try {
            triangulation = new JTSTriangulator(routerConfig)
                    .triangulate(
                            snap,
                            queryGraph,
                            tree,
                            label -> {
                                if (reachedMillis[label.node] < 0) {
                                    reachedMillis[label.node] = (int) label.time;
                                    reachedNodes.add(label.node);
                                }
                                return label.time;
                            },
                            0);
        } catch (IllegalArgumentException notTriangulable) {
            // GraphHopper refuses fewer than three distinct reached points, or more sites than a third of the
            // router's maximum visited nodes: then the bands are the clipped roads alone.
            triangulation = null;
        }
        if (reachedNodes.isEmpty()) {
            // the triangulator did not run a search (or it failed before); run one only to collect the reached roads
            ShortestPathTree again = new ShortestPathTree(queryGraph, wrapped, reverse, TraversalMode.NODE_BASED);
            again.setTimeLimit(searchLimit);
            again.search(snap.getClosestNode(), label -> {
                if (reachedMillis[label.node] < 0) {
                    reachedMillis[label.node] = (int) label.time;
                    reachedNodes.add(label.node);
                }
            });
        }
        ContourBuilder contours = triangulation == null ? null : new ContourBuilder(triangulation.triangulation);

        NodeAccess nodes = queryGraph.getNodeAccess();
        double lat0 = nodes.getLat(snap.getClosestNode());
        double lon0 = nodes.getLon(snap.getClosestNode());
        LocalProjection projection = new LocalProjection(lat0, lon0);
        EdgeExplorer explorer = queryGraph.createEdgeExplorer();

        List<MultiPolygon> bands = new ArrayList<>();
        for (int m : minutes) {
            long z = m * 60_000L;
            Geometry area = contours == null ? null : contours.computeIsoline((double) z, triangulation.seedEdges);
            if (area != null && !area.isValid()) {
                area = GeometryFixer.fix(area);
            }
            if (clipMeters > 0) {
                Geometry served =
                        servedArea(explorer, wrapped, reverse, reachedNodes, reachedMillis, z, projection, clipMeters);
                area = area == null
                        ? served
                        : OverlayNGRobust.overlay(factory.createGeometry(area), served, OverlayNG.INTERSECTION);
            }
            bands.add(toMultiPolygon(area));
        }
        return bands;
    }

    /**
     * The union of buffers around every road stretch reachable within {@code z}: from each reached node, each open
     * edge up to the point where the time reaches {@code z}.
     */
    private Geometry servedArea(
            EdgeExplorer explorer,
            Weighting weighting,
            boolean reverse,
            List<Integer> reachedNodes,
            int[] reachedMillis,
            long z,
            LocalProjection projection,
            double clipMeters) {
        ServedAreaRaster raster = new ServedAreaRaster(clipMeters);
        NodeAccess access = graph.getNodeAccess();
        for (int node : reachedNodes) {
            int t = reachedMillis[node];
            if (t > z) {
                continue;
            }
            boolean any = false;
            EdgeIterator edge = explorer.setBaseNode(node);
            while (edge.next()) {
                if (Double.isInfinite(weighting.calcEdgeWeight(edge, reverse))) {
                    continue;
                }
                long edgeMillis = weighting.calcEdgeMillis(edge, reverse);
                double fraction = edgeMillis <= 0 ? 1 : Math.min(1, (z - t) / (double) edgeMillis);
                Coordinate[] line = projection.cut(edge.fetchWayGeometry(FetchMode.ALL), fraction);
                for (int i = 0; i + 1 < line.length; i++) {
                    raster.addSegment(line[i].x, line[i].y, line[i + 1].x, line[i + 1].y);
                    any = true;
                }
            }
            if (!any && node < graph.getNodes()) {
                Coordinate c = projection.project(access.getLat(node), access.getLon(node));
                raster.addSegment(c.x, c.y, c.x, c.y);
            }
        }
        return projection.toLonLat().transform(raster.toPolygon(factory));
    }

    private MultiPolygon toMultiPolygon(Geometry area) {
        if (area == null || area.isEmpty()) {
            return factory.createMultiPolygon();
        }
        @SuppressWarnings("unchecked")
        List<Polygon> polygons = (List<Polygon>) (List<?>) PolygonExtracter.getPolygons(area);
        Polygon[] copies = polygons.stream()
                .filter(p -> !p.isEmpty())
                .map(p -> (Polygon) factory.createGeometry(p))
                .toArray(Polygon[]::new);
        return factory.createMultiPolygon(copies);
    }

    /**
     * An equirectangular projection in metres around a reference point: accurate to well under 1 % within tens of
     * kilometres, which is enough for a clipping buffer. Affine, so clipping can be done in either space.
     */
    private static final class LocalProjection {
        private final double lat0;
        private final double lon0;
        private final double metersPerDegreeLat;
        private final double metersPerDegreeLon;

        LocalProjection(double lat0, double lon0) {
            this.lat0 = lat0;
            this.lon0 = lon0;
            this.metersPerDegreeLat = EARTH_RADIUS_METERS * Math.PI / 180;
            this.metersPerDegreeLon = metersPerDegreeLat * Math.cos(Math.toRadians(lat0));
        }

        Coordinate project(double lat, double lon) {
            return new Coordinate((lon - lon0) * metersPerDegreeLon, (lat - lat0) * metersPerDegreeLat);
        }

        AffineTransformation toLonLat() {
            return new AffineTransformation()
                    .scale(1 / metersPerDegreeLon, 1 / metersPerDegreeLat)
                    .translate(lon0, lat0);
        }

        /** The first {@code fraction} of the polyline's length, projected. */
        Coordinate[] cut(PointList points, double fraction) {
            int n = points.size();
            Coordinate[] projected = new Coordinate[n];
            for (int i = 0; i < n; i++) {
                projected[i] = project(points.getLat(i), points.getLon(i));
            }
            if (fraction >= 1 || n < 2) {
                return projected;
            }
            double total = 0;
            for (int i = 0; i + 1 < n; i++) {
                total += projected[i].distance(projected[i + 1]);
            }
            double wanted = fraction * total;
            List<Coordinate> out = new ArrayList<>();
            out.add(projected[0]);
            double walked = 0;
            for (int i = 0; i + 1 < n; i++) {
                double segment = projected[i].distance(projected[i + 1]);
                if (walked + segment >= wanted) {
                    double s = segment > 0 ? (wanted - walked) / segment : 0;
                    out.add(new Coordinate(
                            projected[i].x + s * (projected[i + 1].x - projected[i].x),
                            projected[i].y + s * (projected[i + 1].y - projected[i].y)));
                    break;
                }
                walked += segment;
                out.add(projected[i + 1]);
            }
            return out.toArray(new Coordinate[0]);
        }
    }
}
