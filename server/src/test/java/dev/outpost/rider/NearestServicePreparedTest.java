package dev.outpost.rider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.dataio.StationFileReader;
import dev.outpost.geo.CoordinateSystem;
import dev.outpost.geo.LatLon;
import dev.outpost.network.NetworkSettings;
import dev.outpost.network.RankedFacility;
import dev.outpost.network.RoadNetwork;
import dev.outpost.network.TravelMode;
import dev.outpost.network.graphhopper.GraphHopperNetwork;
import dev.outpost.station.InMemoryStationRepository;
import dev.outpost.station.Station;
import dev.outpost.station.StationCatalog;
import dev.outpost.station.StationListener;
import dev.outpost.station.StationQuery;
import dev.outpost.station.StationStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link NearestService} searches stations placed on the network once per station set and mode. Its answers must be
 * those of placing every station on every query (the list-based search over the same candidates), and a station
 * change through the catalogue or a reloaded network must show up in the next answer even though the stations are
 * kept for an hour.
 */
class NearestServicePreparedTest {
    @TempDir
    Path tmp;

    @Test
    void answersOnTheDemoCityEqualTheUnpreparedSearch() {
        Path city = Path.of(System.getProperty("outpost.root", "..")).resolve("geodata/demo-city");
        Assumptions.assumeTrue(Files.isRegularFile(city.resolve("roads.osm")), "demo city is absent");
        InMemoryStationRepository repo = new InMemoryStationRepository();
        StationFileReader.read(city.resolve("stations.csv"), "demo", CoordinateSystem.WGS84)
                .valuesOrThrow()
                .forEach(repo::insert);
        Clock clock = Clock.fixed(NearestServiceGridTest.NOON, ZoneOffset.UTC);
        try (RoadNetwork network = GraphHopperNetwork.importOsm(
                city.resolve("roads.osm"), tmp.resolve("graphs"), NetworkSettings.defaults())) {
            NearestService svc = new NearestService(
                    new StationCatalog(repo, clock), r -> Optional.of(network), clock, Duration.ofHours(1));
            Random random = new Random(11);
            int compared = 0;
            for (int i = 0; i < 150; i++) {
                LatLon rider = NearestServiceRealDataTest.random(random, 113.88, 22.56, 113.9967, 22.6503);
                for (TravelMode mode : new TravelMode[] {TravelMode.EBIKE, TravelMode.CAR}) {
                    NearestResult r = svc.find(
                            NearestQuery.of("demo", rider).withMode(mode).withLimit(5));
                    if (r.method() != RankingMethod.NETWORK) {
                        continue;
                    }
                    compared++;
                    // unprepared: every candidate placed again, one search over all of them
                    List<Station> open = openNow(repo, clock, rider);
                    List<RankedFacility> expected = network.nearestByTime(
                            rider,
                            open.stream().map(Station::location).toList(),
                            mode,
                            5,
                            NearestService.SEARCH_LIMIT_SECONDS);
                    assertThat(r.candidateCount()).isEqualTo(open.size());
                    assertThat(r.stations()).hasSameSizeAs(expected);
                    for (int k = 0; k < expected.size(); k++) {
                        NearestStation got = r.stations().get(k);
                        RankedFacility want = expected.get(k);
                        assertThat(got.station().id())
                                .as("rider %s by %s, rank %d", rider, mode, k + 1)
                                .isEqualTo(open.get(want.facilityIndex()).id());
                        assertThat(got.travelTimeSeconds()).isEqualTo(want.travelTimeSeconds());
                        assertThat(got.distanceMeters()).isEqualTo(want.distanceMeters());
                    }
                }
            }
            assertThat(compared).as("answers over the network").isGreaterThan(200);
        }
    }

    /** The open stations open at noon, nearest by straight line first (then by id) as the service orders them. */
    private static List<Station> openNow(InMemoryStationRepository repo, Clock clock, LatLon rider) {
        List<Station> out = new ArrayList<>();
        for (Station s : repo.find(StationQuery.all("demo").withLimit(StationQuery.MAX_LIMIT))) {
            if (s.status() == StationStatus.OPEN
                    && s.openingHours() != null
                    && s.openingHours().isOpenAt(clock.instant())) {
                out.add(s);
            }
        }
        out.sort(Comparator.comparingDouble((Station s) -> rider.distanceMeters(s.location()))
                .thenComparing(Station::id));
        return out;
    }

