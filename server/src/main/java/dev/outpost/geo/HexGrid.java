package dev.outpost.geo;

import com.uber.h3core.AreaUnit;
import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * The Uber H3 hexagonal grid at one resolution: cell ids are H3 indexes held as {@code long}; positions are WGS 84.
 * Resolution 9 (the default) has cells of about 0.105 km² (edge ≈ 174 m, centre spacing ≈ 300 m).
 *
 * <p>Immutable and thread-safe: the H3 native library is loaded once per JVM and its calls keep no state.
 */
public final class HexGrid {
    /** The default resolution of demand layers. */
    public static final int DEFAULT_RESOLUTION = 9;

    private static volatile H3Core h3;

    private final int resolution;

    /**
     * @param resolution H3 resolution 0 (continent-sized cells) to 15 (about 1 m²)
     * @throws IllegalArgumentException when out of range
     * @throws UncheckedIOException when the native H3 library cannot be loaded
     */
    public HexGrid(int resolution) {
        if (resolution < 0 || resolution > 15) {
            throw new IllegalArgumentException("H3 resolution " + resolution + " is out of range 0..15");
        }
        this.resolution = resolution;
        core();
    }

    /** The grid at {@link #DEFAULT_RESOLUTION}. */
    public static HexGrid defaultGrid() {
        return new HexGrid(DEFAULT_RESOLUTION);
    }

    static H3Core core() {
        H3Core c = h3;
        if (c == null) {
            synchronized (HexGrid.class) {
                c = h3;
                if (c == null) {
                    try {
                        c = H3Core.newInstance();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot load the H3 native library", e);
                    }
                    h3 = c;
                }
            }
        }
        return c;
    }

    public int resolution() {
        return resolution;
    }

    /** The cell containing a position. */
    public long cell(LatLon position) {
        return core().latLngToCell(position.lat(), position.lon(), resolution);
    }

    /** Whether {@code cell} is a valid H3 cell of this grid's resolution. */
    public boolean isCell(long cell) {
        return isValidCell(cell) && core().getResolution(cell) == resolution;
    }

    /** Whether {@code cell} is a valid H3 cell of any resolution. */
    public static boolean isValidCell(long cell) {
        return core().isValidCell(cell);
    }

    /** The resolution of a valid H3 cell. */
    public static int resolutionOf(long cell) {
        requireValid(cell);
        return core().getResolution(cell);
    }

    /**
     * The cell of this grid containing {@code cell}: the cell itself when it has this grid's resolution, its
     * ancestor when it is finer.
     *
     * @throws IllegalArgumentException when the cell is invalid or coarser than this grid
     */
    public long containing(long cell) {
        requireValid(cell);
        int r = core().getResolution(cell);
        if (r < resolution) {
            throw new IllegalArgumentException(
                    "H3 cell " + address(cell) + " has resolution " + r + ", coarser than the grid's " + resolution);
        }
        return r == resolution ? cell : core().cellToParent(cell, resolution);
    }

    /** The centre of a cell. */
    public LatLon centre(long cell) {
        requireCell(cell);
        LatLng c = core().cellToLatLng(cell);
        return new LatLon(c.lat, c.lng);
    }

    /** The hexagon (or pentagon) of a cell as a closed JTS polygon, SRID 4326, vertices counter-clockwise. */
    public Polygon boundary(long cell) {
        requireCell(cell);
        List<LatLng> ring = core().cellToBoundary(cell);
        Coordinate[] coords = new Coordinate[ring.size() + 1];
        for (int i = 0; i < ring.size(); i++) {
            coords[i] = new Coordinate(ring.get(i).lng, ring.get(i).lat);
        }
        coords[ring.size()] = coords[0].copy();
        return Geometries.factory().createPolygon(coords);
    }

    /** The cells sharing an edge with {@code cell} (six, five around a pentagon), in no particular order. */
    public long[] neighbours(long cell) {
        requireCell(cell);
        List<Long> disk = core().gridDisk(cell, 1);
        long[] out = new long[disk.size() - 1];
        int k = 0;
        for (long c : disk) {
            if (c != cell) {
                out[k++] = c;
            }
        }
        return k == out.length ? out : java.util.Arrays.copyOf(out, k);
    }

