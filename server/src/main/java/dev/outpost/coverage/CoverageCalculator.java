package dev.outpost.coverage;

import dev.outpost.demand.DemandLayer;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.geo.LatLon;
import dev.outpost.network.Direction;
import dev.outpost.network.NearestFacilityResult;
import dev.outpost.network.PreparedPoints;
import dev.outpost.network.ReachMatrix;
import dev.outpost.network.ReachRow;
import dev.outpost.network.ReachStatus;
import dev.outpost.network.RoadNetwork;
import dev.outpost.network.TravelMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Computes {@link CoverageResult}s on a road network, in full or incrementally after one station changes.
 *
 * <p>Full computation: one multi-source nearest-facility search (cell → station over the reversed graph, bounded by
 * the search limit) gives every cell its minutes and its nearest station; one reach matrix (all stations, direction
 * {@link Direction#TO_ORIGIN}, bounded by the limit) gives every station the cells within the limit of it.
 *
 * <p>Incremental updates give exactly the times of a full recomputation: adding a station is one bounded
 * single-origin search towards it followed by a minimum with the stored times; removing one re-runs the
 * nearest-facility search only for the cells it was nearest to. Where two stations are equally near a cell the
 * station named may differ from a full run (the time never does).
 *
 * <p>Placing points on the network: a full computation places the cells and stations once ({@link
 * RoadNetwork#prepare}) for both of its searches, and the result keeps them, so that an incremental update places only
 * the changed station. A result kept across a network reload is not reused with the new network's prepared points:
 * they are placed again (the answer is the same either way).
 *
 * <p>Thread-safe if the network is (every {@link RoadNetwork} is).
 */
public final class CoverageCalculator {
    private final RoadNetwork network;

    public CoverageCalculator(RoadNetwork network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    public RoadNetwork network() {
        return network;
    }

    /** Full coverage of {@code layer} by {@code stations} for the group's travel mode. */
    public CoverageResult compute(
            WorkerGroup group,
            TravelMode mode,
            DemandLayer layer,
            List<ServingStation> stations,
            CoverageSettings settings) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(settings, "settings");
        if (layer.group() != group) {
            throw new IllegalArgumentException(
                    "the demand layer is for " + layer.group().code() + ", not " + group.code());
        }
        List<ServingStation> sorted = new ArrayList<>(stations);
        sorted.sort(java.util.Comparator.comparingLong(ServingStation::stationId));
        List<LatLon> centres = layer.centres();
        int n = centres.size();
        int[] seconds = new int[n];
        long[] stationIds = new long[n];
        boolean[] offNetwork = new boolean[n];
        java.util.Arrays.fill(seconds, -1);
        Set<Long> offNetworkStations = new HashSet<>();
        Map<Long, ReachRow> reach = new java.util.HashMap<>();

        List<LatLon> locations = sorted.stream().map(ServingStation::location).toList();
        PreparedPoints preparedCentres = network.prepare(mode, centres);
        PreparedPoints preparedStations = network.prepare(mode, locations);
        if (n > 0) {
            NearestFacilityResult nearest =
                    network.nearestFacility(preparedStations, preparedCentres, settings.searchLimitSeconds());
            for (int i = 0; i < n; i++) {
                ReachStatus status = nearest.status(i);
                if (status == ReachStatus.OFF_NETWORK) {
                    offNetwork[i] = true;
                } else if (status == ReachStatus.REACHED) {
                    seconds[i] = nearest.travelTimeSeconds(i);
                    stationIds[i] = sorted.get(nearest.facilityIndex(i)).stationId();
                }
            }
            for (int f : nearest.offNetworkFacilities()) {
                offNetworkStations.add(sorted.get(f).stationId());
            }
            if (!sorted.isEmpty()) {
                ReachMatrix matrix = network.reachMatrix(
                        preparedStations, preparedCentres, settings.limitSeconds(), Direction.TO_ORIGIN);
                for (int s = 0; s < sorted.size(); s++) {
                    if (!matrix.originOnNetwork(s)) {
                        offNetworkStations.add(sorted.get(s).stationId());
                    } else if (matrix.row(s).size() > 0) {
                        reach.put(sorted.get(s).stationId(), matrix.row(s));
                    }
                }
            }
        } else if (!sorted.isEmpty()) {
            // no cells: still find out which stations are off the network
            ReachMatrix matrix = network.reachMatrix(
                    preparedStations, preparedCentres, settings.limitSeconds(), Direction.TO_ORIGIN);
            for (int s = 0; s < sorted.size(); s++) {
                if (!matrix.originOnNetwork(s)) {
                    offNetworkStations.add(sorted.get(s).stationId());
                }
            }
        }
        return new CoverageResult(
                group,
                mode,
                settings,
                layer,
                centres,
                sorted,
                seconds,
                stationIds,
                offNetwork,
                offNetworkStations,
                reach,
                preparedCentres,
                preparedStations);
    }

    /** The result's cells as placed on this calculator's network: the kept ones when they are this network's. */
    private PreparedPoints centres(CoverageResult result) {
        PreparedPoints kept = result.preparedCentres();
        return kept != null && network.owns(kept) ? kept : network.prepare(result.mode(), result.centres());
    }

    /** The result's stations (in {@link CoverageResult#stations()} order) as placed on this network. */
    private PreparedPoints stations(CoverageResult result) {
        PreparedPoints kept = result.preparedStations();
        return kept != null && network.owns(kept)
                ? kept
                : network.prepare(
                        result.mode(),
                        result.stations().stream().map(ServingStation::location).toList());
    }

    /**
     * The coverage after adding one station: one search towards it bounded by the search limit, then per cell the
     * smaller of the stored and the new time (ties keep the stored station).
     *
     * @throws IllegalArgumentException when a station with that id is already part of the result
     */
    public CoverageResult withStationAdded(CoverageResult previous, ServingStation station) {
        Objects.requireNonNull(station, "station");
        if (previous.station(station.stationId()).isPresent()) {
            throw new IllegalArgumentException("station " + station.stationId()
                    + " is already part of this coverage; remove it first or use withStationMoved");
        }
        CoverageSettings settings = previous.settings();
        int[] seconds = previous.secondsCopy();
        long[] stationIds = previous.stationIdsCopy();
        Set<Long> offNetworkStations = new HashSet<>(previous.offNetworkStationIds());
        Map<Long, ReachRow> reach = previous.reachCopy();

        PreparedPoints centres = centres(previous);
        PreparedPoints added = network.prepare(previous.mode(), List.of(station.location()));
        ReachMatrix m = network.reachMatrix(added, centres, settings.searchLimitSeconds(), Direction.TO_ORIGIN);
        if (!m.originOnNetwork(0)) {
            offNetworkStations.add(station.stationId());
        } else {
            ReachRow row = m.row(0);
            int[] withinIdx = new int[row.size()];
            int[] withinSec = new int[row.size()];
            int within = 0;
            for (int k = 0; k < row.size(); k++) {
                int i = row.demandIndex(k);
                int t = row.travelTimeSeconds(k);
                if (seconds[i] < 0 || t < seconds[i]) {
                    seconds[i] = t;
                    stationIds[i] = station.stationId();
                }
                if (t <= settings.limitSeconds()) {
                    withinIdx[within] = i;
                    withinSec[within] = t;
                    within++;
                }
            }
            if (within > 0) {
                reach.put(
                        station.stationId(),
                        new ReachRow(
                                java.util.Arrays.copyOf(withinIdx, within),
                                java.util.Arrays.copyOf(withinSec, within)));
            }
        }
        List<ServingStation> stations = new ArrayList<>(previous.stations());
        stations.add(station);
        return new CoverageResult(
                previous.group(),
                previous.mode(),
                settings,
                previous.layer(),
                previous.centres(),
                stations,
                seconds,
                stationIds,
                previous.offNetworkCopy(),
                offNetworkStations,
                reach,
                centres,
                stationsWith(previous, added, station.stationId()));
    }

    /**
     * The result's placed stations plus the added one, in the order of the new result's stations (by id); null when
     * the result kept none of this network's.
     */
    private PreparedPoints stationsWith(CoverageResult previous, PreparedPoints added, long addedId) {
        PreparedPoints kept = previous.preparedStations();
        if (kept == null || !network.owns(kept)) {
            return null;
        }
        List<ServingStation> before = previous.stations();
        int n = before.size();
        int[] order = new int[n + 1];
        int k = 0;
        for (int s = 0; s < n; s++) {
            if (k == s && before.get(s).stationId() > addedId) {
                order[k++] = n; // the added station, joined at the end below
            }
            order[k++] = s;
        }
        if (k == n) {
            order[k] = n;
        }
        return kept.concat(added).subset(order);
    }

    /**
     * The coverage after removing one station: the cells it was nearest to are searched again (one multi-source
     * search over the remaining stations, for those cells only); all other cells keep their time and station.
     * Removing a station that is not part of the result returns {@code previous}.
     */
    public CoverageResult withStationRemoved(CoverageResult previous, long stationId) {
        if (previous.station(stationId).isEmpty()) {
            return previous;
        }
        CoverageSettings settings = previous.settings();
        int[] seconds = previous.secondsCopy();
        long[] stationIds = previous.stationIdsCopy();
        List<ServingStation> remaining = new ArrayList<>(previous.stations());
        remaining.removeIf(s -> s.stationId() == stationId);
        int[] remainingIndices = new int[remaining.size()];
        for (int s = 0, k = 0; s < previous.stations().size(); s++) {
            if (previous.stations().get(s).stationId() != stationId) {
                remainingIndices[k++] = s;
            }
        }
        PreparedPoints centres = centres(previous);
        PreparedPoints remainingPrepared = null;

        List<Integer> affected = new ArrayList<>();
        for (int i = 0; i < stationIds.length; i++) {
            if (stationIds[i] == stationId) {
                affected.add(i);
                seconds[i] = -1;
                stationIds[i] = 0;
            }
        }
        if (!affected.isEmpty() && !remaining.isEmpty()) {
            int[] affectedIndices =
                    affected.stream().mapToInt(Integer::intValue).toArray();
            remainingPrepared = stations(previous).subset(remainingIndices);
            NearestFacilityResult nearest = network.nearestFacility(
                    remainingPrepared, centres.subset(affectedIndices), settings.searchLimitSeconds());
            for (int k = 0; k < affected.size(); k++) {
                if (nearest.status(k) == ReachStatus.REACHED) {
                    int i = affected.get(k);
                    seconds[i] = nearest.travelTimeSeconds(k);
                    stationIds[i] = remaining.get(nearest.facilityIndex(k)).stationId();
                }
            }
        }
        Set<Long> offNetworkStations = new HashSet<>(previous.offNetworkStationIds());
        offNetworkStations.remove(stationId);
        Map<Long, ReachRow> reach = previous.reachCopy();
        reach.remove(stationId);
        return new CoverageResult(
                previous.group(),
                previous.mode(),
                settings,
                previous.layer(),
                previous.centres(),
                remaining,
                seconds,
                stationIds,
                previous.offNetworkCopy(),
                offNetworkStations,
                reach,
                centres,
                remainingPrepared != null
                        ? remainingPrepared
                        : previous.preparedStations() != null && network.owns(previous.preparedStations())
                                ? previous.preparedStations().subset(remainingIndices)
                                : null);
    }

    /** The coverage after a station moved (or was replaced): removal, then addition at the new position. */
    public CoverageResult withStationMoved(CoverageResult previous, ServingStation station) {
        return withStationAdded(withStationRemoved(previous, station.stationId()), station);
    }
}
