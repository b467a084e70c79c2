package dev.outpost.demand;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a demand layer came from. Each source has a stable lower-case code used in the API and the database. */
public enum DemandSource {
    /** Imported weighted points (CSV {@code group,lon,lat,weight}). */
    POINTS("points"),
    /** Imported H3 cells with weights (CSV {@code group,h3,weight}). */
    CELLS("cells"),
    /** OpenStreetMap proxies (see {@link PoiClassifier}). */
    OSM("osm"),
    /** District population spread over cells: the fallback. */
    POPULATION("population"),
    /** A combination of the above. */
    MIXED("mixed");

    private final String code;

    DemandSource(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** @throws IllegalArgumentException naming the value and listing the codes */
    public static DemandSource parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (DemandSource s : values()) {
            if (s.code.equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown demand source '" + text + "'; expected one of "
                + Arrays.stream(values()).map(DemandSource::code).collect(Collectors.joining(", ")));
    }
}
