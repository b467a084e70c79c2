package dev.outpost.network.graphhopper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.outpost.geo.LatLon;
import dev.outpost.network.Direction;
import dev.outpost.network.Isochrone;
import dev.outpost.network.NearestFacilityResult;
import dev.outpost.network.NetworkSettings;
import dev.outpost.network.RankedFacility;
import dev.outpost.network.ReachMatrix;
import dev.outpost.network.ReachRow;
import dev.outpost.network.ReachStatus;
import dev.outpost.network.Route;
import dev.outpost.network.TravelMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * A generated 10 × 10 street grid, 100 m blocks, all {@code highway=residential}. By e-bike at the 18 km/h cap every
 * block takes exactly 100 m / 5 m/s = 20 s, so travel time between junctions is 20 s × Manhattan distance in blocks.
 *
 * <p>Tolerance: the grid is laid out with GraphHopper's earth radius, so blocks measure 100 m to within 1 cm
 * (coordinates are stored to 1e-7°, and rows away from the reference latitude shrink by under 1 cm); that is under
 * 2 ms per block and under 40 ms over the longest path. Times are therefore compared exactly in whole seconds,
 * the 0.5 s rounding edge being far away; points off the streets snap perpendicularly and their partial block is
 * timed exactly (see {@link SnappedPoint}).
 */
class GridNetworkTest {
    private static final int N = 10;
    private static final double BLOCK = 100;
    private static final int BLOCK_SECONDS = 20;
    private static final GeometryFactory GF = new GeometryFactory();

    @TempDir
    static Path dir;

    private static OsmXml osm;
    private static GraphHopperNetwork network;

    @BeforeAll
    static void importGrid() {
        osm = new OsmXml(30.0, 120.0);
        for (int j = 0; j < N; j++) {
            long[] row = new long[N];
            long[] col = new long[N];
            for (int i = 0; i < N; i++) {
                row[i] = osm.node(id(i, j), i * BLOCK, j * BLOCK);
            }
            for (int i = 0; i < N; i++) {
                col[i] = osm.node(id(j, i), j * BLOCK, i * BLOCK);
            }
            osm.way(row, "highway", "residential", "name", "Row " + j);
            osm.way(col, "highway", "residential", "name", "Col " + j);
        }
        Path file = osm.write(dir.resolve("grid.osm"));
        network = GraphHopperNetwork.importOsm(
                file, dir.resolve("cache"), NetworkSettings.defaults().withMinNetworkSize(5));
    }

    @AfterAll
    static void close() {
        network.close();
    }

    private static long id(int i, int j) {
        return 1000L + j * N + i;
    }

    private static LatLon junction(int i, int j) {
        return osm.at(i * BLOCK, j * BLOCK);
    }

    @Test
    void infoDescribesTheImportedGrid() {
        assertThat(network.info().sourceFileName()).isEqualTo("grid.osm");
        assertThat(network.info().nodeCount()).isEqualTo(N * N);
        assertThat(network.info().edgeCount()).isEqualTo(2 * N * (N - 1));
        assertThat(network.info().sourceSha256()).hasSize(64);
        assertThat(network.info().bbox().contains(junction(5, 5))).isTrue();
        assertThat(network.info().settings()).containsEntry("ebikeMaxSpeedKmh", "18.0");
    }

    @Test
    void routeCornerToCornerTakesEighteenBlocks() {
        Route route =
                network.route(junction(0, 0), junction(9, 9), TravelMode.EBIKE).orElseThrow();
        assertThat(route.travelTimeSeconds()).isCloseTo(18 * BLOCK_SECONDS, within(0.1));
        assertThat(route.distanceMeters()).isCloseTo(18 * BLOCK, within(0.5));
        assertThat(route.geometry().getSRID()).isEqualTo(4326);
        assertThat(route.geometry().getStartPoint().getX())
                .isCloseTo(junction(0, 0).lon(), within(1e-6));
        assertThat(route.streetNames()).isNotEmpty().allMatch(n -> n.startsWith("Row ") || n.startsWith("Col "));
    }

