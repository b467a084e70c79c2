package dev.outpost.planning;

import dev.outpost.district.AreaLevel;
import dev.outpost.district.District;
import dev.outpost.geo.Geometries;
import dev.outpost.geo.HexGrid;
import dev.outpost.geo.LatLon;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * A test city made of one street through the centres of a chain of neighbouring H3 cells (resolution 9), walking
 * east: cell k's centre is junction k, and consecutive centres are about 302 m apart. At an e-bike cap of 12 km/h a
 * step takes about 91 s (the exact length varies by a few metres), so within 2 minutes a cell reaches exactly its
 * neighbours on the street (1 step ≈ 91 s ≤ 120 s < 2 steps ≈ 181 s), and the answers of covering problems can be
 * worked out by hand from the chain positions alone.
 */
final class LineCity {
    static final double EBIKE_KMH = 12;

    final HexGrid grid = HexGrid.defaultGrid();
    final List<Long> cells = new ArrayList<>();

    LineCity(LatLon start, int length) {
        long c = grid.cell(start);
        Set<Long> used = new HashSet<>();
        cells.add(c);
        used.add(c);
        while (cells.size() < length) {
            long best = 0;
            double bestLon = -1e9;
            for (long n : grid.neighbours(c)) {
                double lon = grid.centre(n).lon();
                if (!used.contains(n) && lon > bestLon) {
                    bestLon = lon;
                    best = n;
                }
            }
            c = best;
            cells.add(c);
            used.add(c);
        }
    }

    LatLon centre(int k) {
        return grid.centre(cells.get(k));
    }

    /** The street as OSM XML: one residential way through every centre in chain order. */
    Path writeOsm(Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"outpost-test\">\n");
        for (int k = 0; k < cells.size(); k++) {
            LatLon p = centre(k);
            sb.append(String.format(
                    Locale.ROOT, "  <node id=\"%d\" lat=\"%.9f\" lon=\"%.9f\"/>\n", k + 1, p.lat(), p.lon()));
        }
        for (int k = 0; k + 1 < cells.size(); k++) {
            sb.append(String.format(
                    Locale.ROOT,
                    "  <way id=\"%d\"><nd ref=\"%d\"/><nd ref=\"%d\"/><tag k=\"highway\" v=\"residential\"/>"
                            + "<tag k=\"name\" v=\"长街\"/></way>\n",
                    k + 1,
                    k + 1,
                    k + 2));
        }
        sb.append("</osm>\n");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }

    /** The longitude halfway between the centres of cells k and k + 1. */
    double lonBetween(int k) {
        return (centre(k).lon() + centre(k + 1).lon()) / 2;
    }

    /** A district covering the cells whose centre lies between two longitudes (and well around in latitude). */
    District district(String region, String code, String name, double west, double east) {
        double lat = centre(0).lat();
        Polygon box = Geometries.factory().createPolygon(new Coordinate[] {
            new Coordinate(west, lat - 0.05),
            new Coordinate(east, lat - 0.05),
            new Coordinate(east, lat + 0.05),
            new Coordinate(west, lat + 0.05),
            new Coordinate(west, lat - 0.05)
        });
        MultiPolygon mp = Geometries.factory().createMultiPolygon(new Polygon[] {box});
        return new District(region, code, name, AreaLevel.DISTRICT, null, null, null, mp);
    }
}
