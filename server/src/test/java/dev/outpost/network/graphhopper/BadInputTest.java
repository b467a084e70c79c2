package dev.outpost.network.graphhopper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.outpost.geo.LatLon;
import dev.outpost.network.Direction;
import dev.outpost.network.NetworkImportException;
import dev.outpost.network.NetworkSettings;
import dev.outpost.network.PointNotOnNetworkException;
import dev.outpost.network.TravelMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad files and bad arguments fail with messages that name the value and the reason. */
class BadInputTest {
    @TempDir
    static Path dir;

    private static OsmXml osm;
    private static Path good;
    private static GraphHopperNetwork network;

    @BeforeAll
    static void importSmallGrid() {
        osm = new OsmXml(23.1, 113.3);
        for (int j = 0; j < 4; j++) {
            long[] row = new long[4];
            long[] col = new long[4];
            for (int i = 0; i < 4; i++) {
                row[i] = osm.node(10 + j * 4 + i, i * 100, j * 100);
            }
            for (int i = 0; i < 4; i++) {
                col[i] = osm.node(10 + i * 4 + j, j * 100, i * 100);
            }
            osm.way(row, "highway", "residential");
            osm.way(col, "highway", "residential");
        }
        good = osm.write(dir.resolve("good.osm"));
        network = GraphHopperNetwork.importOsm(good, dir.resolve("cache"), settings());
    }

    @AfterAll
    static void close() {
        network.close();
    }

    private static NetworkSettings settings() {
        return NetworkSettings.defaults().withMinNetworkSize(1);
    }

    @Test
    void missingEmptyCorruptAndRoadlessFilesAreRejected() throws IOException {
        Path cache = dir.resolve("cache");
        assertThatThrownBy(() -> GraphHopperNetwork.importOsm(dir.resolve("nowhere.osm.pbf"), cache, settings()))
                .isInstanceOf(NetworkImportException.class)
                .hasMessageContaining("nowhere.osm.pbf")
                .hasMessageContaining("does not exist");

        Path empty = Files.createFile(dir.resolve("empty.osm.pbf"));
        assertThatThrownBy(() -> GraphHopperNetwork.importOsm(empty, cache, settings()))
                .isInstanceOf(NetworkImportException.class)
                .hasMessageContaining("empty.osm.pbf")
                .hasMessageContaining("empty (0 bytes)");

        byte[] noise = new byte[50_000];
        new Random(1).nextBytes(noise);
        Path corruptPbf = Files.write(dir.resolve("corrupt.osm.pbf"), noise);
        assertThatThrownBy(() -> GraphHopperNetwork.importOsm(corruptPbf, cache, settings()))
                .isInstanceOf(NetworkImportException.class)
                .hasMessageContaining("corrupt.osm.pbf")
                .hasMessageContaining("cannot import");

        Path corruptXml = Files.writeString(
                dir.resolve("corrupt.osm"),
                "<?xml version=\"1.0\"?>\n<osm><node id=\"1\" lat=",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> GraphHopperNetwork.importOsm(corruptXml, cache, settings()))
                .isInstanceOf(NetworkImportException.class)
                .hasMessageContaining("corrupt.osm");

        OsmXml building = new OsmXml(23.1, 113.3);
        long a = building.node(1, 0, 0);
        long b = building.node(2, 20, 0);
        long c = building.node(3, 20, 20);
        long d = building.node(4, 0, 20);
        building.way(new long[] {a, b, c, d, a}, "building", "yes", "name", "驿站");
        Path noRoads = building.write(dir.resolve("building-only.osm"));
        assertThatThrownBy(() -> GraphHopperNetwork.importOsm(noRoads, cache, settings()))
                .isInstanceOf(NetworkImportException.class)
                .hasMessageContaining("building-only.osm")
                .hasMessageContaining("no roads");

        // nothing half-written is left behind, and the good version still loads from the cache
        try (Stream<Path> entries = Files.list(cache)) {
            assertThat(entries.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("."));
        }
        try (GraphHopperNetwork again = GraphHopperNetwork.importOsm(good, cache, settings())) {
            assertThat(again.loadedFromCache()).isTrue();
            assertThat(again.info().importedAt()).isEqualTo(network.info().importedAt());
        }
    }

