package dev.outpost.bench;

import dev.outpost.dataio.StationFileReader;
import dev.outpost.geo.CoordinateSystem;
import dev.outpost.geo.LatLon;
import dev.outpost.network.NetworkSettings;
import dev.outpost.network.RoadNetwork;
import dev.outpost.network.graphhopper.GraphHopperNetwork;
import dev.outpost.rider.NearestQuery;
import dev.outpost.rider.NearestResult;
import dev.outpost.rider.NearestService;
import dev.outpost.rider.NearestStation;
import dev.outpost.station.InMemoryStationRepository;
import dev.outpost.station.Station;
import dev.outpost.station.StationCatalog;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link NearestService#find} in one thread, without HTTP, on the Shenzhen-scale demo city: the time per query of
 * the service alone (stations from {@code stations.csv}, e-bike, limit 10, open at a fixed Tuesday noon). Usage:
 * {@code java ... dev.outpost.bench.NearestInProcessBenchmark [cityDir] [queries]}. Not a test.
 */
public final class NearestInProcessBenchmark {
    private NearestInProcessBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path city = Path.of(args.length > 0 ? args[0] : "var/demo-city-shenzhen");
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        if (!java.nio.file.Files.isRegularFile(city.resolve("stations.csv"))) {
            System.err.println(
                    city + " has no stations.csv: make the city with ./outpost democity --size shenzhen --out " + city);
            System.exit(2);
        }
        InMemoryStationRepository repo = new InMemoryStationRepository();
        double minLon = 180;
        double minLat = 90;
        double maxLon = -180;
        double maxLat = -90;
        for (Station s : StationFileReader.read(city.resolve("stations.csv"), "demo", CoordinateSystem.WGS84)
                .valuesOrThrow()) {
            repo.insert(s);
            minLon = Math.min(minLon, s.location().lon());
            minLat = Math.min(minLat, s.location().lat());
            maxLon = Math.max(maxLon, s.location().lon());
            maxLat = Math.max(maxLat, s.location().lat());
        }
        Path cache = Path.of("var/bench-nearest/inprocess-graphs");
        try (RoadNetwork graph =
                GraphHopperNetwork.importOsm(city.resolve("roads.osm"), cache, NetworkSettings.defaults())) {
            // counts the searches the service makes (it may search again with more candidates)
            AtomicLong searches = new AtomicLong();
            RoadNetwork network = (RoadNetwork) Proxy.newProxyInstance(
                    RoadNetwork.class.getClassLoader(), new Class<?>[] {RoadNetwork.class}, (proxy, method, a) -> {
                        if (method.getName().equals("nearestByTime")) {
                            searches.incrementAndGet();
                        }
                        try {
                            return method.invoke(graph, a);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            Clock clock = Clock.fixed(Instant.parse("2026-03-10T04:00:00Z"), ZoneOffset.UTC);
            NearestService svc = new NearestService(
                    new StationCatalog(repo, clock), r -> Optional.of(network), clock, Duration.ofHours(1));
            // riders anywhere in the stations' box, as in the HTTP benchmark
            Random random = new Random(42);
            List<LatLon> riders = new java.util.ArrayList<>();
            for (int i = 0; i < queries; i++) {
                riders.add(new LatLon(
                        minLat + random.nextDouble() * (maxLat - minLat),
                        minLon + random.nextDouble() * (maxLon - minLon)));
            }
            long checksum = 0;
            for (int round = 0; round < 3; round++) {
                searches.set(0);
                long[] nanos = new long[queries];
                for (int i = 0; i < queries; i++) {
                    long t0 = System.nanoTime();
                    NearestResult r = svc.find(NearestQuery.of("demo", riders.get(i)));
                    nanos[i] = System.nanoTime() - t0;
                    // every answer in full: rank, station, time, road and straight-line metres, links
                    for (NearestStation s : r.stations()) {
                        checksum = 31 * checksum
                                + Objects.hash(
                                        s.station().id(),
                                        s.travelTimeSeconds(),
                                        s.distanceMeters(),
                                        s.straightLineMeters(),
                                        s.status().state().code(),
                                        s.status().nextChange(),
                                        s.openOnArrival(),
                                        s.links());
                    }
                }
                Arrays.sort(nanos);
                System.out.printf(
                        Locale.ROOT,
                        "round %d: %d queries (%.2f network searches each), median %.3f ms, p90 %.3f ms, p99 %.3f ms,"
                                + " mean %.3f ms%n",
                        round + 1,
                        queries,
                        searches.get() / (double) queries,
                        nanos[queries / 2] / 1e6,
                        nanos[(int) (queries * 0.9)] / 1e6,
                        nanos[(int) (queries * 0.99)] / 1e6,
                        Arrays.stream(nanos).average().orElse(0) / 1e6);
            }
            System.out.println("checksum of all answers " + Long.toHexString(checksum));
        }
    }
}
