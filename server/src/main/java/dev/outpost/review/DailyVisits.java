package dev.outpost.review;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Visits of one station on one calendar day (Asia/Shanghai). Immutable.
 *
 * @param stationId the station, positive
 * @param date the day
 * @param visits check-ins that day, at least 0
 */
public record DailyVisits(long stationId, LocalDate date, int visits) {
    public DailyVisits {
        if (stationId <= 0) {
            throw new IllegalArgumentException("daily visits: station id " + stationId + " must be positive");
        }
        Objects.requireNonNull(date, "date");
        if (visits < 0) {
            throw new IllegalArgumentException(
                    "daily visits of station " + stationId + " on " + date + ": " + visits + " must be ≥ 0");
        }
    }
}
