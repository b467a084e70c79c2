package dev.outpost.network.graphhopper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.geo.LatLon;
import dev.outpost.network.NetworkSettings;
import dev.outpost.network.TravelMode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access rules per mode. Each test case is a "ladder": a direct road of 500 m between A and B carrying the tag under
 * test, and an open tertiary detour A → C → D → B of 300 + 500 + 300 = 1,100 m. A mode allowed on the direct road
 * routes 500 m; a mode kept off it routes 1,100 m.
 *
 * <pre>
 *   C -------- D
 *   |          |
 *   A ~~tag~~~ B
 * </pre>
 */
class ModeAccessTest {
    @TempDir
    static Path dir;

    private static OsmXml osm;
    private static Path file;
    private static GraphHopperNetwork network;
    private static int ladders;

    @BeforeAll
    static void importLadders() {
        osm = new OsmXml(30.6, 104.06);
        ladder("highway", "tertiary", "hgv", "no");
        ladder("highway", "tertiary", "maxheight", "3.2");
        ladder("highway", "tertiary", "maxweight", "7.5");
        ladder("highway", "tertiary", "maxwidth", "2.2");
        ladder("highway", "motorway");
        ladder("highway", "cycleway");
        file = osm.write(dir.resolve("ladders.osm"));
        network = GraphHopperNetwork.importOsm(file, dir.resolve("cache"), settings());
    }

    @AfterAll
    static void close() {
        network.close();
    }

    private static NetworkSettings settings() {
        return NetworkSettings.defaults().withMinNetworkSize(1);
    }

    /** Adds ladder number {@code ladders}, 3 km north of the previous one. */
    private static void ladder(String... directTags) {
        double y = ladders * 3000;
        long base = 100L * (ladders + 1);
        long a = osm.node(base + 1, 0, y);
        long b = osm.node(base + 2, 500, y);
        long c = osm.node(base + 3, 0, y + 300);
        long d = osm.node(base + 4, 500, y + 300);
        osm.way(new long[] {a, b}, directTags);
        osm.way(new long[] {a, c, d, b}, "highway", "tertiary");
        ladders++;
    }

    private static LatLon a(int ladder) {
        return osm.at(0, ladder * 3000);
    }

    private static LatLon b(int ladder) {
        return osm.at(500, ladder * 3000);
    }

    private static double meters(GraphHopperNetwork net, int ladder, TravelMode mode) {
        return net.route(a(ladder), b(ladder), mode).orElseThrow().distanceMeters();
    }

    @Test
    void trucksRespectTaggedRestrictions() {
        for (int ladder = 0; ladder < 4; ladder++) {
            assertThat(meters(network, ladder, TravelMode.CAR))
                    .as("car, ladder %d", ladder)
                    .isBetween(499.0, 501.0);
            assertThat(meters(network, ladder, TravelMode.TRUCK))
                    .as("truck, ladder %d", ladder)
                    .isBetween(1099.0, 1101.0);
        }
    }

    @Test
    void aLighterTruckMayUseTheWeightLimitedRoad() {
        NetworkSettings light = settings().withTruck(80, 4.0, 5.0, 2.55);
        try (GraphHopperNetwork lightTrucks = GraphHopperNetwork.importOsm(file, dir.resolve("cache"), light)) {
            assertThat(lightTrucks.loadedFromCache()).isFalse(); // truck dimensions shape the graph's profiles
            assertThat(meters(lightTrucks, 2, TravelMode.TRUCK)).isBetween(499.0, 501.0);
            assertThat(meters(lightTrucks, 0, TravelMode.TRUCK)).isBetween(1099.0, 1101.0); // hgv=no still applies
        }
    }

    @Test
    void ebikesStayOffMotorwaysAndUseCycleways() {
        assertThat(meters(network, 4, TravelMode.CAR)).isBetween(499.0, 501.0);
        assertThat(meters(network, 4, TravelMode.EBIKE)).isBetween(1099.0, 1101.0);
        assertThat(meters(network, 4, TravelMode.FOOT)).isBetween(1099.0, 1101.0);
        assertThat(meters(network, 5, TravelMode.EBIKE)).isBetween(499.0, 501.0);
        assertThat(meters(network, 5, TravelMode.CAR)).isBetween(1099.0, 1101.0);
        assertThat(meters(network, 5, TravelMode.TRUCK)).isBetween(1099.0, 1101.0);
    }

    @Test
    void trucksAreSlowerThanCars() {
        // on the open tertiary detour: trucks drive at 90 % of the car speed
        double car = network.route(a(0), osm.at(0, 300), TravelMode.CAR)
                .orElseThrow()
                .travelTimeSeconds();
        double truck = network.route(a(0), osm.at(0, 300), TravelMode.TRUCK)
                .orElseThrow()
                .travelTimeSeconds();
        assertThat(truck).isGreaterThan(car);
    }
}
