package dev.outpost.coverage;

import dev.outpost.geo.LatLon;
import dev.outpost.network.TravelMode;
import java.util.Objects;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * A station's service circle on the road network: where workers can reach the station from within a number of
 * minutes (isochrone towards the station). Immutable apart from the JTS polygon, which callers must not modify.
 *
 * @param stationId the station
 * @param name the station's name
 * @param location the station, WGS 84
 * @param mode the travel mode
 * @param minutes the limit
 * @param area the service circle, SRID 4326 (may be empty)
 * @param demandWithin demand of the cells within the limit of the station, from the latest coverage of a group it
 *     serves with this mode and limit; null when there is none
 * @param catchmentDemand demand of the cells for which it is the nearest station, from the same coverage; null likewise
 */
public record ServiceArea(
        long stationId,
        String name,
        LatLon location,
        TravelMode mode,
        int minutes,
        MultiPolygon area,
        Double demandWithin,
        Double catchmentDemand) {
    public ServiceArea {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(area, "area");
    }
}
