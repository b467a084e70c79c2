package dev.outpost.network.graphhopper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.NodeAccess;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.DistancePlaneProjection;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import com.graphhopper.util.shapes.BBox;
import dev.outpost.geo.LatLon;
import dev.outpost.network.NetworkSettings;
import dev.outpost.network.PointNotOnNetworkException;
import dev.outpost.network.PreparedPoints;
import dev.outpost.network.Route;
import dev.outpost.network.TravelMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exact snapping. The grid is the rider tests' grid city: 7 × 5 junctions 200 m apart at 22.60 N, 113.90 E, each
 * block side its own residential way. GraphHopper 11's own location index placed 7 of its 35 junctions on a road
 * 200–400 m away (edges along its tile borders), and its router then started routes there; the exact snapper must put
 * every junction on itself, and random points on the grid, Liechtenstein and Andorra (e-bike, car, foot) on the same
 * edge, at the same distance, as a brute-force scan of every segment (ties: lowest edge id).
 */
class ExactSnapTest {
    private static final double SPACING = 200;
    private static final int COLS = 7;
    private static final int ROWS = 5;
    private static final DistancePlaneProjection PLANE = DistancePlaneProjection.DIST_PLANE;

    @TempDir
    static Path dir;

    private static OsmXml osm;
    private static Path gridFile;
    private static GraphHopperNetwork grid;

    @BeforeAll
    static void importGrid() throws IOException {
        osm = new OsmXml(22.60, 113.90);
        gridFile = writeGrid(dir.resolve("grid.osm"));
        grid = GraphHopperNetwork.importOsm(gridFile, dir.resolve("graphs"), NetworkSettings.defaults());
    }

