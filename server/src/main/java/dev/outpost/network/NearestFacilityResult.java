package dev.outpost.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * For every demand point, the facility it reaches fastest and the travel time, as parallel arrays (one slot per demand
 * point, in input order) so that tens of thousands of points stay cheap. Immutable: arrays are copied in and out.
 *
 * <p>Travel times run from the demand point's road point to the facility's road point, along one-way streets in
 * their legal direction, and include the partial road segments at both ends. Walking from a point to its road point
 * is not included; see {@link #snapDistanceMeters(int)}.
 */
public final class NearestFacilityResult {
    private final TravelMode mode;
    private final int maxSeconds;
    private final ReachStatus[] status;
    private final int[] facilityIndex;
    private final int[] travelTimeSeconds;
    private final double[] snapDistanceMeters;
    private final List<Integer> offNetworkFacilities;

    /**
     * @param status per demand point
     * @param facilityIndex per demand point: index into the facility list, -1 unless {@link ReachStatus#REACHED}
     * @param travelTimeSeconds per demand point: seconds to that facility (0..maxSeconds), -1 unless reached
     * @param snapDistanceMeters per demand point: metres to its road point, NaN when it did not snap at all
     * @param offNetworkFacilities indices of facilities that could not be placed on the network and were ignored
     */
    public NearestFacilityResult(
            TravelMode mode,
            int maxSeconds,
            ReachStatus[] status,
            int[] facilityIndex,
            int[] travelTimeSeconds,
            double[] snapDistanceMeters,
            List<Integer> offNetworkFacilities) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.maxSeconds = maxSeconds;
        int n = status.length;
        if (facilityIndex.length != n || travelTimeSeconds.length != n || snapDistanceMeters.length != n) {
            throw new IllegalArgumentException("nearest-facility arrays differ in length: status " + n
                    + ", facilityIndex " + facilityIndex.length + ", travelTimeSeconds " + travelTimeSeconds.length
                    + ", snapDistanceMeters " + snapDistanceMeters.length);
        }
        for (int i = 0; i < n; i++) {
            boolean reached = Objects.requireNonNull(status[i], "status") == ReachStatus.REACHED;
            if (reached != (facilityIndex[i] >= 0)
                    || reached != (travelTimeSeconds[i] >= 0)
                    || travelTimeSeconds[i] > maxSeconds) {
                throw new IllegalArgumentException("demand point " + i + ": status " + status[i] + " with facility "
                        + facilityIndex[i] + " and " + travelTimeSeconds[i] + " s (limit " + maxSeconds + " s)");
            }
        }
        this.status = status.clone();
        this.facilityIndex = facilityIndex.clone();
        this.travelTimeSeconds = travelTimeSeconds.clone();
        this.snapDistanceMeters = snapDistanceMeters.clone();
        this.offNetworkFacilities = Collections.unmodifiableList(new ArrayList<>(offNetworkFacilities));
    }

    public TravelMode mode() {
        return mode;
    }

    /** The time limit of the search in seconds. */
    public int maxSeconds() {
        return maxSeconds;
    }

    /** Number of demand points. */
    public int size() {
        return status.length;
    }

    public ReachStatus status(int demandIndex) {
        return status[demandIndex];
    }

    /** Index of the nearest facility by time, or -1 when the point is not {@link ReachStatus#REACHED}. */
    public int facilityIndex(int demandIndex) {
        return facilityIndex[demandIndex];
    }

    /** Travel time to the nearest facility in whole seconds (rounded), or -1 when not reached. */
    public int travelTimeSeconds(int demandIndex) {
        return travelTimeSeconds[demandIndex];
    }

    /** Distance from the demand point to its road point in metres; NaN when no road was found at all. */
    public double snapDistanceMeters(int demandIndex) {
        return snapDistanceMeters[demandIndex];
    }

    /** Copy of all facility indices (-1 where not reached). */
    public int[] facilityIndices() {
        return facilityIndex.clone();
    }

    /** Copy of all travel times in seconds (-1 where not reached). */
    public int[] travelTimesSeconds() {
        return travelTimeSeconds.clone();
    }

    /** Number of demand points with the given status. */
    public int count(ReachStatus wanted) {
        int count = 0;
        for (ReachStatus s : status) {
            if (s == wanted) {
                count++;
            }
        }
        return count;
    }

    /** Indices of facilities that could not be placed on the network (they took no part in the search). */
    public List<Integer> offNetworkFacilities() {
        return offNetworkFacilities;
    }
}
