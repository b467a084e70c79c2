package dev.outpost.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The coverage of one area in one stored run (the last run of its calendar day). Immutable.
 *
 * @param date the run's day (review time zone)
 * @param runId the stored run
 * @param createdAt when it was stored
 * @param demand the area's demand in that run
 * @param covered15 demand within 15 minutes
 */
public record TrendPoint(LocalDate date, long runId, Instant createdAt, double demand, double covered15) {
    public TrendPoint {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Share within 15 minutes, 0–1; NaN without demand. */
    public double share15() {
        return demand > 0 ? covered15 / demand : Double.NaN;
    }
}
