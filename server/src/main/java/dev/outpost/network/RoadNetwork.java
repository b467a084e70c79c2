package dev.outpost.network;

import dev.outpost.geo.LatLon;
import java.util.List;
import java.util.Optional;

/**
 * Travel times on a road network: isochrones, nearest facility by time, reach (coverage) matrices, routes.
 *
 * <p>Units and conventions: positions are WGS 84 {@link LatLon}; times are seconds, limits whole seconds or minutes;
 * distances metres; geometries JTS with SRID 4326 (x = longitude, y = latitude). Every point is first "snapped" to
 * the closest road usable by the travel mode (never to a tiny disconnected island); times run between these road
 * points, include the partial road segment on each side, and exclude the walk from the point to its road. A point
 * farther than {@link NetworkSettings#maxSnapDistanceMeters()} from a usable road is off the network: single points
 * are rejected with {@link PointNotOnNetworkException}, points in batches are flagged instead.
 *
 * <p>Limits: {@code minutes} 1–120; {@code maxSeconds} 1–7,200. Bad arguments (nulls, out-of-range limits) throw
 * {@link IllegalArgumentException} naming the value.
 *
 * <p>Implementations are thread-safe: any number of threads may query one network concurrently.
 */
public interface RoadNetwork extends AutoCloseable {

    /** Largest time limit in seconds accepted by the batched searches (two hours). */
    int MAX_SECONDS = 7_200;

    /** Largest isochrone band in minutes. */
    int MAX_MINUTES = 120;

    /** Where the network came from and how it was built. */
    NetworkInfo info();

    /**
     * Isochrone polygons around an origin, one band per limit, all from a single shortest-path tree.
     *
     * @param minutes the band limits, each 1–120; duplicates are merged, order does not matter
     * @param direction {@link Direction#FROM_ORIGIN} for "where can I get to", {@link Direction#TO_ORIGIN} for "who
     *     can reach this station"
     * @throws PointNotOnNetworkException when the origin is off the network
     */
    Isochrone isochrone(LatLon origin, TravelMode mode, List<Integer> minutes, Direction direction);

    /**
     * For every demand point, the facility it reaches fastest (time from the demand point to the facility, obeying
     * one-way streets) within {@code maxSeconds}. One multi-source search over the reversed graph, so the cost hardly
     * depends on the number of facilities.
     *
     * @param facilities facilities (stations); those off the network are ignored and reported in the result
     * @param demandPoints demand points; those off the network are flagged {@link ReachStatus#OFF_NETWORK}
     */
    NearestFacilityResult nearestFacility(
            List<LatLon> facilities, List<LatLon> demandPoints, TravelMode mode, int maxSeconds);

    /**
     * The coverage matrix: for each origin (candidate site), the demand points within {@code maxSeconds}. Demand
     * points are placed on the network once; the origins are searched in parallel with bounded searches.
     *
     * @param direction {@link Direction#TO_ORIGIN} (usual for siting: the demand point travels to the site) or
     *     {@link Direction#FROM_ORIGIN} (the site serves the demand point)
     */
    ReachMatrix reachMatrix(
            List<LatLon> origins, List<LatLon> demandPoints, TravelMode mode, int maxSeconds, Direction direction);

    /**
     * The demand points within {@code maxSeconds} of one origin: a one-row {@link #reachMatrix}. An origin off the
     * network gives an empty row (check {@link ReachMatrix#originOnNetwork(int)}).
     */
    default ReachMatrix reachableFrom(
            LatLon origin, List<LatLon> demandPoints, TravelMode mode, int maxSeconds, Direction direction) {
        return reachMatrix(List.of(origin), demandPoints, mode, maxSeconds, direction);
    }

    /**
     * The fastest route, or empty when the two points are on the network but not connected.
     *
     * @throws PointNotOnNetworkException when either point is off the network
     */
    Optional<Route> route(LatLon from, LatLon to, TravelMode mode);

    /**
     * Up to {@code k} facilities nearest by travel time from {@code origin} (forward search, stopping once {@code k}
     * are settled or the limit is hit), fastest first. Facilities off the network are skipped.
     *
     * @param k 1–1,000
     * @throws PointNotOnNetworkException when the origin is off the network
     */
    List<RankedFacility> nearestByTime(LatLon origin, List<LatLon> facilities, TravelMode mode, int k, int maxSeconds);

    // ---------------------------------------------------------------------------------------------------------
    // prepared points: place a point set on the network once, search it many times

    /**
     * Places the points on the network for the mode once, for the prepared overloads below (stations searched by
     * every rider query, demand cells searched after every station change). Costs what one list-based call spends on
     * placing the same points; a prepared set is valid for this network instance only (see {@link PreparedPoints}).
     *
     * @param points WGS 84 positions; none may be null; points off the network are kept and flagged
     */
    PreparedPoints prepare(TravelMode mode, List<LatLon> points);

    /**
     * Whether the prepared points were made by this network instance and it is still open, i.e. whether the
     * prepared overloads accept them. False after a reload (the new network is another instance) or a close.
     */
    boolean owns(PreparedPoints points);

    /**
     * {@link #nearestFacility(List, List, TravelMode, int)} on prepared points: the same answer, without placing
     * the points again. Both sets must be of this network and of the same mode, which is the search's mode.
     *
     * @throws IllegalArgumentException when a set is not {@linkplain #owns owned} or the modes differ
     */
    NearestFacilityResult nearestFacility(PreparedPoints facilities, PreparedPoints demandPoints, int maxSeconds);

    /**
     * {@link #reachMatrix(List, List, TravelMode, int, Direction)} on prepared points: the same answer, without
     * placing the points again (the demand points' lookup by road node is kept with the prepared set, per direction).
     *
     * @throws IllegalArgumentException when a set is not {@linkplain #owns owned} or the modes differ
     */
    ReachMatrix reachMatrix(PreparedPoints origins, PreparedPoints demandPoints, int maxSeconds, Direction direction);

    /**
     * {@link #reachableFrom(LatLon, List, TravelMode, int, Direction)} on prepared demand points, in their mode: only
     * the origin is placed on the network. The same answer as the list-based call.
     *
     * @throws IllegalArgumentException when the demand points are not {@linkplain #owns owned}
     */
    default ReachMatrix reachableFrom(LatLon origin, PreparedPoints demandPoints, int maxSeconds, Direction direction) {
        if (origin == null) {
            throw new IllegalArgumentException("origin is missing (null)");
        }
        if (demandPoints == null) {
            throw new IllegalArgumentException("prepared demand points are missing (null)");
        }
        return reachMatrix(prepare(demandPoints.mode(), List.of(origin)), demandPoints, maxSeconds, direction);
    }

    /**
     * {@link #nearestByTime(LatLon, List, TravelMode, int, int)} on prepared facilities, in their mode: only the
     * origin is placed on the network. The same answer as the list-based call; facility indices refer to the
     * prepared set.
     *
     * @throws PointNotOnNetworkException when the origin is off the network
     * @throws IllegalArgumentException when the facilities are not {@linkplain #owns owned}
     */
    List<RankedFacility> nearestByTime(LatLon origin, PreparedPoints facilities, int k, int maxSeconds);

    /** Releases worker threads and memory. Queries after closing fail. The default does nothing. */
    @Override
    default void close() {}
}
