package dev.outpost.station;

import dev.outpost.geo.BBox;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A search for stations of one region. Immutable; empty sets mean "any".
 *
 * @param regionCode required, non-blank
 * @param bbox only stations inside this WGS 84 box; null for anywhere
 * @param kinds only these kinds; empty for any
 * @param services only stations offering all of these; empty for no requirement
 * @param openAt only stations open at this instant (evaluated in Java by {@link StationCatalog}, never by the
 *     repository; stations with unknown hours do not match); null for no requirement
 * @param statuses only these statuses; empty for any
 * @param limit at most this many results, 1 to {@link #MAX_LIMIT}
 */
public record StationQuery(
        String regionCode,
        BBox bbox,
        Set<StationKind> kinds,
        Set<StationService> services,
        Instant openAt,
        Set<StationStatus> statuses,
        int limit) {

    /** The default number of results. */
    public static final int DEFAULT_LIMIT = 500;
    /** The largest accepted limit. */
    public static final int MAX_LIMIT = 10_000;

    public StationQuery {
        if (regionCode == null || regionCode.isBlank()) {
            throw new IllegalArgumentException("station query: field 'regionCode' is required");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("station query: limit " + limit + " is out of range 1.." + MAX_LIMIT);
        }
        kinds = copy(kinds, StationKind.class);
        services = copy(services, StationService.class);
        statuses = copy(statuses, StationStatus.class);
    }

    /** Every station of the region, up to {@link #DEFAULT_LIMIT}. */
    public static StationQuery all(String regionCode) {
        return new StationQuery(regionCode, null, Set.of(), Set.of(), null, Set.of(), DEFAULT_LIMIT);
    }

    public StationQuery withBbox(BBox newBbox) {
        return new StationQuery(regionCode, newBbox, kinds, services, openAt, statuses, limit);
    }

    public StationQuery withKinds(Set<StationKind> newKinds) {
        return new StationQuery(regionCode, bbox, newKinds, services, openAt, statuses, limit);
    }

    public StationQuery withServices(Set<StationService> newServices) {
        return new StationQuery(regionCode, bbox, kinds, newServices, openAt, statuses, limit);
    }

    public StationQuery withOpenAt(Instant newOpenAt) {
        return new StationQuery(regionCode, bbox, kinds, services, newOpenAt, statuses, limit);
    }

    public StationQuery withStatuses(Set<StationStatus> newStatuses) {
        return new StationQuery(regionCode, bbox, kinds, services, openAt, newStatuses, limit);
    }

    public StationQuery withLimit(int newLimit) {
        return new StationQuery(regionCode, bbox, kinds, services, openAt, statuses, newLimit);
    }

    /**
     * Whether {@code s} satisfies every criterion except {@link #openAt} and {@link #limit}: what a repository
     * must filter on. A reference for implementations and tests.
     */
    public boolean matchesIgnoringHours(Station s) {
        return s.regionCode().equals(regionCode)
                && (bbox == null || bbox.contains(s.location()))
                && (kinds.isEmpty() || kinds.contains(s.kind()))
                && s.offersAll(services)
                && (statuses.isEmpty() || statuses.contains(s.status()));
    }

    private static <E extends Enum<E>> Set<E> copy(Set<E> values, Class<E> type) {
        EnumSet<E> result = EnumSet.noneOf(type);
        if (values != null) {
            for (E e : values) {
                if (e == null) {
                    throw new IllegalArgumentException(
                            "station query: a " + type.getSimpleName() + " filter contains null");
                }
                result.add(e);
            }
        }
        return Collections.unmodifiableSet(result);
    }
}