    @Test
    void aReplacedCorruptFileLeavesThePreviousVersionUsable() throws IOException {
        Path cache = dir.resolve("replace-cache");
        Path city = Files.copy(good, dir.resolve("city.osm"));
        Instant first;
        try (GraphHopperNetwork original = GraphHopperNetwork.importOsm(city, cache, settings())) {
            first = original.info().importedAt();
        }
        Files.writeString(city, "this is not OSM data", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> GraphHopperNetwork.importOsm(city, cache, settings()))
                .isInstanceOf(NetworkImportException.class)
                .hasMessageContaining("city.osm");
        try (GraphHopperNetwork fallback = GraphHopperNetwork.loadLatestCached(cache, "city.osm", settings())
                .orElseThrow()) {
            assertThat(fallback.info().importedAt()).isEqualTo(first);
            assertThat(fallback.route(osm.at(0, 0), osm.at(300, 300), TravelMode.EBIKE))
                    .isPresent();
        }
        assertThat(GraphHopperNetwork.loadLatestCached(cache, "other.osm", settings()))
                .isEmpty();
    }

    @Test
    void pointsFarFromTheNetworkAreRejectedWithTheirDistance() {
        LatLon beijing = new LatLon(39.9, 116.4);
        assertThatThrownBy(() -> network.isochrone(beijing, TravelMode.EBIKE, List.of(15), Direction.FROM_ORIGIN))
                .isInstanceOf(PointNotOnNetworkException.class)
                .hasMessageContaining("isochrone origin 39.9000000,116.4000000")
                .hasMessageContaining("not on the road network")
                .hasMessageContaining("ebike")
                .isInstanceOfSatisfying(PointNotOnNetworkException.class, e -> {
                    // Guangzhou (the grid) to Beijing: about 1,890 km
                    assertThat(e.distanceToNearestRoadMeters().getAsDouble()).isBetween(1_850_000.0, 1_950_000.0);
                    assertThat(e.limitMeters()).isEqualTo(500);
                });

        LatLon outside = osm.at(150, -700); // 700 m south of the bottom row
        assertThatThrownBy(() -> network.nearestByTime(outside, List.of(osm.at(0, 0)), TravelMode.CAR, 1, 600))
                .isInstanceOfSatisfying(PointNotOnNetworkException.class, e -> {
                    assertThat(e.distanceToNearestRoadMeters()).isPresent();
                    assertThat(e.distanceToNearestRoadMeters().getAsDouble()).isCloseTo(700, within(1.0));
                    assertThat(e.getMessage()).contains("700 m away").contains("limit 500 m");
                });
        assertThatThrownBy(() -> network.route(osm.at(0, 0), outside, TravelMode.EBIKE))
                .isInstanceOf(PointNotOnNetworkException.class)
                .hasMessageContaining("route end");
    }

    @Test
    void badLimitsAndArgumentsNameTheValue() {
        LatLon origin = osm.at(100, 100);
        assertThatThrownBy(() -> network.isochrone(origin, TravelMode.EBIKE, List.of(0), Direction.FROM_ORIGIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minutes[0] = 0")
                .hasMessageContaining("1..120");
        assertThatThrownBy(() -> network.isochrone(origin, TravelMode.EBIKE, List.of(15, 10000), Direction.FROM_ORIGIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minutes[1] = 10000");
        assertThatThrownBy(() -> network.isochrone(origin, TravelMode.EBIKE, List.of(), Direction.FROM_ORIGIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minutes are missing");
        assertThatThrownBy(
                        () -> network.isochrone(origin, TravelMode.EBIKE, Arrays.asList(5, null), Direction.TO_ORIGIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minutes[1] = null");
        assertThatThrownBy(() -> network.nearestFacility(List.of(origin), List.of(origin), TravelMode.CAR, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxSeconds = 0");
        assertThatThrownBy(() -> network.reachMatrix(
                        List.of(origin), List.of(origin), TravelMode.CAR, 100_000, Direction.TO_ORIGIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxSeconds = 100000");
        assertThatThrownBy(() -> network.nearestByTime(origin, List.of(origin), TravelMode.CAR, 0, 600))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k = 0");
        assertThatThrownBy(() -> network.nearestFacility(List.of(origin), List.of(origin), null, 600))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("travel mode is missing");
        List<LatLon> withNull = new ArrayList<>(List.of(origin));
        withNull.add(null);
        assertThatThrownBy(() -> network.nearestFacility(List.of(origin), withNull, TravelMode.CAR, 600))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("demandPoints[1] is missing");
        assertThatThrownBy(() -> TravelMode.parse("bus"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bus'")
                .hasMessageContaining("ebike, car, truck, foot");
    }

    @Test
    void aClosedNetworkRefusesQueries() {
        GraphHopperNetwork other = GraphHopperNetwork.importOsm(good, dir.resolve("cache"), settings());
        other.close();
        other.close();
        assertThatThrownBy(() -> other.route(osm.at(0, 0), osm.at(100, 0), TravelMode.CAR))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }
}
