package dev.outpost.bench;

import dev.outpost.coverage.ServingRules;
import dev.outpost.demand.DemandCsv;
import dev.outpost.demand.DemandLayer;
import dev.outpost.demand.DemandSource;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.district.Region;
import dev.outpost.geo.CoordinateSystem;
import dev.outpost.geo.HexGrid;
import dev.outpost.imports.ImportReport;
import dev.outpost.imports.ImportService;
import dev.outpost.network.NetworkSettings;
import dev.outpost.network.RoadNetwork;
import dev.outpost.network.TravelMode;
import dev.outpost.network.graphhopper.GraphHopperNetwork;
import dev.outpost.planning.Candidate;
import dev.outpost.planning.CandidateFilter;
import dev.outpost.planning.CandidateService;
import dev.outpost.planning.CandidateSource;
import dev.outpost.planning.CoverageMatrixService;
import dev.outpost.planning.PlanningContext;
import dev.outpost.planning.ProposedSite;
import dev.outpost.planning.Scenario;
import dev.outpost.planning.ScenarioRequest;
import dev.outpost.planning.ScenarioService;
import dev.outpost.planning.Site;
import dev.outpost.planning.SiteEdit;
import dev.outpost.planning.SiteReach;
import dev.outpost.planning.SolverChoice;
import dev.outpost.store.JooqCandidateRepository;
import dev.outpost.store.JooqCoverageRepository;
import dev.outpost.store.JooqDemandRepository;
import dev.outpost.store.JooqDistrictRepository;
import dev.outpost.store.JooqImportStore;
import dev.outpost.store.JooqRegionRepository;
import dev.outpost.store.JooqScenarioRepository;
import dev.outpost.store.JooqSiteReachRepository;
import dev.outpost.store.JooqStationRepository;
import dev.outpost.store.TestDatabase;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Benchmark of the planning path on the Shenzhen-scale demo city ({@code ./outpost democity --size shenzhen --out
 * var/demo-city-shenzhen}): the coverage (reach) matrix of 10,000 imported candidates for riders (e-bike, 15 minutes,
 * direction to the site) built through {@link CoverageMatrixService} (network searches, then stored in PostGIS) and
 * read back by a fresh service; then the city-scale maximal covering scenario (p = 20, the existing serving stations
 * fixed) solved by the heuristic and by CP-SAT with a time limit, and what-if edits on it.
 *
 * <p>Usage: {@code ./outpost bench planning [--dir var/demo-city-shenzhen] [--candidates 10000] [--minutes 15]
 * [--p 20] [--exact-seconds 60] [--greedy-seconds 10] [--mclp-minutes 15,5]}: the scenarios are solved for each of the
 * minutes given (the 15-minute instance is nearly covered by the existing stations already; 5 minutes is harder). Uses a scratch database on the machine's PostGIS (as the
 * tests do) and a graph cache in {@code var/bench-graphs}. Not a test.
 */
