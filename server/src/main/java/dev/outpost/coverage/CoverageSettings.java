package dev.outpost.coverage;

import java.util.List;

/**
 * Time limits of a coverage computation. Immutable.
 *
 * @param limitMinutes a cell is covered when a serving station is at most this many minutes away (1–120; default 15)
 * @param searchLimitMinutes how far the searches look: cells farther than this from every station are reported as
 *     {@link CellStatus#UNREACHABLE} without minutes; at least {@code limitMinutes} and the largest band (20), at most
 *     120 (default 30)
 */
public record CoverageSettings(int limitMinutes, int searchLimitMinutes) {
    /** The fixed reporting bands in minutes: covered within 5, 10, 15 and 20 minutes. */
    public static final List<Integer> BANDS_MINUTES = List.of(5, 10, 15, 20);

    public CoverageSettings {
        if (limitMinutes < 1 || limitMinutes > 120) {
            throw new IllegalArgumentException("coverage limit of " + limitMinutes + " minutes is out of range 1..120");
        }
        int floor = Math.max(limitMinutes, BANDS_MINUTES.get(BANDS_MINUTES.size() - 1));
        if (searchLimitMinutes < floor || searchLimitMinutes > 120) {
            throw new IllegalArgumentException("coverage search limit of " + searchLimitMinutes
                    + " minutes is out of range " + floor + "..120 (at least the limit and the largest band)");
        }
    }

    /** 15 minutes, searching up to 30. */
    public static CoverageSettings defaults() {
        return new CoverageSettings(15, 30);
    }

    public int limitSeconds() {
        return limitMinutes * 60;
    }

    public int searchLimitSeconds() {
        return searchLimitMinutes * 60;
    }
}
