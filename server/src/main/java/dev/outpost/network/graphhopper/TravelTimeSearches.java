package dev.outpost.network.graphhopper;

import com.graphhopper.storage.index.Snap;
import dev.outpost.geo.LatLon;
import dev.outpost.network.Direction;
import dev.outpost.network.NearestFacilityResult;
import dev.outpost.network.RankedFacility;
import dev.outpost.network.ReachMatrix;
import dev.outpost.network.ReachRow;
import dev.outpost.network.ReachStatus;
import dev.outpost.network.TravelMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The batched travel-time searches (nearest facility, reach matrix, k nearest by time) on the per-mode arrays.
 * Points are placed on the network by {@link #prepare} (once per call for the list-based API, once for many calls
 * with {@link GraphHopperPreparedPoints}); searches are bounded Dijkstras in reusable {@link SearchSpace}s; reach
 * matrices run on a small worker pool. Thread-safe.
 *
 * <p>All times are integer milliseconds internally, so that a path's time is the same integer sum whichever
 * direction it is searched in; results are rounded to whole seconds at the end.
 */
final class TravelTimeSearches {
    /** Below this many points snapping stays on the calling thread. */
    private static final int PARALLEL_SNAP_THRESHOLD = 2_000;

    private final Map<TravelMode, ModeGraph> graphs;
    private final Snapper snapper;
    private final double maxSnapMeters;
    private final ExecutorService executor;
    private final int threads;
    private final int nodeCount;
    private final ConcurrentLinkedQueue<SearchSpace> spaces = new ConcurrentLinkedQueue<>();
    /** Identifies this graph in the prepared point sets it makes (see {@link GraphHopperPreparedPoints}). */
    private final Object token = new Object();

    TravelTimeSearches(
            EnumMap<TravelMode, ModeGraph> graphs,
            Snapper snapper,
            double maxSnapMeters,
            ExecutorService executor,
            int threads,
            int nodeCount) {
        this.graphs = new EnumMap<>(graphs);
        this.snapper = snapper;
        this.maxSnapMeters = maxSnapMeters;
        this.executor = executor;
        this.threads = threads;
        this.nodeCount = nodeCount;
    }

    ModeGraph graph(TravelMode mode) {
        return graphs.get(mode);
    }

    /** Whether the prepared points were made by this instance (the caller checks that the network is open). */
    boolean owns(GraphHopperPreparedPoints points) {
        return points.owner == token;
    }

    /** Places every point on the mode's network: null where off it, NaN distance where no road was found at all. */
    GraphHopperPreparedPoints prepare(List<LatLon> input, TravelMode mode) {
        ModeGraph graph = graphs.get(mode);
        int n = input.size();
        SnappedPoint[] points = new SnappedPoint[n];
        double[] distances = new double[n];
        if (n < PARALLEL_SNAP_THRESHOLD || threads < 2) {
            snapRange(input, graph, points, distances, 0, n);
        } else {
            int chunk = (n + threads - 1) / threads;
            List<Future<?>> futures = new ArrayList<>();
            for (int from = 0; from < n; from += chunk) {
                int start = from;
                int end = Math.min(n, from + chunk);
                futures.add(executor.submit(() -> snapRange(input, graph, points, distances, start, end)));
            }
            await(futures);
        }
        return new GraphHopperPreparedPoints(token, mode, input, points, distances);
    }

