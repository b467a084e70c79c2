package dev.outpost.network.graphhopper;

import com.carrotsearch.hppc.LongArrayList;
import com.carrotsearch.hppc.LongDoubleHashMap;
import com.carrotsearch.hppc.LongHashSet;
import com.graphhopper.reader.ReaderElement;
import com.graphhopper.reader.ReaderNode;
import com.graphhopper.reader.ReaderRelation;
import com.graphhopper.reader.ReaderWay;
import com.graphhopper.reader.osm.OSMInputFile;
import com.graphhopper.reader.osm.SkipOptions;
import dev.outpost.demand.Poi;
import dev.outpost.demand.PoiClassifier;
import dev.outpost.demand.PoiSource;
import dev.outpost.geo.Geometries;
import dev.outpost.geo.LatLon;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLStreamException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads demand proxies from an OSM extract with GraphHopper's OSM reader ({@code .osm.pbf} or {@code .osm} XML), in
 * three passes so that only the coordinates that are needed are held in memory: multipolygon relations, then ways,
 * then nodes.
 *
 * <p>Nodes give their position; closed ways their polygon (position: a point inside it); open ways their middle node;
 * multipolygon relations the polygons formed by their outer members minus their inner members. Ways and relations
 * cut by the extract's edge keep the nodes that are present; those left with fewer than two nodes are skipped and
 * counted in the log.
 *
 * <p>Thread-safe: every call opens its own readers.
 */
public final class OsmPoiSource implements PoiSource {
    private static final Logger LOG = LoggerFactory.getLogger(OsmPoiSource.class);

    private final int readerThreads;

    /** A source reading PBF files with two worker threads. */
    public OsmPoiSource() {
        this(2);
    }

    /** @param readerThreads worker threads for decoding PBF blocks, 1–16 */
    public OsmPoiSource(int readerThreads) {
        if (readerThreads < 1 || readerThreads > 16) {
            throw new IllegalArgumentException("reader threads " + readerThreads + " is out of range 1..16");
        }
        this.readerThreads = readerThreads;
    }

    private record Pending(
            String element, List<PoiClassifier.Match> matches, String name, LongArrayList nodes, boolean closed) {}

    private record PendingRelation(
            String element, List<PoiClassifier.Match> matches, String name, long[] outer, long[] inner) {}

