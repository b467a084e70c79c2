package dev.outpost.review;

import dev.outpost.demand.WorkerGroup;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Use of the area's open stations. Immutable.
 *
 * @param recorded whether the use source records use at all
 * @param from first day of the usage window
 * @param to last day of the usage window (included)
 * @param thresholdVisitsPerDay stations below this are flagged
 * @param bottomQuartileVisitsPerDay the region's first quartile of visits per day (stations at or below it are
 *     flagged); null when too few stations have figures or none are recorded
 * @param group the worker group whose service circles are compared for overlap
 * @param stations the area's open stations, fewest visits first (by id when no use is recorded)
 */
public record UsageReview(
        boolean recorded,
        LocalDate from,
        LocalDate to,
        double thresholdVisitsPerDay,
        Double bottomQuartileVisitsPerDay,
        WorkerGroup group,
        List<StationUse> stations) {
    public UsageReview {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(group, "group");
        stations = List.copyOf(stations);
    }

    /** The flagged stations. */
    public List<StationUse> littleUsed() {
        return stations.stream().filter(StationUse::littleUsed).toList();
    }
}
