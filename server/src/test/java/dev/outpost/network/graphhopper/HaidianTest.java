package dev.outpost.network.graphhopper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.geo.LatLon;
import dev.outpost.network.Direction;
import dev.outpost.network.NearestFacilityResult;
import dev.outpost.network.NetworkSettings;
import dev.outpost.network.ReachMatrix;
import dev.outpost.network.ReachStatus;
import dev.outpost.network.Route;
import dev.outpost.network.TravelMode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Haidian, Beijing: three separate pockets of real Chinese OSM data. Each pocket has usable roads, routes stay within
 * a pocket, and Chinese street names survive the import intact.
 */
class HaidianTest {
    /** Two points on roads in each pocket: BUPT, Peking/Tsinghua universities, China Agricultural University east. */
    private static final LatLon[][] POCKETS = {
        {new LatLon(39.9566, 116.3495), new LatLon(39.9600, 116.3545)},
        {new LatLon(39.9990, 116.3100), new LatLon(40.0080, 116.3240)},
        {new LatLon(40.0000, 116.3470), new LatLon(40.0065, 116.3530)},
    };

    @TempDir
    static Path dir;

    private static GraphHopperNetwork network;

    @BeforeAll
    static void importHaidian() {
        network = GraphHopperNetwork.importOsm(
                SharedData.osm("beijing-haidian-3campus.osm.pbf"), dir.resolve("cache"), NetworkSettings.defaults());
    }

    @AfterAll
    static void close() {
        if (network != null) {
            network.close();
        }
    }

    @Test
    void everyPocketHasRoadsForEveryMode() {
        for (LatLon[] pocket : POCKETS) {
            for (TravelMode mode : List.of(TravelMode.EBIKE, TravelMode.CAR, TravelMode.FOOT)) {
                Route route = network.route(pocket[0], pocket[1], mode).orElseThrow();
                assertThat(route.distanceMeters())
                        .as("%s in pocket at %s", mode, pocket[0])
                        .isBetween(500.0, 3000.0);
                assertThat(route.travelTimeSeconds()).isPositive();
            }
        }
        assertThat(network.info().nodeCount()).isGreaterThan(1000);
    }

    @Test
    void chineseStreetNamesSurvive() {
        Route bupt =
                network.route(POCKETS[0][0], POCKETS[0][1], TravelMode.EBIKE).orElseThrow();
        assertThat(bupt.streetNames()).contains("西土城路");
        for (LatLon[] pocket : POCKETS) {
            Route route = network.route(pocket[0], pocket[1], TravelMode.CAR).orElseThrow();
            assertThat(route.streetNames())
                    .as("street names in pocket at %s", pocket[0])
                    .isNotEmpty()
                    .allMatch(HaidianTest::hasHanCharacter);
        }
    }

    /** By car the pockets are separate road networks (by e-bike, footpaths link the two northern ones). */
    @Test
    void pocketsAreNotConnectedByCar() {
        NearestFacilityResult result = network.nearestFacility(
                List.of(POCKETS[1][0]), List.of(POCKETS[0][0], POCKETS[1][1]), TravelMode.CAR, 7200);
        assertThat(result.status(0)).isEqualTo(ReachStatus.UNREACHED);
        assertThat(result.status(1)).isEqualTo(ReachStatus.REACHED);
        assertThat(network.route(POCKETS[0][0], POCKETS[2][0], TravelMode.CAR)).isEmpty();
        ReachMatrix matrix = network.reachMatrix(
                List.of(POCKETS[0][0], POCKETS[1][0], POCKETS[2][0]),
                List.of(POCKETS[0][1], POCKETS[1][1], POCKETS[2][1]),
                TravelMode.CAR,
                1800,
                Direction.TO_ORIGIN);
        for (int c = 0; c < 3; c++) {
            assertThat(matrix.row(c).demandIndices()).as("pocket %d", c).containsExactly(c);
        }
    }

    private static boolean hasHanCharacter(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }
}
