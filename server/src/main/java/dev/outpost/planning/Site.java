package dev.outpost.planning;

import dev.outpost.geo.LatLon;
import java.util.Objects;

/**
 * A place whose reach is wanted: a candidate or an existing station, by id. Immutable.
 *
 * @param id unique in its set, 1–120 characters
 * @param position WGS 84
 */
public record Site(String id, LatLon position) {
    public Site {
        if (id == null || id.isEmpty() || id.length() > 120) {
            throw new IllegalArgumentException("site id '" + id + "' must be 1 to 120 characters");
        }
        Objects.requireNonNull(position, "position");
    }
}
