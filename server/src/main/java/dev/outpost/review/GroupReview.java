package dev.outpost.review;

import dev.outpost.coverage.CoverageTotals;
import dev.outpost.demand.WorkerGroup;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The coverage of one worker group in the reviewed area. Immutable.
 *
 * @param group the group
 * @param modeCode its travel mode ({@code ebike}, {@code car}, …); null when unavailable
 * @param limitMinutes the service limit of the coverage run (usually 15); 0 when unavailable
 * @param totals figures over the area's demand cells; null when the group's coverage is unavailable
 * @param unavailableReason why there are no figures (no road network, no demand); null when there are
 * @param runId the stored run the figures are exactly, null when stations changed since or none was stored
 * @param computedAt when the figures were computed; null when unavailable
 * @param trend the area's share within 15 minutes per stored run day, oldest first
 */
public record GroupReview(
        WorkerGroup group,
        String modeCode,
        int limitMinutes,
        CoverageTotals totals,
        String unavailableReason,
        Long runId,
        Instant computedAt,
        List<TrendPoint> trend) {
    public GroupReview {
        Objects.requireNonNull(group, "group");
        if ((totals == null) == (unavailableReason == null)) {
            throw new IllegalArgumentException(
                    "group review of " + group.code() + ": exactly one of totals and unavailableReason is required");
        }
        trend = List.copyOf(trend);
    }

    public boolean available() {
        return totals != null;
    }

    /** Share of demand within a band of 5, 10, 15 or 20 minutes; NaN when unavailable or without demand. */
    public double share(int minutes) {
        return totals == null ? Double.NaN : totals.shareAt(minutes);
    }
}
