package dev.outpost.coverage;

import java.util.Objects;

/**
 * One demand cell's outcome, as stored and served. Immutable.
 *
 * @param cell the H3 cell
 * @param weight its demand
 * @param travelSeconds seconds to the nearest serving station; null unless {@link CellStatus#COVERED} or
 *     {@link CellStatus#GAP}
 * @param stationId that station; null likewise
 * @param status the outcome
 */
public record CellOutcome(long cell, double weight, Integer travelSeconds, Long stationId, CellStatus status) {
    public CellOutcome {
        Objects.requireNonNull(status, "status");
        boolean timed = status == CellStatus.COVERED || status == CellStatus.GAP;
        if (timed != (travelSeconds != null) || timed != (stationId != null)) {
            throw new IllegalArgumentException("cell " + Long.toHexString(cell) + " with status " + status.code()
                    + " must " + (timed ? "" : "not ") + "have a travel time and a station");
        }
    }

    /** Minutes to the nearest station, or null. */
    public Double minutes() {
        return travelSeconds == null ? null : travelSeconds / 60.0;
    }

    /** The outcome of cell {@code index} of a result. */
    public static CellOutcome of(CoverageResult r, int index) {
        CellStatus status = r.status(index);
        boolean timed = status == CellStatus.COVERED || status == CellStatus.GAP;
        return new CellOutcome(
                r.cell(index),
                r.weight(index),
                timed ? r.seconds(index) : null,
                timed ? r.stationId(index).getAsLong() : null,
                status);
    }
}
