package dev.outpost.review;

import java.time.LocalDate;
import java.util.List;

/**
 * Where the review reads how much stations are used: visits per station and day (e.g. riders' check-ins). The
 * default, {@link #none()}, records no use; the review then shows no use figures and flags no station.
 * Implementations are thread-safe.
 */
public interface StationUsage {
    /** Whether this source records use at all (false: the review says "no use data" instead of "0 visits"). */
    boolean recordsUse();

    /**
     * Visits per station and day from {@code from} to {@code to}, both included (Asia/Shanghai calendar days), for the
     * stations of the region; a station or day without any visit may be absent (it counts as 0).
     */
    List<DailyVisits> dailyVisits(String regionCode, LocalDate from, LocalDate to);

    /** A source that records nothing. */
    static StationUsage none() {
        return new StationUsage() {
            @Override
            public boolean recordsUse() {
                return false;
            }

            @Override
            public List<DailyVisits> dailyVisits(String regionCode, LocalDate from, LocalDate to) {
                return List.of();
            }

            @Override
            public String toString() {
                return "no station use recorded";
            }
        };
    }
}
