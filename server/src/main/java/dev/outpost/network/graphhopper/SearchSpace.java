package dev.outpost.network.graphhopper;

import java.util.Arrays;

/**
 * Working memory for one bounded Dijkstra search on a {@link ModeGraph}: times, owners (which source a node was
 * reached from), optional road distances, and a binary heap. Reused across searches without clearing (a stamp marks
 * the current search). Not thread-safe: one search space per thread at a time.
 */
final class SearchSpace {
    static final int UNREACHED = Integer.MAX_VALUE;

    /** Called for each node as its final time is known, in increasing time order; return false to stop. */
    interface SettleListener {
        boolean settled(int node, int timeMs);
    }

    private final int[] time;
    private final int[] owner;
    private final double[] meters;
    private final int[] seenStamp;
    private final int[] settledStamp;
    private final int[] tag;
    private final int[] tagStamp;
    private int stamp;
    private int[] heapNode = new int[256];
    private int[] heapKey = new int[256];
    private int heapSize;

    SearchSpace(int nodeCount) {
        time = new int[nodeCount];
        owner = new int[nodeCount];
        meters = new double[nodeCount];
        seenStamp = new int[nodeCount];
        settledStamp = new int[nodeCount];
        tag = new int[nodeCount];
        tagStamp = new int[nodeCount];
    }

    /** Starts a new search; previous results become invisible. */
    void begin() {
        stamp++;
        if (stamp == Integer.MAX_VALUE) {
            Arrays.fill(seenStamp, 0);
            Arrays.fill(settledStamp, 0);
            Arrays.fill(tagStamp, 0);
            stamp = 1;
        }
        heapSize = 0;
    }

    int time(int node) {
        return seenStamp[node] == stamp ? time[node] : UNREACHED;
    }

    /**
     * Attaches a value to a node for the current search (e.g. the head of a list of facilities at that node), so that a
     * settle listener finds it without hashing a boxed node id.
     */
    void tag(int node, int value) {
        tagStamp[node] = stamp;
        tag[node] = value;
    }

    /** The value attached to the node in the current search, or -1. */
    int tag(int node) {
        return tagStamp[node] == stamp ? tag[node] : -1;
    }

    int owner(int node) {
        return owner[node];
    }

    double meters(int node) {
        return meters[node];
    }

    /** Offers a start node with an initial time (e.g. the partial edge from a snapped point). */
    void seed(int node, int timeMs, int ownerId, double startMeters) {
        if (timeMs < 0) {
            return; // closed direction
        }
        if (timeMs < time(node)) {
            seenStamp[node] = stamp;
            time[node] = timeMs;
            owner[node] = ownerId;
            meters[node] = startMeters;
            push(node, timeMs);
        }
    }

    /**
     * Runs Dijkstra from the seeded nodes over the mode's forward edges, or over its edges read backwards when
     * {@code reverse} (then times are "from the node to the sources"). Nodes beyond {@code limitMs} are never
     * settled. Owners and (when {@code trackMeters}) road distances are carried along the shortest paths.
     */
    void run(ModeGraph graph, boolean reverse, int limitMs, boolean trackMeters, SettleListener listener) {
        int[] start = reverse ? graph.inStart : graph.outStart;
        int[] other = reverse ? graph.inSource : graph.outTarget;
        int[] edgeIds = reverse ? graph.inEdge : graph.outEdge;
        int[] millis = reverse ? graph.inMillis : graph.outMillis;
        double[] edgeMeters = graph.edgeMeters;
        while (heapSize > 0) {
            int node = heapNode[0];
            int key = heapKey[0];
            pop();
            if (settledStamp[node] == stamp || key != time[node]) {
                continue; // stale heap entry
            }
            if (key > limitMs) {
                break;
            }
            settledStamp[node] = stamp;
            if (!listener.settled(node, key)) {
                break;
            }
            int nodeOwner = owner[node];
            double nodeMeters = meters[node];
            for (int i = start[node], end = start[node + 1]; i < end; i++) {
                int next = other[i];
                long candidate = (long) key + millis[i];
                if (candidate > limitMs || settledStamp[next] == stamp) {
                    continue;
                }
                int t = (int) candidate;
                if (t < time(next)) {
                    seenStamp[next] = stamp;
                    time[next] = t;
                    owner[next] = nodeOwner;
                    if (trackMeters) {
                        meters[next] = nodeMeters + edgeMeters[edgeIds[i]];
                    }
                    push(next, t);
                }
            }
        }
    }

    private void push(int node, int key) {
        if (heapSize == heapNode.length) {
            heapNode = Arrays.copyOf(heapNode, heapSize * 2);
            heapKey = Arrays.copyOf(heapKey, heapSize * 2);
        }
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heapKey[parent] <= key) {
                break;
            }
            heapNode[i] = heapNode[parent];
            heapKey[i] = heapKey[parent];
            i = parent;
        }
        heapNode[i] = node;
        heapKey[i] = key;
    }

    private void pop() {
        int last = --heapSize;
        if (last == 0) {
            return;
        }
        int node = heapNode[last];
        int key = heapKey[last];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= last) {
                break;
            }
            if (child + 1 < last && heapKey[child + 1] < heapKey[child]) {
                child++;
            }
            if (heapKey[child] >= key) {
                break;
            }
            heapNode[i] = heapNode[child];
            heapKey[i] = heapKey[child];
            i = child;
        }
        heapNode[i] = node;
        heapKey[i] = key;
    }
}
