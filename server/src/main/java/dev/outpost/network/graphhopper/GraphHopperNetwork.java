package dev.outpost.network.graphhopper;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.GraphHopper;
import com.graphhopper.ResponsePath;
import com.graphhopper.config.Profile;
import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.util.AllEdgesIterator;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.index.LocationIndex;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.Instruction;
import com.graphhopper.util.PMap;
import com.graphhopper.util.PointList;
import com.graphhopper.util.exceptions.ConnectionNotFoundException;
import com.graphhopper.util.shapes.BBox;
import dev.outpost.geo.LatLon;
import dev.outpost.network.Direction;
import dev.outpost.network.Isochrone;
import dev.outpost.network.IsochroneBand;
import dev.outpost.network.NearestFacilityResult;
import dev.outpost.network.NetworkImportException;
import dev.outpost.network.NetworkInfo;
import dev.outpost.network.NetworkSettings;
import dev.outpost.network.PointNotOnNetworkException;
import dev.outpost.network.PreparedPoints;
import dev.outpost.network.RankedFacility;
import dev.outpost.network.ReachMatrix;
import dev.outpost.network.RoadNetwork;
import dev.outpost.network.Route;
import dev.outpost.network.TravelMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RoadNetwork} on GraphHopper 11, imported from an OSM extract ({@code .osm.pbf} or {@code .osm} XML).
 *
 * <p>Import: {@link #importOsm} keys a graph cache by the file's SHA-256 and the import settings; an unchanged file is
 * reloaded without re-importing. A fresh import runs in a temporary directory that is renamed into place only when it
 * succeeded, so a bad file throws {@link NetworkImportException} and never damages a cached version. Elevation is off;
 * no CH or landmark preparation (the searches here are bounded Dijkstras).
 *
 * <p>Searches: isochrones use GraphHopper's shortest-path tree, triangulator and contour builder; routes use
 * GraphHopper's router; nearest-facility, reach-matrix and nearest-by-time searches run on compact per-mode arrays
 * (see {@link ModeGraph}, {@link SnappedPoint} for how partial edges are timed exactly).
 *
 * <p>Placing points on the network: every search, and GraphHopper's router for routes, places a point on the nearest
 * edge usable by the mode, exactly ({@link Snapper} over an {@link EdgeSegmentIndex} of all edge segments, built
 * when the network is imported or loaded from the cache; about 22 bytes per segment); GraphHopper's own tile index
 * is not used for that, as it can miss the nearest edge by hundreds of metres.
 *
 * <p>Thread-safe. Holds the whole graph in memory (a few MB for a small country) and a pool of
 * {@link NetworkSettings#searchThreads()} daemon threads; {@link #close()} releases both.
 */
public final class GraphHopperNetwork implements RoadNetwork {
    private static final Logger LOG = LoggerFactory.getLogger(GraphHopperNetwork.class);
    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);
    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final RoutingHopper hopper;
    private final NetworkSettings settings;
    private final NetworkInfo info;
    private final Path directory;
    private final boolean loadedFromCache;
    private final EnumMap<TravelMode, ModeGraph> graphs = new EnumMap<>(TravelMode.class);
    private final Snapper snapper;
    private final TravelTimeSearches searches;
    private final IsochroneBuilder isochrones;
    private final ExecutorService executor;
    private volatile boolean closed;

    private GraphHopperNetwork(
            RoutingHopper hopper, NetworkSettings settings, GraphCache.Meta meta, boolean loadedFromCache) {
        this.hopper = hopper;
        this.settings = settings;
        this.directory = meta.directory();
        this.loadedFromCache = loadedFromCache;
        BaseGraph graph = hopper.getBaseGraph();
        widenBoundsToPillars(graph);
        for (TravelMode mode : TravelMode.values()) {
            BooleanEncodedValue subnetwork =
                    hopper.getEncodingManager().getBooleanEncodedValue(Subnetwork.key(ModeProfiles.profileName(mode)));
            graphs.put(mode, ModeGraph.build(mode, graph, weighting(mode), subnetwork));
        }
        this.snapper = Snapper.build(graph);
        hopper.routeWith(snapper.asLocationIndex(hopper.getLocationIndex()));
        int pool = POOL_NUMBER.incrementAndGet();
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadFactory threadFactory = runnable -> {
            Thread thread = new Thread(runnable, "road-network-" + pool + "-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = Executors.newFixedThreadPool(settings.searchThreads(), threadFactory);
        this.searches = new TravelTimeSearches(
                graphs,
                snapper,
                settings.maxSnapDistanceMeters(),
                executor,
                settings.searchThreads(),
                graph.getNodes());
        this.isochrones = new IsochroneBuilder(graph, hopper.getRouterConfig(), FACTORY);
        BBox bounds = graph.getBounds();
        Map<String, String> provenance = new LinkedHashMap<>(settings.asMap());
        provenance.put("engine", "GraphHopper 11.0");
        provenance.put("encodedValues", ModeProfiles.ENCODED_VALUES);
        for (TravelMode mode : TravelMode.values()) {
            provenance.put(
                    "profile." + mode.code(),
                    ModeProfiles.customModel(mode, settings).toString());
        }
        this.info = new NetworkInfo(
                meta.sourceFileName(),
                meta.sourceSha256(),
                meta.importedAt(),
                graph.getNodes(),
                graph.getEdges(),
                new dev.outpost.geo.BBox(bounds.minLon, bounds.minLat, bounds.maxLon, bounds.maxLat),
                provenance);
    }

    /**
     * GraphHopper's graph bounds cover junction nodes only, and its router rejects points outside them, even road
     * points on the bends of an edge near the edge of the extract. Widen the (live, in-memory) bounds once to every
     * point of every edge.
     */
    private static void widenBoundsToPillars(BaseGraph graph) {
        BBox bounds = graph.getBounds();
        AllEdgesIterator edges = graph.getAllEdges();
        while (edges.next()) {
            PointList pillars = edges.fetchWayGeometry(FetchMode.PILLAR_ONLY);
            for (int i = 0; i < pillars.size(); i++) {
                bounds.update(pillars.getLat(i), pillars.getLon(i));
            }
        }
    }

    // -------------------------------------------------------------------------------------------------------------
    // import and cache

    /**
     * Imports an OSM extract, or reloads it from the cache when this exact file (by SHA-256) was imported with the
     * same import settings before.
     *
     * @param osmFile an {@code .osm.pbf} or {@code .osm} (XML) file
     * @param graphCacheDir directory holding imported versions; created when missing
     * @throws NetworkImportException when the file is missing, empty, corrupt or has no usable roads; the cache is
     *     left as it was
     */
    public static GraphHopperNetwork importOsm(Path osmFile, Path graphCacheDir, NetworkSettings settings) {
        Objects.requireNonNull(osmFile, "osmFile");
        Objects.requireNonNull(graphCacheDir, "graphCacheDir");
        Objects.requireNonNull(settings, "settings");
        String fileName = osmFile.getFileName().toString();
        if (!Files.isRegularFile(osmFile)) {
            throw new NetworkImportException(
                    "cannot import OSM file " + osmFile + ": it does not exist or is not a file");
        }
        long size;
        try {
            size = Files.size(osmFile);
        } catch (IOException e) {
            throw new NetworkImportException("cannot import OSM file " + osmFile + ": " + e.getMessage(), e);
        }
        if (size == 0) {
            throw new NetworkImportException("cannot import OSM file " + osmFile + ": the file is empty (0 bytes)");
        }
        String sha256 = GraphCache.sha256(osmFile);
        String key = GraphCache.settingsKey(settings);
        Path versionDir = GraphCache.versionDirectory(graphCacheDir, fileName, sha256, key);

        Optional<GraphCache.Meta> cached = GraphCache.readMeta(versionDir);
        if (cached.isPresent()) {
            try {
                return load(cached.get(), settings, true);
            } catch (RuntimeException e) {
                LOG.warn("cached road network {} does not load ({}); importing again", versionDir, e.toString());
                GraphCache.deleteRecursively(versionDir);
            }
        }

        try {
            Files.createDirectories(graphCacheDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create graph cache directory " + graphCacheDir, e);
        }
        Path temp;
        try {
            temp = Files.createTempDirectory(graphCacheDir, ".import-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory in " + graphCacheDir, e);
        }
        GraphCache.Meta meta =
                new GraphCache.Meta(fileName, sha256, Instant.now().truncatedTo(ChronoUnit.MILLIS), key, versionDir);
        try {
            importInto(osmFile, temp, settings, meta);
            moveIntoPlace(temp, versionDir);
        } catch (NetworkImportException e) {
            GraphCache.deleteRecursively(temp);
            throw e;
        } catch (IOException | RuntimeException e) {
            GraphCache.deleteRecursively(temp);
            String reason = describe(e);
            if (reason.contains("must not be empty")) {
                // GraphHopper 11's words for an extract without a single routable way
                reason = "it contains no roads usable by any travel mode (" + reason + ")";
            }
            throw new NetworkImportException(
                    "cannot import OSM file " + osmFile + " (sha256 " + sha256.substring(0, 12) + "…): " + reason, e);
        } finally {
            GraphCache.deleteRecursively(temp);
        }
        GraphCache.Meta stored = GraphCache.readMeta(versionDir).orElse(meta);
        return load(stored, settings, false);
    }

    /**
     * Renames a finished import into its version directory. When another process got there first with a complete
     * version, that one is kept; an incomplete directory in the way (left by a crash) is replaced.
     */
    private static void moveIntoPlace(Path temp, Path versionDir) throws IOException {
        try {
            Files.move(temp, versionDir, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, versionDir);
        } catch (IOException e) {
            if (GraphCache.readMeta(versionDir).isPresent()) {
                return; // an identical version was finished concurrently
            }
            if (!Files.exists(versionDir)) {
                throw e;
            }
            GraphCache.deleteRecursively(versionDir);
            Files.move(temp, versionDir, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /**
     * Loads the most recently imported cached version of an extract with these import settings, whatever its
     * checksum: the fallback when a new extract fails to import.
     *
     * @param sourceFileName the extract's file name (no directory), e.g. {@code city.osm.pbf}
     */
    public static Optional<GraphHopperNetwork> loadLatestCached(
            Path graphCacheDir, String sourceFileName, NetworkSettings settings) {
        String key = GraphCache.settingsKey(settings);
        for (GraphCache.Meta meta : GraphCache.versions(graphCacheDir)) {
            if (meta.sourceFileName().equals(sourceFileName) && key.equals(meta.settingsKey())) {
                try {
                    return Optional.of(load(meta, settings, true));
                } catch (RuntimeException e) {
                    LOG.warn("cached road network {} does not load: {}", meta.directory(), e.toString());
                }
            }
        }
        return Optional.empty();
    }

    private static void importInto(Path osmFile, Path directory, NetworkSettings settings, GraphCache.Meta meta) {
        GraphHopper hopper = newHopper(settings, directory);
        hopper.setOSMFile(osmFile.toAbsolutePath().toString());
        try {
            hopper.importOrLoad();
            BaseGraph graph = hopper.getBaseGraph();
            if (graph.getNodes() == 0 || graph.getEdges() == 0) {
                throw new NetworkImportException("cannot import OSM file " + osmFile
                        + ": it contains no roads usable by any travel mode (0 routable edges)");
            }
            int snappable = 0;
            for (TravelMode mode : TravelMode.values()) {
                BooleanEncodedValue subnetwork = hopper.getEncodingManager()
                        .getBooleanEncodedValue(Subnetwork.key(ModeProfiles.profileName(mode)));
                ModeGraph modeGraph = ModeGraph.build(mode, graph, weightingOf(hopper, mode), subnetwork);
                for (boolean s : modeGraph.snappable) {
                    if (s) {
                        snappable++;
                        break;
                    }
                }
            }
            if (snappable == 0) {
                throw new NetworkImportException("cannot import OSM file " + osmFile + ": its " + graph.getEdges()
                        + " road edges all lie in components smaller than minNetworkSize "
                        + settings.minNetworkSize());
            }
        } finally {
            hopper.close();
        }
        GraphCache.writeMeta(directory, meta, settings.importSettings());
    }

    private static GraphHopperNetwork load(GraphCache.Meta meta, NetworkSettings settings, boolean fromCache) {
        RoutingHopper hopper = newHopper(settings, meta.directory());
        boolean ok;
        try {
            ok = hopper.load();
        } catch (RuntimeException e) {
            hopper.close();
            throw e;
        }
        if (!ok) {
            hopper.close();
            throw new IllegalStateException("no GraphHopper graph found in " + meta.directory());
        }
        try {
            GraphHopperNetwork network = new GraphHopperNetwork(hopper, settings, meta, fromCache);
            LOG.info(
                    "road network {} {} from {}: {} nodes, {} edges",
                    meta.sourceFileName(),
                    fromCache ? "loaded from cache" : "imported",
                    meta.directory(),
                    network.info.nodeCount(),
                    network.info.edgeCount());
            return network;
        } catch (RuntimeException e) {
            hopper.close();
            throw e;
        }
    }

    private static RoutingHopper newHopper(NetworkSettings settings, Path directory) {
        RoutingHopper hopper = new RoutingHopper();
        hopper.setGraphHopperLocation(directory.toAbsolutePath().toString());
        hopper.setEncodedValuesString(ModeProfiles.ENCODED_VALUES);
        hopper.setProfiles(ModeProfiles.profiles(settings));
        hopper.setMinNetworkSize(settings.minNetworkSize());
        hopper.setElevation(false);
        return hopper;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        StringBuilder text = new StringBuilder();
        while (root != null) {
            String message = root.getMessage();
            if (message != null && !message.isBlank() && text.indexOf(message) < 0) {
                if (text.length() > 0) {
                    text.append("; ");
                }
                text.append(message);
            }
            root = root.getCause() == root ? null : root.getCause();
        }
        return text.length() == 0
                ? e.getClass().getSimpleName()
                : text + " (" + e.getClass().getSimpleName() + ")";
    }

    private static Weighting weightingOf(GraphHopper hopper, TravelMode mode) {
        Profile profile = hopper.getProfile(ModeProfiles.profileName(mode));
        return hopper.createWeighting(profile, new PMap());
    }

    private Weighting weighting(TravelMode mode) {
        return weightingOf(hopper, mode);
    }

    // -------------------------------------------------------------------------------------------------------------
    // RoadNetwork

    @Override
    public NetworkInfo info() {
        return info;
    }

    /** The settings this network was loaded with. */
    public NetworkSettings settings() {
        return settings;
    }

    /** True when this instance was loaded from an existing cache version rather than freshly imported. */
    public boolean loadedFromCache() {
        return loadedFromCache;
    }

    /** The per-mode graph (package-private, for tests and benchmarks of this package). */
    ModeGraph modeGraph(TravelMode mode) {
        return graphs.get(mode);
    }

    /** The exact snapper over this network's edges (package-private, for tests and benchmarks). */
    Snapper snapper() {
        return snapper;
    }

    /** GraphHopper's graph (package-private, for tests and benchmarks of this package). */
    BaseGraph baseGraph() {
        return hopper.getBaseGraph();
    }

    /** GraphHopper's own location index, superseded here by {@link Snapper} (for comparisons in benchmarks). */
    LocationIndex graphHopperLocationIndex() {
        return hopper.getLocationIndex();
    }

    /** The cache version directory holding this network's graph files. */
    public Path graphDirectory() {
        return directory;
    }

    @Override
    public Isochrone isochrone(LatLon origin, TravelMode mode, List<Integer> minutes, Direction direction) {
        checkOpen();
        Objects.requireNonNull(origin, "origin");
        checkMode(mode);
        Objects.requireNonNull(direction, "direction");
        int[] bands = checkMinutes(minutes);
        ModeGraph graph = graphs.get(mode);
        Snap snap = snapper.snap(origin, graph);
        checkSnap("isochrone origin", origin, mode, snap);
        double snapDistance = snap.getQueryDistance();
        List<MultiPolygon> polygons = isochrones.build(
                snap,
                () -> weighting(mode),
                direction == Direction.TO_ORIGIN,
                bands,
                settings.isochroneClipBufferMeters());
        List<IsochroneBand> result = new ArrayList<>();
        for (int i = 0; i < bands.length; i++) {
            result.add(new IsochroneBand(bands[i], polygons.get(i)));
        }
        return new Isochrone(origin, snapDistance, mode, direction, result);
    }

    @Override
    public NearestFacilityResult nearestFacility(
            List<LatLon> facilities, List<LatLon> demandPoints, TravelMode mode, int maxSeconds) {
        checkOpen();
        checkPoints("facilities", facilities);
        checkPoints("demandPoints", demandPoints);
        checkMode(mode);
        checkMaxSeconds(maxSeconds);
        return searches.nearestFacility(
                searches.prepare(facilities, mode), searches.prepare(demandPoints, mode), maxSeconds);
    }

    @Override
    public ReachMatrix reachMatrix(
            List<LatLon> origins, List<LatLon> demandPoints, TravelMode mode, int maxSeconds, Direction direction) {
        checkOpen();
        checkPoints("origins", origins);
        checkPoints("demandPoints", demandPoints);
        checkMode(mode);
        checkMaxSeconds(maxSeconds);
        Objects.requireNonNull(direction, "direction");
        return searches.reachMatrix(
                searches.prepare(origins, mode), searches.prepare(demandPoints, mode), maxSeconds, direction);
    }

    @Override
    public Optional<Route> route(LatLon from, LatLon to, TravelMode mode) {
        checkOpen();
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        checkMode(mode);
        ModeGraph graph = graphs.get(mode);
        Snap start = snapper.snap(from, graph);
        Snap end = snapper.snap(to, graph);
        checkSnap("route start", from, mode, start);
        checkSnap("route end", to, mode, end);
        // Route between the road points: GraphHopper rejects query points outside the graph's bounding box even
        // when they are a metre from a road; the snapped points are on the roads and snap to themselves.
        GHRequest request = new GHRequest(
                        start.getSnappedPoint().lat,
                        start.getSnappedPoint().lon,
                        end.getSnappedPoint().lat,
                        end.getSnappedPoint().lon)
                .setProfile(ModeProfiles.profileName(mode))
                .setLocale(Locale.ENGLISH);
        GHResponse response = hopper.route(request);
        if (response.hasErrors()) {
            for (Throwable error : response.getErrors()) {
                if (error instanceof ConnectionNotFoundException) {
                    return Optional.empty();
                }
            }
            throw new IllegalStateException(
                    "routing " + from + " → " + to + " by " + mode.code() + " failed: " + response.getErrors());
        }
        ResponsePath path = response.getBest();
        PointList points = path.getPoints();
        Coordinate[] coordinates = new Coordinate[Math.max(2, points.size())];
        for (int i = 0; i < points.size(); i++) {
            coordinates[i] = new Coordinate(points.getLon(i), points.getLat(i));
        }
        if (points.size() == 1) {
            coordinates[1] = new Coordinate(coordinates[0]);
        }
        LineString line = FACTORY.createLineString(coordinates);
        List<String> names = new ArrayList<>();
        for (Instruction instruction : path.getInstructions()) {
            String name = instruction.getName();
            if (name != null
                    && !name.isBlank()
                    && (names.isEmpty() || !names.get(names.size() - 1).equals(name))) {
                names.add(name);
            }
        }
        return Optional.of(new Route(path.getTime() / 1000.0, path.getDistance(), line, names));
    }

    @Override
    public List<RankedFacility> nearestByTime(
            LatLon origin, List<LatLon> facilities, TravelMode mode, int k, int maxSeconds) {
        checkOpen();
        Objects.requireNonNull(origin, "origin");
        checkPoints("facilities", facilities);
        checkMode(mode);
        checkMaxSeconds(maxSeconds);
        if (k < 1 || k > 1000) {
            throw new IllegalArgumentException("k = " + k + " is out of range 1..1000");
        }
        ModeGraph graph = graphs.get(mode);
        Snap snap = snapper.snap(origin, graph);
        checkSnap("origin", origin, mode, snap);
        SnappedPoint start = Snapper.toSnappedPoint(snap, graph);
        return searches.nearestByTime(start, searches.prepare(facilities, mode), k, maxSeconds);
    }

    // -------------------------------------------------------------------------------------------------------------
    // prepared points

    @Override
    public PreparedPoints prepare(TravelMode mode, List<LatLon> points) {
        checkOpen();
        checkMode(mode);
        checkPoints("points", points);
        return searches.prepare(points, mode);
    }

    @Override
    public boolean owns(PreparedPoints points) {
        return !closed
                && points instanceof GraphHopperPreparedPoints
                && searches.owns((GraphHopperPreparedPoints) points);
    }

    @Override
    public NearestFacilityResult nearestFacility(
            PreparedPoints facilities, PreparedPoints demandPoints, int maxSeconds) {
        checkOpen();
        GraphHopperPreparedPoints f = owned("facilities", facilities);
        GraphHopperPreparedPoints d = owned("demandPoints", demandPoints);
        checkSameMode("facilities", f, "demandPoints", d);
        checkMaxSeconds(maxSeconds);
        return searches.nearestFacility(f, d, maxSeconds);
    }

    @Override
    public ReachMatrix reachMatrix(
            PreparedPoints origins, PreparedPoints demandPoints, int maxSeconds, Direction direction) {
        checkOpen();
        GraphHopperPreparedPoints o = owned("origins", origins);
        GraphHopperPreparedPoints d = owned("demandPoints", demandPoints);
        checkSameMode("origins", o, "demandPoints", d);
        checkMaxSeconds(maxSeconds);
        Objects.requireNonNull(direction, "direction");
        return searches.reachMatrix(o, d, maxSeconds, direction);
    }

    @Override
    public List<RankedFacility> nearestByTime(LatLon origin, PreparedPoints facilities, int k, int maxSeconds) {
        checkOpen();
        Objects.requireNonNull(origin, "origin");
        GraphHopperPreparedPoints f = owned("facilities", facilities);
        checkMaxSeconds(maxSeconds);
        if (k < 1 || k > 1000) {
            throw new IllegalArgumentException("k = " + k + " is out of range 1..1000");
        }
        TravelMode mode = f.mode();
        ModeGraph graph = graphs.get(mode);
        Snap snap = snapper.snap(origin, graph);
        checkSnap("origin", origin, mode, snap);
        SnappedPoint start = Snapper.toSnappedPoint(snap, graph);
        return searches.nearestByTime(start, f, k, maxSeconds);
    }

    /** Stops the worker threads and releases the graph. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        executor.shutdownNow();
        hopper.close();
    }

    // -------------------------------------------------------------------------------------------------------------
    // argument checks

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("road network " + info.sourceFileName() + " is closed");
        }
    }

    private static void checkMode(TravelMode mode) {
        if (mode == null) {
            throw new IllegalArgumentException("travel mode is missing; expected one of ebike, car, truck, foot");
        }
    }

    private static void checkMaxSeconds(int maxSeconds) {
        if (maxSeconds < 1 || maxSeconds > MAX_SECONDS) {
            throw new IllegalArgumentException(
                    "maxSeconds = " + maxSeconds + " is out of range 1.." + MAX_SECONDS + " (two hours)");
        }
    }

    private static int[] checkMinutes(List<Integer> minutes) {
        if (minutes == null || minutes.isEmpty()) {
            throw new IllegalArgumentException(
                    "isochrone minutes are missing; expected one or more values 1.." + MAX_MINUTES);
        }
        TreeSet<Integer> sorted = new TreeSet<>();
        for (int i = 0; i < minutes.size(); i++) {
            Integer m = minutes.get(i);
            if (m == null || m < 1 || m > MAX_MINUTES) {
                throw new IllegalArgumentException(
                        "isochrone minutes[" + i + "] = " + m + " is out of range 1.." + MAX_MINUTES);
            }
            sorted.add(m);
        }
        return sorted.stream().mapToInt(Integer::intValue).toArray();
    }

    private GraphHopperPreparedPoints owned(String name, PreparedPoints points) {
        if (points == null) {
            throw new IllegalArgumentException("prepared " + name + " are missing (null)");
        }
        if (!(points instanceof GraphHopperPreparedPoints) || !searches.owns((GraphHopperPreparedPoints) points)) {
            throw new IllegalArgumentException("prepared " + name + " (" + points.size() + " points, "
                    + points.mode().code() + ") were not prepared by this instance of road network "
                    + info.sourceFileName() + " (sha256 " + info.sourceSha256().substring(0, 12)
                    + "…); a reloaded network is a new instance: prepare them again with its prepare()");
        }
        return (GraphHopperPreparedPoints) points;
    }

    private static void checkSameMode(
            String name, GraphHopperPreparedPoints a, String otherName, GraphHopperPreparedPoints b) {
        if (a.mode() != b.mode()) {
            throw new IllegalArgumentException(
                    "prepared " + name + " are for " + a.mode().code() + " but " + otherName + " for "
                            + b.mode().code() + "; prepare both for the same travel mode");
        }
    }

    private static void checkPoints(String name, List<LatLon> points) {
        if (points == null) {
            throw new IllegalArgumentException(name + " list is missing");
        }
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i) == null) {
                throw new IllegalArgumentException(name + "[" + i + "] is missing (null)");
            }
        }
    }

    private void checkSnap(String role, LatLon point, TravelMode mode, Snap snap) {
        double limit = settings.maxSnapDistanceMeters();
        if (!snap.isValid()) {
            // the exact snapper searches the whole graph: no snap means the mode has no usable road at all
            throw new PointNotOnNetworkException(role, point, mode, Double.NaN, limit);
        }
        if (snap.getQueryDistance() > limit) {
            throw new PointNotOnNetworkException(role, point, mode, snap.getQueryDistance(), limit);
        }
    }
}
