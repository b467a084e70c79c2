package dev.outpost.station;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A {@link StationRepository} over a map, for tests of code above the repository. Not thread-safe. */
public final class InMemoryStationRepository implements StationRepository {
    private final TreeMap<Long, Station> byId = new TreeMap<>();
    private long nextId = 1;
    /** The queries received, to check what callers asked for. */
    final List<StationQuery> queries = new ArrayList<>();

    @Override
    public List<Station> find(StationQuery query) {
        queries.add(query);
        return byId.values().stream()
                .filter(query::matchesIgnoringHours)
                .limit(query.limit())
                .collect(Collectors.toList());
    }

    @Override
    public Optional<Station> findById(String regionCode, long id) {
        return Optional.ofNullable(byId.get(id)).filter(s -> s.regionCode().equals(regionCode));
    }

    @Override
    public Optional<Station> findByExternalId(String regionCode, String externalId) {
        return byId.values().stream()
                .filter(s -> s.regionCode().equals(regionCode) && externalId.equals(s.externalId()))
                .findFirst();
    }

    @Override
    public Station insert(Station station) {
        Station saved = station.withId(nextId++);
        byId.put(saved.id(), saved);
        return saved;
    }

    @Override
    public Station update(Station station) {
        byId.put(station.id(), station);
        return station;
    }

    @Override
    public boolean delete(String regionCode, long id) {
        return findById(regionCode, id).map(s -> byId.remove(id) != null).orElse(false);
    }
}
