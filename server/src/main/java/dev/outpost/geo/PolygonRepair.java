package dev.outpost.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Turns any polygonal JTS geometry (Polygon, MultiPolygon, or a collection of them) into a valid {@link
 * MultiPolygon} in WGS 84 (SRID 4326), repairing it with JTS {@link GeometryFixer} when it is invalid, and saying
 * why. Stateless and thread-safe.
 */
public final class PolygonRepair {
    private PolygonRepair() {}

    /**
     * The outcome of a repair.
     *
     * @param geometry a valid, non-empty MultiPolygon, SRID 4326
     * @param changed true when the input was invalid and its shape had to be fixed (wrapping a valid Polygon into a
     *     MultiPolygon does not count as a change)
     * @param reason why it was changed, e.g. {@code "self-intersection at (114.0500000 22.5400000)"}; null when
     *     unchanged
     */
    public record Repaired(MultiPolygon geometry, boolean changed, String reason) {
        public Repaired {
            if (geometry == null || geometry.isEmpty()) {
                throw new IllegalArgumentException("repaired geometry is missing or empty");
            }
            if (changed == (reason == null)) {
                throw new IllegalArgumentException("a reason is given exactly when the geometry changed");
            }
        }
    }

    /**
     * Validates and, if needed, repairs a polygonal geometry. The input is not modified.
     *
     * @throws IllegalArgumentException if {@code geometry} is null, empty, not polygonal, or collapses to nothing
     *     when repaired (e.g. a ring with all points on a line)
     */
    public static Repaired repair(Geometry geometry) {
        if (geometry == null || geometry.isEmpty()) {
            throw new IllegalArgumentException("polygon is missing or empty");
        }
        if (!isPolygonal(geometry)) {
            throw new IllegalArgumentException(
                    "geometry of type " + geometry.getGeometryType() + " is not polygonal; expected a (Multi)Polygon");
        }
        IsValidOp op = new IsValidOp(geometry);
        if (op.isValid()) {
            return new Repaired(toMultiPolygon(geometry), false, null);
        }
        String reason = describe(op.getValidationError());
        Geometry fixed = GeometryFixer.fix(geometry);
        MultiPolygon result = toMultiPolygon(fixed);
        if (result.isEmpty()) {
            throw new IllegalArgumentException("polygon collapses to nothing when repaired (" + reason + ")");
        }
        return new Repaired(result, true, reason);
    }

    private static boolean isPolygonal(Geometry g) {
        if (g instanceof Polygonal) {
            return true;
        }
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part == g || !isPolygonal(part)) {
                return false;
            }
        }
        return true;
    }

    private static MultiPolygon toMultiPolygon(Geometry g) {
        List<Polygon> polygons = new ArrayList<>();
        for (Object o : PolygonExtracter.getPolygons(g)) {
            Polygon p = (Polygon) o;
            if (!p.isEmpty()) {
                polygons.add((Polygon) Geometries.factory().createGeometry(p));
            }
        }
        return Geometries.factory().createMultiPolygon(polygons.toArray(new Polygon[0]));
    }

    private static String describe(TopologyValidationError error) {
        String message = error.getMessage();
        String lower = message.isEmpty() ? "invalid geometry" : message.toLowerCase(Locale.ROOT);
        Coordinate c = error.getCoordinate();
        if (c == null) {
            return lower;
        }
        return String.format(Locale.ROOT, "%s at (%.7f %.7f)", lower, c.getX(), c.getY());
    }
}