    @Test
    void nearestFacilityGivesManhattanTimesToTheNearerCorner() {
        List<LatLon> facilities = List.of(junction(0, 0), junction(9, 9));
        List<LatLon> demand = new ArrayList<>();
        for (int j = 0; j < N; j++) {
            for (int i = 0; i < N; i++) {
                demand.add(junction(i, j));
            }
        }
        int limit = 150;
        NearestFacilityResult result = network.nearestFacility(facilities, demand, TravelMode.EBIKE, limit);
        for (int j = 0; j < N; j++) {
            for (int i = 0; i < N; i++) {
                int d = j * N + i;
                int toFirst = (i + j) * BLOCK_SECONDS;
                int toSecond = (18 - i - j) * BLOCK_SECONDS;
                int best = Math.min(toFirst, toSecond);
                assertThat(result.snapDistanceMeters(d))
                        .as("snap of junction %d,%d", i, j)
                        .isLessThan(0.05);
                if (best <= limit) {
                    assertThat(result.status(d)).as("junction %d,%d", i, j).isEqualTo(ReachStatus.REACHED);
                    assertThat(result.travelTimeSeconds(d))
                            .as("junction %d,%d", i, j)
                            .isEqualTo(best);
                    assertThat(result.facilityIndex(d)).isEqualTo(toFirst < toSecond ? 0 : 1);
                } else {
                    assertThat(result.status(d)).as("junction %d,%d", i, j).isEqualTo(ReachStatus.UNREACHED);
                    assertThat(result.travelTimeSeconds(d)).isEqualTo(-1);
                }
            }
        }
        // 0..7 blocks from either corner: 36 junctions each
        assertThat(result.count(ReachStatus.REACHED)).isEqualTo(2 * 36);
        assertThat(result.offNetworkFacilities()).isEmpty();
    }

    @Test
    void partialBlocksAreTimedExactly() {
        // 30 m south of row 0, halfway between junctions (2,0) and (3,0): snaps to mid-block, 2.5 blocks from (0,0)
        LatLon midBlock = osm.at(2.5 * BLOCK, -30);
        // on column 4, a quarter of the way from (4,1) to (4,2), 12 m east of it: 5.25 blocks from (0,0)
        LatLon quarter = osm.at(4 * BLOCK + 12, 1.25 * BLOCK);
        NearestFacilityResult result =
                network.nearestFacility(List.of(junction(0, 0)), List.of(midBlock, quarter), TravelMode.EBIKE, 600);
        assertThat(result.snapDistanceMeters(0)).isCloseTo(30, within(0.05));
        assertThat(result.travelTimeSeconds(0)).isEqualTo(50);
        assertThat(result.snapDistanceMeters(1)).isCloseTo(12, within(0.05));
        assertThat(result.travelTimeSeconds(1)).isEqualTo(105);

        // a facility in mid-block: the demand point on the same block reaches it directly, not via a junction
        LatLon facility = osm.at(5.2 * BLOCK, 9 * BLOCK);
        LatLon sameBlock = osm.at(5.8 * BLOCK, 9 * BLOCK + 5);
        NearestFacilityResult sameEdge =
                network.nearestFacility(List.of(facility), List.of(sameBlock), TravelMode.EBIKE, 600);
        assertThat(sameEdge.travelTimeSeconds(0)).isEqualTo(12); // 60 m at 5 m/s
        List<RankedFacility> ranked = network.nearestByTime(sameBlock, List.of(facility), TravelMode.EBIKE, 1, 600);
        assertThat(ranked.get(0).travelTimeSeconds()).isEqualTo(12);
        assertThat(ranked.get(0).distanceMeters()).isCloseTo(60, within(0.1));
    }

