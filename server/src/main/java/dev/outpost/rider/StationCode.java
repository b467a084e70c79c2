package dev.outpost.rider;

import java.util.Objects;

/**
 * A station and its short code. Immutable.
 *
 * @param regionCode the station's region
 * @param stationId the station's id, positive
 * @param shortCode its code ({@link ShortCodes})
 */
public record StationCode(String regionCode, long stationId, String shortCode) {
    public StationCode {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(shortCode, "shortCode");
        if (stationId <= 0) {
            throw new IllegalArgumentException("station id " + stationId + " must be positive");
        }
    }
}