    @Override
    public List<Poi> read(Path osmFile) {
        Objects.requireNonNull(osmFile, "osmFile");
        if (!Files.isRegularFile(osmFile)) {
            throw new IllegalArgumentException(
                    "cannot read OSM file " + osmFile + ": it does not exist or is not a file");
        }
        try {
            if (Files.size(osmFile) == 0) {
                throw new IllegalArgumentException("cannot read OSM file " + osmFile + ": the file is empty (0 bytes)");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read OSM file " + osmFile + ": " + e.getMessage(), e);
        }

        // pass 1: multipolygon relations that are proxies, and the ways they are made of
        List<PendingRelation> relations = new ArrayList<>();
        LongHashSet memberWays = new LongHashSet();
        scan(osmFile, new SkipOptions(true, true, false), element -> {
            if (element instanceof ReaderRelation r && "multipolygon".equals(r.getTag("type"))) {
                List<PoiClassifier.Match> matches = PoiClassifier.classify(r.getTags());
                if (!matches.isEmpty()) {
                    LongArrayList outer = new LongArrayList();
                    LongArrayList inner = new LongArrayList();
                    for (ReaderRelation.Member m : r.getMembers()) {
                        if (m.getType() == ReaderElement.Type.WAY) {
                            (("inner".equals(m.getRole())) ? inner : outer).add(m.getRef());
                            memberWays.add(m.getRef());
                        }
                    }
                    relations.add(
                            new PendingRelation("r" + r.getId(), matches, name(r), outer.toArray(), inner.toArray()));
                }
            }
        });

        // pass 2: ways that are proxies or relation members, and the nodes they need
        List<Pending> ways = new ArrayList<>();
        com.carrotsearch.hppc.LongObjectHashMap<LongArrayList> memberWayNodes =
                new com.carrotsearch.hppc.LongObjectHashMap<>();
        LongHashSet neededNodes = new LongHashSet();
        scan(osmFile, new SkipOptions(true, false, true), element -> {
            if (element instanceof ReaderWay w) {
                LongArrayList nodes = w.getNodes();
                boolean member = memberWays.contains(w.getId());
                List<PoiClassifier.Match> matches = PoiClassifier.classify(w.getTags());
                if (!matches.isEmpty() || member) {
                    LongArrayList copy = new LongArrayList(nodes);
                    for (int i = 0; i < copy.size(); i++) {
                        neededNodes.add(copy.get(i));
                    }
                    if (member) {
                        memberWayNodes.put(w.getId(), copy);
                    }
                    if (!matches.isEmpty()) {
                        boolean closed = copy.size() >= 4 && copy.get(0) == copy.get(copy.size() - 1);
                        ways.add(new Pending("w" + w.getId(), matches, name(w), copy, closed));
                    }
                }
            }
        });

        // pass 3: proxy nodes, and the coordinates of the nodes the ways need
        List<Poi> out = new ArrayList<>();
        LongDoubleHashMap lats = new LongDoubleHashMap();
        LongDoubleHashMap lons = new LongDoubleHashMap();
        scan(osmFile, new SkipOptions(false, true, true), element -> {
            if (element instanceof ReaderNode n) {
                if (neededNodes.contains(n.getId())) {
                    lats.put(n.getId(), n.getLat());
                    lons.put(n.getId(), n.getLon());
                }
                if (n.hasTags()) {
                    List<PoiClassifier.Match> matches = PoiClassifier.classify(n.getTags());
                    if (!matches.isEmpty()) {
                        LatLon at = new LatLon(n.getLat(), n.getLon());
                        for (PoiClassifier.Match m : matches) {
                            out.add(new Poi("n" + n.getId(), m.category(), m.tag(), at, null, name(n)));
                        }
                    }
                }
            }
        });

        GeometryFactory f = Geometries.factory();
        int skipped = 0;
        for (Pending w : ways) {
            Coordinate[] coords = coordinates(w.nodes(), lats, lons);
            if (coords.length < 2) {
                skipped++;
                continue;
            }
            Geometry footprint = null;
            LatLon location;
            if (w.closed() && coords.length >= 4 && coords[0].equals2D(coords[coords.length - 1])) {
                footprint = valid(f.createPolygon(coords));
                location = footprint.isEmpty()
                        ? Geometries.latLon(coords[0])
                        : Geometries.latLon(footprint.getInteriorPoint());
                if (footprint.isEmpty()) {
                    footprint = null;
                }
            } else {
                location = Geometries.latLon(coords[coords.length / 2]);
            }
            for (PoiClassifier.Match m : w.matches()) {
                out.add(new Poi(w.element(), m.category(), m.tag(), location, footprint, w.name()));
            }
        }
        for (PendingRelation r : relations) {
            Geometry outer = polygonize(r.outer(), memberWayNodes, lats, lons, f);
            if (outer == null || outer.isEmpty()) {
                skipped++;
                continue;
            }
            Geometry inner = polygonize(r.inner(), memberWayNodes, lats, lons, f);
            Geometry area = inner == null || inner.isEmpty() ? outer : valid(outer.difference(inner));
            if (area.isEmpty()) {
                skipped++;
                continue;
            }
            Geometry footprint = area instanceof Polygon p ? p : toMultiPolygon(area, f);
            LatLon location = Geometries.latLon(area.getInteriorPoint());
            for (PoiClassifier.Match m : r.matches()) {
                out.add(new Poi(r.element(), m.category(), m.tag(), location, footprint, r.name()));
            }
        }
        if (skipped > 0) {
            LOG.info(
                    "{}: {} ways or relations skipped, their nodes lie outside the extract",
                    osmFile.getFileName(),
                    skipped);
        }
        return out;
    }

    private interface ElementHandler {
        void accept(ReaderElement element);
    }

    private void scan(Path osmFile, SkipOptions skip, ElementHandler handler) {
        try (OSMInputFile in = new OSMInputFile(osmFile.toFile())
                .setWorkerThreads(readerThreads)
                .setSkipOptions(skip)
                .open()) {
            ReaderElement e;
            while ((e = in.getNext()) != null) {
                handler.accept(e);
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae
                    && iae.getMessage() != null
                    && iae.getMessage().startsWith("cannot read OSM file")) {
                throw iae;
            }
            throw new IllegalArgumentException(
                    "cannot read OSM file " + osmFile + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()),
                    e);
        }
    }

    private static String name(ReaderElement e) {
        Object n = e.getTags().get("name");
        return n == null || n.toString().isBlank() ? null : n.toString();
    }

    private static Coordinate[] coordinates(LongArrayList nodes, LongDoubleHashMap lats, LongDoubleHashMap lons) {
        List<Coordinate> out = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            long id = nodes.get(i);
            if (lats.containsKey(id)) {
                out.add(new Coordinate(lons.get(id), lats.get(id)));
            }
        }
        return out.toArray(new Coordinate[0]);
    }

    /** Polygons formed by the member ways (closed rings directly, open ones joined end to end), or null. */
    private static Geometry polygonize(
            long[] wayIds,
            com.carrotsearch.hppc.LongObjectHashMap<LongArrayList> wayNodes,
            LongDoubleHashMap lats,
            LongDoubleHashMap lons,
            GeometryFactory f) {
        if (wayIds.length == 0) {
            return null;
        }
        Polygonizer polygonizer = new Polygonizer();
        List<LineString> lines = new ArrayList<>();
        for (long id : wayIds) {
            LongArrayList nodes = wayNodes.get(id);
            if (nodes == null) {
                continue;
            }
            Coordinate[] coords = coordinates(nodes, lats, lons);
            if (coords.length >= 2) {
                lines.add(f.createLineString(coords));
            }
        }
        if (lines.isEmpty()) {
            return null;
        }
        // node the lines so that rings touching at shared nodes are found
        Geometry noded = f.buildGeometry(lines).union();
        polygonizer.add(noded);
        @SuppressWarnings("unchecked")
        Collection<Polygon> polygons = polygonizer.getPolygons();
        if (polygons.isEmpty()) {
            return null;
        }
        return valid(f.buildGeometry(polygons).union());
    }

    private static Geometry valid(Geometry g) {
        return g.isValid() ? g : g.buffer(0);
    }

    private static Geometry toMultiPolygon(Geometry g, GeometryFactory f) {
        List<Polygon> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                parts.add(p);
            }
        }
        return f.createMultiPolygon(parts.toArray(new Polygon[0]));
    }
}
