package dev.outpost.democity;

/**
 * A local plane in metres (x east, y north) anchored at the city's south-west corner, mapped to WGS 84 by an
 * equirectangular projection with the scale of the city's middle latitude. Over a 50 km city the scale error is below
 * 0.1 %, which is irrelevant for synthetic data; what matters is that the mapping is exact, linear and the same on
 * every run. Immutable and thread-safe.
 */
final class LocalFrame {
    private final double originLon;
    private final double originLat;
    private final double metersPerDegreeLon;
    private final double metersPerDegreeLat;

    LocalFrame(double originLon, double originLat, double heightMeters) {
        this.originLon = originLon;
        this.originLat = originLat;
        double approxMidLat = originLat + heightMeters / 2 / 110_700.0;
        double phi = StrictMath.toRadians(approxMidLat);
        this.metersPerDegreeLat = 111_132.954 - 559.822 * StrictMath.cos(2 * phi) + 1.175 * StrictMath.cos(4 * phi);
        this.metersPerDegreeLon = 111_412.84 * StrictMath.cos(phi) - 93.5 * StrictMath.cos(3 * phi);
    }

    double lon(double xMeters) {
        return originLon + xMeters / metersPerDegreeLon;
    }

    double lat(double yMeters) {
        return originLat + yMeters / metersPerDegreeLat;
    }

    double x(double lon) {
        return (lon - originLon) * metersPerDegreeLon;
    }

    double y(double lat) {
        return (lat - originLat) * metersPerDegreeLat;
    }
}
