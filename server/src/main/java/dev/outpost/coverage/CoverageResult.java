package dev.outpost.coverage;

import dev.outpost.demand.DemandLayer;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.geo.LatLon;
import dev.outpost.network.PreparedPoints;
import dev.outpost.network.ReachRow;
import dev.outpost.network.TravelMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * The coverage of one demand layer by one set of serving stations on the road network: per cell, the travel time to
 * its nearest serving station (cell → station, one-way streets obeyed) and which station that is; per station, the
 * cells within the limit of it. Made by {@link CoverageCalculator}. Immutable and thread-safe (arrays are never
 * handed out).
 *
 * <p>Cells are in the demand layer's order; times are whole seconds. A cell is {@link CellStatus#COVERED} when its
 * time is at most the limit.
 */
public final class CoverageResult {
    private final WorkerGroup group;
    private final TravelMode mode;
    private final CoverageSettings settings;
    private final DemandLayer layer;
    private final List<LatLon> centres;
    private final List<ServingStation> stations;
    private final Map<Long, Integer> stationIndex;
    private final int[] seconds;
    private final long[] stationIds;
    private final boolean[] offNetwork;
    private final Set<Long> offNetworkStations;
    private final Map<Long, ReachRow> reachWithinLimit;
    private final PreparedPoints preparedCentres;
    private final PreparedPoints preparedStations;

