package dev.outpost.democity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/** Independent readers of the generated files, written for the tests (they do not reuse the generator's code). */
final class DemoCityFiles {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private DemoCityFiles() {}

    record OsmNode(long id, double lon, double lat) {
        Coordinate coordinate() {
            return new Coordinate(lon, lat);
        }
    }

    record OsmWay(long id, List<Long> refs, Map<String, String> tags) {
        boolean highway() {
            return tags.containsKey("highway");
        }

        boolean is(String key, String value) {
            return value.equals(tags.get(key));
        }
    }

    /** An OSM XML file as read: nodes by id, ways in file order, and every attribute problem found. */
    static final class Osm {
        final Map<Long, OsmNode> nodes = new LinkedHashMap<>();
        final List<OsmWay> ways = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        String comment = "";
        double[] bounds;

        Coordinate[] coordinates(OsmWay way) {
            Coordinate[] cs = new Coordinate[way.refs().size()];
            for (int k = 0; k < cs.length; k++) {
                cs[k] = nodes.get(way.refs().get(k)).coordinate();
            }
            return cs;
        }

        OsmWay only(String key, String value) {
            List<OsmWay> found = ways.stream().filter(w -> w.is(key, value)).toList();
            if (found.size() != 1) {
                throw new AssertionError("expected one way with " + key + "=" + value + ", found " + found.size());
            }
            return found.get(0);
        }
    }

    static Osm readOsm(Path file) throws IOException {
        Osm osm = new Osm();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = XMLInputFactory.newInstance().createXMLStreamReader(in, "UTF-8");
            long lastNode = 0;
            long lastWay = 0;
            List<Long> refs = null;
            Map<String, String> tags = null;
            long wayId = 0;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.COMMENT) {
                    osm.comment += r.getText();
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    switch (name) {
                        case "bounds":
                            osm.bounds = new double[] {
                                Double.parseDouble(r.getAttributeValue(null, "minlon")),
                                Double.parseDouble(r.getAttributeValue(null, "minlat")),
                                Double.parseDouble(r.getAttributeValue(null, "maxlon")),
                                Double.parseDouble(r.getAttributeValue(null, "maxlat"))
                            };
                            break;
                        case "node":
                            long id = Long.parseLong(r.getAttributeValue(null, "id"));
                            checkElement(osm, r, "node", id, lastNode, lastWay);
                            lastNode = id;
                            osm.nodes.put(
                                    id,
                                    new OsmNode(
                                            id,
                                            Double.parseDouble(r.getAttributeValue(null, "lon")),
                                            Double.parseDouble(r.getAttributeValue(null, "lat"))));
                            break;
                        case "way":
                            wayId = Long.parseLong(r.getAttributeValue(null, "id"));
                            checkElement(osm, r, "way", wayId, lastWay, 0);
                            lastWay = wayId;
                            refs = new ArrayList<>();
                            tags = new TreeMap<>();
                            break;
                        case "nd":
                            refs.add(Long.parseLong(r.getAttributeValue(null, "ref")));
                            break;
                        case "tag":
                            tags.put(r.getAttributeValue(null, "k"), r.getAttributeValue(null, "v"));
                            break;
                        default:
                            break;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT
                        && r.getLocalName().equals("way")) {
                    osm.ways.add(new OsmWay(wayId, refs, tags));
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
        return osm;
    }

    private static void checkElement(Osm osm, XMLStreamReader r, String kind, long id, long previous, long waysSeen) {
        if (id <= previous) {
            osm.problems.add(kind + " " + id + " does not increase after " + previous);
        }
        if (!"1".equals(r.getAttributeValue(null, "version"))) {
            osm.problems.add(kind + " " + id + " has no version=\"1\"");
        }
        if (r.getAttributeValue(null, "timestamp") != null) {
            osm.problems.add(kind + " " + id + " has a timestamp");
        }
        if (kind.equals("node") && waysSeen > 0) {
            osm.problems.add("node " + id + " comes after a way");
        }
    }

    /** A CSV file: its header and records; a leading byte-order mark is dropped and reported. */
    record Csv(boolean bom, List<String> header, List<CSVRecord> records) {}

    static Csv readCsv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        boolean bom = text.startsWith("\uFEFF");
        if (bom) {
            text = text.substring(1);
        }
        try (Reader reader = new java.io.StringReader(text);
                CSVParser parser = CSVParser.parse(
                        reader,
                        CSVFormat.DEFAULT
                                .builder()
                                .setHeader()
                                .setSkipHeaderRecord(true)
                                .get())) {
            return new Csv(bom, parser.getHeaderNames(), parser.getRecords());
        }
    }

    /** One GeoJSON feature: properties and a polygon in lon/lat degrees. */
    record Area(JsonNode properties, Geometry geometry) {
        String code() {
            return properties.get("code").asText();
        }

        String level() {
            return properties.get("level").asText();
        }
    }

    static JsonNode readJson(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    static List<Area> readAreas(Path file) throws IOException {
        List<Area> areas = new ArrayList<>();
        for (JsonNode f : readJson(file).get("features")) {
            areas.add(new Area(f.get("properties"), geometry(f.get("geometry"))));
        }
        return areas;
    }

    private static Geometry geometry(JsonNode g) {
        String type = g.get("type").asText();
        if (type.equals("Polygon")) {
            return polygon(g.get("coordinates"));
        }
        if (type.equals("MultiPolygon")) {
            List<Polygon> parts = new ArrayList<>();
            for (JsonNode p : g.get("coordinates")) {
                parts.add(polygon(p));
            }
            return FACTORY.createMultiPolygon(parts.toArray(new Polygon[0]));
        }
        throw new AssertionError("unexpected geometry type " + type);
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int k = 1; k < rings.size(); k++) {
            holes[k - 1] = ring(rings.get(k));
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions) {
        Coordinate[] cs = new Coordinate[positions.size()];
        for (int k = 0; k < cs.length; k++) {
            cs[k] = new Coordinate(
                    positions.get(k).get(0).asDouble(), positions.get(k).get(1).asDouble());
        }
        return FACTORY.createLinearRing(cs);
    }

    static GeometryFactory factory() {
        return FACTORY;
    }
}
