package dev.outpost.network.graphhopper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.geo.BBox;
import dev.outpost.geo.LatLon;
import dev.outpost.network.Direction;
import dev.outpost.network.Isochrone;
import dev.outpost.network.NearestFacilityResult;
import dev.outpost.network.NetworkSettings;
import dev.outpost.network.RankedFacility;
import dev.outpost.network.ReachMatrix;
import dev.outpost.network.ReachStatus;
import dev.outpost.network.Route;
import dev.outpost.network.TravelMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;

/** Liechtenstein (the whole country, 6,374 junctions): multi-source search against brute force, isochrones. */
class LiechtensteinTest {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final LatLon VADUZ = new LatLon(47.1410, 9.5209);
    private static final Map<String, LatLon> PLACES = new LinkedHashMap<>();

    static {
        PLACES.put("Schaan", new LatLon(47.1650, 9.5100));
        PLACES.put("Triesen", new LatLon(47.1070, 9.5280));
        PLACES.put("Balzers", new LatLon(47.0660, 9.5020));
        PLACES.put("Eschen", new LatLon(47.2110, 9.5220));
        PLACES.put("Mauren", new LatLon(47.2180, 9.5430));
        PLACES.put("Gamprin", new LatLon(47.2200, 9.5090));
        PLACES.put("Schellenberg", new LatLon(47.2310, 9.5470));
        PLACES.put("Ruggell", new LatLon(47.2380, 9.5270));
        PLACES.put("Nendeln", new LatLon(47.1980, 9.5430));
        PLACES.put("Planken", new LatLon(47.1850, 9.5450));
        PLACES.put("Triesenberg", new LatLon(47.1180, 9.5430));
        PLACES.put("Steg", new LatLon(47.1130, 9.5710));
        PLACES.put("Malbun", new LatLon(47.1020, 9.6090));
        PLACES.put("Vaduz Mühleholz", new LatLon(47.1530, 9.5150));
        PLACES.put("Vaduz south", new LatLon(47.1300, 9.5200));
        PLACES.put("Vaduz castle", new LatLon(47.1395, 9.5244));
    }

    @TempDir
    static Path dir;

    private static GraphHopperNetwork network;

    @BeforeAll
    static void importLiechtenstein() {
        network = GraphHopperNetwork.importOsm(
                SharedData.osm("liechtenstein.osm.pbf"), dir.resolve("cache"), NetworkSettings.defaults());
    }

    @AfterAll
    static void close() {
        if (network != null) {
            network.close();
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = TravelMode.class,
            names = {"EBIKE", "CAR"})
    void multiSourceSearchEqualsTheMinimumOfSingleSearches(TravelMode mode) {
        Random random = new Random(20_240_611L + mode.ordinal());
        BBox box = network.info().bbox();
        List<LatLon> facilities = new ArrayList<>();
        while (facilities.size() < 20) {
            LatLon p = randomPoint(random, box);
            if (network.reachableFrom(p, List.of(), mode, 60, Direction.TO_ORIGIN)
                    .originOnNetwork(0)) {
                facilities.add(p);
            }
        }
        List<LatLon> demand = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            demand.add(randomPoint(random, box));
        }
        int limit = 900;
        NearestFacilityResult multi = network.nearestFacility(facilities, demand, mode, limit);

        // brute force: one single-origin search per facility, demand point → facility
        int[][] single = new int[facilities.size()][demand.size()];
        for (int f = 0; f < facilities.size(); f++) {
            ReachMatrix row = network.reachableFrom(facilities.get(f), demand, mode, limit, Direction.TO_ORIGIN);
            for (int d = 0; d < demand.size(); d++) {
                OptionalInt s = row.row(0).secondsFor(d);
                single[f][d] = s.isPresent() ? s.getAsInt() : -1;
            }
        }
        int reached = 0;
        for (int d = 0; d < demand.size(); d++) {
            int best = -1;
            for (int[] times : single) {
                if (times[d] >= 0 && (best < 0 || times[d] < best)) {
                    best = times[d];
                }
            }
            if (multi.status(d) == ReachStatus.OFF_NETWORK) {
                assertThat(best).as("off-network demand point %d", d).isEqualTo(-1);
                assertThat(multi.snapDistanceMeters(d))
                        .satisfiesAnyOf(
                                m -> assertThat(m).isNaN(), m -> assertThat(m).isGreaterThan(500));
                continue;
            }
            assertThat(multi.snapDistanceMeters(d)).isLessThanOrEqualTo(500);
            if (best < 0) {
                assertThat(multi.status(d)).as("demand point %d", d).isEqualTo(ReachStatus.UNREACHED);
                continue;
            }
            reached++;
            assertThat(multi.status(d)).as("demand point %d", d).isEqualTo(ReachStatus.REACHED);
            assertThat(multi.travelTimeSeconds(d)).as("demand point %d", d).isEqualTo(best);
            // ties at whole seconds: the reported facility must be one of the fastest
            assertThat(single[multi.facilityIndex(d)][d])
                    .as("demand point %d", d)
                    .isEqualTo(best);
        }
        assertThat(reached).as("reached demand points").isGreaterThan(100);
        assertThat(multi.count(ReachStatus.UNREACHED)).isPositive();
    }

