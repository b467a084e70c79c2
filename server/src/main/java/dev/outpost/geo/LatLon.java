package dev.outpost.geo;

import java.util.Locale;

/**
 * A position in WGS 84 (EPSG:4326), latitude and longitude in decimal degrees. Immutable and thread-safe.
 *
 * @param lat latitude, -90 to 90
 * @param lon longitude, -180 to 180
 */
public record LatLon(double lat, double lon) {
    public LatLon {
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new IllegalArgumentException("latitude " + lat + " is out of range -90..90");
        }
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw new IllegalArgumentException("longitude " + lon + " is out of range -180..180");
        }
    }

    /** Great-circle distance in metres (haversine on a sphere of radius 6,371,008.8 m). */
    public double distanceMeters(LatLon other) {
        double r = 6_371_008.8;
        double dLat = Math.toRadians(other.lat - lat);
        double dLon = Math.toRadians(other.lon - lon);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat))
                        * Math.cos(Math.toRadians(other.lat))
                        * Math.sin(dLon / 2)
                        * Math.sin(dLon / 2);
        return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.7f,%.7f", lat, lon);
    }
}
