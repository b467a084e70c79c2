package dev.outpost.station;

import dev.outpost.common.ConflictException;
import dev.outpost.common.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The application service over stations: finding (with the opening-hours filter the repository cannot do),
 * reading, creating, updating and deleting, with the checks that span several stations (unique external ids).
 * Thread-safe if the repository is.
 *
 * <p>Named "catalog" because {@link StationService} is the enum of services a station offers.
 */
public final class StationCatalog {
    private final StationRepository repository;
    private final Clock clock;
    private final java.util.List<StationListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public StationCatalog(StationRepository repository, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stations matching the query. When {@link StationQuery#openAt} is set, the repository is asked for up to {@link
     * StationQuery#MAX_LIMIT} candidates, those open at that instant are kept (unknown hours never match), and the
     * first {@code limit} are returned.
     */
    public List<Station> find(StationQuery query) {
        if (query.openAt() == null) {
            return repository.find(query);
        }
        Instant at = query.openAt();
        List<Station> open = new ArrayList<>();
        for (Station s : repository.find(query.withLimit(StationQuery.MAX_LIMIT))) {
            if (s.openingHours() != null && s.openingHours().isOpenAt(at)) {
                open.add(s);
                if (open.size() == query.limit()) {
                    break;
                }
            }
        }
        return open;
    }

    /** Stations matching the query and open now (by this catalogue's clock). */
    public List<Station> findOpenNow(StationQuery query) {
        return find(query.withOpenAt(clock.instant()));
    }

    /** The station, or empty. */
    public Optional<Station> find(String regionCode, long id) {
        return repository.findById(regionCode, id);
    }

    /**
     * The station.
     *
     * @throws NotFoundException if there is none with this id in this region
     */
    public Station get(String regionCode, long id) {
        return repository
                .findById(regionCode, id)
                .orElseThrow(
                        () -> new NotFoundException("station " + id + " not found in region '" + regionCode + "'"));
    }

    /**
     * Saves a new station.
     *
     * @param station a station without id
     * @return the saved station with its id
     * @throws IllegalArgumentException if the station already has an id
     * @throws ConflictException if another station of the region has the same external id
     */
    public Station create(Station station) {
        if (station.id() != null) {
            throw new IllegalArgumentException(
                    "station " + station.id() + ": a new station must not have an id; use update");
        }
        checkExternalIdFree(station);
        Station saved = repository.insert(station);
        listeners.forEach(l -> notify(() -> l.saved(saved)));
        return saved;
    }

    /** Registers a listener told after every create, update and delete made through this catalogue. */
    public void addListener(StationListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private static void notify(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            System.getLogger(StationCatalog.class.getName())
                    .log(System.Logger.Level.WARNING, "station listener failed; the change stands", e);
        }
    }

    /**
     * Replaces a saved station.
     *
     * @param station a station with id
     * @throws IllegalArgumentException if the station has no id
     * @throws NotFoundException if there is no station with that id in its region
     * @throws ConflictException if another station of the region has the same external id
     */
    public Station update(Station station) {
        if (station.id() == null) {
            throw new IllegalArgumentException("station '" + station.name() + "' has no id; use create");
        }
        get(station.regionCode(), station.id());
        checkExternalIdFree(station);
        Station saved = repository.update(station);
        listeners.forEach(l -> notify(() -> l.saved(saved)));
        return saved;
    }

    /**
     * Deletes a station.
     *
     * @throws NotFoundException if there is none with this id in this region
     */
    public void delete(String regionCode, long id) {
        if (!repository.delete(regionCode, id)) {
            throw new NotFoundException("station " + id + " not found in region '" + regionCode + "'");
        }
        listeners.forEach(l -> notify(() -> l.deleted(regionCode, id)));
    }

    /** Whether the station is open now; empty when its hours are unknown. */
    public Optional<Boolean> isOpenNow(Station station) {
        return station.openingHours() == null
                ? Optional.empty()
                : Optional.of(station.openingHours().isOpenAt(clock.instant()));
    }

    /**
     * When the station next opens (if closed now) or closes (if open now), for "closes soon" hints; empty when its
     * hours are unknown or never change.
     */
    public Optional<Instant> nextChange(Station station) {
        return station.openingHours() == null
                ? Optional.empty()
                : station.openingHours().nextChange(clock.instant());
    }

    private void checkExternalIdFree(Station station) {
        if (station.externalId() == null) {
            return;
        }
        Optional<Station> other = repository.findByExternalId(station.regionCode(), station.externalId());
        if (other.isPresent() && !Objects.equals(other.get().id(), station.id())) {
            throw new ConflictException("external id '" + station.externalId() + "' is already used by station "
                    + other.get().id() + " in region '" + station.regionCode() + "'");
        }
    }
}
