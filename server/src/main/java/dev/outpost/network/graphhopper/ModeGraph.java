package dev.outpost.network.graphhopper;

import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.util.AllEdgesIterator;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import dev.outpost.network.TravelMode;

/**
 * The road graph of one travel mode as plain arrays: per-edge travel times in both directions and compressed
 * adjacency lists (forward and reversed) holding only the directions the mode may use. Built once from the
 * GraphHopper weighting; read-only afterwards, so any number of threads may search it at once.
 *
 * <p>Times are whole milliseconds as computed by GraphHopper's weighting for the full edge. An edge direction that is
 * closed to the mode has time {@link #CLOSED}.
 */
final class ModeGraph {
    static final int CLOSED = -1;
    /** Guard against absurd edge times (e.g. very long ferries) overflowing int sums. */
    private static final long MAX_EDGE_MILLIS = Integer.MAX_VALUE / 4;

    final TravelMode mode;
    final int nodeCount;
    final int edgeCount;
    /** Canonical base and adjacent node of each edge, as stored by GraphHopper. */
    final int[] edgeBase;

    final int[] edgeAdj;
    /** Stored length of each edge in metres (measured on the full OSM geometry at import). */
    final double[] edgeMeters;
    /** Travel time base → adj and adj → base in ms, or {@link #CLOSED}. */
    final int[] forwardMillis;

    final int[] backwardMillis;
    /** Whether points may be placed on the edge: open in some direction and not part of a small island. */
    final boolean[] snappable;

    final int[] outStart;
    final int[] outTarget;
    final int[] outEdge;
    final int[] outMillis;
    final int[] inStart;
    final int[] inSource;
    final int[] inEdge;
    final int[] inMillis;

    private ModeGraph(TravelMode mode, BaseGraph graph, Weighting weighting, BooleanEncodedValue subnetwork) {
        this.mode = mode;
        this.nodeCount = graph.getNodes();
        this.edgeCount = graph.getEdges();
        edgeBase = new int[edgeCount];
        edgeAdj = new int[edgeCount];
        edgeMeters = new double[edgeCount];
        forwardMillis = new int[edgeCount];
        backwardMillis = new int[edgeCount];
        snappable = new boolean[edgeCount];
        int[] outDegree = new int[nodeCount + 1];
        int[] inDegree = new int[nodeCount + 1];
        AllEdgesIterator it = graph.getAllEdges();
        while (it.next()) {
            int e = it.getEdge();
            int base = it.getBaseNode();
            int adj = it.getAdjNode();
            edgeBase[e] = base;
            edgeAdj[e] = adj;
            edgeMeters[e] = it.getDistance();
            forwardMillis[e] = millis(weighting, it, false);
            backwardMillis[e] = millis(weighting, it, true);
            boolean open = forwardMillis[e] != CLOSED || backwardMillis[e] != CLOSED;
            snappable[e] = open && !it.get(subnetwork);
            if (base == adj) {
                continue; // a loop never shortens a path
            }
            if (forwardMillis[e] != CLOSED) {
                outDegree[base]++;
                inDegree[adj]++;
            }
            if (backwardMillis[e] != CLOSED) {
                outDegree[adj]++;
                inDegree[base]++;
            }
        }
        outStart = prefixSums(outDegree);
        inStart = prefixSums(inDegree);
        outTarget = new int[outStart[nodeCount]];
        outEdge = new int[outStart[nodeCount]];
        outMillis = new int[outStart[nodeCount]];
        inSource = new int[inStart[nodeCount]];
        inEdge = new int[inStart[nodeCount]];
        inMillis = new int[inStart[nodeCount]];
        int[] outFill = new int[nodeCount];
        int[] inFill = new int[nodeCount];
        for (int e = 0; e < edgeCount; e++) {
            int base = edgeBase[e];
            int adj = edgeAdj[e];
            if (base == adj) {
                continue;
            }
            if (forwardMillis[e] != CLOSED) {
                int o = outStart[base] + outFill[base]++;
                outTarget[o] = adj;
                outEdge[o] = e;
                outMillis[o] = forwardMillis[e];
                int i = inStart[adj] + inFill[adj]++;
                inSource[i] = base;
                inEdge[i] = e;
                inMillis[i] = forwardMillis[e];
            }
            if (backwardMillis[e] != CLOSED) {
                int o = outStart[adj] + outFill[adj]++;
                outTarget[o] = base;
                outEdge[o] = e;
                outMillis[o] = backwardMillis[e];
                int i = inStart[base] + inFill[base]++;
                inSource[i] = adj;
                inEdge[i] = e;
                inMillis[i] = backwardMillis[e];
            }
        }
    }

    static ModeGraph build(TravelMode mode, BaseGraph graph, Weighting weighting, BooleanEncodedValue subnetwork) {
        return new ModeGraph(mode, graph, weighting, subnetwork);
    }

    private static int millis(Weighting weighting, AllEdgesIterator edge, boolean reverse) {
        double weight = weighting.calcEdgeWeight(edge, reverse);
        if (Double.isInfinite(weight) || Double.isNaN(weight)) {
            return CLOSED;
        }
        long ms = weighting.calcEdgeMillis(edge, reverse);
        return (int) Math.max(0, Math.min(ms, MAX_EDGE_MILLIS));
    }

    private static int[] prefixSums(int[] degree) {
        int[] start = new int[degree.length];
        int sum = 0;
        for (int n = 0; n < degree.length - 1; n++) {
            start[n] = sum;
            sum += degree[n];
        }
        start[degree.length - 1] = sum;
        return start;
    }

    /** Milliseconds to travel the part of edge {@code e} from fraction {@code from} to {@code to} (0 = base node). */
    int partialMillis(int e, double from, double to) {
        if (to == from) {
            return 0;
        }
        if (to > from) {
            return forwardMillis[e] == CLOSED ? CLOSED : (int) Math.round((to - from) * forwardMillis[e]);
        }
        return backwardMillis[e] == CLOSED ? CLOSED : (int) Math.round((from - to) * backwardMillis[e]);
    }
}
