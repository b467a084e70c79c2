package dev.outpost.network.graphhopper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.geo.LatLon;
import dev.outpost.network.Direction;
import dev.outpost.network.NearestFacilityResult;
import dev.outpost.network.NetworkSettings;
import dev.outpost.network.RankedFacility;
import dev.outpost.network.ReachMatrix;
import dev.outpost.network.ReachStatus;
import dev.outpost.network.TravelMode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A one-way street and its detour:
 *
 * <pre>
 *   D ------200 m------ C
 *   |                   |
 * 100 m               100 m
 *   |                   |
 *   A ----one-way---->  B      A→B 200 m; B→A only via C and D (400 m)
 * </pre>
 *
 * By e-bike (18 km/h = 5 m/s): A→B 40 s, B→A 80 s, B→D 60 s (via C), D→B 60 s. With stations at A and D, a rider at
 * B reaches D first (60 s, against 80 s to A), although a search outward from the stations would find A nearer
 * (40 s): only a search over the reversed graph gets the rider's direction right.
 */
class OneWayStreetTest {
    @TempDir
    static Path dir;

    private static OsmXml osm;
    private static GraphHopperNetwork network;
    private static LatLon a;
    private static LatLon b;
    private static LatLon d;

    @BeforeAll
    static void importNetwork() {
        osm = new OsmXml(39.9, 116.4);
        long na = osm.node(1, 0, 0);
        long nb = osm.node(2, 200, 0);
        long nc = osm.node(3, 200, 100);
        long nd = osm.node(4, 0, 100);
        osm.way(new long[] {na, nb}, "highway", "residential", "oneway", "yes", "name", "单行道");
        osm.way(new long[] {nb, nc, nd, na}, "highway", "residential", "name", "绕行路");
        network = GraphHopperNetwork.importOsm(
                osm.write(dir.resolve("oneway.osm")),
                dir.resolve("cache"),
                NetworkSettings.defaults().withMinNetworkSize(1));
        a = osm.at(0, 0);
        b = osm.at(200, 0);
        d = osm.at(0, 100);
    }

    @AfterAll
    static void close() {
        network.close();
    }

    @Test
    void nearestFacilityMeasuresFromTheDemandPointToTheFacility() {
        NearestFacilityResult result = network.nearestFacility(List.of(a, d), List.of(b), TravelMode.EBIKE, 600);
        assertThat(result.status(0)).isEqualTo(ReachStatus.REACHED);
        assertThat(result.facilityIndex(0)).isEqualTo(1); // D, not A
        assertThat(result.travelTimeSeconds(0)).isEqualTo(60);

        NearestFacilityResult onlyA = network.nearestFacility(List.of(a), List.of(b), TravelMode.EBIKE, 600);
        assertThat(onlyA.travelTimeSeconds(0)).isEqualTo(80);
        // within 60 s the station A is reachable from B only in the wrong direction
        NearestFacilityResult tight = network.nearestFacility(List.of(a), List.of(b), TravelMode.EBIKE, 60);
        assertThat(tight.status(0)).isEqualTo(ReachStatus.UNREACHED);
    }

    @Test
    void reachMatrixDirectionsDiffer() {
        ReachMatrix toStation = network.reachableFrom(a, List.of(b), TravelMode.EBIKE, 600, Direction.TO_ORIGIN);
        ReachMatrix fromStation = network.reachableFrom(a, List.of(b), TravelMode.EBIKE, 600, Direction.FROM_ORIGIN);
        assertThat(toStation.row(0).secondsFor(0)).hasValue(80);
        assertThat(fromStation.row(0).secondsFor(0)).hasValue(40);
    }

    @Test
    void midStreetPointsFollowTheOneWayRule() {
        // a rider halfway along the one-way street must ride on to B and around: 20 + 60 = 80 s... to D
        LatLon middle = osm.at(100, -10);
        NearestFacilityResult result = network.nearestFacility(List.of(a, d), List.of(middle), TravelMode.EBIKE, 600);
        assertThat(result.facilityIndex(0)).isEqualTo(1);
        assertThat(result.travelTimeSeconds(0)).isEqualTo(80);
        NearestFacilityResult toA = network.nearestFacility(List.of(a), List.of(middle), TravelMode.EBIKE, 600);
        assertThat(toA.travelTimeSeconds(0)).isEqualTo(100); // 100 m on, then 400 m around

        // a station in the middle of the one-way street: from A 20 s; from B all the way round, 80 + 20 = 100 s
        ReachMatrix reach = network.reachableFrom(middle, List.of(a, b), TravelMode.EBIKE, 600, Direction.TO_ORIGIN);
        assertThat(reach.row(0).secondsFor(0)).hasValue(20);
        assertThat(reach.row(0).secondsFor(1)).hasValue(100);
    }

    @Test
    void nearestByTimeSearchesForwardFromTheRider() {
        List<RankedFacility> ranked = network.nearestByTime(b, List.of(a, d), TravelMode.EBIKE, 2, 600);
        assertThat(ranked).extracting(RankedFacility::facilityIndex).containsExactly(1, 0);
        assertThat(ranked).extracting(RankedFacility::travelTimeSeconds).containsExactly(60, 80);
        assertThat(network.route(b, a, TravelMode.EBIKE).orElseThrow().distanceMeters())
                .isBetween(399.0, 401.0);
        assertThat(network.route(a, b, TravelMode.EBIKE).orElseThrow().distanceMeters())
                .isBetween(199.0, 201.0);
    }

    @Test
    void carsObeyTheOneWayStreetToo() {
        NearestFacilityResult result = network.nearestFacility(List.of(a, d), List.of(b), TravelMode.CAR, 600);
        assertThat(result.facilityIndex(0)).isEqualTo(1);
        int toA = network.reachableFrom(a, List.of(b), TravelMode.CAR, 600, Direction.TO_ORIGIN)
                .row(0)
                .secondsFor(0)
                .orElseThrow();
        int fromA = network.reachableFrom(a, List.of(b), TravelMode.CAR, 600, Direction.FROM_ORIGIN)
                .row(0)
                .secondsFor(0)
                .orElseThrow();
        assertThat(toA).isGreaterThan(fromA);
        // pedestrians may walk against the one-way street
        int walkToA = network.reachableFrom(a, List.of(b), TravelMode.FOOT, 3600, Direction.TO_ORIGIN)
                .row(0)
                .secondsFor(0)
                .orElseThrow();
        int walkFromA = network.reachableFrom(a, List.of(b), TravelMode.FOOT, 3600, Direction.FROM_ORIGIN)
                .row(0)
                .secondsFor(0)
                .orElseThrow();
        assertThat(walkToA).isEqualTo(walkFromA);
    }
}