    /**
     * The rider tests' grid file as {@code GridOsm} writes it (coordinates to 1e-8 degree, rows of ways first, then
     * columns): the very file on which GraphHopper's index misplaced junctions.
     */
    private static Path writeGrid(Path file) throws IOException {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"outpost-test\">\n");
        for (int y = 0; y < ROWS; y++) {
            for (int x = 0; x < COLS; x++) {
                LatLon p = osm.at(x * SPACING, y * SPACING);
                xml.append(String.format(
                        Locale.ROOT,
                        "  <node id=\"%d\" version=\"1\" lat=\"%.8f\" lon=\"%.8f\"/>%n",
                        id(x, y),
                        p.lat(),
                        p.lon()));
            }
        }
        long way = 1;
        for (int y = 0; y < ROWS; y++) {
            for (int x = 0; x + 1 < COLS; x++) {
                appendWay(xml, way++, id(x, y), id(x + 1, y));
            }
        }
        for (int x = 0; x < COLS; x++) {
            for (int y = 0; y + 1 < ROWS; y++) {
                appendWay(xml, way++, id(x, y), id(x, y + 1));
            }
        }
        xml.append("</osm>\n");
        Files.writeString(file, xml.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static void appendWay(StringBuilder xml, long way, long from, long to) {
        xml.append("  <way id=\"").append(way).append("\" version=\"1\">\n");
        xml.append("    <nd ref=\"")
                .append(from)
                .append("\"/>\n    <nd ref=\"")
                .append(to)
                .append("\"/>\n");
        xml.append("    <tag k=\"highway\" v=\"residential\"/>\n  </way>\n");
    }

    @AfterAll
    static void close() {
        if (grid != null) {
            grid.close();
        }
    }

    private static long id(int x, int y) {
        return 1 + (long) y * COLS + x;
    }

    @Test
    void everyGridJunctionSnapsOntoItself() {
        BaseGraph graph = grid.baseGraph();
        NodeAccess nodes = graph.getNodeAccess();
        assertThat(graph.getNodes()).isEqualTo(COLS * ROWS);
        for (TravelMode mode : List.of(TravelMode.EBIKE, TravelMode.FOOT, TravelMode.CAR)) {
            ModeGraph modeGraph = grid.modeGraph(mode);
            for (int node = 0; node < graph.getNodes(); node++) {
                LatLon junction = new LatLon(nodes.getLat(node), nodes.getLon(node));
                Snap snap = grid.snapper().snap(junction, modeGraph);
                assertThat(snap.isValid()).isTrue();
                assertThat(snap.getQueryDistance())
                        .as("%s junction %d", mode, node)
                        .isEqualTo(0.0);
                assertThat(snap.getSnappedPosition()).isEqualTo(Snap.Position.TOWER);
                assertThat(snap.getClosestNode()).isEqualTo(node);
            }
        }
        // through the public API, from the coordinates as laid out (the graph stores them to 1e-7 degree)
        List<LatLon> junctions = new ArrayList<>();
        for (int y = 0; y < ROWS; y++) {
            for (int x = 0; x < COLS; x++) {
                junctions.add(osm.at(x * SPACING, y * SPACING));
            }
        }
        PreparedPoints prepared = grid.prepare(TravelMode.EBIKE, junctions);
        for (int i = 0; i < junctions.size(); i++) {
            assertThat(prepared.onNetwork(i)).isTrue();
            assertThat(prepared.snapDistanceMeters(i)).as("junction %d", i).isLessThan(0.02);
        }
    }

    @Test
    void aPointBesideABlockSnapsPerpendicularlyOntoIt() {
        // 30 m north of the block from (200, 0) to (400, 0), a quarter of the way along it
        LatLon point = osm.at(250, 30);
        ModeGraph modeGraph = grid.modeGraph(TravelMode.EBIKE);
        Snap snap = grid.snapper().snap(point, modeGraph);
        assertThat(snap.getQueryDistance()).isCloseTo(30, within(0.01));
        assertThat(snap.getSnappedPosition()).isEqualTo(Snap.Position.EDGE);
        LatLon foot = osm.at(250, 0);
        assertThat(snap.getSnappedPoint().lat).isCloseTo(foot.lat(), within(1e-7));
        assertThat(snap.getSnappedPoint().lon).isCloseTo(foot.lon(), within(1e-7));
        SnappedPoint snapped = Snapper.toSnappedPoint(snap, modeGraph);
        int west = nodeAt(osm.at(200, 0));
        int east = nodeAt(osm.at(400, 0));
        assertThat(List.of(snapped.baseNode(), snapped.adjNode())).containsExactlyInAnyOrder(west, east);
        // a quarter from the west junction, in the edge's base → adj orientation
        double expected = snapped.baseNode() == west ? 0.25 : 0.75;
        assertThat(snapped.fraction()).isCloseTo(expected, within(1e-4));
        assertThat(snapped.snapDistanceMeters()).isCloseTo(30, within(0.01));
    }

    @Test
    void theCentreOfABlockTiesFourEdgesAndTakesTheLowestId() {
        LatLon centre = osm.at(300, 500);
        Snap snap = grid.snapper().snap(centre, grid.modeGraph(TravelMode.EBIKE));
        assertThat(snap.getQueryDistance()).isCloseTo(100, within(0.01));
        // the four sides of the block (200..400) × (400..600)
        int a = nodeAt(osm.at(200, 400));
        int b = nodeAt(osm.at(400, 400));
        int c = nodeAt(osm.at(400, 600));
        int d = nodeAt(osm.at(200, 600));
        List<Integer> sides = List.of(edgeBetween(a, b), edgeBetween(b, c), edgeBetween(c, d), edgeBetween(d, a));
        List<Double> distances = new ArrayList<>();
        for (int e : sides) {
            distances.add(bruteForceEdgeMeters(grid.baseGraph(), e, centre.lat(), centre.lon()));
        }
        assertThat(distances).allSatisfy(m -> assertThat(m).isCloseTo(100, within(0.01)));
        // the grid is not exactly square on the sphere: the exact winner is the lowest id among the closest sides
        double min = distances.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        int expected = Integer.MAX_VALUE;
        for (int i = 0; i < sides.size(); i++) {
            if (distances.get(i) == min) {
                expected = Math.min(expected, sides.get(i));
            }
        }
        assertThat(snap.getClosestEdge().getEdge()).isEqualTo(expected);
    }

    @Test
    void aPointBeyondTheSnapLimitIsOffTheNetworkWithItsExactDistance() {
        LatLon far = osm.at(600, -700); // 700 m south of the bottom row, limit 500 m
        PreparedPoints prepared = grid.prepare(TravelMode.EBIKE, List.of(far, osm.at(600, -450)));
        assertThat(prepared.onNetwork(0)).isFalse();
        assertThat(prepared.snapDistanceMeters(0)).isCloseTo(700, within(0.01));
        assertThat(prepared.onNetwork(1)).isTrue();
        assertThat(prepared.snapDistanceMeters(1)).isCloseTo(450, within(0.01));
        assertThatThrownBy(() -> grid.nearestByTime(far, List.of(osm.at(0, 0)), TravelMode.EBIKE, 1, 600))
                .isInstanceOfSatisfying(PointNotOnNetworkException.class, e -> {
                    assertThat(e.distanceToNearestRoadMeters()).isPresent();
                    assertThat(e.distanceToNearestRoadMeters().getAsDouble()).isCloseTo(700, within(0.01));
                    assertThat(e.limitMeters()).isEqualTo(500);
                });
    }

    @Test
    void routesStartAndEndAtTheJunctionsGiven() {
        // GraphHopper's router used to place route points with its own index again: routes from the misplaced
        // junctions started 200-400 m away. Every route from a junction to the junction (3, 2) is the Manhattan
        // distance in blocks of 200 m, at 18 km/h (5 m/s) 40 s per block.
        LatLon centre = osm.at(3 * SPACING, 2 * SPACING);
        for (int y = 0; y < ROWS; y++) {
            for (int x = 0; x < COLS; x++) {
                if (x == 3 && y == 2) {
                    continue;
                }
                int blocks = Math.abs(x - 3) + Math.abs(y - 2);
                Route route = grid.route(osm.at(x * SPACING, y * SPACING), centre, TravelMode.EBIKE)
                        .orElseThrow();
                assertThat(route.distanceMeters()).as("from (%d, %d)", x, y).isCloseTo(blocks * SPACING, within(0.5));
                assertThat(route.travelTimeSeconds()).as("from (%d, %d)", x, y).isCloseTo(blocks * 40.0, within(0.5));
            }
        }
    }

    @Test
    void aModeWithoutAnyUsableRoadPlacesNothing() {
        OsmXml paths = new OsmXml(22.60, 113.90);
        long[] nodes = new long[5];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = paths.node(i + 1, i * 100, 0);
        }
        paths.way(nodes, "highway", "footway");
        Path file = paths.write(dir.resolve("footway.osm"));
        try (GraphHopperNetwork network = GraphHopperNetwork.importOsm(
                file, dir.resolve("graphs"), NetworkSettings.defaults().withMinNetworkSize(1))) {
            LatLon beside = paths.at(150, 20);
            PreparedPoints byFoot = network.prepare(TravelMode.FOOT, List.of(beside));
            assertThat(byFoot.snapDistanceMeters(0)).isCloseTo(20, within(0.01));
            PreparedPoints byCar = network.prepare(TravelMode.CAR, List.of(beside));
            assertThat(byCar.onNetwork(0)).isFalse();
            assertThat(byCar.snapDistanceMeters(0)).isNaN();
            assertThatThrownBy(() -> network.nearestByTime(beside, List.of(beside), TravelMode.CAR, 1, 600))
                    .isInstanceOfSatisfying(
                            PointNotOnNetworkException.class,
                            e -> assertThat(e.distanceToNearestRoadMeters()).isEmpty());
        }
    }