    @Test
    void reachMatrixListsJunctionsWithinTheLimitInBothDirections() {
        List<LatLon> demand = new ArrayList<>();
        for (int j = 0; j < N; j++) {
            for (int i = 0; i < N; i++) {
                demand.add(junction(i, j));
            }
        }
        List<LatLon> origins = List.of(junction(0, 0), junction(5, 5), osm.at(-5000, -5000));
        for (Direction direction : Direction.values()) {
            // 110 s = 5.5 blocks, so no junction sits on the limit
            ReachMatrix matrix = network.reachMatrix(origins, demand, TravelMode.EBIKE, 110, direction);
            assertThat(matrix.originCount()).isEqualTo(3);
            ReachRow corner = matrix.row(0);
            // junctions with i + j <= 5: 1 + 2 + ... + 6 = 21
            assertThat(corner.size()).isEqualTo(21);
            for (int k = 0; k < corner.size(); k++) {
                int d = corner.demandIndex(k);
                assertThat(corner.travelTimeSeconds(k)).isEqualTo(((d % N) + (d / N)) * BLOCK_SECONDS);
            }
            // from (5,5): |i-5| + |j-5| <= 5 is a diamond of 61 junctions, clipped by the grid edge at 9: 56
            ReachRow centre = matrix.row(1);
            int expected = 0;
            for (int j = 0; j < N; j++) {
                for (int i = 0; i < N; i++) {
                    if (Math.abs(i - 5) + Math.abs(j - 5) <= 5) {
                        expected++;
                        assertThat(centre.secondsFor(j * N + i))
                                .hasValue((Math.abs(i - 5) + Math.abs(j - 5)) * BLOCK_SECONDS);
                    }
                }
            }
            assertThat(centre.size()).isEqualTo(expected);
            assertThat(matrix.originOnNetwork(2)).isFalse();
            assertThat(matrix.row(2).size()).isZero();
            assertThat(matrix.nonZeroCount()).isEqualTo(21 + expected);
        }
    }

    @Test
    void nearestByTimeRanksCornersFromTheCentre() {
        List<LatLon> corners = List.of(junction(0, 0), junction(9, 9), junction(0, 9), junction(9, 0));
        List<RankedFacility> two = network.nearestByTime(junction(5, 5), corners, TravelMode.EBIKE, 2, 3600);
        assertThat(two).extracting(RankedFacility::facilityIndex).containsExactly(1, 2);
        assertThat(two).extracting(RankedFacility::travelTimeSeconds).containsExactly(160, 180);
        assertThat(two.get(0).distanceMeters()).isCloseTo(800, within(0.1));
        List<RankedFacility> all = network.nearestByTime(junction(5, 5), corners, TravelMode.EBIKE, 10, 3600);
        assertThat(all).extracting(RankedFacility::facilityIndex).containsExactly(1, 2, 3, 0);
        List<RankedFacility> limited = network.nearestByTime(junction(5, 5), corners, TravelMode.EBIKE, 10, 170);
        assertThat(limited).extracting(RankedFacility::facilityIndex).containsExactly(1);
    }

    @Test
    void isochroneBandsContainJunctionsByTheirTimes() {
        Isochrone iso = network.isochrone(junction(0, 0), TravelMode.EBIKE, List.of(2, 1), Direction.FROM_ORIGIN);
        assertThat(iso.bands()).extracting(b -> b.minutes()).containsExactly(1, 2);
        assertThat(iso.snapDistanceMeters()).isLessThan(0.05);
        var oneMinute = iso.band(1).area();
        var twoMinutes = iso.band(2).area();
        assertThat(oneMinute.getSRID()).isEqualTo(4326);
        assertThat(twoMinutes.getArea()).isGreaterThan(oneMinute.getArea());
        // 2 minutes = 6 blocks. Junctions up to 4 blocks away (80 s) are inside, 8 or more (160 s) outside.
        for (int j = 1; j < N; j++) {
            for (int i = 1; i < N; i++) {
                int blocks = i + j;
                Point p = point(junction(i, j));
                if (blocks <= 4) {
                    assertThat(twoMinutes.contains(p))
                            .as("junction %d,%d", i, j)
                            .isTrue();
                } else if (blocks >= 8) {
                    assertThat(twoMinutes.contains(p))
                            .as("junction %d,%d", i, j)
                            .isFalse();
                }
                if (blocks >= 4) {
                    assertThat(oneMinute.contains(p))
                            .as("junction %d,%d in 1 min", i, j)
                            .isFalse();
                }
            }
        }
        assertThat(oneMinute.contains(point(junction(1, 1)))).isTrue();
    }

    @Test
    void footIsSlowerThanEbike() {
        Route foot =
                network.route(junction(0, 0), junction(3, 0), TravelMode.FOOT).orElseThrow();
        Route ebike =
                network.route(junction(0, 0), junction(3, 0), TravelMode.EBIKE).orElseThrow();
        assertThat(ebike.travelTimeSeconds()).isCloseTo(60, within(0.1));
        assertThat(foot.travelTimeSeconds()).isGreaterThan(2 * ebike.travelTimeSeconds());
        assertThat(foot.distanceMeters()).isCloseTo(300, within(0.5));
    }

    private static Point point(LatLon p) {
        return GF.createPoint(new Coordinate(p.lon(), p.lat()));
    }
}
