package dev.outpost.network;

import dev.outpost.geo.LatLon;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A point that must lie on the road network (an isochrone origin, a route end, a rider's position) is too far from
 * any road usable by the travel mode. The message names the point, the mode, the distance and the limit.
 */
public class PointNotOnNetworkException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient LatLon point;
    private final TravelMode mode;
    private final double distanceMeters;
    private final double limitMeters;

    /**
     * @param role what the point is, for the message ("origin", "route start")
     * @param distanceMeters distance to the nearest usable road (exact, however far), or NaN when the network has no
     *     usable road at all
     */
    public PointNotOnNetworkException(
            String role, LatLon point, TravelMode mode, double distanceMeters, double limitMeters) {
        super(message(role, point, mode, distanceMeters, limitMeters));
        this.point = point;
        this.mode = mode;
        this.distanceMeters = distanceMeters;
        this.limitMeters = limitMeters;
    }

    private static String message(String role, LatLon point, TravelMode mode, double distanceMeters, double limit) {
        if (Double.isNaN(distanceMeters)) {
            return String.format(
                    Locale.ROOT,
                    "%s %s is not on the road network: no road usable by %s near it (limit %.0f m)",
                    role,
                    point,
                    mode.code(),
                    limit);
        }
        return String.format(
                Locale.ROOT,
                "%s %s is not on the road network: the nearest road usable by %s is %.0f m away (limit %.0f m)",
                role,
                point,
                mode.code(),
                distanceMeters,
                limit);
    }

    public LatLon point() {
        return point;
    }

    public TravelMode mode() {
        return mode;
    }

    /** Distance to the nearest usable road in metres; empty only when the network has no road for the mode. */
    public OptionalDouble distanceToNearestRoadMeters() {
        return Double.isNaN(distanceMeters) ? OptionalDouble.empty() : OptionalDouble.of(distanceMeters);
    }

    public double limitMeters() {
        return limitMeters;
    }
}
