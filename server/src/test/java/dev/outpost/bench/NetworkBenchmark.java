package dev.outpost.bench;

import dev.outpost.coverage.CoverageCalculator;
import dev.outpost.coverage.CoverageResult;
import dev.outpost.coverage.CoverageSettings;
import dev.outpost.coverage.CoverageTotals;
import dev.outpost.coverage.GapAreas;
import dev.outpost.coverage.ServingRules;
import dev.outpost.coverage.ServingStation;
import dev.outpost.demand.DemandCsv;
import dev.outpost.demand.DemandLayer;
import dev.outpost.demand.DemandLayers;
import dev.outpost.demand.WeightedPoint;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.democity.DemoCityGenerator;
import dev.outpost.democity.DemoCitySize;
import dev.outpost.geo.BBox;
import dev.outpost.geo.HexGrid;
import dev.outpost.geo.LatLon;
import dev.outpost.network.Direction;
import dev.outpost.network.NearestFacilityResult;
import dev.outpost.network.NetworkSettings;
import dev.outpost.network.PointNotOnNetworkException;
import dev.outpost.network.PreparedPoints;
import dev.outpost.network.ReachMatrix;
import dev.outpost.network.ReachRow;
import dev.outpost.network.RoadNetwork;
import dev.outpost.network.TravelMode;
import dev.outpost.network.graphhopper.GraphHopperNetwork;
import dev.outpost.station.StationKind;
import dev.outpost.station.StationStatus;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Benchmark of the road network and coverage (issue 3) on Liechtenstein and on the Shenzhen-scale demo city, side by
 * side with pgRouting ({@code osm2pgrouting} + {@code pgr_drivingDistance}) in the same run.
 *
 * <p>Per data set: fresh import time and heap, cache reload; 15-minute isochrone polygons (service circles, direction
 * to the origin) for e-bike and car, p50/p95 over random origins after a warm-up; full coverage of every group's
 * cells by its serving stations (riders by e-bike, ride-hailing drivers by car) including the figures (totals,
 * per-station figures, gap areas); incremental updates after adding, removing and re-adding one station; and the
 * service areas of all stations: ours as one multi-source search, one reach matrix, and one {@code reachableFrom}
 * search per station, against pgRouting's multi-start and per-station {@code pgr_drivingDistance}, with the
 * (station, cell) and (station, vertex) pairs each side reaches compared.
 *
 * <p>Usage: {@code ./outpost bench network [--datasets liechtenstein,shenzhen] [--origins 200] [--warmup 20]
 * [--changes 20] [--pgr-per-station 100] [--node-sample 50] [--no-pgrouting] [--out bench/out/network] [--seed 1]};
 * {@code --pgr-per-station} is how many stations get a single-start pgRouting call (0 = all; the time for all is
 * extrapolated from the sample). Not a test.
 */
public final class NetworkBenchmark {
    private static final int LIMIT_SECONDS = 15 * 60;
    /** Pairs reached by one side only are classed by the other side's time up to this limit. */
    private static final int COMPARE_SECONDS = 20 * 60;

    private final Path root;
    private final Path out;
    private final int origins;
    private final int warmup;
    private final int changes;
    private final int pgrPerStation;
    private final int nodeSample;
    private final boolean pgrouting;
    private final long seed;

