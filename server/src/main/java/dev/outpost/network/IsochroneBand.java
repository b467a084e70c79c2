package dev.outpost.network;

import java.util.Objects;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * The area reachable within a number of minutes: one band of an {@link Isochrone}.
 *
 * <p>The polygon is a JTS geometry and therefore technically mutable: treat it as read-only.
 *
 * @param minutes the time limit of this band, 1–120
 * @param area where the limit is met, WGS 84 lon/lat, SRID 4326; may be empty but never null
 */
public record IsochroneBand(int minutes, MultiPolygon area) {
    public IsochroneBand {
        if (minutes < 1 || minutes > 120) {
            throw new IllegalArgumentException("isochrone band of " + minutes + " minutes; expected 1..120");
        }
        Objects.requireNonNull(area, "area");
        if (area.getSRID() != 4326) {
            throw new IllegalArgumentException("isochrone band area has SRID " + area.getSRID() + "; expected 4326");
        }
    }
}
