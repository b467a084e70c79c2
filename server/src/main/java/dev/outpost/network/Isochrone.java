package dev.outpost.network;

import dev.outpost.geo.LatLon;
import java.util.List;
import java.util.Objects;

/**
 * The areas reachable from (or able to reach) an origin within several time limits, computed from one shortest-path
 * tree. Immutable apart from the JTS polygons inside the bands, which callers must not modify.
 *
 * @param origin the requested origin, WGS 84
 * @param snapDistanceMeters distance from the origin to the road point the search started from
 * @param mode travel mode
 * @param direction {@link Direction#FROM_ORIGIN} (out from the origin) or {@link Direction#TO_ORIGIN} (towards it)
 * @param bands one band per requested limit, smallest first; each band's area contains the smaller bands' areas up
 *     to the precision of the contouring
 */
public record Isochrone(
        LatLon origin, double snapDistanceMeters, TravelMode mode, Direction direction, List<IsochroneBand> bands) {
    public Isochrone {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(direction, "direction");
        bands = List.copyOf(bands);
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("an isochrone needs at least one band");
        }
        for (int i = 1; i < bands.size(); i++) {
            if (bands.get(i).minutes() <= bands.get(i - 1).minutes()) {
                throw new IllegalArgumentException("isochrone bands must be in strictly increasing minutes, got "
                        + bands.get(i - 1).minutes() + " then " + bands.get(i).minutes());
            }
        }
    }

    /**
     * The band with the given limit.
     *
     * @throws IllegalArgumentException when there is no such band
     */
    public IsochroneBand band(int minutes) {
        for (IsochroneBand band : bands) {
            if (band.minutes() == minutes) {
                return band;
            }
        }
        throw new IllegalArgumentException("isochrone has no " + minutes + "-minute band; it has "
                + bands.stream()
                        .map(b -> Integer.toString(b.minutes()))
                        .reduce((a, b) -> a + ", " + b)
                        .orElse(""));
    }
}
