package dev.outpost.coverage;

import dev.outpost.demand.WorkerGroup;
import dev.outpost.network.TravelMode;
import dev.outpost.station.Station;
import dev.outpost.station.StationKind;
import dev.outpost.station.StationStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Configuration: which station kinds (in which statuses) serve which worker group, and how each group travels.
 * Immutable.
 *
 * @param kinds station kinds serving each group; a group without an entry is served by no station
 * @param statuses the statuses a station must have to serve anyone (usually only {@link StationStatus#OPEN})
 * @param modes the travel mode of each group; missing groups use {@link WorkerGroup#travelModeCode()}
 */
public record ServingRules(
        Map<WorkerGroup, Set<StationKind>> kinds, Set<StationStatus> statuses, Map<WorkerGroup, TravelMode> modes) {

    public ServingRules {
        EnumMap<WorkerGroup, Set<StationKind>> k = new EnumMap<>(WorkerGroup.class);
        for (Map.Entry<WorkerGroup, Set<StationKind>> e :
                Objects.requireNonNull(kinds, "kinds").entrySet()) {
            k.put(
                    Objects.requireNonNull(e.getKey()),
                    Collections.unmodifiableSet(
                            EnumSet.copyOf(e.getValue().isEmpty() ? EnumSet.noneOf(StationKind.class) : e.getValue())));
        }
        kinds = Collections.unmodifiableMap(k);
        if (statuses == null || statuses.isEmpty()) {
            throw new IllegalArgumentException("serving rules need at least one station status");
        }
        statuses = Collections.unmodifiableSet(EnumSet.copyOf(statuses));
        EnumMap<WorkerGroup, TravelMode> m = new EnumMap<>(WorkerGroup.class);
        for (WorkerGroup g : WorkerGroup.values()) {
            m.put(g, TravelMode.parse(g.travelModeCode()));
        }
        if (modes != null) {
            m.putAll(modes);
        }
        modes = Collections.unmodifiableMap(m);
    }

    /**
     * Riders and couriers ← warm-bee stations, Party-mass service centres, partner sites, other; ride-hailing drivers
     * ← warm-bee stations, Party-mass service centres, partner sites, driver homes; truck drivers ← driver homes. Only
     * open stations serve. Riders ride e-bikes, ride-hailing drivers cars, truck drivers trucks.
     */
    public static ServingRules defaults() {
        return new ServingRules(
                Map.of(
                        WorkerGroup.RIDER,
                        EnumSet.of(
                                StationKind.WARM_BEE_STATION,
                                StationKind.PARTY_SERVICE_CENTER,
                                StationKind.PARTNER_SITE,
                                StationKind.OTHER),
                        WorkerGroup.RIDE_HAILING,
                        EnumSet.of(
                                StationKind.WARM_BEE_STATION,
                                StationKind.PARTY_SERVICE_CENTER,
                                StationKind.PARTNER_SITE,
                                StationKind.DRIVER_HOME),
                        WorkerGroup.TRUCK,
                        EnumSet.of(StationKind.DRIVER_HOME)),
                EnumSet.of(StationStatus.OPEN),
                null);
    }

    /**
     * Parses rules written as {@code group=kind,kind;group=kind}, e.g.
     * {@code rider=warm_bee_station,partner_site;truck=driver_home}; groups not named are served by no station, only
     * open stations serve, modes are the defaults. Blank text gives {@link #defaults()}.
     *
     * @throws IllegalArgumentException naming the bad part
     */
    public static ServingRules parse(String text) {
        if (text == null || text.isBlank()) {
            return defaults();
        }
        Map<WorkerGroup, Set<StationKind>> kinds = new EnumMap<>(WorkerGroup.class);
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(
                        "serving rule '" + part.trim() + "' must be group=kind,kind (e.g. truck=driver_home)");
            }
            WorkerGroup group = WorkerGroup.parse(part.substring(0, eq));
            EnumSet<StationKind> set = EnumSet.noneOf(StationKind.class);
            for (String kind : part.substring(eq + 1).split(",")) {
                if (!kind.isBlank()) {
                    set.add(StationKind.parse(kind));
                }
            }
            kinds.put(group, set);
        }
        return new ServingRules(kinds, EnumSet.of(StationStatus.OPEN), null);
    }

    /** The kinds serving the group (empty when none). */
    public Set<StationKind> kindsFor(WorkerGroup group) {
        return kinds.getOrDefault(group, Set.of());
    }

    /** The group's travel mode. */
    public TravelMode mode(WorkerGroup group) {
        return modes.get(group);
    }

    /** Whether the station serves the group: right kind, right status, and it has an id. */
    public boolean serves(Station station, WorkerGroup group) {
        return station.id() != null
                && statuses.contains(station.status())
                && kindsFor(group).contains(station.kind());
    }

    /** The groups a station serves, in {@link WorkerGroup} order. */
    public List<WorkerGroup> groupsServedBy(Station station) {
        List<WorkerGroup> out = new ArrayList<>();
        for (WorkerGroup g : WorkerGroup.values()) {
            if (serves(station, g)) {
                out.add(g);
            }
        }
        return out;
    }

    /** The stations serving the group, as {@link ServingStation}s ordered by id. */
    public List<ServingStation> servingStations(List<Station> stations, WorkerGroup group) {
        return stations.stream()
                .filter(s -> serves(s, group))
                .map(s -> new ServingStation(s.id(), s.location()))
                .sorted(java.util.Comparator.comparingLong(ServingStation::stationId))
                .collect(Collectors.toList());
    }

    @Override
    public String toString() {
        return kinds.entrySet().stream()
                .map(e -> e.getKey().code() + "="
                        + e.getValue().stream().map(StationKind::code).collect(Collectors.joining(",")))
                .collect(Collectors.joining(";"));
    }
}
