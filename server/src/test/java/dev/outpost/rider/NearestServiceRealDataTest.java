package dev.outpost.rider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.geo.LatLon;
import dev.outpost.geo.SharedData;
import dev.outpost.network.NetworkSettings;
import dev.outpost.network.PointNotOnNetworkException;
import dev.outpost.network.RankedFacility;
import dev.outpost.network.RoadNetwork;
import dev.outpost.network.TravelMode;
import dev.outpost.network.graphhopper.GraphHopperNetwork;
import dev.outpost.station.InMemoryStationRepository;
import dev.outpost.station.OpeningHours;
import dev.outpost.station.Station;
import dev.outpost.station.StationCatalog;
import dev.outpost.station.StationKind;
import dev.outpost.station.StationStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link NearestService} on real road networks: the demo city (a river crossed only at bridges, an expressway, one-way
 * couplets) and Liechtenstein (the Rhine, mountain roads). For random riders it must give exactly the answer of one
 * search over every station, and it must often differ from the straight-line answer.
 */
class NearestServiceRealDataTest {
    static final Instant NOON = Instant.parse("2026-03-10T04:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void demoCity() {
        Path roads = Path.of(System.getProperty("outpost.root", "..")).resolve("geodata/demo-city/roads.osm");
        try (RoadNetwork network = GraphHopperNetwork.importOsm(roads, tmp, NetworkSettings.defaults())) {
            check(network, 113.88, 22.56, 113.9967, 22.6503, 60, 200, 40);
        }
    }

    @Test
    void liechtenstein() {
        Path pbf = SharedData.require("geodata/osm/liechtenstein.osm.pbf");
        try (RoadNetwork network = GraphHopperNetwork.importOsm(pbf, tmp, NetworkSettings.defaults())) {
            // the Rhine valley and the slopes above it: Balzers to Ruggell, up to Triesenberg
            check(network, 9.47, 47.05, 9.58, 47.26, 80, 200, 40);
        }
    }

    /**
     * Places {@code stations} stations on the network at random, asks for the 3 nearest from {@code riders} random
     * positions, and compares with a search over every station and with the straight line.
     */
    static void check(
            RoadNetwork network,
            double minLon,
            double minLat,
            double maxLon,
            double maxLat,
            int stations,
            int riders,
            int minDiffering) {
        Random random = new Random(20260310);
        InMemoryStationRepository repo = new InMemoryStationRepository();
        List<Station> placed = new ArrayList<>();
        while (placed.size() < stations) {
            LatLon p = random(random, minLon, minLat, maxLon, maxLat);
            if (onNetwork(network, p)) {
                placed.add(repo.insert(new Station(
                        null,
                        "r",
                        null,
                        StationKind.WARM_BEE_STATION,
                        "站" + placed.size(),
                        null,
                        null,
                        null,
                        Set.of(),
                        OpeningHours.parse("24/7"),
                        4,
                        StationStatus.OPEN,
                        p)));
            }
        }
        Clock clock = Clock.fixed(NOON, ZoneOffset.UTC);
        NearestService svc = new NearestService(
                new StationCatalog(repo, clock), region -> Optional.of(network), clock, Duration.ofHours(1));
        List<LatLon> all = placed.stream().map(Station::location).toList();

        int asked = 0;
        int differing = 0;
        while (asked < riders) {
            LatLon rider = random(random, minLon, minLat, maxLon, maxLat);
            if (!onNetwork(network, rider)) {
                continue;
            }
            asked++;
            for (TravelMode mode : new TravelMode[] {TravelMode.EBIKE, TravelMode.CAR}) {
                NearestResult r =
                        svc.find(NearestQuery.of("r", rider).withMode(mode).withLimit(3));
                assertThat(r.method()).isEqualTo(RankingMethod.NETWORK);
                List<RankedFacility> brute =
                        network.nearestByTime(rider, all, mode, all.size(), NearestService.SEARCH_LIMIT_SECONDS);
                assertThat(r.stations().stream()
                                .map(NearestStation::travelTimeSeconds)
                                .toList())
                        .as("rider %s by %s", rider, mode)
                        .isEqualTo(brute.stream()
                                .limit(3)
                                .map(RankedFacility::travelTimeSeconds)
                                .toList());
                if (mode == TravelMode.EBIKE && !r.stations().isEmpty()) {
                    Station byLine = placed.get(0);
                    for (Station s : placed) {
                        if (rider.distanceMeters(s.location()) < rider.distanceMeters(byLine.location())) {
                            byLine = s;
                        }
                    }
                    NearestStation first = r.stations().get(0);
                    if (!first.station().id().equals(byLine.id())) {
                        differing++;
                        int lineIndex = placed.indexOf(byLine);
                        int lineSeconds = brute.stream()
                                .filter(f -> f.facilityIndex() == lineIndex)
                                .mapToInt(RankedFacility::travelTimeSeconds)
                                .findFirst()
                                .orElse(Integer.MAX_VALUE);
                        assertThat(lineSeconds).isGreaterThanOrEqualTo(first.travelTimeSeconds());
                    }
                }
            }
        }
        assertThat(differing)
                .as("riders whose fastest station is not the nearest by straight line, of %d", riders)
                .isGreaterThanOrEqualTo(minDiffering);
    }

    static LatLon random(Random random, double minLon, double minLat, double maxLon, double maxLat) {
        return new LatLon(
                minLat + random.nextDouble() * (maxLat - minLat), minLon + random.nextDouble() * (maxLon - minLon));
    }

    static boolean onNetwork(RoadNetwork network, LatLon p) {
        try {
            network.nearestByTime(p, List.of(p), TravelMode.EBIKE, 1, 1);
            network.nearestByTime(p, List.of(p), TravelMode.CAR, 1, 1);
            return true;
        } catch (PointNotOnNetworkException e) {
            return false;
        }
    }
}
