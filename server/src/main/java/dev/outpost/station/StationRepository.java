package dev.outpost.station;

import java.util.List;
import java.util.Optional;

/**
 * Storage of stations, implemented in {@code store}. Implementations are thread-safe. All methods are scoped to
 * a region: a station of another region is never found, updated or deleted.
 */
public interface StationRepository {
    /**
     * Stations matching {@link StationQuery#matchesIgnoringHours}: region, box, kinds, all required services and
     * statuses; {@link StationQuery#openAt} is ignored here (opening hours cannot be evaluated in SQL). At most
     * {@code query.limit()} results, ordered by id.
     */
    List<Station> find(StationQuery query);

    /** The station with this id in this region. */
    Optional<Station> findById(String regionCode, long id);

    /** The station with this external id in this region. */
    Optional<Station> findByExternalId(String regionCode, String externalId);

    /**
     * Saves a new station.
     *
     * @param station a station whose id is null
     * @return the station with its new id
     */
    Station insert(Station station);

    /**
     * Replaces a stored station (same region and id).
     *
     * @return the station as stored
     * @throws dev.outpost.common.NotFoundException if there is no such station
     */
    Station update(Station station);

    /** Deletes a station; false when there was none with this id in this region. */
    boolean delete(String regionCode, long id);
}
