package dev.outpost.dataio;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * GeoJSON (RFC 7946) geometries to and from JTS, 2D only (a third ordinate is read and dropped). Reading builds the
 * geometry as written, valid or not: callers check validity. Stateless and thread-safe.
 */
final class GeoJsonGeometry {
    private GeoJsonGeometry() {}

    /**
     * Reads a GeoJSON geometry object.
     *
     * @return the geometry, or null for a JSON null
     * @throws IllegalArgumentException with the reason when the object is not a well-formed geometry
     */
    static Geometry read(JsonNode node, GeometryFactory factory) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("geometry must be a JSON object, not " + kind(node));
        }
        String type = node.path("type").asText("");
        if (type.equals("GeometryCollection")) {
            JsonNode members = node.path("geometries");
            if (!members.isArray()) {
                throw new IllegalArgumentException("GeometryCollection has no 'geometries' array");
            }
            Geometry[] parts = new Geometry[members.size()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = read(members.get(i), factory);
            }
            return factory.createGeometryCollection(parts);
        }
        JsonNode c = node.get("coordinates");
        if (c == null || !c.isArray()) {
            throw new IllegalArgumentException(
                    type.isEmpty() ? "geometry has no 'type'" : type + " has no 'coordinates' array");
        }
        switch (type) {
            case "Point":
                return factory.createPoint(coordinate(c));
            case "MultiPoint":
                return factory.createMultiPointFromCoords(coordinates(c, 0));
            case "LineString":
                return factory.createLineString(coordinates(c, 2));
            case "MultiLineString": {
                LineString[] lines = new LineString[c.size()];
                for (int i = 0; i < lines.length; i++) {
                    lines[i] = factory.createLineString(coordinates(c.get(i), 2));
                }
                return factory.createMultiLineString(lines);
            }
            case "Polygon":
                return polygon(c, factory);
            case "MultiPolygon": {
                Polygon[] polygons = new Polygon[c.size()];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = polygon(c.get(i), factory);
                }
                return factory.createMultiPolygon(polygons);
            }
            default:
                throw new IllegalArgumentException("unknown geometry type '" + type + "'");
        }
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory factory) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException("a polygon needs at least one ring");
        }
        LinearRing shell = ring(rings.get(0), factory);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), factory);
        }
        return factory.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode node, GeometryFactory factory) {
        Coordinate[] cs = coordinates(node, 3);
        if (!cs[0].equals2D(cs[cs.length - 1])) {
            Coordinate[] closed = new Coordinate[cs.length + 1];
            System.arraycopy(cs, 0, closed, 0, cs.length);
            closed[cs.length] = cs[0].copy();
            cs = closed;
        }
        if (cs.length < 4) {
            throw new IllegalArgumentException("a polygon ring needs at least 4 positions, got " + cs.length);
        }
        return factory.createLinearRing(cs);
    }

    private static Coordinate[] coordinates(JsonNode array, int minimum) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("expected an array of positions, got " + kind(array));
        }
        if (array.size() < minimum) {
            throw new IllegalArgumentException("expected at least " + minimum + " positions, got " + array.size());
        }
        Coordinate[] out = new Coordinate[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = coordinate(array.get(i));
        }
        return out;
    }

    private static Coordinate coordinate(JsonNode position) {
        if (!position.isArray() || position.size() < 2) {
            throw new IllegalArgumentException("a position must be an array [lon, lat], got " + position);
        }
        JsonNode x = position.get(0);
        JsonNode y = position.get(1);
        if (!x.isNumber() || !y.isNumber()) {
            throw new IllegalArgumentException("position " + position + " has a value that is not a number");
        }
        double lon = x.doubleValue();
        double lat = y.doubleValue();
        if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
            throw new IllegalArgumentException("position " + position + " is not finite");
        }
        return new Coordinate(lon, lat);
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** Writes {@code geometry} as a GeoJSON geometry object (null writes JSON null). */
    static void write(JsonGenerator gen, Geometry geometry) throws IOException {
        if (geometry == null) {
            gen.writeNull();
            return;
        }
        gen.writeStartObject();
        if (geometry instanceof GeometryCollection
                && !(geometry instanceof MultiPoint)
                && !(geometry instanceof MultiLineString)
                && !(geometry instanceof MultiPolygon)) {
            gen.writeStringField("type", "GeometryCollection");
            gen.writeArrayFieldStart("geometries");
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                write(gen, geometry.getGeometryN(i));
            }
            gen.writeEndArray();
            gen.writeEndObject();
            return;
        }
        gen.writeStringField("type", geometry.getGeometryType());
        gen.writeFieldName("coordinates");
        if (geometry instanceof Point) {
            position(gen, ((Point) geometry).getCoordinate());
        } else if (geometry instanceof LineString) {
            positions(gen, geometry.getCoordinates());
        } else if (geometry instanceof Polygon) {
            rings(gen, (Polygon) geometry);
        } else if (geometry instanceof MultiPoint || geometry instanceof MultiLineString) {
            gen.writeStartArray();
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                Geometry part = geometry.getGeometryN(i);
                if (part instanceof Point) {
                    position(gen, part.getCoordinate());
                } else {
                    positions(gen, part.getCoordinates());
                }
            }
            gen.writeEndArray();
        } else {
            gen.writeStartArray();
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                rings(gen, (Polygon) geometry.getGeometryN(i));
            }
            gen.writeEndArray();
        }
        gen.writeEndObject();
    }

    private static void rings(JsonGenerator gen, Polygon polygon) throws IOException {
        gen.writeStartArray();
        positions(gen, polygon.getExteriorRing().getCoordinates());
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            positions(gen, polygon.getInteriorRingN(i).getCoordinates());
        }
        gen.writeEndArray();
    }

    private static void positions(JsonGenerator gen, Coordinate[] cs) throws IOException {
        gen.writeStartArray();
        for (Coordinate c : cs) {
            position(gen, c);
        }
        gen.writeEndArray();
    }

    private static void position(JsonGenerator gen, Coordinate c) throws IOException {
        gen.writeStartArray();
        gen.writeNumber(c.x);
        gen.writeNumber(c.y);
        gen.writeEndArray();
    }
}