    @Test
    void randomPointsOnTheGridMatchBruteForce() {
        matchesBruteForce(grid, 1_000, 250, 11);
    }

    @Test
    void randomPointsOnLiechtensteinMatchBruteForce() {
        Path file = SharedData.osm("liechtenstein.osm.pbf");
        try (GraphHopperNetwork network =
                GraphHopperNetwork.importOsm(file, dir.resolve("graphs"), NetworkSettings.defaults())) {
            matchesBruteForce(network, 1_000, 0, 7);
        }
    }

    @Test
    void randomPointsOnAndorraMatchBruteForce() {
        Path file = SharedData.osm("andorra.osm.pbf");
        try (GraphHopperNetwork network =
                GraphHopperNetwork.importOsm(file, dir.resolve("graphs"), NetworkSettings.defaults())) {
            matchesBruteForce(network, 500, 0, 3);
        }
    }

    @Test
    void aNetworkLoadedFromTheCacheSnapsExactlyToo() {
        try (GraphHopperNetwork again =
                GraphHopperNetwork.importOsm(gridFile, dir.resolve("graphs"), NetworkSettings.defaults())) {
            assertThat(again.loadedFromCache()).isTrue();
            NodeAccess nodes = again.baseGraph().getNodeAccess();
            ModeGraph modeGraph = again.modeGraph(TravelMode.EBIKE);
            for (int node = 0; node < again.baseGraph().getNodes(); node++) {
                Snap snap = again.snapper().snap(new LatLon(nodes.getLat(node), nodes.getLon(node)), modeGraph);
                assertThat(snap.getQueryDistance()).as("junction %d", node).isEqualTo(0.0);
            }
            assertThat(again.snapper().index().segmentCount()).isEqualTo(ROWS * (COLS - 1) + COLS * (ROWS - 1));
        }
    }

