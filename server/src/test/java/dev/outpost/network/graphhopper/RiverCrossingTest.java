package dev.outpost.network.graphhopper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.geo.LatLon;
import dev.outpost.network.Direction;
import dev.outpost.network.Isochrone;
import dev.outpost.network.NearestFacilityResult;
import dev.outpost.network.NetworkSettings;
import dev.outpost.network.ReachStatus;
import dev.outpost.network.TravelMode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * Two streets along the banks of a river, 200 m apart, joined by one bridge 1.5 km east:
 *
 * <pre>
 *  north bank  S(0,100) ------------------------------------- (1500,100) --- (2000,100)
 *  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ river ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~|bridge|~~~~~~~~~~~~
 *  south bank  P(0,-100) ------------------------------------ (1500,-100) -- (2000,-100)
 * </pre>
 *
 * (both streets start at x = -1000). The demand point P is 200 m from the station S in a straight line but
 * 1,500 + 200 + 1,500 = 3,200 m by road: 640 s by e-bike at 5 m/s. A 10-minute service circle (600 s, 3 km at 18
 * km/h) drawn as a straight-line buffer would cover P; the network must not.
 */
class RiverCrossingTest {
    private static final GeometryFactory GF = new GeometryFactory();

    @TempDir
    static Path dir;

    private static OsmXml osm;
    private static GraphHopperNetwork network;
    private static LatLon station;
    private static LatLon acrossTheRiver;

    @BeforeAll
    static void importNetwork() {
        osm = new OsmXml(31.2, 121.5);
        long[] north = LongStream.rangeClosed(-10, 20)
                .map(k -> osm.node(1000 + k, k * 100, 100))
                .toArray();
        long[] south = LongStream.rangeClosed(-10, 20)
                .map(k -> osm.node(2000 + k, k * 100, -100))
                .toArray();
        osm.way(north, "highway", "residential", "name", "North Bank Road");
        osm.way(south, "highway", "residential", "name", "South Bank Road");
        osm.way(new long[] {1015, 2015}, "highway", "residential", "bridge", "yes", "layer", "1", "name", "Bridge");
        long[] river = LongStream.rangeClosed(-12, 22)
                .map(k -> osm.node(3000 + k, k * 100, 0))
                .toArray();
        osm.way(river, "waterway", "river", "name", "River");
        network = GraphHopperNetwork.importOsm(
                osm.write(dir.resolve("river.osm")),
                dir.resolve("cache"),
                NetworkSettings.defaults().withMinNetworkSize(1));
        station = osm.at(0, 100);
        acrossTheRiver = osm.at(0, -100);
    }

    @AfterAll
    static void close() {
        network.close();
    }

    @Test
    void theWayRoundTheBridgeIsTimedExactly() {
        assertThat(station.distanceMeters(acrossTheRiver)).isBetween(199.0, 201.0);
        NearestFacilityResult result =
                network.nearestFacility(List.of(station), List.of(acrossTheRiver), TravelMode.EBIKE, 900);
        assertThat(result.status(0)).isEqualTo(ReachStatus.REACHED);
        assertThat(result.travelTimeSeconds(0)).isEqualTo(640);
        assertThat(network.route(acrossTheRiver, station, TravelMode.EBIKE)
                        .orElseThrow()
                        .distanceMeters())
                .isBetween(3199.0, 3201.0);
    }

    @Test
    void aStraightLineBufferWouldWronglyCallTheFarBankCovered() {
        double tenMinuteBufferMeters = 2_500; // a common straight-line stand-in for a 10-minute ride
        assertThat(station.distanceMeters(acrossTheRiver)).isLessThan(tenMinuteBufferMeters);
        NearestFacilityResult result =
                network.nearestFacility(List.of(station), List.of(acrossTheRiver), TravelMode.EBIKE, 600);
        assertThat(result.status(0)).isEqualTo(ReachStatus.UNREACHED);
        // while the same distance along the north bank is well within reach
        NearestFacilityResult sameBank =
                network.nearestFacility(List.of(station), List.of(osm.at(-200, 100)), TravelMode.EBIKE, 600);
        assertThat(sameBank.travelTimeSeconds(0)).isEqualTo(40);
    }

    @Test
    void theIsochroneStopsAtTheRiver() {
        Isochrone iso = network.isochrone(station, TravelMode.EBIKE, List.of(10), Direction.FROM_ORIGIN);
        MultiPolygon area = iso.band(10).area();
        assertThat(contains(area, osm.at(500, 100))).isTrue(); // 100 s along the north bank
        assertThat(contains(area, osm.at(1500, -100))).isTrue(); // across the bridge: 340 s
        assertThat(contains(area, acrossTheRiver)).isFalse();
        assertThat(contains(area, osm.at(-400, -100))).isFalse();
    }

    private static boolean contains(MultiPolygon area, LatLon p) {
        return area.contains(GF.createPoint(new Coordinate(p.lon(), p.lat())));
    }
}
