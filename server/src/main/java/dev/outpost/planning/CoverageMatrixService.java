package dev.outpost.planning;

import dev.outpost.common.ConflictException;
import dev.outpost.common.NotFoundException;
import dev.outpost.coverage.CoverageRepository;
import dev.outpost.coverage.NetworkVersion;
import dev.outpost.demand.DemandLayer;
import dev.outpost.demand.DemandLayerInfo;
import dev.outpost.demand.DemandRepository;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.geo.LatLon;
import dev.outpost.network.Direction;
import dev.outpost.network.ReachMatrix;
import dev.outpost.network.RoadNetwork;
import dev.outpost.network.TravelMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coverage (reach) matrices of candidate sets and station sets: for every site, the demand cells from which it is
 * reached within T minutes for the group's mode, direction {@link Direction#TO_ORIGIN} (the worker rides to the
 * station, one-way streets obeyed). Built once with {@link RoadNetwork#reachMatrix} (parallel bounded searches),
 * stored, and reused only under an equal {@link MatrixKey} (network version, demand layer, mode, minutes, site set);
 * kept in memory (the most recently used few) and in the database.
 *
 * <p>Thread-safe: concurrent requests for the same key build it once.
 */
public final class CoverageMatrixService {
    private static final Logger LOG = LoggerFactory.getLogger(CoverageMatrixService.class);

    private final Function<String, Optional<RoadNetwork>> networks;
    private final CoverageRepository versions;
    private final DemandRepository demand;
    private final SiteReachRepository store;
    private final int maxCached;
    private final Map<MatrixKey, SiteReach> cache;
    private final Map<MatrixKey, Object> building = new ConcurrentHashMap<>();
    private final Map<String, List<LatLon>> centres = Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<LatLon>> eldest) {
            return size() > 8;
        }
    });

    /**
     * @param networks the current road network of a region, empty when none is loaded
     * @param maxCached matrices kept in memory (1–64); a city-scale matrix of 10,000 candidates holds tens of MB
     */
    public CoverageMatrixService(
            Function<String, Optional<RoadNetwork>> networks,
            CoverageRepository versions,
            DemandRepository demand,
            SiteReachRepository store,
            int maxCached) {
        this.networks = Objects.requireNonNull(networks, "networks");
        this.versions = Objects.requireNonNull(versions, "versions");
        this.demand = Objects.requireNonNull(demand, "demand");
        this.store = Objects.requireNonNull(store, "store");
        if (maxCached < 1 || maxCached > 64) {
            throw new IllegalArgumentException("matrices cached " + maxCached + " is out of range 1..64");
        }
        this.maxCached = maxCached;
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<MatrixKey, SiteReach> eldest) {
                return size() > CoverageMatrixService.this.maxCached;
            }
        });
    }

    /**
     * The context on the region's current network and the group's latest demand layer.
     *
     * @throws NotFoundException when the region has no road network loaded
     * @throws ConflictException when the group has no demand layer in the region
     */
    public PlanningContext context(String regionCode, WorkerGroup group, TravelMode mode) {
        DemandLayerInfo latest = demand.latest(regionCode, group)
                .orElseThrow(() -> new ConflictException("no demand layer for " + group.code() + " in region '"
                        + regionCode + "'; import demand (or run coverage once) first"));
        return context(regionCode, group, mode, latest.id());
    }

    /**
     * The context on the region's current network and a given demand layer.
     *
     * @throws NotFoundException when the region has no road network loaded or no such layer
     */
    public PlanningContext context(String regionCode, WorkerGroup group, TravelMode mode, long demandLayerId) {
        RoadNetwork network = networks.apply(regionCode)
                .orElseThrow(() -> new NotFoundException("no road network is loaded for region '" + regionCode
                        + "'; import an OSM extract for it first"));
        NetworkVersion version = versions.recordNetworkVersion(regionCode, network.info());
        DemandLayerInfo info = demand.find(regionCode, demandLayerId)
                .orElseThrow(() ->
                        new NotFoundException("no demand layer " + demandLayerId + " in region '" + regionCode + "'"));
        DemandLayer layer = demand.load(regionCode, demandLayerId);
        List<LatLon> points = centres.computeIfAbsent(regionCode + "#" + demandLayerId, k -> layer.centres());
        return new PlanningContext(regionCode, group, mode, network, version, info, layer, points);
    }

    /** The sites sorted by id (the row order of every matrix); ids must be distinct. */
    public static List<Site> sorted(List<Site> sites) {
        List<Site> s = new ArrayList<>(sites);
        s.sort(Comparator.comparing(Site::id));
        for (int k = 1; k < s.size(); k++) {
            if (s.get(k).id().equals(s.get(k - 1).id())) {
                throw new IllegalArgumentException("site '" + s.get(k).id() + "' is listed twice");
            }
        }
        return s;
    }

    /** The matrix of these sites within {@code minutes}, when it is in memory or stored (never builds). */
    public Optional<SiteReach> find(PlanningContext ctx, List<Site> sites, int minutes) {
        MatrixKey key = ctx.key(sorted(sites), minutes);
        SiteReach m = cache.get(key);
        if (m != null) {
            return Optional.of(m);
        }
        Optional<SiteReach> stored = store.find(key);
        stored.ifPresent(s -> cache.put(key, s));
        return stored;
    }

    /** Whether the matrix is in memory or stored (a cheap check before deciding to run a job). */
    public boolean ready(PlanningContext ctx, List<Site> sites, int minutes) {
        MatrixKey key = ctx.key(sorted(sites), minutes);
        return cache.containsKey(key) || store.find(key).isPresent();
    }

    /**
     * The matrix of these sites within {@code minutes}: from memory, from the store, or built on the network (and
     * stored). Rows are in site-id order.
     */
    public SiteReach reach(PlanningContext ctx, List<Site> sites, int minutes) {
        List<Site> sortedSites = sorted(sites);
        MatrixKey key = ctx.key(sortedSites, minutes);
        SiteReach m = cache.get(key);
        if (m != null) {
            return m;
        }
        synchronized (building.computeIfAbsent(key, k -> new Object())) {
            try {
                m = cache.get(key);
                if (m != null) {
                    return m;
                }
                Optional<SiteReach> stored = store.find(key);
                if (stored.isPresent()) {
                    cache.put(key, stored.get());
                    return stored.get();
                }
                SiteReach built = build(ctx, sortedSites, key);
                SiteReach saved = store.save(built);
                cache.put(key, saved);
                int pruned = store.deleteStale(
                        ctx.regionCode(),
                        ctx.networkVersion().id(),
                        ctx.layerInfo().id());
                if (pruned > 0) {
                    LOG.info(
                            "planning {}: deleted {} reach matrices of older networks or demand",
                            ctx.regionCode(),
                            pruned);
                }
                return saved;
            } finally {
                building.remove(key);
            }
        }
    }

    /** A stored matrix by id (from memory when it is there). */
    public SiteReach byId(String regionCode, long matrixId) {
        synchronized (cache) {
            for (SiteReach m : cache.values()) {
                if (m.id() == matrixId && m.key().regionCode().equals(regionCode)) {
                    return m;
                }
            }
        }
        return store.findById(regionCode, matrixId)
                .orElseThrow(
                        () -> new NotFoundException("no reach matrix " + matrixId + " in region '" + regionCode + "'"));
    }

    /** One site's row of a stored matrix, without loading the whole matrix when it is not in memory. */
    public Optional<SiteReach.Row> row(String regionCode, long matrixId, String siteId) {
        synchronized (cache) {
            for (SiteReach m : cache.values()) {
                if (m.id() == matrixId && m.key().regionCode().equals(regionCode)) {
                    return m.findSite(siteId).stream().mapToObj(m::row).findFirst();
                }
            }
        }
        return store.findRow(regionCode, matrixId, siteId);
    }

    /**
     * The reach of sites computed afresh on the network, neither cached nor stored (for full recomputations that
     * check incremental results).
     */
    public SiteReach compute(PlanningContext ctx, List<Site> sites, int minutes) {
        List<Site> sortedSites = sorted(sites);
        return build(ctx, sortedSites, ctx.key(sortedSites, minutes));
    }

    /** A stored demand layer (for rebuilding a scenario's figures without a network). */
    public dev.outpost.demand.DemandLayer layer(String regionCode, long demandLayerId) {
        return demand.load(regionCode, demandLayerId);
    }

    /** The centres of a layer's cells, cached per layer. */
    public List<LatLon> centres(String regionCode, long demandLayerId, dev.outpost.demand.DemandLayer layer) {
        return centres.computeIfAbsent(regionCode + "#" + demandLayerId, k -> layer.centres());
    }

    /** The reach of one position (one bounded search towards it), not stored. */
    public SiteReach single(PlanningContext ctx, Site site, int minutes) {
        return build(ctx, List.of(site), ctx.key(List.of(site), minutes));
    }

    private static SiteReach build(PlanningContext ctx, List<Site> sortedSites, MatrixKey key) {
        long start = System.nanoTime();
        List<LatLon> origins = new ArrayList<>(sortedSites.size());
        List<String> ids = new ArrayList<>(sortedSites.size());
        for (Site s : sortedSites) {
            origins.add(s.position());
            ids.add(s.id());
        }
        ReachMatrix m =
                ctx.network().reachMatrix(origins, ctx.centres(), ctx.mode(), key.minutes() * 60, Direction.TO_ORIGIN);
        long millis = (System.nanoTime() - start) / 1_000_000;
        SiteReach reach = SiteReach.of(key, ids, m, millis);
        if (sortedSites.size() > 1) {
            LOG.info(
                    "planning {}: reach matrix of {} sites x {} cells within {} min built in {} ms ({} pairs)",
                    ctx.regionCode(),
                    sortedSites.size(),
                    ctx.centres().size(),
                    key.minutes(),
                    millis,
                    reach.pairCount());
        }
        return reach;
    }
}
