package dev.outpost.dataio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads the geometries of an ESRI Shapefile ({@code .shp}) as written in the ESRI Shapefile Technical Description
 * (1998): points, multipoints, polylines and polygons, with their Z and M variants read as 2D. Polygon rings are
 * grouped by orientation: clockwise rings are outer rings, counter-clockwise rings are holes placed in the smallest
 * outer ring containing them; a hole with no outer ring around it becomes an outer ring, and a record whose rings
 * are all counter-clockwise (a writer that got orientation wrong) is nested by containment instead. Geometries are
 * built as written, valid or not. Stateless.
 */
final class Shapefile {
    static final int NULL = 0;
    static final int POINT = 1;
    static final int POLYLINE = 3;
    static final int POLYGON = 5;
    static final int MULTIPOINT = 8;

    private static final int FILE_CODE = 9994;
    private static final int HEADER_BYTES = 100;

    /**
     * One record.
     *
     * @param number the 1-based record number
     * @param geometry the geometry (SRID of the factory), null for a null shape or a broken record
     * @param error why the record could not be read, or null
     */
    record Shape(int number, Geometry geometry, String error) {}

    private Shapefile() {}

    /** The shape type in the main file header (e.g. 5 for polygon, 15 for polygon Z). */
    static int shapeType(byte[] shp) {
        checkHeader(shp);
        return ByteBuffer.wrap(shp).order(ByteOrder.LITTLE_ENDIAN).getInt(32);
    }

    /**
     * Reads every record of a {@code .shp} file.
     *
     * @throws IllegalArgumentException when the header is not a shapefile header; a broken record is reported in its
     *     {@link Shape#error()} and ends the reading when the file is cut short
     */
    static List<Shape> read(byte[] shp, GeometryFactory factory) {
        checkHeader(shp);
        ByteBuffer b = ByteBuffer.wrap(shp);
        long declaredLength = 2L * b.order(ByteOrder.BIG_ENDIAN).getInt(24);
        int end = (int) Math.min(shp.length, Math.max(declaredLength, HEADER_BYTES));
        List<Shape> out = new ArrayList<>();
        int offset = HEADER_BYTES;
        int expected = 1;
        while (offset + 8 <= end) {
            b.order(ByteOrder.BIG_ENDIAN);
            int contentBytes = 2 * b.getInt(offset + 4);
            int number = expected++;
            int contentStart = offset + 8;
            if (contentBytes < 4 || contentStart + contentBytes > shp.length) {
                out.add(new Shape(number, null, "record " + number + " is cut short: the .shp file is truncated"));
                return out;
            }
            ByteBuffer content =
                    ByteBuffer.wrap(shp, contentStart, contentBytes).slice().order(ByteOrder.LITTLE_ENDIAN);
            try {
                out.add(new Shape(number, shape(content, factory), null));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                String reason = e instanceof IndexOutOfBoundsException
                        ? "record " + number + " is shorter than its shape needs (corrupt .shp)"
                        : e.getMessage();
                out.add(new Shape(number, null, reason));
            }
            offset = contentStart + contentBytes;
        }
        if (declaredLength > shp.length) {
            out.add(new Shape(
                    expected,
                    null,
                    String.format(
                            Locale.ROOT,
                            "the .shp file is cut short: its header announces %d bytes but it has %d",
                            declaredLength,
                            shp.length)));
        }
        return out;
    }

    /** The number of records listed in a {@code .shx} index. */
    static int indexedRecordCount(byte[] shx) {
        checkHeader(shx);
        return (shx.length - HEADER_BYTES) / 8;
    }

