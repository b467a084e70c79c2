package dev.outpost.rider;

import dev.outpost.geo.LatLon;
import dev.outpost.network.TravelMode;
import dev.outpost.station.StationService;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A rider's question: which open stations offering these services can I reach fastest from here? Immutable; checked
 * in the constructor.
 *
 * @param regionCode the region (city) whose stations are searched; required
 * @param origin the rider's WGS 84 position; required
 * @param mode how the rider travels; required ({@link TravelMode#EBIKE} is the usual default)
 * @param requiredServices stations must offer all of these; null or empty for no requirement; copied
 * @param openAt the moment at which stations must be open; null for "now" (the service's clock)
 * @param limit how many stations to return, {@value #MIN_LIMIT}–{@value #MAX_LIMIT}
 * @param includeRoute whether to add the route geometry of each result (costs one route search per result)
 */
public record NearestQuery(
        String regionCode,
        LatLon origin,
        TravelMode mode,
        Set<StationService> requiredServices,
        Instant openAt,
        int limit,
        boolean includeRoute) {

    public static final int MIN_LIMIT = 1;
    public static final int MAX_LIMIT = 50;
    public static final int DEFAULT_LIMIT = 10;

    public NearestQuery {
        if (regionCode == null || regionCode.isBlank()) {
            throw new IllegalArgumentException("nearest query: field 'region' is required");
        }
        if (origin == null) {
            throw new IllegalArgumentException("nearest query: the position (lat, lon) is required");
        }
        if (mode == null) {
            throw new IllegalArgumentException("nearest query: field 'mode' is required");
        }
        if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "nearest query: limit " + limit + " is out of range " + MIN_LIMIT + ".." + MAX_LIMIT);
        }
        EnumSet<StationService> copy = EnumSet.noneOf(StationService.class);
        if (requiredServices != null) {
            for (StationService s : requiredServices) {
                if (s == null) {
                    throw new IllegalArgumentException("nearest query: the required services contain null");
                }
                copy.add(s);
            }
        }
        requiredServices = Collections.unmodifiableSet(copy);
    }

    /** Ten nearest e-bike stations open now, with no required service and no routes. */
    public static NearestQuery of(String regionCode, LatLon origin) {
        return new NearestQuery(regionCode, origin, TravelMode.EBIKE, Set.of(), null, DEFAULT_LIMIT, false);
    }

    public NearestQuery withMode(TravelMode newMode) {
        return new NearestQuery(regionCode, origin, newMode, requiredServices, openAt, limit, includeRoute);
    }

    public NearestQuery withServices(Set<StationService> services) {
        return new NearestQuery(regionCode, origin, mode, services, openAt, limit, includeRoute);
    }

    public NearestQuery withOpenAt(Instant at) {
        return new NearestQuery(regionCode, origin, mode, requiredServices, at, limit, includeRoute);
    }

    public NearestQuery withLimit(int newLimit) {
        return new NearestQuery(regionCode, origin, mode, requiredServices, openAt, newLimit, includeRoute);
    }

    public NearestQuery withRoute(boolean route) {
        return new NearestQuery(regionCode, origin, mode, requiredServices, openAt, limit, route);
    }
}