    /** The cells at most {@code k} steps (0–100) from {@code cell}, itself included, in no particular order. */
    public long[] disk(long cell, int k) {
        requireCell(cell);
        if (k < 0 || k > 100) {
            throw new IllegalArgumentException("grid distance " + k + " is out of range 0..100");
        }
        return core().gridDisk(cell, k).stream().mapToLong(Long::longValue).toArray();
    }

    /** The area of a cell in square metres. */
    public double areaSquareMeters(long cell) {
        requireCell(cell);
        return core().cellArea(cell, AreaUnit.m2);
    }

    /**
     * The cells whose centres lie inside a polygon (holes respected), in no particular order. A polygon smaller
     * than a cell may contain no centre and give no cell.
     */
    public List<Long> cellsWithCentreIn(Polygon polygon) {
        List<LatLng> shell = ring(polygon.getExteriorRing());
        List<List<LatLng>> holes = new ArrayList<>();
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            holes.add(ring(polygon.getInteriorRingN(i)));
        }
        return core().polygonToCells(shell, holes, resolution);
    }

    /**
     * The union of a set of cells of this grid as polygons, computed by H3 on the cells' shared edges (exact: no
     * slivers between neighbours). Cells that touch only at a corner give separate polygons.
     */
    public MultiPolygon union(Collection<Long> cells) {
        GeometryFactory f = Geometries.factory();
        if (cells.isEmpty()) {
            return f.createMultiPolygon();
        }
        for (long c : cells) {
            requireCell(c);
        }
        List<List<List<LatLng>>> parts = core().cellsToMultiPolygon(cells, true);
        Polygon[] polygons = new Polygon[parts.size()];
        for (int p = 0; p < parts.size(); p++) {
            List<List<LatLng>> loops = parts.get(p);
            LinearRing shell = linearRing(loops.get(0));
            LinearRing[] holes = new LinearRing[loops.size() - 1];
            for (int h = 1; h < loops.size(); h++) {
                holes[h - 1] = linearRing(loops.get(h));
            }
            polygons[p] = f.createPolygon(shell, holes);
        }
        return f.createMultiPolygon(polygons);
    }

    /** The 15-character hexadecimal address of a cell, e.g. {@code 8931aa42a2bffff}. */
    public static String address(long cell) {
        return core().h3ToString(cell);
    }

    /**
     * Parses a cell given as its hexadecimal address ({@code 8931aa42a2bffff}) or as a decimal {@code long}.
     *
     * @throws IllegalArgumentException naming the text when it is neither or not a valid cell
     */
    public static long parseCell(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        long cell;
        try {
            if (t.matches("[0-9]{16,19}")) {
                cell = Long.parseLong(t);
            } else if (t.matches("[0-9a-f]{1,16}")) {
                cell = Long.parseUnsignedLong(t, 16);
            } else {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not an H3 cell; expected a hexadecimal address such as 8931aa42a2bffff");
        }
        if (!isValidCell(cell)) {
            throw new IllegalArgumentException("'" + text + "' is not a valid H3 cell");
        }
        return cell;
    }

    private void requireCell(long cell) {
        if (!isCell(cell)) {
            throw new IllegalArgumentException(
                    "H3 cell " + Long.toHexString(cell) + " is not a valid cell of resolution " + resolution);
        }
    }

    private static void requireValid(long cell) {
        if (!isValidCell(cell)) {
            throw new IllegalArgumentException("H3 cell " + Long.toHexString(cell) + " is not valid");
        }
    }

    private static List<LatLng> ring(org.locationtech.jts.geom.LineString ring) {
        Coordinate[] cs = ring.getCoordinates();
        List<LatLng> out = new ArrayList<>(cs.length);
        // H3 wants an open loop: drop the closing vertex
        for (int i = 0; i < cs.length - 1; i++) {
            out.add(new LatLng(cs[i].y, cs[i].x));
        }
        return out;
    }

    private static LinearRing linearRing(List<LatLng> loop) {
        int n = loop.size();
        if (n > 1 && loop.get(0).equals(loop.get(n - 1))) {
            n--; // already closed (GeoJSON style)
        }
        Coordinate[] coords = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            coords[i] = new Coordinate(loop.get(i).lng, loop.get(i).lat);
        }
        coords[n] = coords[0].copy();
        return Geometries.factory().createLinearRing(coords);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HexGrid g && g.resolution == resolution;
    }

    @Override
    public int hashCode() {
        return resolution;
    }

    @Override
    public String toString() {
        return "HexGrid[resolution=" + resolution + "]";
    }
}
