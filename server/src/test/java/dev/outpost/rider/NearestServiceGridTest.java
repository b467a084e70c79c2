package dev.outpost.rider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.outpost.geo.LatLon;
import dev.outpost.network.NetworkSettings;
import dev.outpost.network.RankedFacility;
import dev.outpost.network.RoadNetwork;
import dev.outpost.network.TravelMode;
import dev.outpost.network.graphhopper.GraphHopperNetwork;
import dev.outpost.station.InMemoryStationRepository;
import dev.outpost.station.OpeningHours;
import dev.outpost.station.Station;
import dev.outpost.station.StationCatalog;
import dev.outpost.station.StationKind;
import dev.outpost.station.StationService;
import dev.outpost.station.StationStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link NearestService} on grid cities whose answers are worked out by hand (200 m blocks, residential streets that
 * e-bikes ride at the network's 18 km/h cap = 5 m/s, so 200 m take 40 s), where the straight-line answer is wrong.
 */
class NearestServiceGridTest {
    static final Instant NOON = Instant.parse("2026-03-10T04:00:00Z"); // Tuesday 12:00 in Shanghai
    static final double EBIKE_METERS_PER_SECOND = 18 / 3.6;

    @TempDir
    static Path tmp;

    static RoadNetwork river;
    static RoadNetwork oneWay;
    static RoadNetwork wide;

    @BeforeAll
    static void networks() {
        NetworkSettings settings = NetworkSettings.defaults().withMinNetworkSize(2);
        // River between columns 3 and 4, bridged only on row 0.
        river = GraphHopperNetwork.importOsm(
                new GridOsm(7, 5).riverEastOf(3, 0).write(tmp, "river.osm"), tmp.resolve("graphs"), settings);
        // Row 2 is one-way eastbound.
        oneWay = GraphHopperNetwork.importOsm(
                new GridOsm(5, 4).oneWayEast(2).write(tmp, "oneway.osm"), tmp.resolve("graphs"), settings);
        // A wider river city: river between columns 5 and 6, bridged only on row 0.
        wide = GraphHopperNetwork.importOsm(
                new GridOsm(10, 5).riverEastOf(5, 0).write(tmp, "wide.osm"), tmp.resolve("graphs"), settings);
    }

    @AfterAll
    static void close() {
        river.close();
        oneWay.close();
        wide.close();
    }

    static Station station(String name, LatLon at, String hours, StationService... services) {
        return new Station(
                null,
                "grid",
                null,
                StationKind.WARM_BEE_STATION,
                name,
                "网格市" + name,
                null,
                null,
                Set.of(services),
                hours == null ? null : OpeningHours.parse(hours),
                8,
                StationStatus.OPEN,
                at);
    }

    static NearestService service(RoadNetwork network, List<Station> stations) {
        InMemoryStationRepository repo = new InMemoryStationRepository();
        stations.forEach(repo::insert);
        Clock clock = Clock.fixed(NOON, ZoneOffset.UTC);
        return new NearestService(
                new StationCatalog(repo, clock),
                region -> region.equals("grid") ? Optional.of(network) : Optional.empty(),
                clock,
                Duration.ZERO);
    }

    static List<String> names(NearestResult r) {
        return r.stations().stream().map(s -> s.station().name()).toList();
    }

    @Test
    void acrossTheRiverIsFartherThanItLooks() {
        // Rider at (3,4) on the west bank. West station 3 blocks west (600 m); east station 1 block away across the
        // river, but the only bridge is on row 0: 4 blocks down, the bridge, 4 blocks up = 9 blocks = 1800 m.
        Station west = station("西岸站", GridOsm.at(0, 4), "24/7");
        Station east = station("东岸站", GridOsm.at(4, 4), "24/7");
        NearestService svc = service(river, List.of(west, east));
        LatLon rider = GridOsm.at(3, 4);
        assertThat(rider.distanceMeters(east.location())).isLessThan(rider.distanceMeters(west.location()));

        NearestResult r = svc.find(NearestQuery.of("grid", rider));

        assertThat(r.method()).isEqualTo(RankingMethod.NETWORK);
        assertThat(r.fallbackReason()).isNull();
        assertThat(names(r)).containsExactly("西岸站", "东岸站");
        NearestStation first = r.stations().get(0);
        NearestStation second = r.stations().get(1);
        assertThat(first.distanceMeters()).isCloseTo(600, within(3.0));
        assertThat(first.travelTimeSeconds()).isCloseTo((int) Math.round(600 / EBIKE_METERS_PER_SECOND), within(2));
        assertThat(second.distanceMeters()).isCloseTo(1800, within(6.0));
        assertThat(second.travelTimeSeconds()).isCloseTo((int) Math.round(1800 / EBIKE_METERS_PER_SECOND), within(3));
        assertThat(second.straightLineMeters()).isCloseTo(200, within(1.0));
        assertThat(first.status().state()).isEqualTo(OpenState.ALWAYS_OPEN);
        assertThat(first.openOnArrival()).isTrue();
    }

    @Test
    void oneWayStreetsCountForRidersAndDriversButNotOnFoot() {
        // Rider at (2,2) on row 2, one-way eastbound. P is 1 block west (against the one-way), Q 2 blocks east.
        // Riding or driving to P: north, west, south = 3 blocks (600 m); to Q: 2 blocks (400 m). Walking to P: 200 m.
        Station p = station("逆行站", GridOsm.at(1, 2), "24/7");
        Station q = station("顺行站", GridOsm.at(4, 2), "24/7");
        NearestService svc = service(oneWay, List.of(p, q));
        LatLon rider = GridOsm.at(2, 2);

        NearestResult ebike = svc.find(NearestQuery.of("grid", rider));
        assertThat(names(ebike)).containsExactly("顺行站", "逆行站");
        assertThat(ebike.stations().get(0).distanceMeters()).isCloseTo(400, within(3.0));
        assertThat(ebike.stations().get(1).distanceMeters()).isCloseTo(600, within(3.0));
        assertThat(ebike.stations().get(0).travelTimeSeconds()).isCloseTo(80, within(2));

        NearestResult car = svc.find(NearestQuery.of("grid", rider).withMode(TravelMode.CAR));
        assertThat(names(car)).containsExactly("顺行站", "逆行站");

        NearestResult foot = svc.find(NearestQuery.of("grid", rider).withMode(TravelMode.FOOT));
        assertThat(names(foot)).containsExactly("逆行站", "顺行站");
        assertThat(foot.stations().get(0).distanceMeters()).isCloseTo(200, within(2.0));
    }

    @Test
    void theAnswerEqualsSearchingEveryCandidateEvenWhenManyCloserStationsAreAcrossTheRiver() {
        // 28 stations just across the river (straight line 200-900 m, by road at least 1800 m) and one station 5 blocks
        // west on the rider's bank (1000 m by road and straight line). The first search only sees the 12 nearest by
        // straight line - all across the river - and the bound must pull the west station in.
        List<Station> stations = new ArrayList<>();
        int n = 0;
        for (int x = 6; x <= 9; x++) {
            for (int y = 2; y <= 4; y++) {
                for (double f : new double[] {0.0, 0.3, 0.6}) {
                    if (y + f <= 4) {
                        stations.add(station("东" + (++n), GridOsm.at(x, y + f), "24/7"));
                    }
                }
            }
        }
        Station west = station("西站", GridOsm.at(0, 4), "24/7");
        stations.add(west);
        NearestService svc = service(wide, stations);
        LatLon rider = GridOsm.at(5, 4);
        long closerByStraightLine = stations.stream()
                .filter(s -> rider.distanceMeters(s.location()) < rider.distanceMeters(west.location()))
                .count();
        assertThat(closerByStraightLine).isGreaterThanOrEqualTo(24); // more than any first search looks at

        NearestResult one = svc.find(NearestQuery.of("grid", rider).withLimit(1));
        assertThat(names(one)).containsExactly("西站");
        assertThat(one.stations().get(0).distanceMeters()).isCloseTo(1000, within(5.0));

        // limit 5: the same order as one search over every candidate
        NearestResult five = svc.find(NearestQuery.of("grid", rider).withLimit(5));
        List<LatLon> all = stations.stream().map(Station::location).toList();
        List<RankedFacility> brute = wide.nearestByTime(rider, all, TravelMode.EBIKE, 5, 3600);
        assertThat(five.stations().stream()
                        .map(NearestStation::travelTimeSeconds)
                        .toList())
                .isEqualTo(brute.stream().map(RankedFacility::travelTimeSeconds).toList());
        assertThat(five.candidateCount()).isEqualTo(29);
    }

    @Test
    void requiredServicesAndOpeningHoursChooseTheCandidates() {
        Station near = station("近站", GridOsm.at(2, 4), "24/7", StationService.DRINKING_WATER);
        Station mid = station(
                "中站",
                GridOsm.at(1, 4),
                "Mo-Su 08:00-20:00",
                StationService.FOOD_HEATING,
                StationService.PHONE_CHARGING);
        Station far = station(
                "远站",
                GridOsm.at(0, 4),
                "Mo-Su 08:00-24:00",
                StationService.FOOD_HEATING,
                StationService.PHONE_CHARGING,
                StationService.TOILET);
        Station unknownHours = station("无时间站", GridOsm.at(3, 3), null, StationService.FOOD_HEATING);
        NearestService svc = service(river, List.of(near, mid, far, unknownHours));
        LatLon rider = GridOsm.at(3, 4);
        NearestQuery q = NearestQuery.of("grid", rider);

        assertThat(names(svc.find(q))).containsExactly("近站", "中站", "远站");
        assertThat(names(svc.find(q.withServices(Set.of(StationService.FOOD_HEATING, StationService.PHONE_CHARGING)))))
                .containsExactly("中站", "远站");
        // 21:00 Shanghai: the 08:00-20:00 station is closed
        Instant nine = Instant.parse("2026-03-10T13:00:00Z");
        assertThat(names(svc.find(
                        q.withServices(Set.of(StationService.FOOD_HEATING)).withOpenAt(nine))))
                .containsExactly("远站");
        // 23:59 open (closes at midnight, within 30 minutes), 00:01 closed
        NearestResult late = svc.find(
                q.withServices(Set.of(StationService.TOILET)).withOpenAt(Instant.parse("2026-03-10T15:59:00Z")));
        assertThat(names(late)).containsExactly("远站");
        assertThat(late.stations().get(0).status().state()).isEqualTo(OpenState.CLOSES_SOON);
        assertThat(late.stations().get(0).closesAt()).contains(Instant.parse("2026-03-10T16:00:00Z"));
        assertThat(late.stations().get(0).openOnArrival())
                .as("3 minutes away, closing in 1 minute")
                .isFalse();
        assertThat(svc.find(q.withServices(Set.of(StationService.TOILET))
                                .withOpenAt(Instant.parse("2026-03-10T16:01:00Z")))
                        .stations())
                .isEmpty();
    }

    @Test
    void positionsOffTheNetworkFallBackToAClearlyLabelledStraightLine() {
        Station west = station("西岸站", GridOsm.at(0, 4), "24/7");
        Station east = station("东岸站", GridOsm.at(4, 4), "24/7");
        NearestService svc = service(river, List.of(west, east));
        // 2 km north of the grid's top-right corner: farther than the 500 m snapping limit from any road
        LatLon lost = GridOsm.at(4, 14);

        NearestResult r = svc.find(NearestQuery.of("grid", lost));

        assertThat(r.method()).isEqualTo(RankingMethod.STRAIGHT_LINE);
        assertThat(r.fallbackReason()).contains("not on the road network").contains("500 m");
        assertThat(names(r)).containsExactly("东岸站", "西岸站");
        NearestStation first = r.stations().get(0);
        assertThat(first.distanceMeters()).isCloseTo(2000, within(2.0));
        // 2000 m at the e-bike's typical 15 km/h = 480 s
        assertThat(first.travelTimeSeconds()).isEqualTo(480);
        assertThat(first.route()).isNull();

        NearestResult noNetwork = svc.find(
                new NearestQuery("grid-without-roads", GridOsm.at(3, 4), TravelMode.EBIKE, Set.of(), null, 10, false));
        assertThat(noNetwork.method()).isEqualTo(RankingMethod.STRAIGHT_LINE);
        assertThat(noNetwork.fallbackReason()).contains("no road network");
    }

    @Test
    void routesFollowTheRoadsWhenAskedFor() {
        Station east = station("东岸站", GridOsm.at(4, 4), "24/7");
        NearestService svc = service(river, List.of(east));
        NearestResult r = svc.find(NearestQuery.of("grid", GridOsm.at(3, 4)).withRoute(true));
        var route = r.stations().get(0).route();
        assertThat(route).isNotNull();
        assertThat(route.getSRID()).isEqualTo(4326);
        // the route goes down to the bridge on row 0
        double minLat = route.getEnvelopeInternal().getMinY();
        assertThat(minLat).isCloseTo(GridOsm.LAT0, within(1e-5));
        assertThat(svc.find(NearestQuery.of("grid", GridOsm.at(3, 4)))
                        .stations()
                        .get(0)
                        .route())
                .isNull();
    }

    @Test
    void limitsAreChecked() {
        LatLon p = GridOsm.at(1, 1);
        assertThatThrownBy(() -> NearestQuery.of("grid", p).withLimit(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit 0 is out of range 1..50");
        assertThatThrownBy(() -> NearestQuery.of("grid", p).withLimit(10_000))
                .hasMessageContaining("limit 10000 is out of range 1..50");
        NearestService svc = service(river, List.of());
        assertThat(svc.find(NearestQuery.of("grid", p)).stations()).isEmpty();
    }
}
