package dev.outpost.planning;

import dev.outpost.coverage.ServingRules;
import dev.outpost.demand.DemandLayer;
import dev.outpost.demand.DemandSource;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.district.Region;
import dev.outpost.geo.CoordinateSystem;
import dev.outpost.geo.LatLon;
import dev.outpost.network.NetworkSettings;
import dev.outpost.network.RoadNetwork;
import dev.outpost.network.graphhopper.GraphHopperNetwork;
import dev.outpost.station.Station;
import dev.outpost.station.StationKind;
import dev.outpost.station.StationStatus;
import dev.outpost.store.JooqCandidateRepository;
import dev.outpost.store.JooqCoverageRepository;
import dev.outpost.store.JooqDemandRepository;
import dev.outpost.store.JooqDistrictRepository;
import dev.outpost.store.JooqRegionRepository;
import dev.outpost.store.JooqScenarioRepository;
import dev.outpost.store.JooqSiteReachRepository;
import dev.outpost.store.JooqStationRepository;
import dev.outpost.store.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The line city ({@link LineCity}, 13 cells) on a real PostGIS and a real GraphHopper network, with the planning
 * services wired as the server wires them.
 *
 * <p>Region {@code line}: rider demand per chain cell {@link #WEIGHTS} (total 34), districts W (cells 0–6) and E
 * (7–12), one open warm-bee station at cell 0 (reaching cells 0 and 1: 6 demand), imported candidates C2–C7 and
 * C9–C11 at the cells of their number (cost 10 万元, C10 and C11 50), and a planned station at cell 8 (a register
 * candidate without cost). Within T = 2 minutes a site at cell k reaches cells k - 1, k, k + 1.
 *
 * <p>Region {@code iso}: the same street and demand plus one demand cell 3 km north, off the network.
 */
final class PlanningFixture implements AutoCloseable {
    static final double[] WEIGHTS = {5, 1, 1, 4, 1, 2, 6, 2, 1, 1, 8, 2, 0};
    static final int[] IMPORTED = {2, 3, 4, 5, 6, 7, 9, 10, 11};

    final Path dir;
    final LineCity city;
    final GraphHopperNetwork network;
    final TestDatabase db;
    final JooqStationRepository stations;
    final JooqDemandRepository demand;
    final JooqDistrictRepository districts;
    final JooqScenarioRepository scenarioRepository;
    final JooqSiteReachRepository reachRepository;
    final CandidateService candidates;
    final CoverageMatrixService matrices;
    final ScenarioService scenarios;
    final Station existing;
    final Station planned;

    PlanningFixture(String purpose) throws IOException {
        dir = Files.createTempDirectory("planning-" + purpose);
        city = new LineCity(new LatLon(30.25, 120.15), WEIGHTS.length);
        network = GraphHopperNetwork.importOsm(
                city.writeOsm(dir.resolve("line.osm")),
                dir.resolve("graphs"),
                NetworkSettings.defaults().withMinNetworkSize(0).withEbikeMaxSpeedKmh(LineCity.EBIKE_KMH));
        db = TestDatabase.create(purpose);
        JooqRegionRepository regions = new JooqRegionRepository(db.database());
        regions.upsert(new Region("line", "长街市", "Line City", true));
        regions.upsert(new Region("iso", "孤岛市", "Island City", true));
        stations = new JooqStationRepository(db.database());
        demand = new JooqDemandRepository(db.database());
        districts = new JooqDistrictRepository(db.database());
        double split = city.lonBetween(6);
        districts.upsertAll(
                "line",
                List.of(
                        city.district("line", "W", "西区", split - 0.5, split),
                        city.district("line", "E", "东区", split, split + 0.5)));
        demand.save("line", layer(null), DemandSource.CELLS, "line city");
        LatLon north = new LatLon(city.centre(6).lat() + 0.027, city.centre(6).lon());
        demand.save("iso", layer(city.grid.cell(north)), DemandSource.CELLS, "line city and an island");
        existing = stations.insert(station("line", "零号驿站", StationKind.WARM_BEE_STATION, StationStatus.OPEN, 0));
        planned = stations.insert(station("line", "八号规划站", StationKind.WARM_BEE_STATION, StationStatus.PLANNED, 8));
        stations.insert(station("iso", "零号驿站", StationKind.WARM_BEE_STATION, StationStatus.OPEN, 0));

        JooqCoverageRepository versions = new JooqCoverageRepository(db.database());
        reachRepository = new JooqSiteReachRepository(db.database());
        scenarioRepository = new JooqScenarioRepository(db.database());
        candidates = new CandidateService(
                new JooqCandidateRepository(db.database()), stations, districts, demand, ServingRules.defaults(), null);
        matrices = new CoverageMatrixService(
                region -> Optional.<RoadNetwork>of(network), versions, demand, reachRepository, 8);
        scenarios = new ScenarioService(
                candidates,
                matrices,
                stations,
                districts,
                scenarioRepository,
                ServingRules.defaults(),
                Clock.systemUTC(),
                16);
        for (String region : List.of("line", "iso")) {
            candidates.importFile(region, "candidates.csv", candidateCsv(), CoordinateSystem.WGS84, false);
        }
    }

    /** The rider layer of the chain (cell 12 kept with weight 0), plus an extra cell of weight 3 when given. */
    DemandLayer layer(Long extraCell) {
        java.util.TreeMap<Long, Double> w = new java.util.TreeMap<>();
        for (int k = 0; k < WEIGHTS.length; k++) {
            w.put(city.cells.get(k), WEIGHTS[k]);
        }
        if (extraCell != null) {
            w.put(extraCell, 3.0);
        }
        long[] cells = w.keySet().stream().mapToLong(Long::longValue).toArray();
        double[] weights = w.values().stream().mapToDouble(Double::doubleValue).toArray();
        return new DemandLayer(WorkerGroup.RIDER, 9, cells, weights);
    }

    /** The index in the demand layer of chain cell k. */
    int demandIndex(int k) {
        return layer(null).indexOf(city.cells.get(k));
    }

    private Station station(String region, String name, StationKind kind, StationStatus status, int cell) {
        return new Station(
                null, region, null, kind, name, null, null, null, null, null, null, status, city.centre(cell));
    }

    /** The imported candidates as a CSV with Chinese headers. */
    byte[] candidateCsv() {
        StringBuilder sb = new StringBuilder("编号,类型,名称,所属区,成本,经度,纬度\n");
        String[] kinds = {"gas_station", "convenience_store", "community_centre", "caring_merchant"};
        for (int k : IMPORTED) {
            LatLon p = city.centre(k);
            sb.append(String.format(
                    Locale.ROOT,
                    "C%d,%s,候选点%d号,,%s,%.9f,%.9f\n",
                    k,
                    kinds[k % kinds.length],
                    k,
                    k >= 10 ? "50" : "10",
                    p.lon(),
                    p.lat()));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The candidate id at chain cell k ({@code station:<id>} for the planned station at 8). */
    String candidateAt(int k) {
        return k == 8 ? CandidateService.registerId(planned.id()) : "C" + k;
    }

    @Override
    public void close() throws IOException {
        db.close();
        network.close();
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
