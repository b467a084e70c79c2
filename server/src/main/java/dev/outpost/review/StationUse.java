package dev.outpost.review;

import dev.outpost.geo.LatLon;
import dev.outpost.station.StationKind;
import dev.outpost.station.StationStatus;
import java.util.List;
import java.util.Objects;

/**
 * How much one open station of the area is used and how much its service circle overlaps others. Immutable.
 *
 * @param stationId the station
 * @param name its name
 * @param kind its kind
 * @param status its status
 * @param location WGS 84
 * @param visitsPerDay average visits per day over the usage window; null when no use is recorded
 * @param littleUsed whether the station is flagged as little used (never when no use is recorded)
 * @param reasons why it is flagged: {@code below_threshold}, {@code bottom_quartile}; empty when not flagged
 * @param demandWithinLimit the focus group's demand within the service limit of the station; null when the station
 *     does not serve the group or coverage is unavailable
 * @param sharedDemand the part of that demand also within the limit of another serving station; null likewise
 */
public record StationUse(
        long stationId,
        String name,
        StationKind kind,
        StationStatus status,
        LatLon location,
        Double visitsPerDay,
        boolean littleUsed,
        List<String> reasons,
        Double demandWithinLimit,
        Double sharedDemand) {
    /** Reason code: fewer visits per day than the threshold. */
    public static final String BELOW_THRESHOLD = "below_threshold";
    /** Reason code: in the bottom quartile of the region's stations by visits per day. */
    public static final String BOTTOM_QUARTILE = "bottom_quartile";

    public StationUse {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(location, "location");
        reasons = List.copyOf(reasons);
        if (littleUsed == reasons.isEmpty()) {
            throw new IllegalArgumentException(
                    "station use of " + stationId + ": a flagged station needs reasons, an unflagged one none");
        }
    }

    /**
     * Share (0–1) of the station's circle demand that another station also reaches within the limit; null when unknown
     * or the circle holds no demand.
     */
    public Double overlapShare() {
        return demandWithinLimit == null || sharedDemand == null || demandWithinLimit <= 0
                ? null
                : sharedDemand / demandWithinLimit;
    }
}
