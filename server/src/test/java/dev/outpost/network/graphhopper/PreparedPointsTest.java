package dev.outpost.network.graphhopper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.geo.LatLon;
import dev.outpost.network.Direction;
import dev.outpost.network.NearestFacilityResult;
import dev.outpost.network.NetworkSettings;
import dev.outpost.network.PreparedPoints;
import dev.outpost.network.RankedFacility;
import dev.outpost.network.ReachMatrix;
import dev.outpost.network.ReachStatus;
import dev.outpost.network.TravelMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prepared point sets on the demo city (geodata/demo-city): every prepared call gives exactly the answer of the
 * list-based call on the same points (the 40 stations and 3,000 demand points of the city, e-bike and car, both
 * directions), subsets behave like the lists they select, and a reloaded network rejects another instance's sets.
 */
class PreparedPointsTest {
    /** Three kilometres south of the city: no road within the 500 m snapping limit. */
    static final LatLon OFF_NETWORK = new LatLon(22.533, 113.93);

    @TempDir
    static Path cache;

    static GraphHopperNetwork network;
    static Path roads;
    static List<LatLon> stations;
    static List<LatLon> demand;

    @BeforeAll
    static void load() throws IOException {
        Path city = Path.of(System.getProperty("outpost.root", "..")).resolve("geodata/demo-city");
        roads = city.resolve("roads.osm");
        Assumptions.assumeTrue(Files.isRegularFile(roads), "demo city road network " + roads + " is absent");
        network = GraphHopperNetwork.importOsm(roads, cache, NetworkSettings.defaults());
        stations = new ArrayList<>();
        List<String> lines = Files.readAllLines(city.resolve("stations.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            // the last two fields are longitude and latitude; no field before them holds a comma in this file
            stations.add(new LatLon(Double.parseDouble(f[f.length - 1]), Double.parseDouble(f[f.length - 2])));
        }
        stations.add(OFF_NETWORK);
        demand = new ArrayList<>();
        List<String> cells = Files.readAllLines(city.resolve("demand.csv"), StandardCharsets.UTF_8);
        for (String line : cells.subList(1, cells.size())) {
            String[] f = line.split(",");
            demand.add(new LatLon(Double.parseDouble(f[2]), Double.parseDouble(f[1])));
        }
        demand.add(OFF_NETWORK);
        assertThat(stations).hasSize(41);
        assertThat(demand).hasSize(3_001);
    }

    @AfterAll
    static void close() {
        if (network != null) {
            network.close();
        }
    }

    @Test
    void preparedPointsReportTheirPlacing() {
        PreparedPoints p = network.prepare(TravelMode.EBIKE, stations);
        assertThat(p.mode()).isEqualTo(TravelMode.EBIKE);
        assertThat(p.size()).isEqualTo(41);
        assertThat(p.points()).isEqualTo(stations);
        assertThat(p.onNetwork(40)).as("3 km off the roads").isFalse();
        assertThat(p.snapDistanceMeters(40) <= 500)
                .as("snap distance %s", p.snapDistanceMeters(40))
                .isFalse();
        for (int i = 0; i < 40; i++) {
            assertThat(p.onNetwork(i)).as("station %d", i).isTrue();
            assertThat(p.snapDistanceMeters(i)).isBetween(0.0, 500.0);
        }
        assertThat(network.owns(p)).isTrue();
        // the same flags and distances as a list-based reach matrix reports for the same points
        ReachMatrix m =
                network.reachMatrix(List.of(stations.get(0)), stations, TravelMode.EBIKE, 60, Direction.TO_ORIGIN);
        for (int i = 0; i < stations.size(); i++) {
            assertThat(p.onNetwork(i)).isEqualTo(m.demandOnNetwork(i));
            assertThat(Double.compare(p.snapDistanceMeters(i), m.demandSnapDistanceMeters(i)))
                    .isZero();
        }
    }

    @Test
    void nearestFacilityIsTheSamePreparedOrNot() {
        for (TravelMode mode : new TravelMode[] {TravelMode.EBIKE, TravelMode.CAR}) {
            NearestFacilityResult plain = network.nearestFacility(stations, demand, mode, 1_800);
            NearestFacilityResult prepared =
                    network.nearestFacility(network.prepare(mode, stations), network.prepare(mode, demand), 1_800);
            assertThat(plain.count(ReachStatus.REACHED)).as("a real answer").isGreaterThan(2_000);
            assertThat(prepared.offNetworkFacilities())
                    .isEqualTo(plain.offNetworkFacilities())
                    .containsExactly(40);
            assertThat(prepared.facilityIndices()).isEqualTo(plain.facilityIndices());
            assertThat(prepared.travelTimesSeconds()).isEqualTo(plain.travelTimesSeconds());
            for (int d = 0; d < demand.size(); d++) {
                assertThat(prepared.status(d)).isEqualTo(plain.status(d));
                assertThat(Double.compare(prepared.snapDistanceMeters(d), plain.snapDistanceMeters(d)))
                        .isZero();
            }
            assertThat(prepared.status(3_000)).isEqualTo(ReachStatus.OFF_NETWORK);
        }
    }

    @Test
    void reachMatrixIsTheSamePreparedOrNotInBothDirections() {
        for (TravelMode mode : new TravelMode[] {TravelMode.EBIKE, TravelMode.CAR}) {
            PreparedPoints preparedStations = network.prepare(mode, stations);
            PreparedPoints preparedDemand = network.prepare(mode, demand);
            for (Direction direction : Direction.values()) {
                ReachMatrix plain = network.reachMatrix(stations, demand, mode, 900, direction);
                // twice, so that the kept demand lookup of the prepared set is used as well as built
                for (int run = 0; run < 2; run++) {
                    ReachMatrix prepared = network.reachMatrix(preparedStations, preparedDemand, 900, direction);
                    assertSameMatrix(prepared, plain, mode + " " + direction);
                }
            }
            assertThat(network.reachMatrix(stations, demand, mode, 900, Direction.TO_ORIGIN)
                            .nonZeroCount())
                    .as("a real answer")
                    .isGreaterThan(10_000);
        }
    }

    @Test
    void reachableFromIsTheSamePreparedOrNot() {
        PreparedPoints preparedDemand = network.prepare(TravelMode.EBIKE, demand);
        for (int s = 0; s < stations.size(); s += 5) {
            LatLon origin = stations.get(s);
            for (Direction direction : Direction.values()) {
                ReachMatrix plain = network.reachableFrom(origin, demand, TravelMode.EBIKE, 900, direction);
                ReachMatrix prepared = network.reachableFrom(origin, preparedDemand, 900, direction);
                assertSameMatrix(prepared, plain, "station " + s + " " + direction);
            }
        }
    }

    @Test
    void nearestByTimeIsTheSamePreparedOrNotAndSubsetsActLikeTheirLists() {
        Random random = new Random(7);
        for (TravelMode mode : new TravelMode[] {TravelMode.EBIKE, TravelMode.CAR}) {
            PreparedPoints all = network.prepare(mode, stations);
            int asked = 0;
            for (int d = 0; d < 3_000 && asked < 60; d += 37) {
                LatLon origin = demand.get(d);
                if (!network.prepare(mode, List.of(origin)).onNetwork(0)) {
                    continue;
                }
                asked++;
                assertThat(network.nearestByTime(origin, all, 5, 3_600))
                        .isEqualTo(network.nearestByTime(origin, stations, mode, 5, 3_600));
                // a random subset in a random order, as the riders' search hands over its nearest candidates
                int[] pick = random.ints(15, 0, stations.size()).distinct().toArray();
                List<LatLon> picked = new ArrayList<>();
                for (int i : pick) {
                    picked.add(stations.get(i));
                }
                PreparedPoints subset = all.subset(pick);
                assertThat(subset.points()).isEqualTo(picked);
                List<RankedFacility> bySubset = network.nearestByTime(origin, subset, 3, 3_600);
                assertThat(bySubset).isEqualTo(network.nearestByTime(origin, picked, mode, 3, 3_600));
                assertThat(bySubset).isNotEmpty();
            }
            assertThat(asked).isGreaterThanOrEqualTo(40);
        }
    }

    @Test
    void subsetsAndJoinsAreThePointsTheySelect() {
        PreparedPoints all = network.prepare(TravelMode.CAR, stations);
        PreparedPoints head = all.subset(new int[] {0, 1, 2});
        PreparedPoints tail = network.prepare(TravelMode.CAR, stations.subList(3, stations.size()));
        PreparedPoints joined = head.concat(tail);
        assertThat(joined.points()).isEqualTo(stations);
        assertThat(joined.size()).isEqualTo(41);
        for (int i = 0; i < stations.size(); i++) {
            assertThat(joined.onNetwork(i)).isEqualTo(all.onNetwork(i));
            assertThat(Double.compare(joined.snapDistanceMeters(i), all.snapDistanceMeters(i)))
                    .isZero();
        }
        // searching the joined set is searching the list
        assertSameMatrix(
                network.reachMatrix(joined, network.prepare(TravelMode.CAR, demand), 600, Direction.FROM_ORIGIN),
                network.reachMatrix(stations, demand, TravelMode.CAR, 600, Direction.FROM_ORIGIN),
                "joined");
        assertThatThrownBy(() -> head.concat(network.prepare(TravelMode.EBIKE, stations)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot join prepared points for car and for ebike");
    }

    @Test
    void aReloadedNetworkRejectsAnotherInstancesPreparedPoints(@TempDir Path otherCache) {
        PreparedPoints prepared = network.prepare(TravelMode.EBIKE, demand);
        // the same extract loaded again from the same cache: same graph version, but another instance
        try (GraphHopperNetwork reloaded = GraphHopperNetwork.importOsm(roads, cache, NetworkSettings.defaults())) {
            assertThat(reloaded.loadedFromCache()).isTrue();
            assertThat(reloaded.owns(prepared)).isFalse();
            assertThatThrownBy(() -> reloaded.reachableFrom(stations.get(1), prepared, 900, Direction.TO_ORIGIN))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("prepared demandPoints (3001 points, ebike)")
                    .hasMessageContaining("prepare them again");
            assertThatThrownBy(() -> reloaded.nearestByTime(stations.get(1), prepared, 1, 60))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("prepared facilities");
            // prepared again on the reloaded network: the same answer as the original network's
            assertThatThrownBy(
                            () -> reloaded.prepare(TravelMode.EBIKE, stations).concat(prepared))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("two road network instances");
            PreparedPoints again = reloaded.prepare(TravelMode.EBIKE, demand);
            assertThat(reloaded.owns(again)).isTrue();
            assertThat(network.owns(again)).isFalse();
            assertSameMatrix(
                    reloaded.reachableFrom(stations.get(1), again, 900, Direction.TO_ORIGIN),
                    network.reachableFrom(stations.get(1), prepared, 900, Direction.TO_ORIGIN),
                    "reloaded");
        }
        // a closed network owns nothing any more
        GraphHopperNetwork other = GraphHopperNetwork.importOsm(roads, otherCache, NetworkSettings.defaults());
        PreparedPoints ofOther = other.prepare(TravelMode.CAR, stations);
        assertThat(other.owns(ofOther)).isTrue();
        other.close();
        assertThat(other.owns(ofOther)).isFalse();
    }

    @Test
    void badArgumentsAreNamed() {
        PreparedPoints bike = network.prepare(TravelMode.EBIKE, stations);
        PreparedPoints car = network.prepare(TravelMode.CAR, demand);
        assertThatThrownBy(() -> network.nearestFacility(bike, car, 900))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("facilities are for ebike but demandPoints for car");
        assertThatThrownBy(() -> network.reachMatrix(bike, null, 900, Direction.TO_ORIGIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prepared demandPoints are missing");
        assertThatThrownBy(() -> bike.subset(new int[] {0, 41}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subset index 41 at position 1 is out of range 0..40");
        List<LatLon> withNull = new ArrayList<>(stations);
        withNull.set(3, null);
        assertThatThrownBy(() -> network.prepare(TravelMode.EBIKE, withNull))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("points[3] is missing");
        assertThatThrownBy(() -> network.prepare(null, stations))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("travel mode is missing");
    }

    static void assertSameMatrix(ReachMatrix actual, ReachMatrix expected, String what) {
        assertThat(actual.originCount()).as(what).isEqualTo(expected.originCount());
        assertThat(actual.demandCount()).as(what).isEqualTo(expected.demandCount());
        assertThat(actual.mode()).isEqualTo(expected.mode());
        assertThat(actual.direction()).isEqualTo(expected.direction());
        for (int o = 0; o < expected.originCount(); o++) {
            assertThat(actual.originOnNetwork(o)).as(what).isEqualTo(expected.originOnNetwork(o));
            assertThat(Double.compare(actual.originSnapDistanceMeters(o), expected.originSnapDistanceMeters(o)))
                    .as(what)
                    .isZero();
            assertThat(actual.row(o).demandIndices())
                    .as("%s origin %d", what, o)
                    .isEqualTo(expected.row(o).demandIndices());
            assertThat(actual.row(o).travelTimesSeconds())
                    .as("%s origin %d", what, o)
                    .isEqualTo(expected.row(o).travelTimesSeconds());
        }
        for (int d = 0; d < expected.demandCount(); d++) {
            assertThat(actual.demandOnNetwork(d)).isEqualTo(expected.demandOnNetwork(d));
            assertThat(Double.compare(actual.demandSnapDistanceMeters(d), expected.demandSnapDistanceMeters(d)))
                    .isZero();
        }
    }
}
