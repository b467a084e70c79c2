package dev.outpost.rider;

import dev.outpost.geo.LatLon;
import dev.outpost.network.PointNotOnNetworkException;
import dev.outpost.network.PreparedPoints;
import dev.outpost.network.RankedFacility;
import dev.outpost.network.RoadNetwork;
import dev.outpost.network.Route;
import dev.outpost.network.TravelMode;
import dev.outpost.station.OpeningHours;
import dev.outpost.station.Station;
import dev.outpost.station.StationCatalog;
import dev.outpost.station.StationQuery;
import dev.outpost.station.StationStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.locationtech.jts.geom.LineString;

/**
 * The nearest open stations by travel time on the road network. Thread-safe.
 *
 * <p>Candidates are the region's stations with status {@link StationStatus#OPEN}, known opening hours that are open
 * at the query's moment, and every required service. They are ranked with {@link RoadNetwork#nearestByTime}, searching
 * at most {@link #SEARCH_LIMIT_SECONDS} from the rider. To keep each search small, only the stations nearest by
 * straight line are handed to the network first; the answer is then proven complete: a station farther away by
 * straight line can only be faster if its straight-line distance, less twice the network's snapping allowance,
 * covered at the mode's top speed ({@link ModeSpeeds#upperBoundKmh}) beats the slowest station found, and all such
 * stations are added and searched again. The result is therefore the same as searching every candidate.
 *
 * <p>When the rider's position is off the network ({@link PointNotOnNetworkException}) or the region has no network,
 * the stations are ranked by straight-line distance instead, with times estimated at {@link ModeSpeeds#typicalKmh},
 * and the result says so ({@link RankingMethod#STRAIGHT_LINE} with the reason).
 *
 * <p>The region's stations are read through the {@link StationCatalog} and kept for {@code stationCacheTtl}, or until
 * {@link #stationsChanged} (changes that bypass the catalogue, such as imports, show up after at most the time to live);
 * opening hours are evaluated for every minute in which a query asks.
 *
 * <p>Prepared stations: each set of stations read (a "station-set version") keeps, per travel mode, the stations
 * placed on the region's road network once ({@link RoadNetwork#prepare}); a query searches a subset of them and
 * places only the rider's position. The prepared stations are dropped with their set when the stations change
 * ({@link #stationsChanged}, or a re-read that finds different stations; an identical re-read keeps them), and
 * placed again when the region's network was reloaded ({@link RoadNetwork#owns} says no). Answers are the same as
 * placing the stations on every query.
 */
public final class NearestService {
    /** The travel-time horizon of a search: stations more than an hour away are not "nearby". */
    public static final int SEARCH_LIMIT_SECONDS = 3_600;

    /** Straight-line distances are shortened by this share before bounding, for the sphere-versus-ellipsoid gap. */
    private static final double DISTANCE_SLACK = 0.005;

    private static final double DEFAULT_SNAP_ALLOWANCE_METERS = 500;

    private final StationCatalog catalog;
    private final NetworkLookup networks;
    private final Clock clock;
    private final Duration stationCacheTtl;
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    /**
     * @param stationCacheTtl how long the region's stations are reused between queries; {@link Duration#ZERO} reads
     *     them on every query
     */
    public NearestService(StationCatalog catalog, NetworkLookup networks, Clock clock, Duration stationCacheTtl) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.networks = Objects.requireNonNull(networks, "networks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stationCacheTtl = Objects.requireNonNull(stationCacheTtl, "stationCacheTtl");
        if (stationCacheTtl.isNegative()) {
            throw new IllegalArgumentException("station cache time " + stationCacheTtl + " must not be negative");
        }
    }

    /**
     * Forgets the stations read for a region, so that the next query reads them again (call after a station of the
     * region was saved or deleted). Cheap; thread-safe.
     */
    public void stationsChanged(String regionCode) {
        snapshots.remove(regionCode);
    }

    /** Answers the query. Never throws for positions off the network (see the class comment). */
    public NearestResult find(NearestQuery query) {
        Instant at = query.openAt() != null ? query.openAt() : clock.instant();
        List<Candidate> candidates = candidates(snapshot(query.regionCode()), query, at);
        Optional<RoadNetwork> network = networks.find(query.regionCode());
        if (network.isEmpty()) {
            return straightLine(
                    query, at, candidates, "region '" + query.regionCode() + "' has no road network loaded");
        }
        try {
            return overNetwork(query, at, candidates, network.get());
        } catch (PointNotOnNetworkException e) {
            return straightLine(query, at, candidates, e.getMessage());
        }
    }

