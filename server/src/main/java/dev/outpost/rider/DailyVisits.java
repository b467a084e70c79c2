package dev.outpost.rider;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Counted visits of one station on one day (a day in China Standard Time). Immutable.
 *
 * @param day the day
 * @param visits distinct devices that opened the station page that day, 0 or more
 */
public record DailyVisits(LocalDate day, int visits) {
    public DailyVisits {
        Objects.requireNonNull(day, "day");
        if (visits < 0) {
            throw new IllegalArgumentException("visits " + visits + " on " + day + " must not be negative");
        }
    }
}
