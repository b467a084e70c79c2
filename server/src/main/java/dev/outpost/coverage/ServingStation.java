package dev.outpost.coverage;

import dev.outpost.geo.LatLon;
import java.util.Objects;

/**
 * A station as the coverage computation sees it: its id and position. Immutable.
 *
 * @param stationId the station's database id, positive
 * @param location WGS 84
 */
public record ServingStation(long stationId, LatLon location) {
    public ServingStation {
        if (stationId <= 0) {
            throw new IllegalArgumentException("serving station id " + stationId + " must be positive");
        }
        Objects.requireNonNull(location, "location");
    }
}
