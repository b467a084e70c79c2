package dev.outpost.planning;

import java.util.Locale;

/** How a proposed site got into a scenario. */
public enum SiteOrigin {
    /** Chosen by the solver. */
    SOLVER("solver"),
    /** Added by hand (what-if). */
    ADDED("added"),
    /** Moved by hand (what-if) from where the solver or an earlier edit put it. */
    MOVED("moved");

    private final String code;

    SiteOrigin(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static SiteOrigin parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (SiteOrigin o : values()) {
            if (o.code.equals(t)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown site origin '" + text + "'; expected solver, added or moved");
    }
}