    @ParameterizedTest
    @EnumSource(
            value = TravelMode.class,
            names = {"EBIKE", "CAR"})
    void forwardSearchesAndGraphHopperRoutesAgree(TravelMode mode) {
        Random random = new Random(77L + mode.ordinal());
        BBox box = network.info().bbox();
        List<LatLon> facilities = new ArrayList<>();
        List<LatLon> demand = new ArrayList<>();
        while (facilities.size() < 10) {
            facilities.add(randomPoint(random, box));
        }
        while (demand.size() < 120) {
            demand.add(randomPoint(random, box));
        }
        NearestFacilityResult multi = network.nearestFacility(facilities, demand, mode, 1800);
        int compared = 0;
        double worst = 0;
        for (int d = 0; d < demand.size(); d++) {
            if (multi.status(d) != ReachStatus.REACHED) {
                continue;
            }
            // the rider's own forward search finds the same facility time, to the second
            List<RankedFacility> forward = network.nearestByTime(demand.get(d), facilities, mode, 1, 1800);
            assertThat(forward).hasSize(1);
            assertThat(forward.get(0).travelTimeSeconds()).as("demand %d", d).isEqualTo(multi.travelTimeSeconds(d));
            // GraphHopper's router (its own snapping, virtual nodes and Dijkstra) agrees to within a second
            Route route = network.route(demand.get(d), facilities.get(multi.facilityIndex(d)), mode)
                    .orElseThrow();
            double diff = Math.abs(route.travelTimeSeconds() - multi.travelTimeSeconds(d));
            worst = Math.max(worst, diff);
            compared++;
        }
        System.out.printf("%s: %d routes compared, worst difference %.3f s%n", mode, compared, worst);
        assertThat(compared).isGreaterThan(30);
        assertThat(worst).isLessThanOrEqualTo(1.0);
    }

