package dev.outpost.network.graphhopper;

import dev.outpost.geo.LatLon;
import dev.outpost.network.PreparedPoints;
import dev.outpost.network.TravelMode;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * {@link PreparedPoints} of a {@link GraphHopperNetwork}: each point's {@link SnappedPoint} (null when off the
 * network) and snap distance, stamped with the owning network's token (one per loaded graph, see {@link
 * TravelTimeSearches}) so that another network instance recognises and rejects it. The token is a plain object, not
 * the network, so a prepared set kept somewhere never pins a replaced graph in memory.
 *
 * <p>Immutable and thread-safe. The demand lookup by road node ({@link TravelTimeSearches.DemandIndex}) is built on
 * first use per direction and kept; building it twice in a race is harmless (both copies are equal).
 */
final class GraphHopperPreparedPoints implements PreparedPoints {
    final Object owner;
    private final TravelMode mode;
    private final List<LatLon> points;
    private final SnappedPoint[] snapped;
    private final double[] distances;
    private volatile TravelTimeSearches.DemandIndex toOriginIndex;
    private volatile TravelTimeSearches.DemandIndex fromOriginIndex;

    /** Takes ownership of the arrays (callers pass fresh ones). */
    GraphHopperPreparedPoints(
            Object owner, TravelMode mode, List<LatLon> points, SnappedPoint[] snapped, double[] distances) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.points = List.copyOf(points);
        if (snapped.length != this.points.size() || distances.length != this.points.size()) {
            throw new IllegalArgumentException("prepared points: " + this.points.size() + " points but "
                    + snapped.length + " snaps and " + distances.length + " distances");
        }
        this.snapped = snapped;
        this.distances = distances;
    }

    @Override
    public TravelMode mode() {
        return mode;
    }

    @Override
    public int size() {
        return snapped.length;
    }

    @Override
    public LatLon point(int index) {
        return points.get(index);
    }

    @Override
    public List<LatLon> points() {
        return points;
    }

    @Override
    public boolean onNetwork(int index) {
        return snapped[index] != null;
    }

    @Override
    public double snapDistanceMeters(int index) {
        return distances[index];
    }

    @Override
    public GraphHopperPreparedPoints subset(int[] indices) {
        Objects.requireNonNull(indices, "indices");
        int n = indices.length;
        LatLon[] p = new LatLon[n];
        SnappedPoint[] s = new SnappedPoint[n];
        double[] d = new double[n];
        for (int k = 0; k < n; k++) {
            int i = indices[k];
            if (i < 0 || i >= snapped.length) {
                throw new IllegalArgumentException(
                        "subset index " + i + " at position " + k + " is out of range 0.." + (snapped.length - 1));
            }
            p[k] = points.get(i);
            s[k] = snapped[i];
            d[k] = distances[i];
        }
        return new GraphHopperPreparedPoints(owner, mode, Arrays.asList(p), s, d);
    }

    @Override
    public GraphHopperPreparedPoints concat(PreparedPoints more) {
        Objects.requireNonNull(more, "more");
        if (!(more instanceof GraphHopperPreparedPoints) || ((GraphHopperPreparedPoints) more).owner != owner) {
            throw new IllegalArgumentException(
                    "cannot join prepared points of two road network instances; prepare" + " them on the same network");
        }
        GraphHopperPreparedPoints other = (GraphHopperPreparedPoints) more;
        if (other.mode != mode) {
            throw new IllegalArgumentException(
                    "cannot join prepared points for " + mode.code() + " and for " + other.mode.code());
        }
        int n = snapped.length;
        int m = other.snapped.length;
        LatLon[] p = new LatLon[n + m];
        SnappedPoint[] s = Arrays.copyOf(snapped, n + m);
        double[] d = Arrays.copyOf(distances, n + m);
        for (int i = 0; i < n; i++) {
            p[i] = points.get(i);
        }
        for (int i = 0; i < m; i++) {
            p[n + i] = other.points.get(i);
            s[n + i] = other.snapped[i];
            d[n + i] = other.distances[i];
        }
        return new GraphHopperPreparedPoints(owner, mode, Arrays.asList(p), s, d);
    }

    /** The snapped point, or null when the point is off the network. */
    SnappedPoint snapped(int index) {
        return snapped[index];
    }

    /** Copy of the snap distances (NaN where no road was found). */
    double[] distancesCopy() {
        return distances.clone();
    }

    /** The demand lookup by road node for one search direction, built on first use. */
    TravelTimeSearches.DemandIndex demandIndex(boolean toOrigin, int nodeCount) {
        TravelTimeSearches.DemandIndex index = toOrigin ? toOriginIndex : fromOriginIndex;
        if (index == null) {
            index = new TravelTimeSearches.DemandIndex(snapped, nodeCount, toOrigin);
            if (toOrigin) {
                toOriginIndex = index;
            } else {
                fromOriginIndex = index;
            }
        }
        return index;
    }
}
