package dev.outpost.coverage;

import dev.outpost.common.ConflictException;
import dev.outpost.common.NotFoundException;
import dev.outpost.demand.DemandLayer;
import dev.outpost.demand.DemandLayerInfo;
import dev.outpost.demand.DemandLayers;
import dev.outpost.demand.DemandRepository;
import dev.outpost.demand.DemandSource;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.district.AreaLevel;
import dev.outpost.district.District;
import dev.outpost.district.DistrictRepository;
import dev.outpost.geo.BBox;
import dev.outpost.geo.HexGrid;
import dev.outpost.geo.LatLon;
import dev.outpost.network.Direction;
import dev.outpost.network.Isochrone;
import dev.outpost.network.RoadNetwork;
import dev.outpost.network.Route;
import dev.outpost.network.TravelMode;
import dev.outpost.station.Station;
import dev.outpost.station.StationQuery;
import dev.outpost.station.StationRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.locationtech.jts.geom.MultiPolygon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application service of coverage: runs coverage for a region and worker group on the region's current road
 * network, stores runs, answers summaries, cells, gap areas, service circles and routes, and keeps the latest result
 * per region and group in memory so that a station change is applied incrementally.
 *
 * <p>Inputs of a computation: the region's road network (from the function given at construction), the latest
 * stored demand layer of the group (or, when there is none, district population spread over the grid, stored as a
 * {@link DemandSource#POPULATION} layer), the stations serving the group under the {@link ServingRules}, and the
 * region's districts. A result in memory is recomputed (without storing) when the network object or the latest
 * demand layer changes; district changes are picked up by the next run or {@link #invalidate}.
 *
 * <p>Thread-safe: computations and updates of one region and group are serialised; readers see immutable results.
 */
public final class CoverageService {
    private static final Logger LOG = LoggerFactory.getLogger(CoverageService.class);
    private static final int MAX_SERVICE_AREAS_CACHED = 2_000;

    private final Function<String, Optional<RoadNetwork>> networks;
    private final StationRepository stations;
    private final DistrictRepository districts;
    private final DemandRepository demand;
    private final CoverageRepository repository;
    private final ServingRules rules;
    private final CoverageSettings settings;
    private final Clock clock;
    private final Map<Key, State> states = new ConcurrentHashMap<>();
    private final Map<Key, Object> locks = new ConcurrentHashMap<>();
    private final Map<String, MultiPolygon> serviceAreas =
            java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, MultiPolygon> eldest) {
                    return size() > MAX_SERVICE_AREAS_CACHED;
                }
            });

    /**
     * @param networks the current road network of a region, empty when none is loaded
     */
    public CoverageService(
            Function<String, Optional<RoadNetwork>> networks,
            StationRepository stations,
            DistrictRepository districts,
            DemandRepository demand,
            CoverageRepository repository,
            ServingRules rules,
            CoverageSettings settings,
            Clock clock) {
        this.networks = Objects.requireNonNull(networks, "networks");
        this.stations = Objects.requireNonNull(stations, "stations");
        this.districts = Objects.requireNonNull(districts, "districts");
        this.demand = Objects.requireNonNull(demand, "demand");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ServingRules rules() {
        return rules;
    }

    public CoverageSettings settings() {
        return settings;
    }

    private record Key(String regionCode, WorkerGroup group) {}

    /** The latest result of a region and group with everything derived from it. Immutable except lazy caches. */
    private static final class State {
        final RoadNetwork network;
        final NetworkVersion version;
        final DemandLayerInfo layerInfo;
        final AreaIndex areas;
        final Map<AreaLevel, int[]> cellAreas;
        final CoverageResult result;
        final Long runId;
        final Long basedOnRunId;
        final Instant computedAt;
        final int stationChanges;
        private volatile List<GapArea> gaps;

        State(
                RoadNetwork network,
                NetworkVersion version,
                DemandLayerInfo layerInfo,
                AreaIndex areas,
                Map<AreaLevel, int[]> cellAreas,
                CoverageResult result,
                Long runId,
                Long basedOnRunId,
                Instant computedAt,
                int stationChanges) {
            this.network = network;
            this.version = version;
            this.layerInfo = layerInfo;
            this.areas = areas;
            this.cellAreas = cellAreas;
            this.result = result;
            this.runId = runId;
            this.basedOnRunId = basedOnRunId;
            this.computedAt = computedAt;
            this.stationChanges = stationChanges;
        }

        State withResult(CoverageResult updated, Instant at) {
            return new State(
                    network, version, layerInfo, areas, cellAreas, updated, null, basedOnRunId, at, stationChanges + 1);
        }

        /** This state no longer tied to stored run {@code id} (deleted): the figures stay, the run ids go. */
        State forgetRun(long id) {
            boolean exact = runId != null && runId == id;
            boolean base = basedOnRunId != null && basedOnRunId == id;
            if (!exact && !base) {
                return this;
            }
            return new State(
                    network,
                    version,
                    layerInfo,
                    areas,
                    cellAreas,
                    result,
                    exact ? null : runId,
                    base ? null : basedOnRunId,
                    computedAt,
                    stationChanges);
        }

        State stored(long id) {
            return new State(network, version, layerInfo, areas, cellAreas, result, id, id, computedAt, 0);
        }

        List<GapArea> gaps() {
            List<GapArea> g = gaps;
            if (g == null) {
                g = GapAreas.find(result);
                gaps = g;
            }
            return g;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // runs and summaries

    /**
     * Computes the coverage of the group in full on the region's current network, stores it as a run (cells, figures
     * per district and subdistrict, per station) and keeps it as the latest result.
     *
     * @param level the level of the returned breakdown
     * @throws NotFoundException when the region has no road network loaded
     * @throws ConflictException when there is neither a demand layer nor district population to fall back on
     */
    public CoverageSummary run(String regionCode, WorkerGroup group, AreaLevel level) {
        Key key = new Key(regionCode, group);
        synchronized (lock(key)) {
            State stored = store(key, compute(key, network(regionCode)));
            return summary(stored, level);
        }
    }

    /**
     * Computes the coverage of the group in full and stores it as a run, as {@link #run} does, unless the group's
     * latest stored run was computed from the same inputs: network version, demand layer, travel mode, settings,
     * serving rules, H3 resolution and serving stations (ids and positions). Meant for loaders that must leave a
     * stored run behind without adding one at every start. Districts are no input: their figures are derived.
     *
     * @return the run stored now, or empty when the latest stored run already has these inputs (the figures in memory
     *     are then that run's)
     * @throws NotFoundException when the region has no road network loaded
     * @throws ConflictException when there is neither a demand layer nor district population to fall back on
     */
    public Optional<CoverageRunInfo> runUnlessStored(String regionCode, WorkerGroup group) {
        Key key = new Key(regionCode, group);
        synchronized (lock(key)) {
            State fresh = compute(key, network(regionCode));
            Map<String, String> parameters = parameters(fresh);
            Optional<CoverageRunInfo> latest = repository.latestRun(regionCode, group);
            if (latest.isPresent() && sameInputs(latest.get(), fresh, parameters)) {
                states.put(key, fresh.stored(latest.get().id()));
                return Optional.empty();
            }
            State stored = store(key, fresh);
            return repository.findRun(regionCode, stored.runId);
        }
    }

    private static boolean sameInputs(CoverageRunInfo run, State s, Map<String, String> parameters) {
        return run.networkVersionId() == s.version.id()
                && run.demandLayerId() == s.layerInfo.id()
                && run.mode() == s.result.mode()
                && run.settings().equals(s.result.settings())
                && run.parameters().equals(parameters);
    }

    /** Stores a freshly computed state as a run and keeps it as the latest result; the caller holds the key's lock. */
    private State store(Key key, State fresh) {
        List<CoverageBreakdown> breakdowns = new ArrayList<>();
        for (AreaLevel l : AreaLevel.values()) {
            if (fresh.areas.has(l)) {
                breakdowns.add(breakdown(fresh, l));
            }
        }
        CoverageRunInfo info = repository.saveRun(
                key.regionCode(),
                fresh.version.id(),
                fresh.layerInfo.id(),
                fresh.result,
                breakdowns,
                parameters(fresh));
        State stored = fresh.stored(info.id());
        states.put(key, stored);
        return stored;
    }

    /** What a run keeps of its inputs beside network, layer, mode and settings. */
    private Map<String, String> parameters(State fresh) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("servingKinds", rules.toString());
        parameters.put("servingStatuses", rules.statuses().toString());
        parameters.put("resolution", Integer.toString(fresh.result.layer().resolution()));
        parameters.put("offNetworkStations", fresh.result.offNetworkStationIds().toString());
        parameters.put("stationsSha256", stationsSha256(fresh.result.stations()));
        return parameters;
    }

    /** SHA-256 (hex) of the serving stations' ids and positions, in id order. */
    static String stationsSha256(List<ServingStation> serving) {
        List<ServingStation> sorted = new ArrayList<>(serving);
        sorted.sort(java.util.Comparator.comparingLong(ServingStation::stationId));
        StringBuilder text = new StringBuilder();
        for (ServingStation st : sorted) {
            text.append(st.stationId())
                    .append(' ')
                    .append(Double.toString(st.location().lat()))
                    .append(' ')
                    .append(Double.toString(st.location().lon()))
                    .append('\n');
        }
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * The latest figures of the group (computing them, without storing, when there are none in memory or the network
     * or demand layer changed).
     */
    public CoverageSummary summary(String regionCode, WorkerGroup group, AreaLevel level) {
        return summary(current(regionCode, group), level);
    }

    private CoverageSummary summary(State s, AreaLevel level) {
        return new CoverageSummary(
                s.version.regionCode(),
                s.result.group(),
                s.result.mode(),
                s.result.settings(),
                s.runId,
                s.basedOnRunId,
                s.computedAt,
                s.version.id(),
                s.layerInfo.id(),
                s.stationChanges,
                s.result.totals(),
                breakdown(s, level));
    }

    private static CoverageBreakdown breakdown(State s, AreaLevel level) {
        return CoverageBreakdown.of(
                s.result,
                s.areas,
                level,
                s.cellAreas.computeIfAbsent(level, l -> s.areas.assign(s.result.centres(), l)));
    }

    /** The stored runs of the group, newest first. */
    public List<CoverageRunInfo> runs(String regionCode, WorkerGroup group, int limit) {
        return repository.runs(regionCode, group, limit);
    }

    /**
     * Deletes a stored run (its cells, area and station figures), audited. The figures in memory stay — they do not
     * need the run — but no longer name it: a summary then answers {@code runId} and {@code basedOnRunId} null, as
     * when nothing was stored. Nothing else refers to a stored run: reviews read the runs that exist at the time
     * (their trend loses that day's point) and loaders store a new run at the next start when the latest is gone.
     *
     * @return the deleted run
     * @throws NotFoundException when the region has no such run
     */
    public CoverageRunInfo deleteRun(String regionCode, long runId) {
        CoverageRunInfo run = repository
                .findRun(regionCode, runId)
                .orElseThrow(
                        () -> new NotFoundException("no coverage run " + runId + " in region '" + regionCode + "'"));
        Key key = new Key(regionCode, run.group());
        synchronized (lock(key)) {
            CoverageRunInfo deleted = repository
                    .deleteRun(regionCode, runId)
                    .orElseThrow(() ->
                            new NotFoundException("no coverage run " + runId + " in region '" + regionCode + "'"));
            states.computeIfPresent(key, (k, s) -> s.forgetRun(runId));
            return deleted;
        }
    }

    /**
     * The figures of a stored run, for comparisons over time.
     *
     * @throws NotFoundException when the region has no such run
     */
    public CoverageSummary storedSummary(String regionCode, long runId, AreaLevel level) {
        CoverageRunInfo run = repository
                .findRun(regionCode, runId)
                .orElseThrow(
                        () -> new NotFoundException("no coverage run " + runId + " in region '" + regionCode + "'"));
        List<AreaCoverage> areas = repository.runAreas(regionCode, runId, level);
        CoverageTotals total = run.totals();
        int cells = total.cellCount();
        int stationCount = total.stationCount();
        double[] rest = {
            total.demand(),
            total.covered5(),
            total.covered10(),
            total.covered15(),
            total.covered20(),
            total.coveredWithinLimit(),
            total.gapDemand(),
            total.unreachableDemand(),
            total.offNetworkDemand()
        };
        for (AreaCoverage a : areas) {
            CoverageTotals t = a.totals();
            cells -= t.cellCount();
            stationCount -= t.stationCount();
            double[] v = {
                t.demand(),
                t.covered5(),
                t.covered10(),
                t.covered15(),
                t.covered20(),
                t.coveredWithinLimit(),
                t.gapDemand(),
                t.unreachableDemand(),
                t.offNetworkDemand()
            };
            for (int i = 0; i < rest.length; i++) {
                rest[i] -= v[i];
            }
        }
        for (int i = 0; i < rest.length; i++) {
            // differences of sums: clear rounding noise
            rest[i] = Math.abs(rest[i]) < 1e-9 * Math.max(1, total.demand()) ? 0 : Math.max(0, rest[i]);
        }
        CoverageTotals unassigned = new CoverageTotals(
                Math.max(0, cells),
                Math.max(0, stationCount),
                rest[0],
                rest[1],
                rest[2],
                rest[3],
                rest[4],
                rest[5],
                rest[6],
                rest[7],
                rest[8]);
        return new CoverageSummary(
                regionCode,
                run.group(),
                run.mode(),
                run.settings(),
                run.id(),
                run.id(),
                run.createdAt(),
                run.networkVersionId(),
                run.demandLayerId(),
                0,
                total,
                new CoverageBreakdown(level, areas, unassigned));
    }

    // ---------------------------------------------------------------------------------------------------------
    // cells, gaps, stations

    /** The group's cells whose centres lie in {@code bbox} (all cells when null), ordered by cell. */
    public List<CellOutcome> cells(String regionCode, WorkerGroup group, BBox bbox) {
        return cells(regionCode, group, bbox, java.util.EnumSet.allOf(CellStatus.class));
    }

    /**
     * The group's cells with one of {@code statuses} whose centres lie in {@code bbox} (all when null), ordered by
     * cell; e.g. the gap cells with their minutes.
     */
    public List<CellOutcome> cells(
            String regionCode, WorkerGroup group, BBox bbox, java.util.Set<CellStatus> statuses) {
        CoverageResult r = current(regionCode, group).result;
        List<CellOutcome> out = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            if ((bbox == null || bbox.contains(r.centre(i))) && statuses.contains(r.status(i))) {
                out.add(CellOutcome.of(r, i));
            }
        }
        return out;
    }

    /** The H3 resolution of the group's cells. */
    public int resolution(String regionCode, WorkerGroup group) {
        return current(regionCode, group).result.layer().resolution();
    }

    /** The {@code limit} gap areas holding the most demand (limit 1–10,000). */
    public List<GapArea> gaps(String regionCode, WorkerGroup group, int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("gap limit " + limit + " is out of range 1..10000");
        }
        List<GapArea> all = current(regionCode, group).gaps();
        return all.subList(0, Math.min(limit, all.size()));
    }

    /** Per-station figures of the latest result, ordered by station id. */
    public List<StationCoverage> stationCoverage(String regionCode, WorkerGroup group) {
        return current(regionCode, group).result.stationCoverage();
    }

    /**
     * Per serving station of the latest result (by id): the demand within its limit that is also within the limit of
     * another serving station (see {@link CoverageResult#sharedDemandWithinLimit()}).
     */
    public Map<Long, Double> sharedDemandWithinLimit(String regionCode, WorkerGroup group) {
        return current(regionCode, group).result.sharedDemandWithinLimit();
    }

    /**
     * The route from a demand cell's centre to its nearest serving station.
     *
     * @throws NotFoundException when the cell is not a demand cell of the group, has no station within the search
     *     limit, or no route is found
     */
    public CellRoute cellRoute(String regionCode, WorkerGroup group, long cell) {
        State s = current(regionCode, group);
        CoverageResult r = s.result;
        int i = r.indexOf(cell);
        String name = HexGrid.address(cell);
        if (i < 0) {
            throw new NotFoundException(
                    "cell " + name + " is not a demand cell of " + group.code() + " in region '" + regionCode + "'");
        }
        if (r.stationId(i).isEmpty()) {
            throw new NotFoundException("cell " + name + " has no " + group.code() + " station within "
                    + r.settings().searchLimitMinutes() + " minutes (status "
                    + r.status(i).code() + ")");
        }
        long stationId = r.stationId(i).getAsLong();
        ServingStation station = r.station(stationId).orElseThrow();
        Route route = s.network
                .route(r.centre(i), station.location(), r.mode())
                .orElseThrow(() -> new NotFoundException(
                        "no " + r.mode().code() + " route from cell " + name + " to station " + stationId));
        return new CellRoute(cell, stationId, r.seconds(i), route);
    }

    // ---------------------------------------------------------------------------------------------------------
    // isochrones and service circles

    /**
     * Isochrone bands around any point of the region's network.
     *
     * @throws IllegalArgumentException for minutes outside 1–120 or no minutes
     * @throws dev.outpost.network.PointNotOnNetworkException when the point is off the network
     */
    public Isochrone isochrone(
            String regionCode, LatLon point, TravelMode mode, List<Integer> minutes, Direction direction) {
        checkMinutes(minutes);
        return network(regionCode).isochrone(point, mode, minutes, direction);
    }

    /**
     * A station's service circle: the area from which it is reached within {@code minutes}.
     *
     * @param modeOrNull the travel mode; null for the mode of the first group the station serves (e-bike when it
     *     serves none)
     * @throws NotFoundException when the station does not exist
     */
    public ServiceArea serviceArea(String regionCode, long stationId, int minutes, TravelMode modeOrNull) {
        checkMinutes(List.of(minutes));
        Station station = stations.findById(regionCode, stationId)
                .orElseThrow(() ->
                        new NotFoundException("station " + stationId + " not found in region '" + regionCode + "'"));
        List<WorkerGroup> served = rules.groupsServedBy(station);
        TravelMode mode =
                modeOrNull != null ? modeOrNull : served.isEmpty() ? TravelMode.EBIKE : rules.mode(served.get(0));
        RoadNetwork net = network(regionCode);
        String cacheKey =
                regionCode + "|" + net.info().sourceSha256() + "|" + net.info().importedAt() + "|" + stationId + "|"
                        + station.location() + "|" + mode.code() + "|" + minutes;
        MultiPolygon area = serviceAreas.get(cacheKey);
        if (area == null) {
            area = net.isochrone(station.location(), mode, List.of(minutes), Direction.TO_ORIGIN)
                    .band(minutes)
                    .area();
            serviceAreas.put(cacheKey, area);
        }
        Double within = null;
        Double catchment = null;
        for (WorkerGroup g : served) {
            State s = states.get(new Key(regionCode, g));
            if (s != null
                    && s.network == net
                    && s.result.mode() == mode
                    && s.result.settings().limitMinutes() == minutes
                    && s.result
                            .station(stationId)
                            .filter(x -> x.location().equals(station.location()))
                            .isPresent()) {
                for (StationCoverage c : s.result.stationCoverage()) {
                    if (c.stationId() == stationId) {
                        within = c.demandWithinLimit();
                        catchment = c.catchmentDemand();
                    }
                }
                break;
            }
        }
        return new ServiceArea(stationId, station.name(), station.location(), mode, minutes, area, within, catchment);
    }

    private static void checkMinutes(List<Integer> minutes) {
        if (minutes == null || minutes.isEmpty()) {
            throw new IllegalArgumentException("minutes: at least one time limit is required");
        }
        for (int m : minutes) {
            if (m < 1 || m > RoadNetwork.MAX_MINUTES) {
                throw new IllegalArgumentException("minutes: " + m + " is out of range 1.." + RoadNetwork.MAX_MINUTES);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // station changes

    /**
     * Applies a created or updated station to the latest results of its region: it is removed from (or moved in) the
     * groups it no longer serves (or serves elsewhere) and added to the groups it now serves. Call after the change
     * is saved. Results in memory stop naming a stored run; the next {@link #run} stores one again.
     */
    public void stationSaved(Station station) {
        if (station.id() == null) {
            throw new IllegalArgumentException("station '" + station.name() + "' has no id; save it first");
        }
        for (WorkerGroup g : WorkerGroup.values()) {
            Key key = new Key(station.regionCode(), g);
            if (!states.containsKey(key)) {
                continue;
            }
            synchronized (lock(key)) {
                State s = states.get(key);
                if (s == null) {
                    continue;
                }
                CoverageCalculator calc = new CoverageCalculator(s.network);
                Optional<ServingStation> before = s.result.station(station.id());
                boolean serves = rules.serves(station, g);
                ServingStation after = new ServingStation(station.id(), station.location());
                CoverageResult updated;
                if (before.isPresent() && !serves) {
                    updated = calc.withStationRemoved(s.result, station.id());
                } else if (before.isPresent()) {
                    if (before.get().location().equals(station.location())) {
                        continue;
                    }
                    updated = calc.withStationMoved(s.result, after);
                } else if (serves) {
                    updated = calc.withStationAdded(s.result, after);
                } else {
                    continue;
                }
                states.put(key, s.withResult(updated, clock.instant()));
            }
        }
    }

    /** Removes a deleted station from the latest results of its region. Call after the deletion. */
    public void stationDeleted(String regionCode, long stationId) {
        for (WorkerGroup g : WorkerGroup.values()) {
            Key key = new Key(regionCode, g);
            if (!states.containsKey(key)) {
                continue;
            }
            synchronized (lock(key)) {
                State s = states.get(key);
                if (s != null && s.result.station(stationId).isPresent()) {
                    CoverageResult updated = new CoverageCalculator(s.network).withStationRemoved(s.result, stationId);
                    states.put(key, s.withResult(updated, clock.instant()));
                }
            }
        }
    }

    /**
     * Forgets the results in memory of a region (after a new network, demand or district import); they are
     * recomputed on the next request.
     */
    public void invalidate(String regionCode) {
        states.keySet().removeIf(k -> k.regionCode().equals(regionCode));
    }

    // ---------------------------------------------------------------------------------------------------------
    // computation

    private Object lock(Key key) {
        return locks.computeIfAbsent(key, k -> new Object());
    }

    private RoadNetwork network(String regionCode) {
        return networks.apply(regionCode)
                .orElseThrow(() -> new NotFoundException("no road network is loaded for region '" + regionCode
                        + "'; import an OSM extract for it first"));
    }

    private State current(String regionCode, WorkerGroup group) {
        Key key = new Key(regionCode, group);
        RoadNetwork net = network(regionCode);
        State s = states.get(key);
        if (s != null && s.network == net && layerIsLatest(s, key)) {
            return s;
        }
        synchronized (lock(key)) {
            s = states.get(key);
            if (s != null && s.network == net && layerIsLatest(s, key)) {
                return s;
            }
            State fresh = compute(key, net);
            states.put(key, fresh);
            return fresh;
        }
    }

    private boolean layerIsLatest(State s, Key key) {
        return demand.latest(key.regionCode(), key.group())
                .map(l -> l.id() == s.layerInfo.id())
                .orElse(true);
    }

    private State compute(Key key, RoadNetwork net) {
        long started = System.nanoTime();
        String region = key.regionCode();
        NetworkVersion version = repository.recordNetworkVersion(region, net.info());
        List<District> areas = districts.find(region, null);
        DemandLayerInfo layerInfo = layerFor(region, key.group(), areas);
        DemandLayer layer = demand.load(region, layerInfo.id());
        List<Station> all = stations.find(
                StationQuery.all(region).withStatuses(rules.statuses()).withLimit(StationQuery.MAX_LIMIT));
        List<ServingStation> serving = rules.servingStations(all, key.group());
        CoverageResult result =
                new CoverageCalculator(net).compute(key.group(), rules.mode(key.group()), layer, serving, settings);
        AreaIndex index = new AreaIndex(areas);
        Map<AreaLevel, int[]> cellAreas = new ConcurrentHashMap<>(new EnumMap<>(AreaLevel.class));
        LOG.info(
                "coverage {} {}: {} cells, {} stations, {} ms",
                region,
                key.group().code(),
                layer.size(),
                serving.size(),
                (System.nanoTime() - started) / 1_000_000);
        return new State(net, version, layerInfo, index, cellAreas, result, null, null, clock.instant(), 0);
    }

    /** The latest demand layer of the group, or a population layer built and stored now. */
    private DemandLayerInfo layerFor(String region, WorkerGroup group, List<District> areas) {
        Optional<DemandLayerInfo> latest = demand.latest(region, group);
        if (latest.isPresent()) {
            return latest.get();
        }
        for (AreaLevel level : new AreaLevel[] {AreaLevel.SUBDISTRICT, AreaLevel.DISTRICT, AreaLevel.COMMUNITY}) {
            List<District> withPopulation = areas.stream()
                    .filter(d -> d.level() == level && d.population() != null && d.population() > 0)
                    .toList();
            if (!withPopulation.isEmpty()) {
                DemandLayer layer = DemandLayers.fromPopulation(group, HexGrid.defaultGrid(), withPopulation, 1.0);
                return demand.save(
                        region,
                        layer,
                        DemandSource.POPULATION,
                        "fallback: population of " + withPopulation.size() + " " + level.code() + " areas");
            }
        }
        throw new ConflictException("no demand layer for " + group.code() + " in region '" + region
                + "' and no district population to fall back on; import demand first");
    }
}
