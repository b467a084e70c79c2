package dev.outpost.network;

import java.util.List;
import java.util.Objects;

/**
 * Which demand points each origin (candidate site, station) reaches within a time limit, in which direction, and in
 * how many seconds: the coverage matrix of the siting problems, stored as one sparse {@link ReachRow} per origin.
 * Immutable.
 */
public final class ReachMatrix {
    private final TravelMode mode;
    private final Direction direction;
    private final int maxSeconds;
    private final List<ReachRow> rows;
    private final double[] originSnapDistanceMeters;
    private final double[] demandSnapDistanceMeters;
    private final boolean[] originOnNetwork;
    private final boolean[] demandOnNetwork;

    /**
     * @param direction {@link Direction#TO_ORIGIN}: times from each demand point to the origin (who reaches the
     *     station); {@link Direction#FROM_ORIGIN}: from the origin out to the demand points
     * @param rows one per origin; an origin that is off the network has an empty row
     * @param originSnapDistanceMeters per origin, metres to its road point (NaN when none was found)
     * @param originOnNetwork per origin, whether it was placed on the network
     * @param demandSnapDistanceMeters per demand point, metres to its road point (NaN when none was found)
     * @param demandOnNetwork per demand point, whether it was placed on the network (off-network points are never
     *     reached)
     */
    public ReachMatrix(
            TravelMode mode,
            Direction direction,
            int maxSeconds,
            List<ReachRow> rows,
            double[] originSnapDistanceMeters,
            boolean[] originOnNetwork,
            double[] demandSnapDistanceMeters,
            boolean[] demandOnNetwork) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.direction = Objects.requireNonNull(direction, "direction");
        this.maxSeconds = maxSeconds;
        this.rows = List.copyOf(rows);
        if (originSnapDistanceMeters.length != this.rows.size() || originOnNetwork.length != this.rows.size()) {
            throw new IllegalArgumentException("reach matrix has " + this.rows.size() + " rows but "
                    + originSnapDistanceMeters.length + " origin distances and " + originOnNetwork.length
                    + " origin flags");
        }
        if (demandSnapDistanceMeters.length != demandOnNetwork.length) {
            throw new IllegalArgumentException("reach matrix has " + demandSnapDistanceMeters.length
                    + " demand distances but " + demandOnNetwork.length + " demand flags");
        }
        int demandCount = demandOnNetwork.length;
        for (int c = 0; c < this.rows.size(); c++) {
            ReachRow row = this.rows.get(c);
            if (row.size() > 0 && row.demandIndex(row.size() - 1) >= demandCount) {
                throw new IllegalArgumentException("reach matrix row " + c + " names demand point "
                        + row.demandIndex(row.size() - 1) + " but there are only " + demandCount);
            }
            for (int k = 0; k < row.size(); k++) {
                if (row.travelTimeSeconds(k) > maxSeconds) {
                    throw new IllegalArgumentException("reach matrix row " + c + " has " + row.travelTimeSeconds(k)
                            + " s, above the limit of " + maxSeconds + " s");
                }
            }
        }
        this.originSnapDistanceMeters = originSnapDistanceMeters.clone();
        this.originOnNetwork = originOnNetwork.clone();
        this.demandSnapDistanceMeters = demandSnapDistanceMeters.clone();
        this.demandOnNetwork = demandOnNetwork.clone();
    }

    public TravelMode mode() {
        return mode;
    }

    public Direction direction() {
        return direction;
    }

    /** The time limit in seconds; every time in the matrix is at most this. */
    public int maxSeconds() {
        return maxSeconds;
    }

    /** Number of origins (rows). */
    public int originCount() {
        return rows.size();
    }

    /** Number of demand points (columns). */
    public int demandCount() {
        return demandOnNetwork.length;
    }

    /** The sparse row of an origin. */
    public ReachRow row(int originIndex) {
        return rows.get(originIndex);
    }

    /** All rows, in origin order (unmodifiable). */
    public List<ReachRow> rows() {
        return rows;
    }

    public boolean originOnNetwork(int originIndex) {
        return originOnNetwork[originIndex];
    }

    public double originSnapDistanceMeters(int originIndex) {
        return originSnapDistanceMeters[originIndex];
    }

    public boolean demandOnNetwork(int demandIndex) {
        return demandOnNetwork[demandIndex];
    }

    public double demandSnapDistanceMeters(int demandIndex) {
        return demandSnapDistanceMeters[demandIndex];
    }

    /** Total number of (origin, demand point) pairs within the limit. */
    public long nonZeroCount() {
        long total = 0;
        for (ReachRow row : rows) {
            total += row.size();
        }
        return total;
    }
}
