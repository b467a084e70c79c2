package dev.outpost.review;

import java.time.ZoneId;
import java.util.Objects;

/**
 * How the review is made. Immutable.
 *
 * @param usageDays station use is averaged over this many whole days ending yesterday, 1–366
 * @param littleUsedVisitsPerDay a station with fewer visits per day than this is flagged as little used; ≥ 0
 * @param minStationsForQuartile the region's bottom quartile of use is flagged only when at least this many stations
 *     have use figures (≥ 4)
 * @param gapCount the largest gap areas listed per review, 1–100
 * @param trendRuns at most this many stored runs are read for the trend, 1–1,000
 * @param zone the time zone of calendar days (Asia/Shanghai)
 */
public record ReviewSettings(
        int usageDays,
        double littleUsedVisitsPerDay,
        int minStationsForQuartile,
        int gapCount,
        int trendRuns,
        ZoneId zone) {
    public ReviewSettings {
        if (usageDays < 1 || usageDays > 366) {
            throw new IllegalArgumentException("review settings: usageDays " + usageDays + " is out of range 1..366");
        }
        if (!(littleUsedVisitsPerDay >= 0) || Double.isInfinite(littleUsedVisitsPerDay)) {
            throw new IllegalArgumentException(
                    "review settings: littleUsedVisitsPerDay " + littleUsedVisitsPerDay + " must be a number ≥ 0");
        }
        if (minStationsForQuartile < 4) {
            throw new IllegalArgumentException(
                    "review settings: minStationsForQuartile " + minStationsForQuartile + " must be ≥ 4");
        }
        if (gapCount < 1 || gapCount > 100) {
            throw new IllegalArgumentException("review settings: gapCount " + gapCount + " is out of range 1..100");
        }
        if (trendRuns < 1 || trendRuns > 1_000) {
            throw new IllegalArgumentException("review settings: trendRuns " + trendRuns + " is out of range 1..1000");
        }
        Objects.requireNonNull(zone, "zone");
    }

    /** 28 days of use, fewer than 3 visits a day flagged, quartile from 8 stations, 5 gaps, 60 runs, Asia/Shanghai. */
    public static ReviewSettings defaults() {
        return new ReviewSettings(28, 3.0, 8, 5, 60, ZoneId.of("Asia/Shanghai"));
    }
}
