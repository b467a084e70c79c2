package dev.outpost.planning;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a candidate site comes from. Each source has a stable lower-case code used in the API and the database. */
public enum CandidateSource {
    /** The station register: planned stations and partner sites that do not yet serve the group. Derived live. */
    REGISTER("register"),
    /** An imported candidate file (CSV or XLSX). Stored; a new import replaces the previous list. */
    IMPORT("import"),
    /** OpenStreetMap host sites (fuel stations, convenience stores). Stored; a new import replaces the list. */
    OSM("osm"),
    /** Every demand cell's centre: a free plot anywhere there is demand. Derived live from the demand layer. */
    GREENFIELD("greenfield");

    private final String code;

    CandidateSource(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether candidates of this source are stored in the candidate table (rather than derived live). */
    public boolean stored() {
        return this == IMPORT || this == OSM;
    }

    /** @throws IllegalArgumentException naming the value and listing the codes */
    public static CandidateSource parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (CandidateSource s : values()) {
            if (s.code.equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown candidate source '" + text + "'; expected one of "
                + Arrays.stream(values()).map(CandidateSource::code).collect(Collectors.joining(", ")));
    }
}
