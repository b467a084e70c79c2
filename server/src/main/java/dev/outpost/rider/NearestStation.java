package dev.outpost.rider;

import dev.outpost.station.Station;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.LineString;

/**
 * One station of a {@link NearestResult}, with how long it takes to get there. Immutable apart from the JTS route,
 * which callers must not modify.
 *
 * @param station the station
 * @param travelTimeSeconds over the network: from the rider's road point to the station's road point (the walk from
 *     the position to the road is not included); by straight line: the estimate at the mode's typical speed
 * @param distanceMeters road distance of that fastest path; by straight line: the straight-line distance
 * @param straightLineMeters great-circle distance from the rider's position to the station
 * @param status open state at the query's moment (never {@link OpenState#CLOSED} or {@link OpenState#UNKNOWN} in
 *     search results, which only hold stations open at that moment)
 * @param openOnArrival whether the station is still open at the moment plus the travel time
 * @param route the route (WGS 84, from the rider's road point to the station's), or null when not asked for or when
 *     ranked by straight line
 * @param links hand-off links to navigation apps
 */
public record NearestStation(
        Station station,
        int travelTimeSeconds,
        double distanceMeters,
        double straightLineMeters,
        OpenState.Status status,
        boolean openOnArrival,
        LineString route,
        HandoffLinks links) {

    public NearestStation {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(links, "links");
        if (travelTimeSeconds < 0 || !(distanceMeters >= 0) || !(straightLineMeters >= 0)) {
            throw new IllegalArgumentException("station " + station.id() + ": time " + travelTimeSeconds
                    + " s, distance " + distanceMeters + " m and straight line " + straightLineMeters
                    + " m must not be negative");
        }
    }

    /** Travel time in minutes (not rounded). */
    public double minutes() {
        return travelTimeSeconds / 60.0;
    }

    /** When the station closes after the query's moment; empty for 24 h stations. */
    public Optional<Instant> closesAt() {
        return status.closesAt();
    }
}
