package dev.outpost.rider;

import dev.outpost.geo.LatLon;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A grid city drawn for hand-checked answers: {@code cols × rows} junctions {@value #SPACING_METERS} m apart, each
 * block side a separate {@code highway=residential} way. Grid column x runs east, row y north; junction (0, 0) is at
 * 22.60 N, 113.90 E. Blocks can be removed (a river crossed only where a bridge is left) and rows made one-way.
 */
final class GridOsm {
    static final double SPACING_METERS = 200;
    static final double LAT0 = 22.60;
    static final double LON0 = 113.90;
    /** Metres per degree of latitude on GraphHopper's sphere (R = 6,371,000 m). */
    static final double METERS_PER_DEGREE = Math.PI * 6_371_000 / 180;

    private final int cols;
    private final int rows;
    private final Set<String> missingEast = new HashSet<>();
    private final Set<Integer> oneWayEastRows = new HashSet<>();

    GridOsm(int cols, int rows) {
        this.cols = cols;
        this.rows = rows;
    }

    /** A river between columns x and x + 1 on every row except {@code bridgeRow}. */
    GridOsm riverEastOf(int x, int bridgeRow) {
        for (int y = 0; y < rows; y++) {
            if (y != bridgeRow) {
                missingEast.add(x + ":" + y);
            }
        }
        return this;
    }

    /** Row y is one-way eastbound ({@code oneway=yes}, nodes west to east). */
    GridOsm oneWayEast(int y) {
        oneWayEastRows.add(y);
        return this;
    }

    /** The position of grid coordinates (x, y), fractions allowed. */
    static LatLon at(double x, double y) {
        double lat = LAT0 + y * SPACING_METERS / METERS_PER_DEGREE;
        double lon = LON0 + x * SPACING_METERS / (METERS_PER_DEGREE * Math.cos(Math.toRadians(LAT0)));
        return new LatLon(lat, lon);
    }

    private long node(int x, int y) {
        return 1 + (long) y * cols + x;
    }

    Path write(Path dir, String name) {
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"outpost-test\">\n");
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                LatLon p = at(x, y);
                sb.append(String.format(
                        Locale.ROOT,
                        "  <node id=\"%d\" version=\"1\" lat=\"%.8f\" lon=\"%.8f\"/>%n",
                        node(x, y),
                        p.lat(),
                        p.lon()));
            }
        }
        long way = 1;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x + 1 < cols; x++) {
                if (missingEast.contains(x + ":" + y)) {
                    continue;
                }
                way(sb, way++, node(x, y), node(x + 1, y), oneWayEastRows.contains(y));
            }
        }
        for (int x = 0; x < cols; x++) {
            for (int y = 0; y + 1 < rows; y++) {
                way(sb, way++, node(x, y), node(x, y + 1), false);
            }
        }
        sb.append("</osm>\n");
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void way(StringBuilder sb, long id, long from, long to, boolean oneWay) {
        sb.append("  <way id=\"").append(id).append("\" version=\"1\">\n");
        sb.append("    <nd ref=\"")
                .append(from)
                .append("\"/>\n    <nd ref=\"")
                .append(to)
                .append("\"/>\n");
        sb.append("    <tag k=\"highway\" v=\"residential\"/>\n");
        if (oneWay) {
            sb.append("    <tag k=\"oneway\" v=\"yes\"/>\n");
        }
        sb.append("  </way>\n");
    }
}