public final class CoverageMatrixBenchmark {
    private CoverageMatrixBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of("var/demo-city-shenzhen");
        int candidates = 10_000;
        int minutes = 15;
        int p = 20;
        double exactSeconds = 60;
        double greedySeconds = 10;
        List<Integer> mclpMinutes = new ArrayList<>(List.of(15, 5));
        for (int k = 0; k + 1 < args.length; k += 2) {
            String v = args[k + 1];
            switch (args[k]) {
                case "--dir" -> dir = Path.of(v);
                case "--candidates" -> candidates = Integer.parseInt(v);
                case "--minutes" -> minutes = Integer.parseInt(v);
                case "--p" -> p = Integer.parseInt(v);
                case "--exact-seconds" -> exactSeconds = Double.parseDouble(v);
                case "--greedy-seconds" -> greedySeconds = Double.parseDouble(v);
                case "--mclp-minutes" -> {
                    mclpMinutes.clear();
                    for (String x : v.split(",")) {
                        mclpMinutes.add(Integer.parseInt(x.trim()));
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + args[k]);
            }
        }
        if (!Files.isRegularFile(dir.resolve("roads.osm"))) {
            throw new IllegalArgumentException("no city in " + dir
                    + "; run ./outpost democity --size shenzhen --out var/demo-city-shenzhen first");
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf(
                Locale.ROOT,
                "city %s, %d candidates, e-bike %d min, p = %d; JVM max heap %d MB%n",
                dir,
                candidates,
                minutes,
                p,
                rt.maxMemory() >> 20);

        long t = System.nanoTime();
        GraphHopperNetwork network = GraphHopperNetwork.importOsm(
                dir.resolve("roads.osm"), Path.of("var/bench-graphs/planning"), NetworkSettings.defaults());
        System.out.printf(
                Locale.ROOT,
                "network: %d nodes, %d edges, %s in %.1f s%n",
                network.info().nodeCount(),
                network.info().edgeCount(),
                network.loadedFromCache() ? "loaded from cache" : "imported",
                secs(t));

        try (TestDatabase db = TestDatabase.create("bench_planning")) {
            String region = "sz";
            new JooqRegionRepository(db.database()).upsert(new Region(region, "深圳规模示范市", null, true));
            JooqDistrictRepository districts = new JooqDistrictRepository(db.database());
            JooqStationRepository stations = new JooqStationRepository(db.database());
            JooqDemandRepository demand = new JooqDemandRepository(db.database());
            ImportService imports = new ImportService(new JooqImportStore(db.database()), districts, 100_000_000);
            check(imports.importDistricts(
                    region,
                    "districts.geojson",
                    Files.readAllBytes(dir.resolve("districts.geojson")),
                    CoordinateSystem.WGS84,
                    false,
                    "bench"));
            check(imports.importStations(
                    region,
                    "stations.csv",
                    Files.readAllBytes(dir.resolve("stations.csv")),
                    CoordinateSystem.WGS84,
                    false,
                    "bench"));
            DemandLayer riders = DemandCsv.read(
                            new StringReader(Files.readString(dir.resolve("demand.csv"), StandardCharsets.UTF_8)),
                            HexGrid.defaultGrid())
                    .get(WorkerGroup.RIDER);
            demand.save(region, riders, DemandSource.POINTS, "demand.csv");
            List<String> lines = Files.readAllLines(dir.resolve("candidates.csv"), StandardCharsets.UTF_8);
            String csv = String.join("\n", lines.subList(0, Math.min(lines.size(), candidates + 1))) + "\n";

            JooqCoverageRepository versions = new JooqCoverageRepository(db.database());
            JooqSiteReachRepository reachStore = new JooqSiteReachRepository(db.database());
            CandidateService candidateService = new CandidateService(
                    new JooqCandidateRepository(db.database()),
                    stations,
                    districts,
                    demand,
                    ServingRules.defaults(),
                    null);
            candidateService.importFile(
                    region, "candidates.csv", csv.getBytes(StandardCharsets.UTF_8), CoordinateSystem.WGS84, false);
            CandidateFilter imported = new CandidateFilter(EnumSet.of(CandidateSource.IMPORT), null, null);
            List<Candidate> all = candidateService.find(region, WorkerGroup.RIDER, imported);
            System.out.printf(
                    Locale.ROOT,
                    "data: %d rider demand cells (total weight %.0f), %d candidates%n",
                    riders.size(),
                    riders.totalWeight(),
                    all.size());

            CoverageMatrixService matrices =
                    new CoverageMatrixService(r -> Optional.<RoadNetwork>of(network), versions, demand, reachStore, 4);
            PlanningContext ctx = matrices.context(region, WorkerGroup.RIDER, TravelMode.EBIKE);
            List<Site> sites = new ArrayList<>();
            all.forEach(c -> sites.add(new Site(c.id(), c.position())));
            t = System.nanoTime();
            SiteReach m = matrices.reach(ctx, sites, minutes);
            double total = secs(t);
            long onNetwork = 0;
            for (int s = 0; s < m.siteCount(); s++) {
                onNetwork += m.onNetwork(s) ? 1 : 0;
            }
            System.out.printf(
                    Locale.ROOT,
                    "coverage matrix: %d candidates x %d cells within %d min: network searches %.1f s, stored in"
                            + " %.1f s (total %.1f s); %d pairs (%.0f per candidate), %d candidates on the network,"
                            + " %d cells off it%n",
                    m.siteCount(),
                    m.demandCount(),
                    minutes,
                    m.buildMillis() / 1000.0,
                    total - m.buildMillis() / 1000.0,
                    total,
                    m.pairCount(),
                    (double) m.pairCount() / m.siteCount(),
                    onNetwork,
                    m.demandOffNetworkIndices().length);
            t = System.nanoTime();
            CoverageMatrixService fresh =
                    new CoverageMatrixService(r -> Optional.<RoadNetwork>of(network), versions, demand, reachStore, 4);
            SiteReach loaded = fresh.reach(fresh.context(region, WorkerGroup.RIDER, TravelMode.EBIKE), sites, minutes);
            System.out.printf(
                    Locale.ROOT,
                    "coverage matrix read back from PostGIS by a fresh service in %.1f s" + " (equal: %s)%n",
                    secs(t),
                    loaded.equals(m));

            ScenarioService scenarios = new ScenarioService(
                    candidateService,
                    matrices,
                    stations,
                    districts,
                    new JooqScenarioRepository(db.database()),
                    ServingRules.defaults(),
                    Clock.systemUTC(),
                    8);
            Scenario greedy = null;
            for (int mm : mclpMinutes) {
                ScenarioRequest base = ScenarioRequest.mclp("深圳规模 " + p + " 个新站", WorkerGroup.RIDER, p)
                        .withMinutes(mm)
                        .withCandidates(imported);
                System.out.printf(Locale.ROOT, "maximal covering, %d min, p = %d:%n", mm, p);
                t = System.nanoTime();
                Scenario g = scenarios.create(region, base.withSolver(SolverChoice.GREEDY, greedySeconds), "bench");
                report("  heuristic", g, secs(t));
                t = System.nanoTime();
                Scenario exact = scenarios.create(region, base.withSolver(SolverChoice.EXACT, exactSeconds), "bench");
                report("  CP-SAT", exact, secs(t));
                double best = Math.max(g.solve().objective(), exact.solve().objective());
                double bound = Math.min(g.solve().bestBound(), exact.solve().bestBound());
                System.out.printf(
                        Locale.ROOT,
                        "  heuristic is %.3f %% below the best known (%.2f) and at most %.3f %% below the best bound"
                                + " (%.2f)%n",
                        100 * (best - g.solve().objective()) / best,
                        best,
                        100 * (bound - g.solve().objective()) / g.solve().objective(),
                        bound);
                if (greedy == null) {
                    greedy = g;
                }
            }
            Scenario greedyScenario = greedy;

            // what-if on the city-scale scenario
            String unused = all.stream()
                    .map(Candidate::id)
                    .filter(id -> greedyScenario.sites().stream().noneMatch(x -> id.equals(x.candidateId())))
                    .findFirst()
                    .orElseThrow();
            t = System.nanoTime();
            Scenario added = scenarios.addSite(region, greedy.id(), SiteEdit.candidate(unused));
            double addSeconds = secs(t);
            ProposedSite first = added.sites().get(0);
            double[] moves = new double[5];
            for (int k = 0; k < moves.length; k++) {
                t = System.nanoTime();
                scenarios.moveSite(
                        region,
                        greedy.id(),
                        first.siteId(),
                        SiteEdit.at(
                                new dev.outpost.geo.LatLon(
                                        first.position().lat() + 0.002 * (k + 1),
                                        first.position().lon()),
                                null));
                moves[k] = secs(t);
            }
            java.util.Arrays.sort(moves);
            t = System.nanoTime();
            Scenario full = scenarios.recompute(region, greedy.id());
            double recomputeSeconds = secs(t);
            Scenario now = scenarios.get(region, greedy.id());
            System.out.printf(
                    Locale.ROOT,
                    "what-if: add a candidate %.0f ms; move a site to a point (one search) median %.0f ms, max %.0f ms;"
                            + " full recomputation %.1f s; incremental figures equal the full recomputation: %s%n",
                    addSeconds * 1000,
                    moves[2] * 1000,
                    moves[4] * 1000,
                    recomputeSeconds,
                    now.figures().equals(full.figures()) && now.sites().equals(full.sites()));
        } finally {
            network.close();
        }
    }

    private static void report(String label, Scenario s, double seconds) {
        System.out.printf(
                Locale.ROOT,
                "%s: %s, status %s, objective %.2f, bound %.2f, gap %.4f %%, solver %.1f s (scenario %.1f s);"
                        + " coverage %.4f -> %.4f; %s%n",
                label,
                s.solve().solver(),
                s.solve().status(),
                s.solve().objective(),
                s.solve().bestBound(),
                100 * s.solve().gap(),
                s.solve().wallTimeMillis() / 1000.0,
                seconds,
                s.figures().fractionBefore(),
                s.figures().fractionAfter(),
                s.solve().message());
    }

    private static void check(ImportReport r) {
        if (!r.ok()) {
            throw new IllegalStateException("import refused: " + r.errors());
        }
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
