package dev.outpost.coverage;

import dev.outpost.geo.HexGrid;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds gap areas: connected components of uncovered cells on the network (H3 edge neighbours), each merged into
 * polygons, ranked by the demand they hold (ties: by smallest cell id). Off-network cells are not part of gaps; they
 * are reported by {@link CoverageTotals#offNetworkDemand()}. Stateless and thread-safe.
 */
public final class GapAreas {
    private GapAreas() {}

    /** All gap areas of a result, largest demand first. */
    public static List<GapArea> find(CoverageResult result) {
        return find(result, Integer.MAX_VALUE);
    }

    /** The {@code limit} gap areas holding the most demand (limit ≥ 1). */
    public static List<GapArea> find(CoverageResult result, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("gap limit " + limit + " must be ≥ 1");
        }
        HexGrid grid = result.layer().grid();
        Map<Long, Integer> uncovered = new HashMap<>();
        for (int i = 0; i < result.size(); i++) {
            if (result.status(i).isGap()) {
                uncovered.put(result.cell(i), i);
            }
        }
        Map<Long, Boolean> seen = new HashMap<>();
        List<int[]> components = new ArrayList<>();
        List<Double> demands = new ArrayList<>();
        for (int i = 0; i < result.size(); i++) {
            long start = result.cell(i);
            if (!uncovered.containsKey(start) || seen.containsKey(start)) {
                continue;
            }
            List<Integer> members = new ArrayList<>();
            ArrayDeque<Long> queue = new ArrayDeque<>();
            queue.add(start);
            seen.put(start, Boolean.TRUE);
            double demand = 0;
            while (!queue.isEmpty()) {
                long c = queue.poll();
                int idx = uncovered.get(c);
                members.add(idx);
                demand += result.weight(idx);
                for (long n : grid.neighbours(c)) {
                    if (uncovered.containsKey(n) && seen.putIfAbsent(n, Boolean.TRUE) == null) {
                        queue.add(n);
                    }
                }
            }
            int[] m = members.stream().mapToInt(Integer::intValue).sorted().toArray();
            components.add(m);
            demands.add(demand);
        }
        Integer[] order = new Integer[components.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(
                order,
                Comparator.<Integer>comparingDouble(k -> -demands.get(k))
                        .thenComparingLong(k -> result.cell(components.get(k)[0])));
        List<GapArea> out = new ArrayList<>();
        for (int r = 0; r < order.length && r < limit; r++) {
            int[] members = components.get(order[r]);
            long[] cells = new long[members.length];
            double min = Double.NaN;
            double max = Double.NaN;
            int unreachable = 0;
            List<Long> cellList = new ArrayList<>(members.length);
            for (int k = 0; k < members.length; k++) {
                cells[k] = result.cell(members[k]);
                cellList.add(cells[k]);
                double minutes = result.minutes(members[k]);
                if (Double.isNaN(minutes)) {
                    unreachable++;
                } else {
                    min = Double.isNaN(min) ? minutes : Math.min(min, minutes);
                    max = Double.isNaN(max) ? minutes : Math.max(max, minutes);
                }
            }
            Arrays.sort(cells);
            out.add(new GapArea(r + 1, cells, demands.get(order[r]), grid.union(cellList), min, max, unreachable));
        }
        return out;
    }
}