    /**
     * @param preparedCentres the cell centres as placed on the network that computed this result (same order), or
     *     null; kept so that incremental updates do not place 10,000 cells again
     * @param preparedStations the stations as placed on that network, in the order of {@link #stations()} (by id), or
     *     null
     */
    CoverageResult(
            WorkerGroup group,
            TravelMode mode,
            CoverageSettings settings,
            DemandLayer layer,
            List<LatLon> centres,
            List<ServingStation> stations,
            int[] seconds,
            long[] stationIds,
            boolean[] offNetwork,
            Set<Long> offNetworkStations,
            Map<Long, ReachRow> reachWithinLimit,
            PreparedPoints preparedCentres,
            PreparedPoints preparedStations) {
        this.group = Objects.requireNonNull(group, "group");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.layer = Objects.requireNonNull(layer, "layer");
        int n = layer.size();
        if (centres.size() != n || seconds.length != n || stationIds.length != n || offNetwork.length != n) {
            throw new IllegalArgumentException("coverage arrays differ from the layer's " + n + " cells");
        }
        this.centres = List.copyOf(centres);
        List<ServingStation> sorted = new ArrayList<>(stations);
        sorted.sort(java.util.Comparator.comparingLong(ServingStation::stationId));
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            if (index.put(sorted.get(i).stationId(), i) != null) {
                throw new IllegalArgumentException("station " + sorted.get(i).stationId() + " is listed twice");
            }
        }
        for (int i = 0; i < n; i++) {
            if ((seconds[i] >= 0) != (stationIds[i] > 0) || (offNetwork[i] && seconds[i] >= 0)) {
                throw new IllegalArgumentException("cell " + i + ": " + seconds[i] + " s to station " + stationIds[i]
                        + (offNetwork[i] ? " while off the network" : ""));
            }
            if (stationIds[i] > 0 && !index.containsKey(stationIds[i])) {
                throw new IllegalArgumentException("cell " + i + " names unknown station " + stationIds[i]);
            }
        }
        this.stations = Collections.unmodifiableList(sorted);
        this.stationIndex = Collections.unmodifiableMap(index);
        this.seconds = seconds.clone();
        this.stationIds = stationIds.clone();
        this.offNetwork = offNetwork.clone();
        this.offNetworkStations = Collections.unmodifiableSet(new TreeSet<>(offNetworkStations));
        this.reachWithinLimit = Collections.unmodifiableMap(new HashMap<>(reachWithinLimit));
        if (preparedCentres != null && (preparedCentres.size() != n || preparedCentres.mode() != mode)) {
            throw new IllegalArgumentException("prepared centres (" + preparedCentres.size() + ", "
                    + preparedCentres.mode().code() + ") do not match the " + n + " cells by " + mode.code());
        }
        if (preparedStations != null && (preparedStations.size() != sorted.size() || preparedStations.mode() != mode)) {
            throw new IllegalArgumentException("prepared stations (" + preparedStations.size() + ", "
                    + preparedStations.mode().code() + ") do not match the " + sorted.size() + " stations by "
                    + mode.code());
        }
        this.preparedCentres = preparedCentres;
        this.preparedStations = preparedStations;
    }

    /** The cell centres as placed on the network that computed this result, or null (see the constructor). */
    PreparedPoints preparedCentres() {
        return preparedCentres;
    }

    /** The stations as placed on that network, in {@link #stations()} order, or null. */
    PreparedPoints preparedStations() {
        return preparedStations;
    }

    public WorkerGroup group() {
        return group;
    }

    public TravelMode mode() {
        return mode;
    }

    public CoverageSettings settings() {
        return settings;
    }

    public DemandLayer layer() {
        return layer;
    }

    /** Number of demand cells. */
    public int size() {
        return seconds.length;
    }

    public long cell(int index) {
        return layer.cell(index);
    }

    public double weight(int index) {
        return layer.weight(index);
    }

    /** The centre of a cell, WGS 84: the point the searches start from. */
    public LatLon centre(int index) {
        return centres.get(index);
    }

    /** All cell centres in cell order (unmodifiable). */
    public List<LatLon> centres() {
        return centres;
    }

    /** The position of a cell, or -1 when it is not in the layer. */
    public int indexOf(long cell) {
        return layer.indexOf(cell);
    }

    public CellStatus status(int index) {
        if (offNetwork[index]) {
            return CellStatus.OFF_NETWORK;
        }
        if (seconds[index] < 0) {
            return CellStatus.UNREACHABLE;
        }
        return seconds[index] <= settings.limitSeconds() ? CellStatus.COVERED : CellStatus.GAP;
    }

    /** Seconds from the cell to its nearest serving station, or -1 when none is within the search limit. */
    public int seconds(int index) {
        return seconds[index];
    }

    /** Minutes to the nearest serving station (seconds / 60), or NaN when none is within the search limit. */
    public double minutes(int index) {
        return seconds[index] < 0 ? Double.NaN : seconds[index] / 60.0;
    }

    /** The nearest serving station, empty when none is within the search limit. */
    public OptionalLong stationId(int index) {
        return stationIds[index] > 0 ? OptionalLong.of(stationIds[index]) : OptionalLong.empty();
    }

    /** The serving stations, ordered by id (unmodifiable), including those off the network. */
    public List<ServingStation> stations() {
        return stations;
    }

    /** A serving station by id. */
    public Optional<ServingStation> station(long stationId) {
        Integer i = stationIndex.get(stationId);
        return i == null ? Optional.empty() : Optional.of(stations.get(i));
    }

    /** Ids of serving stations that could not be placed on the road network (they cover nothing). */
    public Set<Long> offNetworkStationIds() {
        return offNetworkStations;
    }

    /**
     * The cells within the limit of a station, whether or not it is their nearest: indexes into this result's cells
     * with the seconds from each cell to the station. Empty for unknown or off-network stations.
     */
    public ReachRow reachWithinLimit(long stationId) {
        return reachWithinLimit.getOrDefault(stationId, ReachRow.empty());
    }

    /** Figures over all cells; the station count is that of all serving stations. */
    public CoverageTotals totals() {
        CoverageTotals.Accumulator acc = new CoverageTotals.Accumulator(settings.limitSeconds());
        for (int i = 0; i < seconds.length; i++) {
            acc.add(layer.weight(i), status(i), seconds[i]);
        }
        acc.stations = stations.size();
        return acc.build();
    }

    /** Per station: demand within the limit of it and its catchment (the cells it is nearest to), by id. */
    public List<StationCoverage> stationCoverage() {
        int k = stations.size();
        double[] catchment = new double[k];
        double[] catchmentCovered = new double[k];
        int[] catchmentCells = new int[k];
        for (int i = 0; i < seconds.length; i++) {
            if (stationIds[i] > 0) {
                int s = stationIndex.get(stationIds[i]);
                catchment[s] += layer.weight(i);
                catchmentCells[s]++;
                if (seconds[i] <= settings.limitSeconds()) {
                    catchmentCovered[s] += layer.weight(i);
                }
            }
        }
        List<StationCoverage> out = new ArrayList<>(k);
        for (int s = 0; s < k; s++) {
            long id = stations.get(s).stationId();
            ReachRow row = reachWithinLimit(id);
            double within = 0;
            for (int j = 0; j < row.size(); j++) {
                within += layer.weight(row.demandIndex(j));
            }
            out.add(new StationCoverage(
                    id,
                    !offNetworkStations.contains(id),
                    within,
                    row.size(),
                    catchment[s],
                    catchmentCovered[s],
                    catchmentCells[s]));
        }
        return out;
    }

    /**
     * Per serving station (by id): the weight of the cells within the limit of the station that are also within the
     * limit of at least one other serving station — the part of its service circle's demand it shares. Off-network
     * stations share nothing (0).
     */
    public Map<Long, Double> sharedDemandWithinLimit() {
        int[] reaching = new int[seconds.length];
        for (ServingStation s : stations) {
            ReachRow row = reachWithinLimit(s.stationId());
            for (int j = 0; j < row.size(); j++) {
                reaching[row.demandIndex(j)]++;
            }
        }
        Map<Long, Double> out = new java.util.LinkedHashMap<>();
        for (ServingStation s : stations) {
            ReachRow row = reachWithinLimit(s.stationId());
            double shared = 0;
            for (int j = 0; j < row.size(); j++) {
                int i = row.demandIndex(j);
                if (reaching[i] >= 2) {
                    shared += layer.weight(i);
                }
            }
            out.put(s.stationId(), shared);
        }
        return Collections.unmodifiableMap(out);
    }

    // package-private access for the calculator's incremental updates (copies)
    int[] secondsCopy() {
        return seconds.clone();
    }

    long[] stationIdsCopy() {
        return stationIds.clone();
    }

    boolean[] offNetworkCopy() {
        return offNetwork.clone();
    }

    Map<Long, ReachRow> reachCopy() {
        return new HashMap<>(reachWithinLimit);
    }
}
