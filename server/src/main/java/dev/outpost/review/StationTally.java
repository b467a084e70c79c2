package dev.outpost.review;

import dev.outpost.station.Station;
import dev.outpost.station.StationKind;
import dev.outpost.station.StationStatus;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Numbers of stations by kind and status. Every kind and status is present (0 when none). Immutable.
 *
 * @param counts kind → status → count (≥ 0); missing entries are read as 0; copied, unmodifiable
 */
public record StationTally(Map<StationKind, Map<StationStatus, Integer>> counts) {
    public StationTally {
        EnumMap<StationKind, Map<StationStatus, Integer>> copy = new EnumMap<>(StationKind.class);
        for (StationKind k : StationKind.values()) {
            EnumMap<StationStatus, Integer> row = new EnumMap<>(StationStatus.class);
            Map<StationStatus, Integer> given = counts == null ? null : counts.get(k);
            for (StationStatus s : StationStatus.values()) {
                Integer n = given == null ? null : given.get(s);
                int v = n == null ? 0 : n;
                if (v < 0) {
                    throw new IllegalArgumentException(
                            "station tally: " + k.code() + "/" + s.code() + " count " + v + " must be ≥ 0");
                }
                row.put(s, v);
            }
            copy.put(k, Collections.unmodifiableMap(row));
        }
        counts = Collections.unmodifiableMap(copy);
    }

    /** The tally of these stations. */
    public static StationTally of(Collection<Station> stations) {
        int[][] n = new int[StationKind.values().length][StationStatus.values().length];
        for (Station s : stations) {
            n[s.kind().ordinal()][s.status().ordinal()]++;
        }
        return fromArray(n);
    }

    private static StationTally fromArray(int[][] n) {
        EnumMap<StationKind, Map<StationStatus, Integer>> m = new EnumMap<>(StationKind.class);
        for (StationKind k : StationKind.values()) {
            EnumMap<StationStatus, Integer> row = new EnumMap<>(StationStatus.class);
            for (StationStatus s : StationStatus.values()) {
                row.put(s, n[k.ordinal()][s.ordinal()]);
            }
            m.put(k, row);
        }
        return new StationTally(m);
    }

    public int count(StationKind kind, StationStatus status) {
        return counts.get(kind).get(status);
    }

    /** Stations of the kind in any status. */
    public int ofKind(StationKind kind) {
        int t = 0;
        for (int v : counts.get(kind).values()) {
            t += v;
        }
        return t;
    }

    /** Stations of any kind in the status. */
    public int withStatus(StationStatus status) {
        int t = 0;
        for (StationKind k : StationKind.values()) {
            t += count(k, status);
        }
        return t;
    }

    public int total() {
        int t = 0;
        for (StationKind k : StationKind.values()) {
            t += ofKind(k);
        }
        return t;
    }

    /** The sum of two tallies. */
    public StationTally plus(StationTally other) {
        int[][] n = new int[StationKind.values().length][StationStatus.values().length];
        for (StationKind k : StationKind.values()) {
            for (StationStatus s : StationStatus.values()) {
                n[k.ordinal()][s.ordinal()] = count(k, s) + other.count(k, s);
            }
        }
        return fromArray(n);
    }
}
