package dev.outpost.network;

import dev.outpost.geo.LatLon;
import java.util.List;

/**
 * Points (stations, demand cells) placed on a road network once for one travel mode, so that repeated searches
 * from or to them skip the snapping: the "prepared" form of a point list, in the spirit of JTS's prepared
 * geometries. Made by {@link RoadNetwork#prepare}; passing them to the prepared overloads of {@link RoadNetwork}
 * gives exactly the answers of the list-based calls on the same points.
 *
 * <p>Validity: a prepared set belongs to the network instance that made it, i.e. to one loaded graph version. A
 * reloaded or re-imported network is a new instance and rejects it ({@link IllegalArgumentException}); so does a
 * closed network. Check {@link RoadNetwork#owns(PreparedPoints)} and prepare again when it says no.
 *
 * <p>Positions are WGS 84; distances metres. Indices are positions in the list given to {@code prepare} (or to
 * {@link #subset}). Implementations are immutable and thread-safe: one prepared set may be searched by any number of
 * threads at once.
 */
public interface PreparedPoints {

    /** The travel mode the points were placed for (the roads that mode may use). */
    TravelMode mode();

    /** Number of points. */
    int size();

    /** The point as given, WGS 84. */
    LatLon point(int index);

    /** All points as given, in order (unmodifiable). */
    List<LatLon> points();

    /** Whether the point was placed on the network (within the network's snapping distance of a usable road). */
    boolean onNetwork(int index);

    /** Metres from the point to its road point; NaN when no usable road was found at all. */
    double snapDistanceMeters(int index);

    /**
     * The points at these indices, in this order, as a prepared set of the same network and mode, without placing
     * anything again. Index {@code k} of the result is {@code indices[k]} of this set.
     *
     * @throws IllegalArgumentException when an index is out of range
     */
    PreparedPoints subset(int[] indices);

    /**
     * The points of this set followed by those of {@code more}, as one prepared set, without placing anything again
     * (e.g. the stations of a coverage result plus one added station).
     *
     * @throws IllegalArgumentException when {@code more} is of another network instance or another mode
     */
    PreparedPoints concat(PreparedPoints more);
}
