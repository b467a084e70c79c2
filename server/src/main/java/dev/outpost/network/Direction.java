package dev.outpost.network;

import java.util.Locale;

/** Which way travel times are measured relative to an origin (a station, a candidate site). */
public enum Direction {
    /** From the origin out to other places: "where can I get to from here within T". */
    FROM_ORIGIN("from_origin"),
    /**
     * From other places to the origin, over the same one-way rules read backwards: "who can reach this station
     * within T".
     */
    TO_ORIGIN("to_origin");

    private final String code;

    Direction(String code) {
        this.code = code;
    }

    /** The lower-case code used in APIs: {@code from_origin} or {@code to_origin}. */
    public String code() {
        return code;
    }

    /**
     * Parses {@code from_origin} / {@code to_origin} (also {@code from} / {@code to}), ignoring case.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public static Direction parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (wanted) {
            case "from_origin":
            case "from":
                return FROM_ORIGIN;
            case "to_origin":
            case "to":
                return TO_ORIGIN;
            default:
                throw new IllegalArgumentException(
                        "unknown direction '" + text + "'; expected one of from_origin, to_origin");
        }
    }
}
