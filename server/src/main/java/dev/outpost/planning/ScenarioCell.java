package dev.outpost.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One demand cell of a scenario, before and after its proposed sites: covered means within the scenario's T minutes
 * (direction to the station or site) of an existing serving station (before) or of one of them or a proposed site
 * (after). Describes the scenario as it is now, after any what-if edits. Immutable.
 *
 * @param cell the H3 cell (the demand layer's resolution)
 * @param weight its demand weight (the layer's unit, e.g. workers), positive
 * @param state covered by a station, newly covered by proposed sites only, or uncovered
 * @param offNetwork whether the cell is too far from any road to be reached at all
 * @param siteId for a newly covered cell, the best-ranked proposed site that reaches it; null otherwise
 * @param siteRank that site's rank; null otherwise
 */
public record ScenarioCell(
        long cell, double weight, State state, boolean offNetwork, Integer siteId, Integer siteRank) {
    public ScenarioCell {
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("cell weight " + weight + " must be positive and finite");
        }
        Objects.requireNonNull(state, "state");
        if ((state == State.NEW) != (siteId != null) || (siteId == null) != (siteRank == null)) {
            throw new IllegalArgumentException(
                    "cell " + Long.toHexString(cell) + ": a site (" + siteId + ") belongs exactly to new cells");
        }
    }

    /** Covered before: an existing station reaches the cell. */
    public boolean coveredBefore() {
        return state == State.COVERED;
    }

    /** Covered after: a station or a proposed site reaches the cell. */
    public boolean coveredAfter() {
        return state != State.UNCOVERED;
    }

    /** Where a cell stands before and after. */
    public enum State {
        /** Covered by an existing station (before and after). */
        COVERED("covered"),
        /** Not covered before; covered by a proposed site after. */
        NEW("new"),
        /** Covered neither before nor after. */
        UNCOVERED("uncovered");

        private final String code;

        State(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /**
         * @throws IllegalArgumentException naming the value and the codes expected
         */
        public static State parse(String code) {
            String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
            List<String> codes = new ArrayList<>();
            for (State s : values()) {
                if (s.code.equals(c)) {
                    return s;
                }
                codes.add(s.code);
            }
            throw new IllegalArgumentException(
                    "unknown cell state '" + code + "'; expected one of " + String.join(", ", codes) + " or all");
        }
    }
}