    /**
     * Random points in the graph's bounds (widened by {@code marginMeters}), two modes: the snapper's edge and
     * distance equal those of a scan of every segment of every usable edge (lowest id among exact ties).
     */
    private static void matchesBruteForce(GraphHopperNetwork network, int points, double marginMeters, long seed) {
        BaseGraph graph = network.baseGraph();
        BBox bounds = graph.getBounds();
        double marginLat = marginMeters / 111_195.0;
        double marginLon = marginLat / Math.cos(Math.toRadians(bounds.maxLat));
        Random random = new Random(seed);
        List<double[]> edgeGeometry = new ArrayList<>();
        for (int e = 0; e < graph.getEdges(); e++) {
            PointList pl = graph.getEdgeIteratorState(e, Integer.MIN_VALUE).fetchWayGeometry(FetchMode.ALL);
            double[] coordinates = new double[2 * pl.size()];
            for (int i = 0; i < pl.size(); i++) {
                coordinates[2 * i] = pl.getLat(i);
                coordinates[2 * i + 1] = pl.getLon(i);
            }
            edgeGeometry.add(coordinates);
        }
        int differentEdge = 0;
        for (TravelMode mode : List.of(TravelMode.EBIKE, TravelMode.CAR, TravelMode.FOOT)) {
            ModeGraph modeGraph = network.modeGraph(mode);
            for (int q = 0; q < points; q++) {
                double lat = bounds.minLat
                        - marginLat
                        + random.nextDouble() * (bounds.maxLat - bounds.minLat + 2 * marginLat);
                double lon = bounds.minLon
                        - marginLon
                        + random.nextDouble() * (bounds.maxLon - bounds.minLon + 2 * marginLon);
                double best = Double.POSITIVE_INFINITY;
                int bestEdge = -1;
                for (int e = 0; e < graph.getEdges(); e++) {
                    if (!modeGraph.snappable[e]) {
                        continue;
                    }
                    double d = normalizedToEdge(edgeGeometry.get(e), lat, lon);
                    if (d < best) {
                        best = d;
                        bestEdge = e;
                    }
                }
                Snap snap = network.snapper().snap(new LatLon(lat, lon), modeGraph);
                assertThat(snap.isValid()).isTrue();
                double bestMeters = PLANE.calcDenormalizedDist(best);
                assertThat(snap.getQueryDistance())
                        .as("%s point %d (%.7f, %.7f)", mode, q, lat, lon)
                        .isCloseTo(bestMeters, within(0.01));
                int got = snap.getClosestEdge().getEdge();
                if (got != bestEdge) {
                    // only a tie may differ: the snapper's edge must be exactly as near
                    differentEdge++;
                    assertThat(PLANE.calcDenormalizedDist(normalizedToEdge(edgeGeometry.get(got), lat, lon)))
                            .as("%s point %d: edge %d instead of %d", mode, q, got, bestEdge)
                            .isCloseTo(bestMeters, within(1e-6));
                }
                SnappedPoint snapped = Snapper.toSnappedPoint(snap, modeGraph);
                assertThat(snapped.fraction()).isBetween(0.0, 1.0);
                assertThat(PLANE.calcDist(lat, lon, snapped.snappedLat(), snapped.snappedLon()))
                        .isCloseTo(bestMeters, within(0.05));
            }
        }
        assertThat(differentEdge).as("ties resolved to a different edge").isLessThan(points / 10);
    }

    /** Normalized plane-projection distance from the point to a polyline (lat, lon pairs), scanning every segment. */
    private static double normalizedToEdge(double[] coordinates, double lat, double lon) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i + 3 < coordinates.length; i += 2) {
            double aLat = coordinates[i];
            double aLon = coordinates[i + 1];
            double bLat = coordinates[i + 2];
            double bLon = coordinates[i + 3];
            double d;
            if (PLANE.validEdgeDistance(lat, lon, aLat, aLon, bLat, bLon)) {
                d = PLANE.calcNormalizedEdgeDistance(lat, lon, aLat, aLon, bLat, bLon);
            } else {
                d = Math.min(
                        PLANE.calcNormalizedDist(lat, lon, aLat, aLon), PLANE.calcNormalizedDist(lat, lon, bLat, bLon));
            }
            best = Math.min(best, d);
        }
        return best;
    }

    private static double bruteForceEdgeMeters(BaseGraph graph, int edge, double lat, double lon) {
        PointList pl = graph.getEdgeIteratorState(edge, Integer.MIN_VALUE).fetchWayGeometry(FetchMode.ALL);
        double[] coordinates = new double[2 * pl.size()];
        for (int i = 0; i < pl.size(); i++) {
            coordinates[2 * i] = pl.getLat(i);
            coordinates[2 * i + 1] = pl.getLon(i);
        }
        return PLANE.calcDenormalizedDist(normalizedToEdge(coordinates, lat, lon));
    }

    private static int nodeAt(LatLon p) {
        NodeAccess nodes = grid.baseGraph().getNodeAccess();
        for (int n = 0; n < grid.baseGraph().getNodes(); n++) {
            if (Math.abs(nodes.getLat(n) - p.lat()) < 1e-6 && Math.abs(nodes.getLon(n) - p.lon()) < 1e-6) {
                return n;
            }
        }
        throw new AssertionError("no junction at " + p);
    }

    private static int edgeBetween(int a, int b) {
        var it = grid.baseGraph().createEdgeExplorer().setBaseNode(a);
        while (it.next()) {
            if (it.getAdjNode() == b) {
                return it.getEdge();
            }
        }
        throw new AssertionError("no edge between " + a + " and " + b);
    }
}