    @Test
    void parallelReachMatrixEqualsSingleRows() {
        Random random = new Random(5);
        BBox box = network.info().bbox();
        List<LatLon> origins = new ArrayList<>();
        List<LatLon> demand = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            origins.add(randomPoint(random, box));
        }
        for (int i = 0; i < 2000; i++) {
            demand.add(randomPoint(random, box));
        }
        ReachMatrix matrix = network.reachMatrix(origins, demand, TravelMode.EBIKE, 600, Direction.TO_ORIGIN);
        assertThat(matrix.nonZeroCount()).isPositive();
        for (int c = 0; c < origins.size(); c++) {
            ReachMatrix single =
                    network.reachableFrom(origins.get(c), demand, TravelMode.EBIKE, 600, Direction.TO_ORIGIN);
            assertThat(matrix.row(c).demandIndices()).isEqualTo(single.row(0).demandIndices());
            assertThat(matrix.row(c).travelTimesSeconds())
                    .isEqualTo(single.row(0).travelTimesSeconds());
            assertThat(matrix.originOnNetwork(c)).isEqualTo(single.originOnNetwork(0));
        }
    }

    @Test
    void concurrentQueriesGiveTheSameAnswersAsSequentialOnes() throws Exception {
        Random random = new Random(9);
        BBox box = network.info().bbox();
        List<LatLon> facilities = new ArrayList<>();
        List<LatLon> demand = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            facilities.add(randomPoint(random, box));
        }
        for (int i = 0; i < 3000; i++) {
            demand.add(randomPoint(random, box));
        }
        java.util.concurrent.Callable<String> work = () -> {
            NearestFacilityResult nearest = network.nearestFacility(facilities, demand, TravelMode.CAR, 600);
            ReachMatrix matrix = network.reachMatrix(facilities, demand, TravelMode.EBIKE, 600, Direction.TO_ORIGIN);
            List<RankedFacility> ranked = network.nearestByTime(VADUZ, facilities, TravelMode.CAR, 3, 1800);
            double area = network.isochrone(VADUZ, TravelMode.CAR, List.of(5), Direction.FROM_ORIGIN)
                    .band(5)
                    .area()
                    .getArea();
            double route = network.route(VADUZ, PLACES.get("Malbun"), TravelMode.CAR)
                    .orElseThrow()
                    .travelTimeSeconds();
            StringBuilder text = new StringBuilder();
            text.append(java.util.Arrays.toString(nearest.travelTimesSeconds()))
                    .append(java.util.Arrays.toString(nearest.facilityIndices()));
            for (int c = 0; c < matrix.originCount(); c++) {
                text.append(java.util.Arrays.toString(matrix.row(c).travelTimesSeconds()));
            }
            return text.append(ranked).append(area).append(route).toString();
        };
        String sequential = work.call();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(work));
            }
            for (java.util.concurrent.Future<String> result : results) {
                assertThat(result.get()).isEqualTo(sequential);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void carIsochroneFromVaduzMatchesRouteTimes() {
        checkIsochroneAgainstRoutes(TravelMode.CAR, 10, Direction.FROM_ORIGIN);
        checkIsochroneAgainstRoutes(TravelMode.CAR, 10, Direction.TO_ORIGIN);
    }

    @Test
    void ebikeIsochroneFromVaduzMatchesRouteTimes() {
        checkIsochroneAgainstRoutes(TravelMode.EBIKE, 15, Direction.FROM_ORIGIN);
    }

    /**
     * Route times are the oracle: places at most 80 % of the band away must be inside, places at least 130 % away
     * outside (the contour is interpolated between junctions, so places near the limit are not asserted).
     */
    private static void checkIsochroneAgainstRoutes(TravelMode mode, int minutes, Direction direction) {
        Isochrone iso = network.isochrone(VADUZ, mode, List.of(minutes), direction);
        MultiPolygon area = iso.band(minutes).area();
        int inside = 0;
        int outside = 0;
        for (Map.Entry<String, LatLon> place : PLACES.entrySet()) {
            Route route = direction == Direction.FROM_ORIGIN
                    ? network.route(VADUZ, place.getValue(), mode).orElseThrow()
                    : network.route(place.getValue(), VADUZ, mode).orElseThrow();
            double routeMinutes = route.travelTimeSeconds() / 60;
            boolean contained = area.contains(point(place.getValue()));
            if (routeMinutes <= 0.8 * minutes) {
                assertThat(contained)
                        .as(
                                "%s (%.1f min by %s) in the %d-minute %s isochrone",
                                place.getKey(), routeMinutes, mode.code(), minutes, direction.code())
                        .isTrue();
                inside++;
            } else if (routeMinutes >= 1.3 * minutes) {
                assertThat(contained)
                        .as(
                                "%s (%.1f min by %s) outside the %d-minute %s isochrone",
                                place.getKey(), routeMinutes, mode.code(), minutes, direction.code())
                        .isFalse();
                outside++;
            }
        }
        assertThat(inside).as("places asserted inside").isGreaterThanOrEqualTo(2);
        assertThat(outside).as("places asserted outside").isGreaterThanOrEqualTo(2);
    }

    static LatLon randomPoint(Random random, BBox box) {
        return new LatLon(
                box.minLat() + random.nextDouble() * (box.maxLat() - box.minLat()),
                box.minLon() + random.nextDouble() * (box.maxLon() - box.minLon()));
    }

    private static org.locationtech.jts.geom.Point point(LatLon p) {
        return GF.createPoint(new Coordinate(p.lon(), p.lat()));
    }
}