    @Test
    void aStationChangeThroughTheCatalogueShowsUpAtOnce() {
        NetworkSettings settings = NetworkSettings.defaults().withMinNetworkSize(2);
        try (RoadNetwork network = GraphHopperNetwork.importOsm(
                new GridOsm(7, 5).write(tmp, "grid.osm"), tmp.resolve("graphs"), settings)) {
            InMemoryStationRepository repo = new InMemoryStationRepository();
            Clock clock = Clock.fixed(NearestServiceGridTest.NOON, ZoneOffset.UTC);
            StationCatalog catalog = new StationCatalog(repo, clock);
            NearestService svc = new NearestService(catalog, r -> Optional.of(network), clock, Duration.ofHours(1));
            catalog.addListener(new StationListener() {
                @Override
                public void saved(Station station) {
                    svc.stationsChanged(station.regionCode());
                }

                @Override
                public void deleted(String regionCode, long stationId) {
                    svc.stationsChanged(regionCode);
                }
            });
            Station far = catalog.create(NearestServiceGridTest.station("远站", GridOsm.at(6, 0), "24/7"));
            LatLon rider = GridOsm.at(1, 4);
            // (1,4) → (6,0): 5 + 4 blocks of 200 m at 5 m/s = 360 s
            NearestResult before = svc.find(NearestQuery.of("grid", rider));
            assertThat(NearestServiceGridTest.names(before)).containsExactly("远站");
            assertThat(before.stations().get(0).travelTimeSeconds()).isBetween(358, 362);

            // a new station two blocks away: 80 s
            Station near = catalog.create(NearestServiceGridTest.station("近站", GridOsm.at(3, 4), "24/7"));
            NearestResult added = svc.find(NearestQuery.of("grid", rider));
            assertThat(NearestServiceGridTest.names(added)).containsExactly("近站", "远站");
            assertThat(added.stations().get(0).travelTimeSeconds()).isBetween(78, 82);

            // the far station moves next to the rider (one block, 40 s): its new place is searched, not the old one
            catalog.update(withLocation(far, GridOsm.at(1, 3)));
            NearestResult moved = svc.find(NearestQuery.of("grid", rider));
            assertThat(NearestServiceGridTest.names(moved)).containsExactly("远站", "近站");
            assertThat(moved.stations().get(0).travelTimeSeconds()).isBetween(38, 42);

            catalog.delete("grid", near.id());
            assertThat(NearestServiceGridTest.names(svc.find(NearestQuery.of("grid", rider))))
                    .containsExactly("远站");
        }
    }

    @Test
    void aReloadedNetworkIsSearchedWithStationsPlacedOnIt() {
        // a river between columns 3 and 4, bridged only on row 0; e-bikes at the default 18 km/h cap (5 m/s)
        Path osm = new GridOsm(7, 5).riverEastOf(3, 0).write(tmp, "river.osm");
        NetworkSettings settings = NetworkSettings.defaults().withMinNetworkSize(2);
        RoadNetwork first = GraphHopperNetwork.importOsm(osm, tmp.resolve("graphs"), settings);
        AtomicReference<RoadNetwork> current = new AtomicReference<>(first);
        InMemoryStationRepository repo = new InMemoryStationRepository();
        repo.insert(NearestServiceGridTest.station("西岸站", GridOsm.at(0, 4), "24/7"));
        repo.insert(NearestServiceGridTest.station("东岸站", GridOsm.at(4, 4), "24/7"));
        Clock clock = Clock.fixed(NearestServiceGridTest.NOON, ZoneOffset.UTC);
        NearestService svc = new NearestService(
                new StationCatalog(repo, clock), r -> Optional.of(current.get()), clock, Duration.ofHours(1));
        LatLon rider = GridOsm.at(3, 4);
        // west 3 blocks (600 m, 120 s); east 1 block but over the only bridge: 9 blocks (1800 m, 360 s)
        NearestResult before = svc.find(NearestQuery.of("grid", rider));
        assertThat(NearestServiceGridTest.names(before)).containsExactly("西岸站", "东岸站");
        assertThat(seconds(before)).satisfiesExactly(t -> assertThat(t).isBetween(118, 122), t -> assertThat(t)
                .isBetween(358, 362));

        // the network is re-imported with e-bikes capped at 9 km/h (2.5 m/s) and the old one closed, as the app's
        // network registry does: the stations kept for an hour are placed on the new graph, and times double
        try (RoadNetwork reloaded =
                GraphHopperNetwork.importOsm(osm, tmp.resolve("graphs"), settings.withEbikeMaxSpeedKmh(9))) {
            current.set(reloaded);
            first.close();
            NearestResult after = svc.find(NearestQuery.of("grid", rider));
            assertThat(after.method()).isEqualTo(RankingMethod.NETWORK);
            assertThat(NearestServiceGridTest.names(after)).containsExactly("西岸站", "东岸站");
            assertThat(seconds(after)).satisfiesExactly(t -> assertThat(t).isBetween(238, 242), t -> assertThat(t)
                    .isBetween(718, 722));
        }
    }

    private static List<Integer> seconds(NearestResult r) {
        return r.stations().stream().map(NearestStation::travelTimeSeconds).toList();
    }

    private static Station withLocation(Station s, LatLon at) {
        return new Station(
                s.id(),
                s.regionCode(),
                s.externalId(),
                s.kind(),
                s.name(),
                s.address(),
                s.operator(),
                s.districtCode(),
                s.services(),
                s.openingHours(),
                s.capacitySeats(),
                s.status(),
                at);
    }
}
