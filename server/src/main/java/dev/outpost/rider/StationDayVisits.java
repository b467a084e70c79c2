package dev.outpost.rider;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Counted visits of one station on one day (China Standard Time). Immutable.
 *
 * @param stationId the station, positive
 * @param day the day
 * @param visits distinct devices that opened the station's page that day, at least 1 when listed
 */
public record StationDayVisits(long stationId, LocalDate day, int visits) {
    public StationDayVisits {
        Objects.requireNonNull(day, "day");
        if (stationId <= 0 || visits < 0) {
            throw new IllegalArgumentException(
                    "station " + stationId + " on " + day + ": id must be positive and visits (" + visits + ") ≥ 0");
        }
    }
}