    private static void checkHeader(byte[] bytes) {
        if (bytes.length < HEADER_BYTES) {
            throw new IllegalArgumentException("the file is too short (" + bytes.length + " bytes) for a shapefile");
        }
        int code = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).getInt(0);
        if (code != FILE_CODE) {
            throw new IllegalArgumentException("not a shapefile: file code " + code + ", expected " + FILE_CODE);
        }
    }

    private static Geometry shape(ByteBuffer c, GeometryFactory factory) {
        int type = c.getInt(0);
        switch (type) {
            case NULL:
                return null;
            case POINT:
            case 11:
            case 21:
                return factory.createPoint(new Coordinate(c.getDouble(4), c.getDouble(12)));
            case MULTIPOINT:
            case 18:
            case 28: {
                int n = count(c.getInt(36), "points");
                Coordinate[] cs = new Coordinate[n];
                for (int i = 0; i < n; i++) {
                    cs[i] = new Coordinate(c.getDouble(40 + 16 * i), c.getDouble(48 + 16 * i));
                }
                return factory.createMultiPointFromCoords(cs);
            }
            case POLYLINE:
            case 13:
            case 23: {
                List<Coordinate[]> parts = parts(c);
                LineString[] lines = new LineString[parts.size()];
                for (int i = 0; i < lines.length; i++) {
                    lines[i] = factory.createLineString(parts.get(i));
                }
                return lines.length == 1 ? lines[0] : factory.createMultiLineString(lines);
            }
            case POLYGON:
            case 15:
            case 25:
                return polygons(parts(c), factory);
            default:
                throw new IllegalArgumentException("shape type " + type + " is not supported (expected point,"
                        + " multipoint, polyline or polygon, optionally with Z or M)");
        }
    }

    /** The parts (rings or lines) of a polyline or polygon record; Z and M values after the points are skipped. */
    private static List<Coordinate[]> parts(ByteBuffer c) {
        int numParts = count(c.getInt(36), "parts");
        int numPoints = count(c.getInt(40), "points");
        int pointsAt = 44 + 4 * numParts;
        List<Coordinate[]> out = new ArrayList<>(numParts);
        for (int p = 0; p < numParts; p++) {
            int from = c.getInt(44 + 4 * p);
            int to = p + 1 < numParts ? c.getInt(44 + 4 * (p + 1)) : numPoints;
            if (from < 0 || to > numPoints || from >= to) {
                throw new IllegalArgumentException("part " + (p + 1) + " has a bad point range " + from + ".." + to);
            }
            Coordinate[] cs = new Coordinate[to - from];
            for (int i = from; i < to; i++) {
                int at = pointsAt + 16 * i;
                cs[i - from] = new Coordinate(c.getDouble(at), c.getDouble(at + 8));
            }
            out.add(cs);
        }
        return out;
    }

    private static int count(int n, String what) {
        if (n < 0 || n > 50_000_000) {
            throw new IllegalArgumentException("corrupt record: " + n + " " + what);
        }
        return n;
    }

    /** Groups rings into polygons with holes (see the class comment). */
    static Geometry polygons(List<Coordinate[]> rings, GeometryFactory factory) {
        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        for (Coordinate[] ring : rings) {
            Coordinate[] closed = close(ring);
            if (closed.length < 4) {
                throw new IllegalArgumentException("a polygon ring has " + ring.length + " points; at least 4 needed");
            }
            LinearRing r = factory.createLinearRing(closed);
            if (Orientation.isCCW(closed)) {
                holes.add(r);
            } else {
                shells.add(r);
            }
        }
        if (shells.isEmpty()) {
            return byContainment(holes, factory);
        }
        List<List<LinearRing>> holesOf = new ArrayList<>();
        List<IndexedPointInAreaLocator> locators = new ArrayList<>();
        List<Double> areas = new ArrayList<>();
        for (LinearRing shell : shells) {
            holesOf.add(new ArrayList<>());
            Polygon p = factory.createPolygon(shell);
            locators.add(new IndexedPointInAreaLocator(p));
            areas.add(p.getArea());
        }
        for (LinearRing hole : holes) {
            int best = -1;
            for (int i = 0; i < shells.size(); i++) {
                if (shells.get(i).getEnvelopeInternal().covers(hole.getEnvelopeInternal())
                        && inside(locators.get(i), hole)
                        && (best < 0 || areas.get(i) < areas.get(best))) {
                    best = i;
                }
            }
            if (best < 0) {
                shells.add(factory.createLinearRing(reverse(hole.getCoordinates())));
                holesOf.add(new ArrayList<>());
            } else {
                holesOf.get(best).add(hole);
            }
        }
        Polygon[] polygons = new Polygon[shells.size()];
        for (int i = 0; i < polygons.length; i++) {
            polygons[i] = factory.createPolygon(shells.get(i), holesOf.get(i).toArray(new LinearRing[0]));
        }
        return polygons.length == 1 ? polygons[0] : factory.createMultiPolygon(polygons);
    }

    /** Even-odd nesting: a ring inside an odd number of larger rings is a hole of the smallest of them. */
    private static Geometry byContainment(List<LinearRing> rings, GeometryFactory factory) {
        List<LinearRing> sorted = new ArrayList<>(rings);
        sorted.sort(Comparator.comparingDouble(r -> -factory.createPolygon(r).getArea()));
        List<IndexedPointInAreaLocator> locators = new ArrayList<>();
        for (LinearRing r : sorted) {
            Polygon p = factory.createPolygon(r);
            locators.add(new IndexedPointInAreaLocator(p));
        }
        int[] depth = new int[sorted.size()];
        int[] parent = new int[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            parent[i] = -1;
            for (int j = 0; j < i; j++) {
                if (sorted.get(j).getEnvelopeInternal().covers(sorted.get(i).getEnvelopeInternal())
                        && inside(locators.get(j), sorted.get(i))) {
                    depth[i]++;
                    parent[i] = j;
                }
            }
        }
        List<Polygon> polygons = new ArrayList<>();
        List<Integer> shellIndex = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            if (depth[i] % 2 == 0) {
                shellIndex.add(i);
            }
        }
        for (int s : shellIndex) {
            List<LinearRing> hs = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i++) {
                if (depth[i] % 2 == 1 && parent[i] == s) {
                    hs.add(sorted.get(i));
                }
            }
            polygons.add(factory.createPolygon(sorted.get(s), hs.toArray(new LinearRing[0])));
        }
        return polygons.size() == 1 ? polygons.get(0) : factory.createMultiPolygon(polygons.toArray(new Polygon[0]));
    }

    /** Whether the ring lies inside the area: its first vertex not on the area's boundary is in the interior. */
    private static boolean inside(IndexedPointInAreaLocator area, LinearRing ring) {
        for (Coordinate c : ring.getCoordinates()) {
            int location = area.locate(c);
            if (location != Location.BOUNDARY) {
                return location == Location.INTERIOR;
            }
        }
        return true;
    }

    private static Coordinate[] close(Coordinate[] ring) {
        if (ring.length > 0 && !ring[0].equals2D(ring[ring.length - 1])) {
            Coordinate[] closed = new Coordinate[ring.length + 1];
            System.arraycopy(ring, 0, closed, 0, ring.length);
            closed[ring.length] = ring[0].copy();
            return closed;
        }
        return ring;
    }

    private static Coordinate[] reverse(Coordinate[] cs) {
        Coordinate[] out = new Coordinate[cs.length];
        for (int i = 0; i < cs.length; i++) {
            out[i] = cs[cs.length - 1 - i];
        }
        return out;
    }
}
