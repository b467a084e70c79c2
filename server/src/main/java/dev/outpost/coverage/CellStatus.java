package dev.outpost.coverage;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The outcome for one demand cell. Each status has a stable lower-case code used in the API and the database. */
public enum CellStatus {
    /** A serving station is within the limit. */
    COVERED("covered"),
    /** The nearest serving station is beyond the limit but within the search limit; its minutes are known. */
    GAP("gap"),
    /** On the road network, but no serving station within the search limit. */
    UNREACHABLE("unreachable"),
    /** The cell's centre is too far from any road usable by the group's travel mode. */
    OFF_NETWORK("off_network");

    private final String code;

    CellStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether the cell counts as uncovered demand on the network (a gap area is made of such cells). */
    public boolean isGap() {
        return this == GAP || this == UNREACHABLE;
    }

    /** @throws IllegalArgumentException naming the value and listing the codes */
    public static CellStatus parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (CellStatus s : values()) {
            if (s.code.equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown cell status '" + text + "'; expected one of "
                + Arrays.stream(values()).map(CellStatus::code).collect(Collectors.joining(", ")));
    }
}