    /** The stations of the region that could be an answer, nearest by straight line first. */
    private List<Candidate> candidates(Snapshot snapshot, NearestQuery query, Instant at) {
        Set<dev.outpost.station.StationService> required = query.requiredServices();
        boolean[] open = snapshot.openAt(at);
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < open.length; i++) {
            Station s = snapshot.stations.get(i);
            if (open[i] && s.offersAll(required)) {
                out.add(new Candidate(snapshot, i, query.origin().distanceMeters(s.location())));
            }
        }
        out.sort(BY_STRAIGHT_LINE);
        return out;
    }

    /** Nearest by straight line first, then by station id (unsaved stations last); no boxing on the hot path. */
    private static final Comparator<Candidate> BY_STRAIGHT_LINE = (a, b) -> {
        int byDistance = Double.compare(a.straightLineMeters(), b.straightLineMeters());
        if (byDistance != 0) {
            return byDistance;
        }
        Long x = a.station().id();
        Long y = b.station().id();
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : 1) : -1;
        }
        return Long.compare(x, y);
    };

    /**
     * The region's stations, read at most every {@code stationCacheTtl}. When the copy is stale, one caller reloads it
     * while the others keep using the stale one, so a reload never stalls many requests at once.
     */
    private Snapshot snapshot(String regionCode) {
        Instant now = clock.instant();
        Snapshot s = snapshots.get(regionCode);
        if (s == null) {
            synchronized (this) {
                s = snapshots.get(regionCode);
                if (s == null) {
                    s = load(regionCode, now);
                    snapshots.put(regionCode, s);
                }
                return s;
            }
        }
        boolean stale = stationCacheTtl.isZero() || !now.isBefore(s.loadedAt.plus(stationCacheTtl));
        if (stale && s.refreshing.compareAndSet(false, true)) {
            try {
                Snapshot fresh = load(regionCode, now);
                if (fresh.stations.equals(s.stations)) {
                    fresh = s.renewed(now); // same station set: keep what was worked out for it
                }
                // replace only the copy that was refreshed: a stationsChanged() meanwhile removed it, and then the
                // stations read here may predate the change
                if (!snapshots.replace(regionCode, s, fresh)) {
                    return snapshot(regionCode);
                }
                return fresh;
            } catch (RuntimeException e) {
                s.refreshing.set(false);
                throw e;
            }
        }
        return s;
    }

    private Snapshot load(String regionCode, Instant now) {
        StationQuery q = StationQuery.all(regionCode)
                .withStatuses(Set.of(StationStatus.OPEN))
                .withLimit(StationQuery.MAX_LIMIT);
        return new Snapshot(now, catalog.find(q));
    }

    private NearestResult overNetwork(NearestQuery query, Instant at, List<Candidate> candidates, RoadNetwork network) {
        int limit = query.limit();
        int size = candidates.size();
        List<RankedFacility> ranked = List.of();
        if (size > 0) {
            PreparedPoints prepared = candidates.get(0).snapshot.prepared(network, query.mode());
            double topSpeedMetersPerSecond = ModeSpeeds.upperBoundKmh(query.mode(), network.info()) / 3.6;
            double snapAllowanceMeters = 2 * snapAllowance(network);
            int n = Math.min(size, Math.max(limit + 8, 12));
            ranked = search(network, query, candidates, prepared, n);
            while (n < size) {
                int boundSeconds =
                        ranked.size() >= limit ? ranked.get(limit - 1).travelTimeSeconds() : SEARCH_LIMIT_SECONDS;
                int needed = n;
                while (needed < size
                        && lowerBoundSeconds(candidates.get(needed), snapAllowanceMeters, topSpeedMetersPerSecond)
                                <= boundSeconds) {
                    needed++;
                }
                if (needed == n) {
                    break;
                }
                n = needed;
                ranked = search(network, query, candidates, prepared, n);
            }
        } else {
            // still check the position, so that an off-network position is reported the same way with or without
            // candidates
            network.nearestByTime(query.origin(), List.of(query.origin()), query.mode(), 1, 1);
        }
        List<NearestStation> out = new ArrayList<>();
        String start = HandoffLinks.startParameter(query.origin());
        for (RankedFacility r : ranked) {
            Candidate c = candidates.get(r.facilityIndex());
            LineString route = null;
            if (query.includeRoute()) {
                route = route(network, query, c.station().location());
            }
            out.add(result(query, at, c, r.travelTimeSeconds(), r.distanceMeters(), route, start));
        }
        return new NearestResult(query, at, RankingMethod.NETWORK, null, size, out);
    }

    /** Searches the first {@code n} candidates (nearest by straight line), from the snapshot's prepared stations. */
    private static List<RankedFacility> search(
            RoadNetwork network, NearestQuery query, List<Candidate> candidates, PreparedPoints prepared, int n) {
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = candidates.get(i).index();
        }
        return network.nearestByTime(query.origin(), prepared.subset(indices), query.limit(), SEARCH_LIMIT_SECONDS);
    }

    /** A time no network path to the candidate can beat. */
    static double lowerBoundSeconds(Candidate c, double snapAllowanceMeters, double topSpeedMetersPerSecond) {
        double meters = c.straightLineMeters() * (1 - DISTANCE_SLACK) - snapAllowanceMeters;
        return Math.max(0, meters) / topSpeedMetersPerSecond;
    }

    private static double snapAllowance(RoadNetwork network) {
        String v = network.info().settings().get("maxSnapDistanceMeters");
        if (v != null) {
            try {
                double d = Double.parseDouble(v);
                if (d >= 0 && Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // fall through to the default
            }
        }
        return DEFAULT_SNAP_ALLOWANCE_METERS;
    }

    private static LineString route(RoadNetwork network, NearestQuery query, LatLon to) {
        try {
            return network.route(query.origin(), to, query.mode())
                    .map(Route::geometry)
                    .orElse(null);
        } catch (PointNotOnNetworkException e) {
            return null;
        }
    }

    private NearestResult straightLine(NearestQuery query, Instant at, List<Candidate> candidates, String reason) {
        double metersPerSecond = ModeSpeeds.typicalKmh(query.mode()) / 3.6;
        List<NearestStation> out = new ArrayList<>();
        String start = HandoffLinks.startParameter(query.origin());
        for (Candidate c : candidates.subList(0, Math.min(query.limit(), candidates.size()))) {
            int seconds = (int) Math.round(c.straightLineMeters() / metersPerSecond);
            out.add(result(query, at, c, seconds, c.straightLineMeters(), null, start));
        }
        return new NearestResult(query, at, RankingMethod.STRAIGHT_LINE, reason, candidates.size(), out);
    }

    /** One answer; {@code start} is {@link HandoffLinks#startParameter} of the query's origin. */
    private static NearestStation result(
            NearestQuery query, Instant at, Candidate c, int seconds, double meters, LineString route, String start) {
        Station s = c.station();
        OpenState.Status status = OpenState.at(s.openingHours(), at);
        boolean openOnArrival = s.openingHours().isOpenAt(at.plusSeconds(seconds));
        HandoffLinks links = c.snapshot.links(c.index, query.mode()).fromStart(start);
        return new NearestStation(s, seconds, meters, c.straightLineMeters(), status, openOnArrival, route, links);
    }

    /** A candidate station (by its index in the snapshot) and its straight-line distance from the rider in metres. */
    record Candidate(Snapshot snapshot, int index, double straightLineMeters) {
        Station station() {
            return snapshot.stations.get(index);
        }
    }

    /**
     * The region's open stations as read at {@code loadedAt}, with what can be worked out once for all queries: which
     * are open in the current minute (opening hours have minute resolution, so every instant of a minute gives the
     * same answer) and the hand-off links without origin.
     */
    static final class Snapshot {
        final Instant loadedAt;
        final List<Station> stations;
        final AtomicBoolean refreshing = new AtomicBoolean();
        private final Map<Integer, HandoffLinks> links;
        private final Map<TravelMode, PreparedPoints> prepared;
        private volatile OpenInMinute lastMinute;

        Snapshot(Instant loadedAt, List<Station> stations) {
            this(loadedAt, List.copyOf(stations), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), null);
        }

        private Snapshot(
                Instant loadedAt,
                List<Station> stations,
                Map<Integer, HandoffLinks> links,
                Map<TravelMode, PreparedPoints> prepared,
                OpenInMinute lastMinute) {
            this.loadedAt = loadedAt;
            this.stations = stations;
            this.links = links;
            this.prepared = prepared;
            this.lastMinute = lastMinute;
        }

        /** The same station set, read again at {@code at}: shares the links and prepared stations. */
        Snapshot renewed(Instant at) {
            return new Snapshot(at, stations, links, prepared, lastMinute);
        }

        /**
         * The stations placed on the network for the mode (indices as in {@link #stations}), placed on first use and
         * again when the network is not the one that placed them (reloaded). One caller places them while callers
         * for the same mode wait, so a reload costs one placing, not one per waiting query.
         */
        PreparedPoints prepared(RoadNetwork network, TravelMode mode) {
            PreparedPoints p = prepared.get(mode);
            if (p != null && network.owns(p)) {
                return p;
            }
            synchronized (prepared) {
                p = prepared.get(mode);
                if (p == null || !network.owns(p)) {
                    List<LatLon> locations = new ArrayList<>(stations.size());
                    for (Station s : stations) {
                        locations.add(s.location());
                    }
                    p = network.prepare(mode, locations);
                    prepared.put(mode, p);
                }
                return p;
            }
        }

        /** For each station, whether it is open at {@code at} (false for unknown hours). Do not modify. */
        boolean[] openAt(Instant at) {
            long minute = Math.floorDiv(at.getEpochSecond(), 60);
            OpenInMinute cached = lastMinute;
            if (cached != null && cached.minute == minute) {
                return cached.open;
            }
            Instant start = Instant.ofEpochSecond(minute * 60);
            boolean[] open = new boolean[stations.size()];
            for (int i = 0; i < open.length; i++) {
                OpeningHours hours = stations.get(i).openingHours();
                open[i] = hours != null && hours.isOpenAt(start);
            }
            lastMinute = new OpenInMinute(minute, open);
            return open;
        }

        HandoffLinks links(int index, TravelMode mode) {
            return links.computeIfAbsent(index * TravelMode.values().length + mode.ordinal(), k -> {
                Station s = stations.get(index);
                return HandoffLinks.forStation(s.location(), s.name(), mode);
            });
        }
    }

    private record OpenInMinute(long minute, boolean[] open) {}
}