    private NetworkBenchmark(Map<String, String> opts, Path root) {
        this.root = root;
        this.out = root.resolve(opts.getOrDefault("out", "bench/out/network"));
        this.origins = Integer.parseInt(opts.getOrDefault("origins", "200"));
        this.warmup = Integer.parseInt(opts.getOrDefault("warmup", "20"));
        this.changes = Integer.parseInt(opts.getOrDefault("changes", "20"));
        this.pgrPerStation = Integer.parseInt(opts.getOrDefault("pgr-per-station", "100"));
        this.nodeSample = Integer.parseInt(opts.getOrDefault("node-sample", "50"));
        this.pgrouting = !opts.containsKey("no-pgrouting");
        this.seed = Long.parseLong(opts.getOrDefault("seed", "1"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("argument '" + a + "': expected --name [value]");
            }
            String name = a.substring(2);
            if (name.equals("no-pgrouting")) {
                opts.put(name, "true");
            } else if (i + 1 < args.length) {
                opts.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("option --" + name + " needs a value");
            }
        }
        Path root = Path.of(System.getProperty("outpost.root", ".")).toAbsolutePath();
        System.out.println("command: ./outpost bench network " + String.join(" ", args));
        System.out.println(machineLine());
        NetworkBenchmark bench = new NetworkBenchmark(opts, root);
        Files.createDirectories(bench.out);
        for (String ds : opts.getOrDefault("datasets", "liechtenstein,shenzhen").split(",")) {
            bench.run(ds.trim());
        }
        System.out.println("load average at the end: " + loadAverage());
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** One data set: where the extract is, the stations per group, demand layers and candidate sites. */
    private record Dataset(
            String name,
            Path osmForGraphHopper,
            Path osmXml,
            Map<WorkerGroup, List<ServingStation>> stations,
            Map<WorkerGroup, DemandLayer> layers,
            List<LatLon> candidates) {}

    private void run(String name) throws Exception {
        System.out.println();
        System.out.println("=== " + name + " ===  (load average " + loadAverage() + ")");
        Path osm;
        Path osmXml;
        Path cityDir = null;
        if (name.equals("liechtenstein")) {
            osm = root.resolve("../shared/geodata/osm/liechtenstein.osm.pbf").normalize();
            if (!Files.isRegularFile(osm)) {
                System.out.println("SKIPPED: " + osm + " is absent");
                return;
            }
            osmXml = out.resolve("liechtenstein.osm");
            if (pgrouting && !Files.isRegularFile(osmXml)) {
                // osm2pgrouting reads OSM XML only
                try {
                    exec(List.of("osmium", "cat", osm.toString(), "-o", osmXml.toString(), "-O"));
                } catch (IOException e) {
                    throw new IllegalStateException(
                            "osmium (Debian package osmium-tool) is needed to convert " + osm
                                    + " to OSM XML for osm2pgrouting; install it or pass --no-pgrouting",
                            e);
                }
            }
        } else if (name.equals("shenzhen")) {
            cityDir = root.resolve("var/demo-city-shenzhen");
            if (!Files.isRegularFile(cityDir.resolve("roads.osm"))) {
                System.out.println("generating the Shenzhen-scale demo city into " + cityDir);
                DemoCityGenerator.generate(DemoCitySize.SHENZHEN, DemoCityGenerator.DEFAULT_SEED, cityDir);
            }
            osm = cityDir.resolve("roads.osm");
            osmXml = osm;
        } else {
            throw new IllegalArgumentException("unknown data set '" + name + "'; expected liechtenstein or shenzhen");
        }
        NetworkSettings settings = NetworkSettings.defaults();
        System.out.printf(
                Locale.ROOT,
                "extract %s (%.1f MB); settings: e-bike %.0f km/h, search threads %d, snap ≤ %.0f m%n",
                root.relativize(osm.toAbsolutePath().normalize()),
                Files.size(osm) / 1e6,
                settings.ebikeMaxSpeedKmh(),
                settings.searchThreads(),
                settings.maxSnapDistanceMeters());

        // 1. import: fresh, then from the cache
        Path cache = out.resolve("graphs-" + name);
        deleteRecursively(cache);
        long heapBefore = usedHeapAfterGc();
        resetPeaks();
        long t0 = System.nanoTime();
        GraphHopperNetwork fresh = GraphHopperNetwork.importOsm(osm, cache, settings);
        double importMs = ms(t0);
        long peak = peakHeap();
        long retained = usedHeapAfterGc() - heapBefore;
        System.out.printf(
                Locale.ROOT,
                "import (fresh, first in this JVM): %.2f s; %d nodes, %d edges; heap retained %.0f MB, peak heap ≤ %.0f MB (sum of pool"
                        + " peaks); graph on disk %.1f MB%n",
                importMs / 1000,
                fresh.info().nodeCount(),
                fresh.info().edgeCount(),
                retained / 1e6,
                peak / 1e6,
                directorySize(fresh.graphDirectory()) / 1e6);
        fresh.close();
        // once more in a warm JVM (the first import also pays for class loading and JIT compilation)
        deleteRecursively(cache);
        t0 = System.nanoTime();
        GraphHopperNetwork.importOsm(osm, cache, settings).close();
        double warmImportMs = ms(t0);
        System.out.printf(Locale.ROOT, "import (fresh) again in the warm JVM: %.2f s%n", warmImportMs / 1000);
        heapBefore = usedHeapAfterGc();
        t0 = System.nanoTime();
        GraphHopperNetwork network = GraphHopperNetwork.importOsm(osm, cache, settings);
        double reloadMs = ms(t0);
        retained = usedHeapAfterGc() - heapBefore;
        System.out.printf(
                Locale.ROOT,
                "reload from cache: %.2f s (loadedFromCache=%s); heap retained %.0f MB%n",
                reloadMs / 1000,
                network.loadedFromCache(),
                retained / 1e6);

        try (network) {
            Dataset ds = name.equals("liechtenstein") ? liechtenstein(network, osm, osmXml) : demoCity(cityDir, osm);
            for (WorkerGroup g : ds.stations.keySet()) {
                System.out.printf(
                        Locale.ROOT,
                        "%s: %d serving stations, %d demand cells (H3 res %d), demand %.0f%n",
                        g.code(),
                        ds.stations.get(g).size(),
                        ds.layers.get(g).size(),
                        ds.layers.get(g).resolution(),
                        ds.layers.get(g).totalWeight());
            }

            // 2. isochrones
            isochrones(network, ds);

            // 3 + 4. full coverage and incremental updates
            CoverageCalculator calculator = new CoverageCalculator(network);
            for (WorkerGroup g : ds.stations.keySet()) {
                coverage(calculator, ds, g);
            }

            // 5. service areas: ours against pgRouting
            Map<WorkerGroup, double[]> oursMs = new HashMap<>();
            for (WorkerGroup g : ds.stations.keySet()) {
                oursMs.put(g, ourServiceAreas(network, ds, g));
            }
            if (pgrouting) {
                pgRoutingSide(network, ds, oursMs);
            }
        }
        System.out.println("load average after " + name + ": " + loadAverage());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // data sets

    private Dataset liechtenstein(RoadNetwork network, Path osm, Path osmXml) {
        BBox b = network.info().bbox();
        Random random = new Random(seed);
        // random points in the bounding box, kept when both modes have a road within 100 m (stations) or 300 m
        List<LatLon> raw = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            raw.add(new LatLon(
                    b.minLat() + random.nextDouble() * (b.maxLat() - b.minLat()),
                    b.minLon() + random.nextDouble() * (b.maxLon() - b.minLon())));
        }
        NearestFacilityResult ebike = network.nearestFacility(List.of(), raw, TravelMode.EBIKE, 60);
        NearestFacilityResult car = network.nearestFacility(List.of(), raw, TravelMode.CAR, 60);
        List<LatLon> stationsPts = new ArrayList<>();
        List<LatLon> candidates = new ArrayList<>();
        List<WeightedPoint> demand = new ArrayList<>();
        int riders = 0;
        int drivers = 0;
        for (int i = 0; i < raw.size(); i++) {
            double de = ebike.snapDistanceMeters(i);
            double dc = car.snapDistanceMeters(i);
            boolean nearBoth = de <= 100 && dc <= 100;
            if (nearBoth && stationsPts.size() < 60) {
                stationsPts.add(raw.get(i));
            } else if (nearBoth && candidates.size() < changes) {
                candidates.add(raw.get(i));
            } else if (de <= 300 && riders < 20_000) {
                demand.add(new WeightedPoint(WorkerGroup.RIDER, raw.get(i), 1 + random.nextInt(5)));
                riders++;
            } else if (dc <= 300 && drivers < 8_000) {
                demand.add(new WeightedPoint(WorkerGroup.RIDE_HAILING, raw.get(i), 1 + random.nextInt(5)));
                drivers++;
            }
        }
        List<ServingStation> stations = new ArrayList<>();
        for (int i = 0; i < stationsPts.size(); i++) {
            stations.add(new ServingStation(i + 1, stationsPts.get(i)));
        }
        HexGrid grid = HexGrid.defaultGrid();
        Map<WorkerGroup, DemandLayer> layers = new java.util.EnumMap<>(WorkerGroup.class);
        Map<WorkerGroup, List<ServingStation>> byGroup = new java.util.EnumMap<>(WorkerGroup.class);
        for (WorkerGroup g : List.of(WorkerGroup.RIDER, WorkerGroup.RIDE_HAILING)) {
            layers.put(
                    g,
                    DemandLayers.fromPoints(
                            g, grid, demand.stream().filter(p -> p.group() == g).toList()));
            byGroup.put(g, stations);
        }
        System.out.printf(
                Locale.ROOT,
                "seeded (seed %d) synthetic inputs: %d stations and %d candidate sites within 100 m of a road for both"
                        + " modes, %d rider and %d ride-hailing demand points (weight 1–5) within 300 m of a road%n",
                seed,
                stations.size(),
                candidates.size(),
                riders,
                drivers);
        return new Dataset("liechtenstein", osm, osmXml, byGroup, layers, candidates);
    }

    private Dataset demoCity(Path dir, Path osm) throws IOException {
        ServingRules rules = ServingRules.defaults();
        Map<WorkerGroup, List<ServingStation>> byGroup = new java.util.EnumMap<>(WorkerGroup.class);
        List<String[]> rows = new ArrayList<>();
        for (CSVRecord r : csv(dir.resolve("stations.csv"))) {
            rows.add(new String[] {r.get("类型"), r.get("状态"), r.get("经度"), r.get("纬度")});
        }
        for (WorkerGroup g : List.of(WorkerGroup.RIDER, WorkerGroup.RIDE_HAILING)) {
            Set<StationKind> kinds = rules.kindsFor(g);
            List<ServingStation> list = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                String[] r = rows.get(i);
                if (kinds.contains(StationKind.parse(r[0])) && rules.statuses().contains(StationStatus.parse(r[1]))) {
                    list.add(new ServingStation(i + 1, new LatLon(Double.parseDouble(r[3]), Double.parseDouble(r[2]))));
                }
            }
            byGroup.put(g, list);
        }
        Map<WorkerGroup, DemandLayer> layers;
        try (Reader reader = Files.newBufferedReader(dir.resolve("demand.csv"), StandardCharsets.UTF_8)) {
            layers = new java.util.EnumMap<>(DemandCsv.read(reader, HexGrid.defaultGrid()));
        }
        layers.keySet().retainAll(byGroup.keySet());
        List<LatLon> candidates = new ArrayList<>();
        for (CSVRecord r : csv(dir.resolve("candidates.csv"))) {
            candidates.add(new LatLon(Double.parseDouble(r.get("纬度")), Double.parseDouble(r.get("经度"))));
        }
        java.util.Collections.shuffle(candidates, new Random(seed));
        System.out.printf(
                Locale.ROOT,
                "demo city %s: %d stations in the file (serving rules: default kinds, open only), %d candidate sites%n",
                root.relativize(dir),
                rows.size(),
                candidates.size());
        return new Dataset(
                "shenzhen", osm, osm, byGroup, layers, candidates.subList(0, Math.min(changes, candidates.size())));
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            return parser.getRecords();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 2. isochrones

    private void isochrones(RoadNetwork network, Dataset ds) {
        List<LatLon> pool = new ArrayList<>();
        for (DemandLayer layer : ds.layers.values()) {
            pool.addAll(layer.centres());
        }
        for (TravelMode mode : List.of(TravelMode.EBIKE, TravelMode.CAR)) {
            Random random = new Random(seed + mode.ordinal());
            double[] times = new double[origins];
            long vertices = 0;
            int offNetwork = 0;
            int done = -warmup;
            while (done < origins) {
                LatLon origin = pool.get(random.nextInt(pool.size()));
                long t0 = System.nanoTime();
                try {
                    var iso = network.isochrone(origin, mode, List.of(15), Direction.TO_ORIGIN);
                    double t = ms(t0);
                    if (done >= 0) {
                        times[done] = t;
                        vertices += iso.band(15).area().getNumPoints();
                    }
                    done++;
                } catch (PointNotOnNetworkException e) {
                    offNetwork++;
                }
            }
            Arrays.sort(times);
            System.out.printf(
                    Locale.ROOT,
                    "isochrone 15 min %s (to origin), %d origins after %d warm-up: p50 %.1f ms, p95 %.1f ms, max %.1f"
                            + " ms; mean %.0f polygon vertices; %d random origins off the network skipped%n",
                    mode.code(),
                    origins,
                    warmup,
                    percentile(times, 50),
                    percentile(times, 95),
                    times[times.length - 1],
                    vertices / (double) origins,
                    offNetwork);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 3 + 4. coverage

    private void coverage(CoverageCalculator calculator, Dataset ds, WorkerGroup group) {
        TravelMode mode = TravelMode.parse(group.travelModeCode());
        List<ServingStation> stations = ds.stations.get(group);
        DemandLayer layer = ds.layers.get(group);
        CoverageSettings settings = CoverageSettings.defaults();
        double[] computeMs = new double[4];
        double[] figuresMs = new double[4];
        CoverageResult result = null;
        int gaps = 0;
        for (int run = 0; run < 4; run++) {
            long t0 = System.nanoTime();
            result = calculator.compute(group, mode, layer, stations, settings);
            computeMs[run] = ms(t0);
            CoverageTotals totals = result.totals();
            int perStation = result.stationCoverage().size();
            gaps = GapAreas.find(result).size();
            figuresMs[run] = ms(t0);
            if (perStation != stations.size() || totals.cellCount() != layer.size()) {
                throw new IllegalStateException("coverage figures incomplete");
            }
        }
        CoverageTotals totals = result.totals();
        double[] warmCompute = Arrays.copyOfRange(computeMs, 1, 4);
        double[] warmFigures = Arrays.copyOfRange(figuresMs, 1, 4);
        Arrays.sort(warmCompute);
        Arrays.sort(warmFigures);
        System.out.printf(
                Locale.ROOT,
                "full coverage %s (%s), %d stations × %d cells: first run %.0f ms (with figures %.0f ms); warm median"
                        + " %.0f ms, with figures (totals, per-station, %d gap areas) %.0f ms; covered ≤ 15 min %.1f %%"
                        + " of demand, off network %.2f %%%n",
                group.code(),
                mode.code(),
                stations.size(),
                layer.size(),
                computeMs[0],
                figuresMs[0],
                warmCompute[1],
                gaps,
                warmFigures[1],
                100 * totals.shareWithinLimit(),
                100 * totals.offNetworkDemand() / Math.max(1e-9, totals.demand()));

        // incremental: add a candidate and remove it again; remove an existing station and put it back
        double[] add = new double[ds.candidates.size()];
        double[] remove = new double[ds.candidates.size()];
        double[] removeExisting = new double[ds.candidates.size()];
        double[] readd = new double[ds.candidates.size()];
        Random random = new Random(seed + 7);
        CoverageResult checkAdded = null;
        ServingStation checkStation = null;
        for (int k = 0; k < ds.candidates.size(); k++) {
            ServingStation extra = new ServingStation(1_000_000 + k, ds.candidates.get(k));
            long t0 = System.nanoTime();
            CoverageResult added = calculator.withStationAdded(result, extra);
            add[k] = ms(t0);
            t0 = System.nanoTime();
            CoverageResult back = calculator.withStationRemoved(added, extra.stationId());
            remove[k] = ms(t0);
            if (back.stations().size() != stations.size()) {
                throw new IllegalStateException("removal did not remove");
            }
            if (k == 0) {
                checkAdded = added;
                checkStation = extra;
            }
            ServingStation existing = stations.get(random.nextInt(stations.size()));
            t0 = System.nanoTime();
            CoverageResult without = calculator.withStationRemoved(result, existing.stationId());
            removeExisting[k] = ms(t0);
            t0 = System.nanoTime();
            calculator.withStationAdded(without, existing);
            readd[k] = ms(t0);
        }
        // the incremental result must equal a full recomputation (times; ties may name another station)
        int differing = 0;
        if (checkAdded != null) {
            List<ServingStation> plus = new ArrayList<>(stations);
            plus.add(checkStation);
            CoverageResult full = calculator.compute(group, mode, layer, plus, settings);
            for (int i = 0; i < full.size(); i++) {
                if (full.seconds(i) != checkAdded.seconds(i) || full.status(i) != checkAdded.status(i)) {
                    differing++;
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "one station change %s, %d changes: add p50 %.1f / p95 %.1f / max %.1f ms; remove it again p50 %.1f"
                        + " / p95 %.1f ms; remove an existing station p50 %.1f / p95 %.1f / max %.1f ms, re-add p50"
                        + " %.1f / p95 %.1f ms; cells differing from a full recomputation after an add: %d%n",
                group.code(),
                add.length,
                pct(add, 50),
                pct(add, 95),
                pct(add, 100),
                pct(remove, 50),
                pct(remove, 95),
                pct(removeExisting, 50),
                pct(removeExisting, 95),
                pct(removeExisting, 100),
                pct(readd, 50),
                pct(readd, 95),
                differing);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 5. service areas

    /** Times (ms) of: multi-source search, reach matrix of all stations, one reachableFrom per station. */
    private double[] ourServiceAreas(RoadNetwork network, Dataset ds, WorkerGroup group) {
        TravelMode mode = TravelMode.parse(group.travelModeCode());
        List<LatLon> stations =
                ds.stations.get(group).stream().map(ServingStation::location).toList();
        List<LatLon> cells = ds.layers.get(group).centres();
        // warm-up, then the median of three runs of each
        network.nearestFacility(stations, cells, mode, LIMIT_SECONDS);
        network.reachMatrix(stations, cells, mode, LIMIT_SECONDS, Direction.TO_ORIGIN);
        double[] multiRuns = new double[3];
        double[] reachRuns = new double[3];
        double[] snapRuns = new double[3];
        NearestFacilityResult nearest = null;
        ReachMatrix matrix = null;
        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            nearest = network.nearestFacility(stations, cells, mode, LIMIT_SECONDS);
            multiRuns[run] = ms(t0);
            t0 = System.nanoTime();
            matrix = network.reachMatrix(stations, cells, mode, LIMIT_SECONDS, Direction.TO_ORIGIN);
            reachRuns[run] = ms(t0);
            // placing the cells on the network alone: a search without facilities
            t0 = System.nanoTime();
            network.nearestFacility(List.of(), cells, mode, 1);
            snapRuns[run] = ms(t0);
        }
        double multi = pct(multiRuns, 50);
        double reach = pct(reachRuns, 50);
        double snap = pct(snapRuns, 50);
        long t0 = System.nanoTime();
        long pairs = 0;
        for (LatLon s : stations) {
            pairs += network.reachableFrom(s, cells, mode, LIMIT_SECONDS, Direction.TO_ORIGIN)
                    .nonZeroCount();
        }
        double perStation = ms(t0);
        // the same per-station searches on cells placed once (RoadNetwork.prepare), counting the placing
        t0 = System.nanoTime();
        PreparedPoints preparedCells = network.prepare(mode, cells);
        long preparedPairs = 0;
        for (LatLon s : stations) {
            preparedPairs += network.reachableFrom(s, preparedCells, LIMIT_SECONDS, Direction.TO_ORIGIN)
                    .nonZeroCount();
        }
        double perStationPrepared = ms(t0);
        if (preparedPairs != pairs) {
            throw new IllegalStateException(
                    "prepared per-station searches found " + preparedPairs + " pairs, not " + pairs);
        }
        System.out.printf(
                Locale.ROOT,
                "ours, one reachableFrom per station on prepared cells %s: %.0f ms (%.1f ms each, %d pairs, placing"
                        + " the cells once included)%n",
                group.code(),
                perStationPrepared,
                perStationPrepared / Math.max(1, stations.size()),
                preparedPairs);
        System.out.printf(
                Locale.ROOT,
                "ours, service areas %s (%s) ≤ 15 min, %d stations × %d cells: one multi-source search %.0f ms (%d"
                        + " cells covered); reach matrix of all stations %.0f ms (%d pairs, %d threads); one"
                        + " reachableFrom per station %.0f ms (%.1f ms each, %d pairs); of these, placing the cells on"
                        + " the network alone takes %.0f ms (medians of 3)%n",
                group.code(),
                mode.code(),
                stations.size(),
                cells.size(),
                multi,
                nearest.count(dev.outpost.network.ReachStatus.REACHED),
                reach,
                matrix.nonZeroCount(),
                NetworkSettings.defaults().searchThreads(),
                perStation,
                perStation / Math.max(1, stations.size()),
                pairs,
                snap);
        return new double[] {multi, reach, perStation};
    }

    private void pgRoutingSide(RoadNetwork network, Dataset ds, Map<WorkerGroup, double[]> oursMs) throws Exception {
        String db = "netbench_" + ds.name;
        try (PgRoutingBaseline pgr = PgRoutingBaseline.open(out.resolve("pgrouting-pg"), db)) {
            System.out.println("pgRouting: " + pgr.versions() + ", private cluster, work_mem 256MB");
            long t0 = System.nanoTime();
            pgr.importOsm(ds.osmXml, out.resolve("osm2pgrouting-" + ds.name + ".log"));
            double importMs = ms(t0);
            t0 = System.nanoTime();
            pgr.setCosts(
                    root.resolve("bench/network/pgrouting_costs.sql"),
                    NetworkSettings.defaults().ebikeMaxSpeedKmh());
            double costMs = ms(t0);
            t0 = System.nanoTime();
            pgr.buildComponents();
            double sccMs = ms(t0);
            System.out.printf(
                    Locale.ROOT,
                    "pgRouting import: osm2pgrouting %.1f s (%s), cost columns %.1f s, largest strongly connected"
                            + " components %.1f s; %s%n",
                    importMs / 1000,
                    root.relativize(ds.osmXml.toAbsolutePath().normalize()),
                    costMs / 1000,
                    sccMs / 1000,
                    pgr.sizes());
            for (WorkerGroup group : ds.stations.keySet()) {
                compare(network, ds, group, pgr, oursMs.get(group));
            }
        }
    }

    private void compare(RoadNetwork network, Dataset ds, WorkerGroup group, PgRoutingBaseline pgr, double[] ours)
            throws Exception {
        TravelMode mode = TravelMode.parse(group.travelModeCode());
        String m = mode.code();
        List<LatLon> stations =
                ds.stations.get(group).stream().map(ServingStation::location).toList();
        List<LatLon> cells = ds.layers.get(group).centres();
        String st = "st_" + group.code();
        String ce = "cell_" + group.code();
        long t0 = System.nanoTime();
        pgr.loadAndSnap(st, stations, m);
        pgr.loadAndSnap(ce, cells, m);
        double snapMs = ms(t0);
        double[] stationSnap = new double[stations.size()];
        long[] stationVertex = pgr.snappedVertices(st, stationSnap);
        double[] cellSnap = new double[cells.size()];
        pgr.snappedVertices(ce, cellSnap);

        // timing: all service areas in one multi-start call (server-side, nothing fetched)
        pgr.drivingDistanceCount(m, stationVertex, LIMIT_SECONDS); // warm-up
        double[] multiRuns = new double[3];
        long rows = 0;
        for (int run = 0; run < 3; run++) {
            t0 = System.nanoTime();
            rows = pgr.drivingDistanceCount(m, stationVertex, LIMIT_SECONDS);
            multiRuns[run] = ms(t0);
        }
        double multiMs = pct(multiRuns, 50);
        double[] pairRuns = new double[3];
        long pairCount = 0;
        for (int run = 0; run < 3; run++) {
            t0 = System.nanoTime();
            pairCount = pgr.stationCellPairCount(st, ce, m, LIMIT_SECONDS);
            pairRuns[run] = ms(t0);
        }
        double pairMs = pct(pairRuns, 50);
        // timing: one call per station with a bounding-box edge query
        double maxKmh = pgr.maxSpeedKmh(m);
        double reachMeters = maxKmh / 3.6 * LIMIT_SECONDS;
        int sample = pgrPerStation <= 0 ? stations.size() : Math.min(pgrPerStation, stations.size());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < stations.size(); i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new Random(seed + 11));
        t0 = System.nanoTime();
        long perRows = 0;
        for (int k = 0; k < sample; k++) {
            int s = order.get(k);
            LatLon p = stations.get(s);
            double dLat = reachMeters / 110_574.0;
            double dLon = reachMeters / (111_320.0 * Math.cos(Math.toRadians(p.lat())));
            perRows += pgr.drivingDistanceOne(m, stationVertex[s], LIMIT_SECONDS, new double[] {
                p.lon() - dLon, p.lat() - dLat, p.lon() + dLon, p.lat() + dLat
            });
        }
        double perMs = ms(t0);
        double perAllMs = perMs / sample * stations.size();
        System.out.printf(
                Locale.ROOT,
                "pgRouting, service areas %s (%s) ≤ 15 min, %d stations: snapping stations and %d cells to the"
                        + " nearest component vertex %.0f ms; one multi-start pgr_drivingDistance %.0f ms (median"
                        + " of 3; %d station-node rows, counted in the server); the same joined to the cells' vertices"
                        + " %.0f ms (%d station-cell pairs); one call per station with a ±%.1f km box (max speed %.0f"
                        + " km/h): %d calls %.0f ms = %.1f ms each%s%n",
                group.code(),
                m,
                stations.size(),
                cells.size(),
                snapMs,
                multiMs,
                rows,
                pairMs,
                pairCount,
                reachMeters / 1000,
                maxKmh,
                sample,
                perMs,
                perMs / sample,
                sample < stations.size()
                        ? String.format(Locale.ROOT, " → %.0f ms for all %d (extrapolated)", perAllMs, stations.size())
                        : "");
        System.out.printf(
                Locale.ROOT,
                "ratios %s (pgRouting time / ours): station-cell pairs (pgRouting multi-start + join, cells snapped"
                        + " beforehand) / our reach matrix (snapping included) = %.1f×; with pgRouting's snapping"
                        + " counted too = %.1f×; multi-start search alone / our reach matrix = %.1f×; multi-start"
                        + " search alone / our multi-source search = %.1f×; pgRouting per-station calls (all"
                        + " stations) / our reach matrix = %.1f×; pgRouting per-station / our reachableFrom per"
                        + " station = %.1f×%n",
                group.code(),
                pairMs / ours[1],
                (pairMs + snapMs) / ours[1],
                multiMs / ours[1],
                multiMs / ours[0],
                perAllMs / ours[1],
                perAllMs / ours[2]);

        compareCells(network, group, mode, pgr, st, ce, stations, cells, cellSnap);
        compareVertices(network, ds.name, group, mode, pgr, stationVertex);
    }

    /** (station, cell) pairs within 15 minutes: ours (snap to edges) against pgRouting (snap to vertices). */
    private void compareCells(
            RoadNetwork network,
            WorkerGroup group,
            TravelMode mode,
            PgRoutingBaseline pgr,
            String st,
            String ce,
            List<LatLon> stations,
            List<LatLon> cells,
            double[] cellSnap)
            throws Exception {
        int ns = stations.size();
        int nc = cells.size();
        int[][] theirs = new int[ns][];
        pgr.stationCellPairs(st, ce, mode.code(), COMPARE_SECONDS, (s, c, sec) -> {
            if (theirs[s] == null) {
                theirs[s] = filled(nc);
            }
            int t = (int) Math.round(sec);
            if (theirs[s][c] < 0 || t < theirs[s][c]) {
                theirs[s][c] = t;
            }
        });
        ReachMatrix matrix = network.reachMatrix(stations, cells, mode, COMPARE_SECONDS, Direction.TO_ORIGIN);
        PairStats stats = new PairStats();
        for (int s = 0; s < ns; s++) {
            int[] mine = filled(nc);
            ReachRow row = matrix.row(s);
            for (int k = 0; k < row.size(); k++) {
                mine[row.demandIndex(k)] = row.travelTimeSeconds(k);
            }
            int[] their = theirs[s] == null ? filled(nc) : theirs[s];
            for (int c = 0; c < nc; c++) {
                stats.add(mine[c], their[c], !matrix.demandOnNetwork(c));
            }
        }
        double[] oursSnap = new double[nc];
        for (int c = 0; c < nc; c++) {
            oursSnap[c] = matrix.demandOnNetwork(c) ? matrix.demandSnapDistanceMeters(c) : Double.MAX_VALUE;
        }
        System.out.printf(
                Locale.ROOT,
                "reach %s (station, cell) pairs ≤ 15 min, ours (cell centre placed on the nearest road, partial edge"
                        + " timed) vs pgRouting (cell centre → nearest vertex of the component, no distance limit);"
                        + " centre to road point median %.0f m / p95 %.0f m, centre to pgRouting vertex median %.0f m /"
                        + " p95 %.0f m: %s%n",
                group.code(),
                pct(oursSnap, 50),
                pct(oursSnap, 95),
                pct(cellSnap, 50),
                pct(cellSnap, 95),
                stats);
    }

    /** (station vertex, vertex) pairs within 15 minutes, both sides starting at the same vertex. */
    private void compareVertices(
            RoadNetwork network,
            String dataset,
            WorkerGroup group,
            TravelMode mode,
            PgRoutingBaseline pgr,
            long[] stationVertex)
            throws Exception {
        List<LatLon> positions = new ArrayList<>();
        List<long[]> ids = pgr.componentVertexIds(mode.code(), positions);
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i)[0], i);
        }
        long[] starts =
                Arrays.stream(stationVertex).filter(v -> v >= 0).distinct().toArray();
        List<Long> shuffled = new ArrayList<>();
        for (long v : starts) {
            shuffled.add(v);
        }
        java.util.Collections.shuffle(shuffled, new Random(seed + 13));
        int n = Math.min(nodeSample, shuffled.size());
        long[] sample = new long[n];
        Map<Long, Integer> startIndex = new HashMap<>();
        List<LatLon> origins = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sample[i] = shuffled.get(i);
            startIndex.put(sample[i], i);
            origins.add(positions.get(index.get(sample[i])));
        }
        int nv = positions.size();
        int[][] theirs = new int[n][];
        pgr.vertexPairs(mode.code(), sample, COMPARE_SECONDS, (from, v, sec) -> {
            int s = startIndex.get(from);
            if (theirs[s] == null) {
                theirs[s] = filled(nv);
            }
            theirs[s][index.get(v)] = (int) Math.round(sec);
        });
        ReachMatrix matrix = network.reachMatrix(origins, positions, mode, COMPARE_SECONDS, Direction.TO_ORIGIN);
        PairStats stats = new PairStats();
        int offOurs = 0;
        StringBuilder offList = new StringBuilder("vertex,snap_m\n");
        for (int v = 0; v < nv; v++) {
            if (!matrix.demandOnNetwork(v) || matrix.demandSnapDistanceMeters(v) > 1) {
                offOurs++;
                offList.append(ids.get(v)[0])
                        .append(',')
                        .append(String.format(Locale.ROOT, "%.1f", matrix.demandSnapDistanceMeters(v)))
                        .append('\n');
            }
        }
        StringBuilder mismatches = new StringBuilder("start_vertex,vertex,ours_s,pgrouting_s\n");
        for (int s = 0; s < n; s++) {
            int[] mine = filled(nv);
            ReachRow row = matrix.row(s);
            for (int k = 0; k < row.size(); k++) {
                mine[row.demandIndex(k)] = row.travelTimeSeconds(k);
            }
            int[] their = theirs[s] == null ? filled(nv) : theirs[s];
            for (int v = 0; v < nv; v++) {
                boolean notOnOurs = !matrix.demandOnNetwork(v) || matrix.demandSnapDistanceMeters(v) > 1;
                stats.add(mine[v], their[v], notOnOurs);
                if ((mine[v] >= 0 && mine[v] <= LIMIT_SECONDS) != (their[v] >= 0 && their[v] <= LIMIT_SECONDS)) {
                    mismatches
                            .append(sample[s])
                            .append(',')
                            .append(ids.get(v)[0])
                            .append(',')
                            .append(mine[v])
                            .append(',')
                            .append(their[v])
                            .append('\n');
                }
            }
        }
        String tag = dataset + "-" + group.code() + "-" + mode.code();
        Files.writeString(out.resolve("vertices-off-our-network-" + tag + ".csv"), offList, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("vertex-pairs-differing-" + tag + ".csv"), mismatches, StandardCharsets.UTF_8);
        System.out.printf(
                Locale.ROOT,
                "reach %s (station vertex, vertex) pairs ≤ 15 min, %d station vertices × %d vertices of pgRouting's"
                        + " %s component, both searches starting at the same vertex (%d of these vertices are more than"
                        + " 1 m from our %s network): %s%n",
                group.code(),
                n,
                nv,
                mode.code(),
                offOurs,
                mode.code(),
                stats);
    }

