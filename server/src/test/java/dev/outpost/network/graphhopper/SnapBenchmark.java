package dev.outpost.network.graphhopper;

import com.graphhopper.storage.index.LocationIndex;
import com.graphhopper.storage.index.LocationIndexTree;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.shapes.BBox;
import dev.outpost.geo.LatLon;
import dev.outpost.network.NetworkSettings;
import dev.outpost.network.TravelMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Snapping speed and memory: the exact {@link Snapper} against GraphHopper's {@code LocationIndexTree} (what the
 * snapper used before) in the same JVM, e-bike, on each OSM file given. Points: uniform in the graph's bounds, and
 * near roads (a random junction moved up to 150 m). Prints the index size, build time, time per snap (median of
 * five rounds) and how often and by how much GraphHopper's answer is farther than the exact one. Usage: {@code java
 * ... dev.outpost.network.graphhopper.SnapBenchmark [points] osmFile...}. Not a test.
 */
public final class SnapBenchmark {
    private SnapBenchmark() {}

    public static void main(String[] args) throws Exception {
        int points = Integer.parseInt(args[0]);
        Path cache = Path.of("bench/out/snap-graphs");
        Files.createDirectories(cache);
        for (int a = 1; a < args.length; a++) {
            Path file = Path.of(args[a]);
            try (GraphHopperNetwork network = GraphHopperNetwork.importOsm(file, cache, NetworkSettings.defaults())) {
                run(file, network, points);
            }
        }
    }

    private static void run(Path file, GraphHopperNetwork network, int points) {
        long t0 = System.nanoTime();
        Snapper rebuilt = Snapper.build(network.baseGraph());
        double buildMs = (System.nanoTime() - t0) / 1e6;
        EdgeSegmentIndex index = rebuilt.index();
        LocationIndex tree = network.graphHopperLocationIndex();
        long treeBytes = tree instanceof LocationIndexTree ? ((LocationIndexTree) tree).getCapacity() : -1;
        System.out.printf(
                Locale.ROOT,
                "%s: %d nodes, %d edges, %d segments; exact index %.1f MB = %.1f bytes/segment, built in %.0f ms"
                        + " (GraphHopper's location index: %.1f MB on its data access)%n",
                file.getFileName(),
                network.baseGraph().getNodes(),
                network.baseGraph().getEdges(),
                index.segmentCount(),
                index.bytes() / 1e6,
                index.bytes() / (double) index.segmentCount(),
                buildMs,
                treeBytes / 1e6);
        ModeGraph graph = network.modeGraph(TravelMode.EBIKE);
        BBox b = network.baseGraph().getBounds();
        Random random = new Random(1);
        double[] uniformLat = new double[points];
        double[] uniformLon = new double[points];
        double[] nearLat = new double[points];
        double[] nearLon = new double[points];
        var nodes = network.baseGraph().getNodeAccess();
        for (int i = 0; i < points; i++) {
            uniformLat[i] = b.minLat + random.nextDouble() * (b.maxLat - b.minLat);
            uniformLon[i] = b.minLon + random.nextDouble() * (b.maxLon - b.minLon);
            int node = random.nextInt(network.baseGraph().getNodes());
            double meters = 150 * random.nextDouble();
            double angle = 2 * Math.PI * random.nextDouble();
            nearLat[i] = nodes.getLat(node) + meters * Math.sin(angle) / 111_195.0;
            nearLon[i] =
                    nodes.getLon(node) + meters * Math.cos(angle) / (111_195.0 * Math.cos(Math.toRadians(b.maxLat)));
        }
        for (String kind : new String[] {"uniform", "near roads"}) {
            double[] lat = kind.equals("uniform") ? uniformLat : nearLat;
            double[] lon = kind.equals("uniform") ? uniformLon : nearLon;
            double[] ghNs = new double[5];
            double[] exactNs = new double[5];
            int worse = 0;
            double worst = 0;
            long sink = 0;
            for (int round = 0; round < 5; round++) {
                long s = System.nanoTime();
                for (int i = 0; i < points; i++) {
                    Snap snap = tree.findClosest(lat[i], lon[i], e -> graph.snappable[e.getEdge()]);
                    sink += snap.getClosestNode();
                }
                ghNs[round] = (System.nanoTime() - s) / (double) points;
                s = System.nanoTime();
                for (int i = 0; i < points; i++) {
                    Snap snap = network.snapper().snap(new LatLon(lat[i], lon[i]), graph);
                    sink += snap.getClosestNode();
                }
                exactNs[round] = (System.nanoTime() - s) / (double) points;
            }
            for (int i = 0; i < points; i++) {
                Snap gh = tree.findClosest(lat[i], lon[i], e -> graph.snappable[e.getEdge()]);
                Snap exact = network.snapper().snap(new LatLon(lat[i], lon[i]), graph);
                double ghMeters = gh.isValid() ? gh.getQueryDistance() : Double.POSITIVE_INFINITY;
                if (exact.getQueryDistance() <= 500 && ghMeters > exact.getQueryDistance() + 0.01) {
                    worse++;
                    worst = Math.max(worst, ghMeters - exact.getQueryDistance());
                }
            }
            java.util.Arrays.sort(ghNs);
            java.util.Arrays.sort(exactNs);
            System.out.printf(
                    Locale.ROOT,
                    "  %s, %d points: GraphHopper index %.1f µs/snap, exact %.1f µs/snap (median of 5 rounds);"
                            + " GraphHopper farther (exact ≤ 500 m) for %d points, by up to %.1f m (checksum %d)%n",
                    kind,
                    points,
                    ghNs[2] / 1e3,
                    exactNs[2] / 1e3,
                    worse,
                    worst,
                    sink % 1000);
        }
    }
}
