package dev.outpost.network.graphhopper;

import dev.outpost.geo.LatLon;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes small synthetic OSM XML files for tests, with positions given in metres on a local plane around a reference
 * point. The metre → degree conversion uses GraphHopper's earth radius (6,371,000 m) so that a block laid out as
 * 100 m measures 100 m (to a few millimetres) in GraphHopper's haversine distances.
 */
final class OsmXml {
    static final double EARTH_RADIUS = 6_371_000;

    private final double lat0;
    private final double lon0;
    private final Map<Long, double[]> nodes = new LinkedHashMap<>();
    private final List<String> ways = new ArrayList<>();
    private long nextWayId = 1;

    OsmXml(double lat0, double lon0) {
        this.lat0 = lat0;
        this.lon0 = lon0;
    }

    /** The position {@code x} metres east and {@code y} metres north of the reference point. */
    LatLon at(double x, double y) {
        double degreesPerMeterLat = 180 / (Math.PI * EARTH_RADIUS);
        double degreesPerMeterLon = degreesPerMeterLat / Math.cos(Math.toRadians(lat0));
        return new LatLon(lat0 + y * degreesPerMeterLat, lon0 + x * degreesPerMeterLon);
    }

    /** Adds (or reuses) a node at local metres (x, y); returns its id. */
    long node(long id, double x, double y) {
        LatLon p = at(x, y);
        nodes.putIfAbsent(id, new double[] {p.lat(), p.lon()});
        return id;
    }

    /** Adds a way through the given node ids with tags given as key, value, key, value... */
    OsmXml way(long[] nodeIds, String... tags) {
        StringBuilder xml = new StringBuilder();
        xml.append("  <way id=\"").append(nextWayId++).append("\" version=\"1\">\n");
        for (long id : nodeIds) {
            if (!nodes.containsKey(id)) {
                throw new IllegalArgumentException("way refers to unknown node " + id);
            }
            xml.append("    <nd ref=\"").append(id).append("\"/>\n");
        }
        for (int i = 0; i + 1 < tags.length; i += 2) {
            xml.append("    <tag k=\"")
                    .append(escape(tags[i]))
                    .append("\" v=\"")
                    .append(escape(tags[i + 1]))
                    .append("\"/>\n");
        }
        xml.append("  </way>\n");
        ways.add(xml.toString());
        return this;
    }

    Path write(Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"outpost-test\">\n");
            for (Map.Entry<Long, double[]> node : nodes.entrySet()) {
                out.write(String.format(
                        Locale.ROOT,
                        "  <node id=\"%d\" version=\"1\" lat=\"%.9f\" lon=\"%.9f\"/>\n",
                        node.getKey(),
                        node.getValue()[0],
                        node.getValue()[1]));
            }
            for (String way : ways) {
                out.write(way);
            }
            out.write("</osm>\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
