package dev.outpost.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The project's shared JTS {@link GeometryFactory}: WGS 84 longitude/latitude in degrees (x = longitude,
 * y = latitude), SRID 4326, floating precision. Every geometry the domain creates comes from here.
 *
 * <p>{@link GeometryFactory} is immutable and thread-safe; the geometries it makes are mutable JTS objects and
 * are treated as read-only throughout the project.
 */
public final class Geometries {
    /** The SRID of WGS 84 longitude/latitude. */
    public static final int WGS84_SRID = 4326;

    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), WGS84_SRID);

    private Geometries() {}

    /** The shared factory (SRID 4326, floating precision). */
    public static GeometryFactory factory() {
        return FACTORY;
    }

    /** A point at {@code position}: x = longitude, y = latitude, SRID 4326. */
    public static Point point(LatLon position) {
        return FACTORY.createPoint(new Coordinate(position.lon(), position.lat()));
    }

    /** A point at the given WGS 84 longitude and latitude in degrees; both are range-checked. */
    public static Point point(double lon, double lat) {
        return point(new LatLon(lat, lon));
    }

    /** The position of a JTS coordinate read as x = longitude, y = latitude. */
    public static LatLon latLon(Coordinate c) {
        return new LatLon(c.getY(), c.getX());
    }

    /** The position of a non-empty point. */
    public static LatLon latLon(Point p) {
        if (p.isEmpty()) {
            throw new IllegalArgumentException("point is empty; expected a position");
        }
        return latLon(p.getCoordinate());
    }

    /**
     * Checks that {@code g} is declared in WGS 84 (SRID 4326); SRID 0 (unset) is rejected too, so that a geometry
     * of unknown CRS cannot slip into the domain.
     *
     * @param what names the geometry in the error message, e.g. "district 440303 boundary"
     */
    public static <G extends Geometry> G requireWgs84(G g, String what) {
        if (g == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (g.getSRID() != WGS84_SRID) {
            throw new IllegalArgumentException(what + " has SRID " + g.getSRID() + "; expected " + WGS84_SRID);
        }
        return g;
    }
}
