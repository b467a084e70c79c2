package dev.outpost.network;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * The demand points that one origin (a candidate site) reaches, or that reach it, within a time limit: a sparse row
 * of a {@link ReachMatrix}. Indices are strictly increasing. Immutable.
 */
public final class ReachRow {
    private static final ReachRow EMPTY = new ReachRow(new int[0], new int[0]);

    private final int[] demandIndices;
    private final int[] travelTimesSeconds;

    /**
     * @param demandIndices strictly increasing indices into the demand list
     * @param travelTimesSeconds seconds for each of them, not negative
     */
    public ReachRow(int[] demandIndices, int[] travelTimesSeconds) {
        if (demandIndices.length != travelTimesSeconds.length) {
            throw new IllegalArgumentException(
                    "reach row has " + demandIndices.length + " indices but " + travelTimesSeconds.length + " times");
        }
        for (int k = 0; k < demandIndices.length; k++) {
            if ((k > 0 && demandIndices[k] <= demandIndices[k - 1]) || demandIndices[k] < 0) {
                throw new IllegalArgumentException(
                        "reach row indices must be strictly increasing and not negative, at position " + k);
            }
            if (travelTimesSeconds[k] < 0) {
                throw new IllegalArgumentException(
                        "reach row time " + travelTimesSeconds[k] + " s at position " + k + " is negative");
            }
        }
        this.demandIndices = demandIndices.clone();
        this.travelTimesSeconds = travelTimesSeconds.clone();
    }

    public static ReachRow empty() {
        return EMPTY;
    }

    /** Number of demand points reached. */
    public int size() {
        return demandIndices.length;
    }

    /** The demand index at position {@code k} (0 ≤ k < size). */
    public int demandIndex(int k) {
        return demandIndices[k];
    }

    /** The travel time in whole seconds (rounded) at position {@code k}. */
    public int travelTimeSeconds(int k) {
        return travelTimesSeconds[k];
    }

    /** Copy of the demand indices. */
    public int[] demandIndices() {
        return demandIndices.clone();
    }

    /** Copy of the travel times in seconds, parallel to {@link #demandIndices()}. */
    public int[] travelTimesSeconds() {
        return travelTimesSeconds.clone();
    }

    /** The travel time for a demand point, empty when it is not in this row. */
    public OptionalInt secondsFor(int demandIndex) {
        int k = Arrays.binarySearch(demandIndices, demandIndex);
        return k >= 0 ? OptionalInt.of(travelTimesSeconds[k]) : OptionalInt.empty();
    }
}
