package dev.outpost.network.graphhopper;

import com.graphhopper.routing.util.AllEdgesIterator;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.util.DistancePlaneProjection;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.Helper;
import com.graphhopper.util.PointList;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * An exact nearest-edge index over every straight segment of every edge of a GraphHopper graph: a packed, static
 * R-tree (segments sorted along a Hilbert curve, {@value #NODE_SIZE} children per node, no child pointers) searched
 * best-first with branch and bound.
 *
 * <p>Distances are GraphHopper's {@link DistancePlaneProjection} distances (WGS 84 lon/lat on a sphere of radius
 * 6,371 km), the same that its own location index reports: for each segment the perpendicular distance when the
 * foot of the perpendicular lies inside the segment, else the distance to the nearer end point. The bounding boxes
 * are in degrees; the lower bound of a box for a query scales the longitude gap by the smallest cosine of latitude
 * that the plane projection can use between the query and anything in the graph, so it never exceeds the distance
 * of any segment in the box and the search is exact (not "approximately" as GraphHopper's tile rings).
 *
 * <p>Memory: segment end points are kept as GraphHopper stores them (integers of 1e-7 degree, which convert back to
 * exactly the doubles GraphHopper hands out), plus the edge id: 20 bytes per segment, and about 2.2 bytes per
 * segment for the inner boxes. Immutable after construction; safe for any number of concurrent queries.
 */
final class EdgeSegmentIndex {
    static final int NODE_SIZE = 16;
    private static final DistancePlaneProjection PLANE = DistancePlaneProjection.DIST_PLANE;
    /**
     * Safety margins on the lower bounds against rounding in GraphHopper's distance formulas: the foot of the
     * perpendicular it computes may lie a few ulps outside the segment's box (1e-12 degree is about 0.1 µm, far above
     * that and far below anything that matters), and the cosine and squares are rounded (relative 1e-9).
     */
    private static final double SLACK_DEGREES = 1e-12;

    private static final double BOUND_MARGIN = 1 - 1e-9;

    private final int segmentCount;
    /** Per segment, in tree order: the edge it belongs to and its two end points (1e-7 degree integers). */
    private final int[] segmentEdge;

    private final int[] lat1;
    private final int[] lon1;
    private final int[] lat2;
    private final int[] lon2;
    /** Boxes of the inner levels (1 = parents of segments): minLat, minLon, maxLat, maxLon per node, degrees. */
    private final double[][] boxes;
    /** Number of entries per level, level 0 being the segments. */
    private final int[] levelSize;
    /** The smallest cosine of latitude over the graph's latitude span. */
    private final double minCosine;

    private EdgeSegmentIndex(
            int[] segmentEdge, int[] lat1, int[] lon1, int[] lat2, int[] lon2, double minLat, double maxLat) {
        this.segmentCount = segmentEdge.length;
        this.segmentEdge = segmentEdge;
        this.lat1 = lat1;
        this.lon1 = lon1;
        this.lat2 = lat2;
        this.lon2 = lon2;
        this.minCosine = Math.min(cosine(minLat), cosine(maxLat));
        int levels = 1;
        for (int n = segmentCount; n > 1; n = (n + NODE_SIZE - 1) / NODE_SIZE) {
            levels++;
        }
        levelSize = new int[levels];
        boxes = new double[levels][];
        levelSize[0] = segmentCount;
        boxes[0] = new double[0];
        for (int level = 1; level < levels; level++) {
            int children = levelSize[level - 1];
            int size = (children + NODE_SIZE - 1) / NODE_SIZE;
            levelSize[level] = size;
            double[] box = new double[4 * size];
            for (int node = 0; node < size; node++) {
                double minY = Double.POSITIVE_INFINITY;
                double minX = Double.POSITIVE_INFINITY;
                double maxY = Double.NEGATIVE_INFINITY;
                double maxX = Double.NEGATIVE_INFINITY;
                int end = Math.min(children, (node + 1) * NODE_SIZE);
                for (int c = node * NODE_SIZE; c < end; c++) {
                    if (level == 1) {
                        double y1 = Helper.intToDegree(lat1[c]);
                        double y2 = Helper.intToDegree(lat2[c]);
                        double x1 = Helper.intToDegree(lon1[c]);
                        double x2 = Helper.intToDegree(lon2[c]);
                        minY = Math.min(minY, Math.min(y1, y2));
                        maxY = Math.max(maxY, Math.max(y1, y2));
                        minX = Math.min(minX, Math.min(x1, x2));
                        maxX = Math.max(maxX, Math.max(x1, x2));
                    } else {
                        double[] below = boxes[level - 1];
                        minY = Math.min(minY, below[4 * c]);
                        minX = Math.min(minX, below[4 * c + 1]);
                        maxY = Math.max(maxY, below[4 * c + 2]);
                        maxX = Math.max(maxX, below[4 * c + 3]);
                    }
                }
                box[4 * node] = minY;
                box[4 * node + 1] = minX;
                box[4 * node + 2] = maxY;
                box[4 * node + 3] = maxX;
            }
            boxes[level] = box;
        }
    }

    /**
     * Indexes every segment of every edge of the graph (segments crossing the antimeridian are left out, as
     * GraphHopper's own index does). Reads the graph once; the graph must not change afterwards.
     */
    static EdgeSegmentIndex build(BaseGraph graph) {
        Segments segments = new Segments(Math.max(16, graph.getEdges() * 2));
        double minLat = Double.POSITIVE_INFINITY;
        double maxLat = Double.NEGATIVE_INFINITY;
        double minLon = Double.POSITIVE_INFINITY;
        double maxLon = Double.NEGATIVE_INFINITY;
        AllEdgesIterator edges = graph.getAllEdges();
        while (edges.next()) {
            PointList points = edges.fetchWayGeometry(FetchMode.ALL);
            for (int i = 0; i + 1 < points.size(); i++) {
                double aLat = points.getLat(i);
                double aLon = points.getLon(i);
                double bLat = points.getLat(i + 1);
                double bLon = points.getLon(i + 1);
                if (PLANE.isCrossBoundary(aLon, bLon)) {
                    continue;
                }
                segments.add(edges.getEdge(), fixed(aLat), fixed(aLon), fixed(bLat), fixed(bLon));
                minLat = Math.min(minLat, Math.min(aLat, bLat));
                maxLat = Math.max(maxLat, Math.max(aLat, bLat));
                minLon = Math.min(minLon, Math.min(aLon, bLon));
                maxLon = Math.max(maxLon, Math.max(aLon, bLon));
            }
        }
        int n = segments.size;
        // order the segments along a Hilbert curve through their centres, so that neighbours share nodes
        long[] keys = new long[n];
        double spanLat = Math.max(maxLat - minLat, 1e-9);
        double spanLon = Math.max(maxLon - minLon, 1e-9);
        for (int s = 0; s < n; s++) {
            double cLat = (Helper.intToDegree(segments.lat1[s]) + Helper.intToDegree(segments.lat2[s])) / 2;
            double cLon = (Helper.intToDegree(segments.lon1[s]) + Helper.intToDegree(segments.lon2[s])) / 2;
            int x = (int) Math.min(32767, Math.max(0, (cLon - minLon) / spanLon * 32767));
            int y = (int) Math.min(32767, Math.max(0, (cLat - minLat) / spanLat * 32767));
            keys[s] = ((long) hilbert(x, y) << 32) | s;
        }
        Arrays.sort(keys);
        int[] edge = new int[n];
        int[] la1 = new int[n];
        int[] lo1 = new int[n];
        int[] la2 = new int[n];
        int[] lo2 = new int[n];
        for (int t = 0; t < n; t++) {
            int s = (int) keys[t];
            edge[t] = segments.edge[s];
            la1[t] = segments.lat1[s];
            lo1[t] = segments.lon1[s];
            la2[t] = segments.lat2[s];
            lo2[t] = segments.lon2[s];
        }
        return new EdgeSegmentIndex(edge, la1, lo1, la2, lo2, n == 0 ? 0 : minLat, n == 0 ? 0 : maxLat);
    }

    /** GraphHopper's fixed-point form of a coordinate; checked to convert back to exactly the same double. */
    private static int fixed(double degrees) {
        int value = Helper.degreeToInt(degrees);
        if (Helper.intToDegree(value) != degrees) {
            throw new IllegalStateException(
                    "coordinate " + degrees + " is not on GraphHopper's 1e-7 degree grid; cannot index it exactly");
        }
        return value;
    }

    /** Number of indexed segments. */
    int segmentCount() {
        return segmentCount;
    }

    /** Heap bytes held by the index's arrays (array headers included, the object itself excluded). */
    long bytes() {
        long total = 5 * arrayBytes(segmentCount, 4);
        for (double[] box : boxes) {
            total += arrayBytes(box.length, 8);
        }
        return total + arrayBytes(levelSize.length, 4) + arrayBytes(boxes.length, 4);
    }

    private static long arrayBytes(long length, int elementBytes) {
        return 16 + ((length * elementBytes + 7) / 8) * 8;
    }

    /**
     * The usable edge nearest to the point by GraphHopper's plane-projection distance; among equally near edges the
     * lowest id. Searches the whole graph, however far the point.
     *
     * @param lat latitude, WGS 84 degrees
     * @param lon longitude, WGS 84 degrees
     * @param usable whether the edge with this id may be returned (asked once or more per segment examined)
     * @return the edge id, or -1 when no edge is usable
     */
    int nearestEdge(double lat, double lon, IntPredicate usable) {
        if (segmentCount == 0) {
            return -1;
        }
        double cosine = Math.min(minCosine, cosine(lat));
        int top = levelSize.length - 1;
        double best = Double.POSITIVE_INFINITY;
        int bestEdge = -1;
        if (top == 0) {
            for (int s = 0; s < segmentCount; s++) {
                int e = segmentEdge[s];
                if (usable.test(e)) {
                    double d = normalizedDistance(lat, lon, s);
                    if (d < best || (d == best && e < bestEdge)) {
                        best = d;
                        bestEdge = e;
                    }
                }
            }
            return bestEdge;
        }
        Heap heap = new Heap();
        for (int node = 0; node < levelSize[top]; node++) {
            heap.push(lowerBound(boxes[top], node, lat, lon, cosine), top, node);
        }
        while (heap.size > 0) {
            double bound = heap.topKey();
            int level = heap.topLevel();
            int node = heap.topNode();
            heap.pop();
            if (bound > best) {
                break;
            }
            int from = node * NODE_SIZE;
            int to = Math.min(levelSize[level - 1], from + NODE_SIZE);
            if (level == 1) {
                for (int s = from; s < to; s++) {
                    if (segmentBound(s, lat, lon, cosine) > best) {
                        continue; // its box alone is farther than the best so far
                    }
                    int e = segmentEdge[s];
                    if (!usable.test(e)) {
                        continue;
                    }
                    double d = normalizedDistance(lat, lon, s);
                    if (d < best || (d == best && e < bestEdge)) {
                        best = d;
                        bestEdge = e;
                    }
                }
            } else {
                double[] below = boxes[level - 1];
                for (int c = from; c < to; c++) {
                    double childBound = lowerBound(below, c, lat, lon, cosine);
                    if (childBound <= best) {
                        heap.push(childBound, level - 1, c);
                    }
                }
            }
        }
        return bestEdge;
    }

    /** Plane-projection normalized distance (GraphHopper's squared radians) from the point to segment s. */
    private double normalizedDistance(double lat, double lon, int s) {
        double aLat = Helper.intToDegree(lat1[s]);
        double aLon = Helper.intToDegree(lon1[s]);
        double bLat = Helper.intToDegree(lat2[s]);
        double bLon = Helper.intToDegree(lon2[s]);
        return segmentDistance(lat, lon, aLat, aLon, bLat, bLon);
    }

    /**
     * GraphHopper's normalized distance from a point to a segment as its location index measures it: perpendicular
     * when the foot lies inside the segment, else to the nearer end.
     */
    static double segmentDistance(double lat, double lon, double aLat, double aLon, double bLat, double bLon) {
        if (PLANE.validEdgeDistance(lat, lon, aLat, aLon, bLat, bLon)) {
            return PLANE.calcNormalizedEdgeDistance(lat, lon, aLat, aLon, bLat, bLon);
        }
        return Math.min(PLANE.calcNormalizedDist(lat, lon, aLat, aLon), PLANE.calcNormalizedDist(lat, lon, bLat, bLon));
    }

    /**
     * A lower bound of the normalized distance from the point to anything in box {@code node}: the plane projection
     * measures between the point and a point of the box with the cosine of their mean latitude, never below
     * {@code cosine}.
     */
    private static double lowerBound(double[] box, int node, double lat, double lon, double cosine) {
        double dLat = Math.max(0, Math.max(box[4 * node] - lat, lat - box[4 * node + 2]) - SLACK_DEGREES);
        double dLon = Math.max(0, Math.max(box[4 * node + 1] - lon, lon - box[4 * node + 3]) - SLACK_DEGREES);
        double y = Math.toRadians(dLat);
        double x = Math.toRadians(dLon) * cosine;
        return (y * y + x * x) * BOUND_MARGIN;
    }

    /** The lower bound of {@link #lowerBound} for the box of segment s. */
    private double segmentBound(int s, double lat, double lon, double cosine) {
        double aLat = Helper.intToDegree(lat1[s]);
        double bLat = Helper.intToDegree(lat2[s]);
        double aLon = Helper.intToDegree(lon1[s]);
        double bLon = Helper.intToDegree(lon2[s]);
        double dLat = Math.max(0, Math.max(Math.min(aLat, bLat) - lat, lat - Math.max(aLat, bLat)) - SLACK_DEGREES);
        double dLon = Math.max(0, Math.max(Math.min(aLon, bLon) - lon, lon - Math.max(aLon, bLon)) - SLACK_DEGREES);
        double y = Math.toRadians(dLat);
        double x = Math.toRadians(dLon) * cosine;
        return (y * y + x * x) * BOUND_MARGIN;
    }

    private static double cosine(double latDegrees) {
        return Math.max(0, Math.cos(Math.toRadians(latDegrees)));
    }

    /** Position of (x, y), both 0..32767, along the Hilbert curve filling that square (below 2^30). */
    static int hilbert(int x, int y) {
        int d = 0;
        for (int s = 1 << 14; s > 0; s >>= 1) {
            int rx = (x & s) > 0 ? 1 : 0;
            int ry = (y & s) > 0 ? 1 : 0;
            d += s * s * ((3 * rx) ^ ry);
            // rotate the quadrant so that the curve inside it has the standard orientation
            if (ry == 0) {
                if (rx == 1) {
                    x = s - 1 - (x & (s - 1));
                    y = s - 1 - (y & (s - 1));
                }
                int t = x;
                x = y;
                y = t;
            }
        }
        return d;
    }

    /** Growable columns of segments while reading the graph. */
    private static final class Segments {
        int size;
        int[] edge;
        int[] lat1;
        int[] lon1;
        int[] lat2;
        int[] lon2;

        Segments(int capacity) {
            edge = new int[capacity];
            lat1 = new int[capacity];
            lon1 = new int[capacity];
            lat2 = new int[capacity];
            lon2 = new int[capacity];
        }

        void add(int e, int aLat, int aLon, int bLat, int bLon) {
            if (size == edge.length) {
                int capacity = edge.length + (edge.length >> 1) + 16;
                edge = Arrays.copyOf(edge, capacity);
                lat1 = Arrays.copyOf(lat1, capacity);
                lon1 = Arrays.copyOf(lon1, capacity);
                lat2 = Arrays.copyOf(lat2, capacity);
                lon2 = Arrays.copyOf(lon2, capacity);
            }
            edge[size] = e;
            lat1[size] = aLat;
            lon1[size] = aLon;
            lat2[size] = bLat;
            lon2[size] = bLon;
            size++;
        }
    }

    /** A binary min-heap of (lower bound, level, node), one per query. */
    private static final class Heap {
        int size;
        double[] key = new double[32];
        long[] entry = new long[32];

        void push(double k, int level, int node) {
            if (size == key.length) {
                key = Arrays.copyOf(key, size * 2);
                entry = Arrays.copyOf(entry, size * 2);
            }
            long value = ((long) level << 32) | node;
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >> 1;
                if (key[parent] <= k) {
                    break;
                }
                key[i] = key[parent];
                entry[i] = entry[parent];
                i = parent;
            }
            key[i] = k;
            entry[i] = value;
        }

        double topKey() {
            return key[0];
        }

        int topLevel() {
            return (int) (entry[0] >>> 32);
        }

        int topNode() {
            return (int) entry[0];
        }

        void pop() {
            size--;
            if (size == 0) {
                return;
            }
            double k = key[size];
            long value = entry[size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && key[child + 1] < key[child]) {
                    child++;
                }
                if (key[child] >= k) {
                    break;
                }
                key[i] = key[child];
                entry[i] = entry[child];
                i = child;
            }
            key[i] = k;
            entry[i] = value;
        }
    }
}
