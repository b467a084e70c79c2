package dev.outpost.coverage;

import dev.outpost.geo.HexGrid;
import dev.outpost.geo.LatLon;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * A generated test city whose streets run between the centres of neighbouring H3 cells: every demand cell's centre
 * is a street junction, so travel times between cells are sums of whole street segments (about 300 m each at
 * resolution 9, 60 s at 18 km/h). A river along a line of latitude cuts every street crossing it except the bridges.
 * Some streets can be one-way. The same streets are kept as a graph for an independent Dijkstra in the tests.
 */
final class LatticeCity {
    static final double EARTH_RADIUS_METERS = 6_371_000; // GraphHopper's DistanceCalcEarth

    final HexGrid grid;
    final List<Long> cells;
    final Map<Long, Integer> index = new HashMap<>();
    /** Directed streets: from cell index → list of to cell index. */
    final List<List<Integer>> out = new ArrayList<>();

    final double riverLat;
    final Set<Long> bridgeEnds = new HashSet<>();

    /**
     * @param centre the middle of the city
     * @param rings the city is the cells within this many steps of the centre cell
     * @param riverLat latitude of the river (NaN for none)
     * @param bridges how many of the crossings of the river to keep, taken from the east
     * @param oneWayEvery make every n-th street (in a fixed order) one-way in its stored direction; 0 for none
     */
    LatticeCity(LatLon centre, int rings, double riverLat, int bridges, int oneWayEvery) {
        this.grid = HexGrid.defaultGrid();
        this.riverLat = riverLat;
        long c0 = grid.cell(centre);
        List<Long> disk = new ArrayList<>();
        for (long c : grid.disk(c0, rings)) {
            disk.add(c);
        }
        disk.sort(Long::compare);
        this.cells = disk;
        for (int i = 0; i < cells.size(); i++) {
            index.put(cells.get(i), i);
            out.add(new ArrayList<>());
        }
        // undirected streets between neighbours, each once (lower id first)
        List<int[]> streets = new ArrayList<>();
        List<int[]> crossings = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            for (long n : grid.neighbours(cells.get(i))) {
                Integer j = index.get(n);
                if (j != null && j > i) {
                    int[] s = {i, j};
                    if (crossesRiver(i, j)) {
                        crossings.add(s);
                    } else {
                        streets.add(s);
                    }
                }
            }
        }
        // keep the easternmost crossings as bridges
        crossings.sort((a, b) -> Double.compare(midLon(b), midLon(a)));
        for (int k = 0; k < Math.min(bridges, crossings.size()); k++) {
            streets.add(crossings.get(k));
            bridgeEnds.add(cells.get(crossings.get(k)[0]));
            bridgeEnds.add(cells.get(crossings.get(k)[1]));
        }
        this.streets = streets;
        this.oneWay = new boolean[streets.size()];
        for (int k = 0; k < streets.size(); k++) {
            int[] s = streets.get(k);
            oneWay[k] = oneWayEvery > 0 && k % oneWayEvery == oneWayEvery - 1 && !bridgeEnds.contains(cells.get(s[0]));
            out.get(s[0]).add(s[1]);
            if (!oneWay[k]) {
                out.get(s[1]).add(s[0]);
            }
        }
    }

    private final List<int[]> streets;
    private final boolean[] oneWay;

    int streetCount() {
        return streets.size();
    }

    int oneWayCount() {
        int n = 0;
        for (boolean b : oneWay) {
            n += b ? 1 : 0;
        }
        return n;
    }

    boolean crossesRiver(int i, int j) {
        if (Double.isNaN(riverLat)) {
            return false;
        }
        return (centre(i).lat() < riverLat) != (centre(j).lat() < riverLat);
    }

    boolean north(long cell) {
        return grid.centre(cell).lat() > riverLat;
    }

    private double midLon(int[] s) {
        return (centre(s[0]).lon() + centre(s[1]).lon()) / 2;
    }

    LatLon centre(int i) {
        return grid.centre(cells.get(i));
    }

    /** Writes the streets as OSM XML: highway=residential, one-way ones tagged oneway=yes. */
    Path writeOsm(Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"outpost-test\">\n");
        for (int i = 0; i < cells.size(); i++) {
            LatLon p = centre(i);
            sb.append(String.format(
                    Locale.ROOT, "  <node id=\"%d\" lat=\"%.9f\" lon=\"%.9f\"/>\n", i + 1, p.lat(), p.lon()));
        }
        for (int k = 0; k < streets.size(); k++) {
            int[] s = streets.get(k);
            sb.append(String.format(
                    Locale.ROOT,
                    "  <way id=\"%d\"><nd ref=\"%d\"/><nd ref=\"%d\"/><tag k=\"highway\" v=\"residential\"/>%s"
                            + "<tag k=\"name\" v=\"%s\"/></way>\n",
                    k + 1,
                    s[0] + 1,
                    s[1] + 1,
                    oneWay[k] ? "<tag k=\"oneway\" v=\"yes\"/>" : "",
                    "街" + (k + 1)));
        }
        sb.append("</osm>\n");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }

    /** Great-circle length of the street between two cells, metres (GraphHopper's formula). */
    double lengthMeters(int i, int j) {
        LatLon a = centre(i);
        LatLon b = centre(j);
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(a.lat()))
                        * Math.cos(Math.toRadians(b.lat()))
                        * Math.sin(dLon / 2)
                        * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(h));
    }

    /**
     * Independent reference: seconds from every cell to the nearest of {@code targets} along the streets at
     * {@code metersPerSecond} (Dijkstra over reversed streets); infinity where none is reachable.
     */
    double[] secondsToNearest(List<Long> targets, double metersPerSecond) {
        List<List<Integer>> in = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            in.add(new ArrayList<>());
        }
        for (int i = 0; i < cells.size(); i++) {
            for (int j : out.get(i)) {
                in.get(j).add(i);
            }
        }
        double[] dist = new double[cells.size()];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        PriorityQueue<double[]> pq = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        for (long t : targets) {
            int i = index.get(t);
            dist[i] = 0;
            pq.add(new double[] {0, i});
        }
        while (!pq.isEmpty()) {
            double[] top = pq.poll();
            int u = (int) top[1];
            if (top[0] > dist[u]) {
                continue;
            }
            for (int v : in.get(u)) {
                double d = dist[u] + lengthMeters(v, u) / metersPerSecond;
                if (d < dist[v]) {
                    dist[v] = d;
                    pq.add(new double[] {d, v});
                }
            }
        }
        return dist;
    }
}