    private void snapRange(
            List<LatLon> input, ModeGraph graph, SnappedPoint[] points, double[] distances, int from, int to) {
        for (int i = from; i < to; i++) {
            Snap snap = snapper.snap(input.get(i), graph);
            if (!snap.isValid()) {
                distances[i] = Double.NaN;
                continue;
            }
            distances[i] = snap.getQueryDistance();
            if (snap.getQueryDistance() <= maxSnapMeters) {
                points[i] = Snapper.toSnappedPoint(snap, graph);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // nearest facility: one multi-source search over the reversed graph

    NearestFacilityResult nearestFacility(
            GraphHopperPreparedPoints facilities, GraphHopperPreparedPoints demandPoints, int maxSeconds) {
        TravelMode mode = facilities.mode();
        ModeGraph graph = graphs.get(mode);
        int limitMs = maxSeconds * 1000;
        List<Integer> offNetworkFacilities = new ArrayList<>();
        Map<Integer, List<Integer>> facilitiesByEdge = new HashMap<>();

        SearchSpace space = borrow();
        try {
            space.begin();
            for (int f = 0; f < facilities.size(); f++) {
                SnappedPoint p = facilities.snapped(f);
                if (p == null) {
                    offNetworkFacilities.add(f);
                    continue;
                }
                // reversed search: a node's time is the time from that node to its nearest facility
                space.seed(p.baseNode(), p.fromBaseMs(), f, 0);
                space.seed(p.adjNode(), p.fromAdjMs(), f, 0);
                facilitiesByEdge
                        .computeIfAbsent(p.edge(), e -> new ArrayList<>())
                        .add(f);
            }
            space.run(graph, true, limitMs, false, (node, t) -> true);

            int n = demandPoints.size();
            ReachStatus[] status = new ReachStatus[n];
            int[] facility = new int[n];
            int[] seconds = new int[n];
            for (int d = 0; d < n; d++) {
                SnappedPoint p = demandPoints.snapped(d);
                facility[d] = -1;
                seconds[d] = -1;
                if (p == null) {
                    status[d] = ReachStatus.OFF_NETWORK;
                    continue;
                }
                long best = Long.MAX_VALUE;
                int bestFacility = -1;
                int viaBase = space.time(p.baseNode());
                if (p.toBaseMs() >= 0 && viaBase != SearchSpace.UNREACHED && (long) p.toBaseMs() + viaBase < best) {
                    best = (long) p.toBaseMs() + viaBase;
                    bestFacility = space.owner(p.baseNode());
                }
                int viaAdj = space.time(p.adjNode());
                if (p.toAdjMs() >= 0 && viaAdj != SearchSpace.UNREACHED && (long) p.toAdjMs() + viaAdj < best) {
                    best = (long) p.toAdjMs() + viaAdj;
                    bestFacility = space.owner(p.adjNode());
                }
                for (int f : facilitiesByEdge.getOrDefault(p.edge(), List.of())) {
                    int direct = p.directMillisTo(facilities.snapped(f), graph);
                    if (direct >= 0 && (direct < best || (direct == best && f < bestFacility))) {
                        best = direct;
                        bestFacility = f;
                    }
                }
                if (best <= limitMs) {
                    status[d] = ReachStatus.REACHED;
                    facility[d] = bestFacility;
                    seconds[d] = roundSeconds(best);
                } else {
                    status[d] = ReachStatus.UNREACHED;
                }
            }
            return new NearestFacilityResult(
                    mode, maxSeconds, status, facility, seconds, demandPoints.distancesCopy(), offNetworkFacilities);
        } finally {
            release(space);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // reach matrix: one bounded search per origin, in parallel

    ReachMatrix reachMatrix(
            GraphHopperPreparedPoints origins,
            GraphHopperPreparedPoints demandPoints,
            int maxSeconds,
            Direction direction) {
        TravelMode mode = origins.mode();
        ModeGraph graph = graphs.get(mode);
        int limitMs = maxSeconds * 1000;
        boolean toOrigin = direction == Direction.TO_ORIGIN;
        DemandIndex demand = demandPoints.demandIndex(toOrigin, graph.nodeCount);

        int originCount = origins.size();
        ReachRow[] rows = new ReachRow[originCount];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            SearchSpace space = borrow();
            RowCollector collector = new RowCollector(demandPoints.size());
            try {
                for (int c = next.getAndIncrement(); c < originCount; c = next.getAndIncrement()) {
                    SnappedPoint origin = origins.snapped(c);
                    rows[c] = origin == null
                            ? ReachRow.empty()
                            : reachRow(origin, graph, demand, toOrigin, limitMs, space, collector);
                }
            } finally {
                release(space);
            }
        };
        int workers = Math.min(threads, originCount);
        if (workers <= 1) {
            worker.run();
        } else {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(executor.submit(worker));
            }
            await(futures);
        }
        boolean[] originOn = new boolean[originCount];
        double[] originDistances = new double[originCount];
        for (int c = 0; c < originCount; c++) {
            originOn[c] = origins.onNetwork(c);
            originDistances[c] = origins.snapDistanceMeters(c);
        }
        boolean[] demandOn = new boolean[demandPoints.size()];
        double[] demandDistances = new double[demandOn.length];
        for (int d = 0; d < demandOn.length; d++) {
            demandOn[d] = demandPoints.onNetwork(d);
            demandDistances[d] = demandPoints.snapDistanceMeters(d);
        }
        return new ReachMatrix(
                mode, direction, maxSeconds, Arrays.asList(rows), originDistances, originOn, demandDistances, demandOn);
    }

    private static ReachRow reachRow(
            SnappedPoint origin,
            ModeGraph graph,
            DemandIndex demand,
            boolean toOrigin,
            int limitMs,
            SearchSpace space,
            RowCollector collector) {
        space.begin();
        collector.begin();
        if (toOrigin) {
            space.seed(origin.baseNode(), origin.fromBaseMs(), 0, 0);
            space.seed(origin.adjNode(), origin.fromAdjMs(), 0, 0);
        } else {
            space.seed(origin.baseNode(), origin.toBaseMs(), 0, 0);
            space.seed(origin.adjNode(), origin.toAdjMs(), 0, 0);
        }
        for (int k = demand.firstOnEdge(origin.edge());
                k >= 0 && k < demand.byEdgeCount() && demand.edgeAt(k) == origin.edge();
                k++) {
            int d = demand.demandAt(k);
            SnappedPoint p = demand.point(d);
            int direct = toOrigin ? p.directMillisTo(origin, graph) : origin.directMillisTo(p, graph);
            if (direct >= 0 && direct <= limitMs) {
                collector.offer(d, direct);
            }
        }
        space.run(graph, toOrigin, limitMs, false, (node, t) -> {
            for (int k = demand.nodeStart[node], end = demand.nodeStart[node + 1]; k < end; k++) {
                long total = (long) t + demand.entryCost[k];
                if (total <= limitMs) {
                    collector.offer(demand.entryDemand[k], (int) total);
                }
            }
            return true;
        });
        return collector.toRow();
    }

    /**
     * Demand points grouped by the nodes at the ends of their edges, and sorted by edge, for one search direction.
     * Immutable once built; kept with {@link GraphHopperPreparedPoints}.
     */
    static final class DemandIndex {
        private final SnappedPoint[] points;
        final int[] nodeStart;
        final int[] entryDemand;
        final int[] entryCost;
        private final long[] byEdge; // (edge << 32) | demand index, sorted

        DemandIndex(SnappedPoint[] points, int nodeCount, boolean toOrigin) {
            this.points = points;
            int[] count = new int[nodeCount + 1];
            int onNetwork = 0;
            for (SnappedPoint p : points) {
                if (p == null) {
                    continue;
                }
                onNetwork++;
                if (costAtBase(p, toOrigin) >= 0) {
                    count[p.baseNode()]++;
                }
                if (costAtAdj(p, toOrigin) >= 0) {
                    count[p.adjNode()]++;
                }
            }
            nodeStart = new int[nodeCount + 1];
            for (int n = 0; n < nodeCount; n++) {
                nodeStart[n + 1] = nodeStart[n] + count[n];
            }
            entryDemand = new int[nodeStart[nodeCount]];
            entryCost = new int[nodeStart[nodeCount]];
            int[] fill = new int[nodeCount];
            byEdge = new long[onNetwork];
            int e = 0;
            for (int d = 0; d < points.length; d++) {
                SnappedPoint p = points[d];
                if (p == null) {
                    continue;
                }
                byEdge[e++] = ((long) p.edge() << 32) | d;
                int atBase = costAtBase(p, toOrigin);
                if (atBase >= 0) {
                    int k = nodeStart[p.baseNode()] + fill[p.baseNode()]++;
                    entryDemand[k] = d;
                    entryCost[k] = atBase;
                }
                int atAdj = costAtAdj(p, toOrigin);
                if (atAdj >= 0) {
                    int k = nodeStart[p.adjNode()] + fill[p.adjNode()]++;
                    entryDemand[k] = d;
                    entryCost[k] = atAdj;
                }
            }
            Arrays.sort(byEdge);
        }

        /** Demand → origin: the demand point travels to the node. Origin → demand: from the node to the point. */
        private static int costAtBase(SnappedPoint p, boolean toOrigin) {
            return toOrigin ? p.toBaseMs() : p.fromBaseMs();
        }

        private static int costAtAdj(SnappedPoint p, boolean toOrigin) {
            return toOrigin ? p.toAdjMs() : p.fromAdjMs();
        }

        SnappedPoint point(int d) {
            return points[d];
        }

        int byEdgeCount() {
            return byEdge.length;
        }

        int edgeAt(int k) {
            return (int) (byEdge[k] >>> 32);
        }

        int demandAt(int k) {
            return (int) byEdge[k];
        }

        /** Position of the first demand point on the edge in the sorted list, or -1. */
        int firstOnEdge(int edge) {
            int k = Arrays.binarySearch(byEdge, (long) edge << 32);
            if (k < 0) {
                k = -k - 1;
            }
            return k < byEdge.length && edgeAt(k) == edge ? k : -1;
        }
    }

    /** Best time per demand point within one search, with the list of points touched. Not thread-safe. */
    private static final class RowCollector {
        private final int[] best;
        private final int[] stamp;
        private int current;
        private int[] touched = new int[64];
        private int touchedCount;

        RowCollector(int demandCount) {
            best = new int[demandCount];
            stamp = new int[demandCount];
        }

        void begin() {
            current++;
            touchedCount = 0;
        }

        void offer(int demand, int ms) {
            if (stamp[demand] != current) {
                stamp[demand] = current;
                best[demand] = ms;
                if (touchedCount == touched.length) {
                    touched = Arrays.copyOf(touched, touchedCount * 2);
                }
                touched[touchedCount++] = demand;
            } else if (ms < best[demand]) {
                best[demand] = ms;
            }
        }

        ReachRow toRow() {
            int[] indices = Arrays.copyOf(touched, touchedCount);
            Arrays.sort(indices);
            int[] seconds = new int[touchedCount];
            for (int k = 0; k < touchedCount; k++) {
                seconds[k] = roundSeconds(best[indices[k]]);
            }
            return new ReachRow(indices, seconds);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // k nearest facilities from one origin: forward search, stopping once k are final

    List<RankedFacility> nearestByTime(
            SnappedPoint origin, GraphHopperPreparedPoints facilities, int k, int maxSeconds) {
        ModeGraph graph = graphs.get(facilities.mode());
        int limitMs = maxSeconds * 1000;
        int n = facilities.size();
        long[] best = new long[n];
        double[] bestMeters = new double[n];
        boolean[] done = new boolean[n];
        Arrays.fill(best, Long.MAX_VALUE);
        PriorityQueue<long[]> pending =
                new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        List<RankedFacility> result = new ArrayList<>();
        SearchSpace space = borrow();
        try {
            space.begin();
            // facilities at the end nodes of their edges: per node a list (node tag = first entry, entryNext links
            // the rest) of facility indices, so that settling a node needs no hashing; order within a node does not
            // matter, each facility keeps its own best
            int[] entryFacility = new int[2 * n];
            int[] entryNext = new int[2 * n];
            int entries = 0;
            for (int f = 0; f < n; f++) {
                SnappedPoint p = facilities.snapped(f);
                if (p == null) {
                    continue;
                }
                entryFacility[entries] = f;
                entryNext[entries] = space.tag(p.baseNode());
                space.tag(p.baseNode(), entries++);
                if (p.adjNode() != p.baseNode()) {
                    entryFacility[entries] = f;
                    entryNext[entries] = space.tag(p.adjNode());
                    space.tag(p.adjNode(), entries++);
                }
                int direct = origin.directMillisTo(p, graph);
                if (direct >= 0 && direct <= limitMs) {
                    best[f] = direct;
                    bestMeters[f] = Math.abs(p.fraction() - origin.fraction()) * graph.edgeMeters[p.edge()];
                    pending.add(new long[] {direct, f});
                }
            }
            space.seed(origin.baseNode(), origin.toBaseMs(), 0, origin.metersFromBase(graph));
            space.seed(origin.adjNode(), origin.toAdjMs(), 0, origin.metersFromAdj(graph));
            space.run(graph, false, limitMs, true, (node, t) -> {
                if (finalizeUpTo(t, pending, best, bestMeters, done, result, k)) {
                    return false;
                }
                for (int e = space.tag(node); e >= 0; e = entryNext[e]) {
                    int f = entryFacility[e];
                    SnappedPoint p = facilities.snapped(f);
                    int cost = node == p.baseNode() ? p.fromBaseMs() : p.fromAdjMs();
                    double meters = node == p.baseNode() ? p.metersFromBase(graph) : p.metersFromAdj(graph);
                    if (p.baseNode() == p.adjNode()) {
                        cost = minOpen(p.fromBaseMs(), p.fromAdjMs());
                    }
                    if (cost < 0) {
                        continue;
                    }
                    long total = (long) t + cost;
                    if (total <= limitMs && total < best[f]) {
                        best[f] = total;
                        bestMeters[f] = space.meters(node) + meters;
                        pending.add(new long[] {total, f});
                    }
                }
                return true;
            });
            finalizeUpTo(Long.MAX_VALUE, pending, best, bestMeters, done, result, k);
            return result;
        } finally {
            release(space);
        }
    }

    /** Moves pending facilities with time ≤ t into the result; true once k are there. */
    private static boolean finalizeUpTo(
            long t,
            PriorityQueue<long[]> pending,
            long[] best,
            double[] bestMeters,
            boolean[] done,
            List<RankedFacility> result,
            int k) {
        while (!pending.isEmpty() && pending.peek()[0] <= t && result.size() < k) {
            long[] entry = pending.poll();
            int f = (int) entry[1];
            if (done[f] || entry[0] != best[f]) {
                continue;
            }
            done[f] = true;
            result.add(new RankedFacility(f, roundSeconds(best[f]), bestMeters[f]));
        }
        return result.size() >= k;
    }

    private static int minOpen(int a, int b) {
        if (a < 0) {
            return b;
        }
        if (b < 0) {
            return a;
        }
        return Math.min(a, b);
    }

    static int roundSeconds(long millis) {
        return (int) ((millis + 500) / 1000);
    }

    private SearchSpace borrow() {
        SearchSpace space = spaces.poll();
        return space != null ? space : new SearchSpace(nodeCount);
    }

    private void release(SearchSpace space) {
        spaces.offer(space);
    }

    private static void await(List<Future<?>> futures) {
        try {
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(f -> f.cancel(true));
            throw new IllegalStateException("road network search was interrupted", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException("road network search failed", cause);
        }
    }
}
