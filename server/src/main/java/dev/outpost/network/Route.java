package dev.outpost.network;

import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.LineString;

/**
 * The fastest route between two points. Immutable apart from the JTS line, which callers must not modify.
 *
 * @param travelTimeSeconds travel time from the first to the last point of the geometry
 * @param distanceMeters length along the roads
 * @param geometry the path from the snapped start to the snapped end, WGS 84 lon/lat, SRID 4326
 * @param streetNames names of the streets followed, in order, consecutive repeats and unnamed stretches left out
 *     (UTF-8 text as tagged in OSM, e.g. Chinese names)
 */
public record Route(double travelTimeSeconds, double distanceMeters, LineString geometry, List<String> streetNames) {
    public Route {
        if (!(travelTimeSeconds >= 0) || !(distanceMeters >= 0)) {
            throw new IllegalArgumentException("route time " + travelTimeSeconds + " s and distance " + distanceMeters
                    + " m must be finite and not negative");
        }
        Objects.requireNonNull(geometry, "geometry");
        streetNames = List.copyOf(streetNames);
    }
}
