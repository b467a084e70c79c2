package dev.outpost.siting;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The demand weight a set of capacitated open sites can serve when demand may be split: a maximum flow from demand
 * rows (capacity = weight) through covering pairs to open sites (capacity = site capacity). Dinic's algorithm on
 * doubles. Not thread-safe; one instance per computation.
 */
final class ServedFlow {
    private int[] head;
    private int[] next;
    private int[] to;
    private double[] cap;
    private int edges;
    private int[] level;
    private int[] iter;

    /**
     * @param covers per candidate, the rows it covers
     * @param weight per row
     * @param capacity per candidate ({@code +∞} for unlimited)
     * @param open which candidates are open
     */
    static double served(int[][] covers, double[] weight, double[] capacity, boolean[] open) {
        return new ServedFlow().run(covers, weight, capacity, open);
    }

    private double run(int[][] covers, double[] weight, double[] capacity, boolean[] open) {
        int n = covers.length;
        int m = weight.length;
        int source = n + m;
        int sink = n + m + 1;
        int nodes = n + m + 2;
        long pairs = 0;
        for (int j = 0; j < n; j++) {
            if (open[j]) {
                pairs += covers[j].length;
            }
        }
        int maxEdges = (int) (2 * (pairs + m + n));
        head = new int[nodes];
        Arrays.fill(head, -1);
        next = new int[maxEdges];
        to = new int[maxEdges];
        cap = new double[maxEdges];
        boolean[] reached = new boolean[m];
        double total = 0;
        for (int j = 0; j < n; j++) {
            if (!open[j]) {
                continue;
            }
            for (int i : covers[j]) {
                if (weight[i] > 0) {
                    addEdge(m + j, i, 0, weight[i]); // reverse direction stored below
                    reached[i] = true;
                }
            }
        }
        // The loop above adds edge (site -> row) with capacity 0 and reverse (row -> site) with the row's weight,
        // which is the row -> site arc we need.
        for (int i = 0; i < m; i++) {
            if (reached[i]) {
                addEdge(source, i, weight[i], 0);
                total += weight[i];
            }
        }
        double infinite = total + 1;
        for (int j = 0; j < n; j++) {
            if (open[j]) {
                addEdge(m + j, sink, Math.min(capacity[j], infinite), 0);
            }
        }
        level = new int[nodes];
        iter = new int[nodes];
        double flow = 0;
        double eps = 1e-12 * Math.max(1, total);
        while (bfs(source, sink, nodes, eps)) {
            System.arraycopy(head, 0, iter, 0, nodes);
            double f;
            while ((f = dfs(source, sink, Double.POSITIVE_INFINITY, eps)) > eps) {
                flow += f;
            }
        }
        return Math.min(flow, total);
    }

    private void addEdge(int u, int v, double forward, double backward) {
        to[edges] = v;
        cap[edges] = forward;
        next[edges] = head[u];
        head[u] = edges++;
        to[edges] = u;
        cap[edges] = backward;
        next[edges] = head[v];
        head[v] = edges++;
    }

    private boolean bfs(int s, int t, int nodes, double eps) {
        Arrays.fill(level, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        level[s] = 0;
        queue.add(s);
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (int e = head[u]; e >= 0; e = next[e]) {
                if (cap[e] > eps && level[to[e]] < 0) {
                    level[to[e]] = level[u] + 1;
                    queue.add(to[e]);
                }
            }
        }
        return level[t] >= 0;
    }

    private double dfs(int u, int t, double limit, double eps) {
        if (u == t) {
            return limit;
        }
        for (; iter[u] >= 0; iter[u] = next[iter[u]]) {
            int e = iter[u];
            int v = to[e];
            if (cap[e] > eps && level[v] == level[u] + 1) {
                double d = dfs(v, t, Math.min(limit, cap[e]), eps);
                if (d > eps) {
                    cap[e] -= d;
                    cap[e ^ 1] += d;
                    return d;
                }
            }
        }
        return 0;
    }
}