    /** Counts of pairs reached by both, by one side only (classed), and time differences where both reach. */
    private static final class PairStats {
        long both;
        long oursOnly;
        long theirsOnly;
        long oursOnlyNear;
        long theirsOnlyNear;
        long theirsOnlyOffOurs;
        final List<Integer> diffs = new ArrayList<>();
        long sumOurs;
        long sumTheirs;

        /**
         * @param mine our seconds or -1 (searched up to 20 minutes)
         * @param theirs pgRouting's seconds or -1 (searched up to 20 minutes)
         * @param offOurs the point is not on our network for this mode
         */
        void add(int mine, int theirs, boolean offOurs) {
            boolean a = mine >= 0 && mine <= LIMIT_SECONDS;
            boolean b = theirs >= 0 && theirs <= LIMIT_SECONDS;
            if (a && b) {
                both++;
                diffs.add(mine - theirs);
                sumOurs += mine;
                sumTheirs += theirs;
            } else if (a) {
                oursOnly++;
                if (theirs >= 0) {
                    oursOnlyNear++;
                }
            } else if (b) {
                theirsOnly++;
                if (mine >= 0) {
                    theirsOnlyNear++;
                } else if (offOurs) {
                    theirsOnlyOffOurs++;
                }
            }
        }

        @Override
        public String toString() {
            int[] d = diffs.stream().mapToInt(Integer::intValue).toArray();
            int[] abs = Arrays.stream(d).map(Math::abs).sorted().toArray();
            Arrays.sort(d);
            long union = both + oursOnly + theirsOnly;
            return String.format(
                    Locale.ROOT,
                    "both %d, ours only %d (%d of them within 20 min for pgRouting), pgRouting only %d (%d of them"
                            + " within 20 min for us, %d off our network); same reach for %.2f %% of the pairs either"
                            + " reaches; where both reach, time ours − pgRouting: median %+d s, |diff| p95 %d s, sum"
                            + " of times ours/pgRouting %.3f",
                    both,
                    oursOnly,
                    oursOnlyNear,
                    theirsOnly,
                    theirsOnlyNear,
                    theirsOnlyOffOurs,
                    union == 0 ? 100.0 : 100.0 * both / union,
                    d.length == 0 ? 0 : d[d.length / 2],
                    abs.length == 0 ? 0 : abs[Math.min(abs.length - 1, (int) Math.ceil(abs.length * 0.95) - 1)],
                    sumTheirs == 0 ? Double.NaN : sumOurs / (double) sumTheirs);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // helpers

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    private static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    /** Nearest-rank percentile of a sorted array. */
    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double pct(double[] values, double p) {
        double[] s = values.clone();
        Arrays.sort(s);
        return percentile(s, p);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static long directorySize(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            return 0;
                        }
                    })
                    .sum();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(cmd + " failed with exit code " + p.exitValue());
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String machineLine() {
        String cpu = "unknown CPU";
        String mem = "unknown";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    mem = String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // keep the defaults
        }
        return String.format(
                Locale.ROOT,
                "machine: %s, %d cores, %s RAM; Java %s (%s), max heap %.1f GiB; load average %s",
                cpu,
                Runtime.getRuntime().availableProcessors(),
                mem,
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                Runtime.getRuntime().maxMemory() / 1024.0 / 1024 / 1024,
                loadAverage());
    }
}
