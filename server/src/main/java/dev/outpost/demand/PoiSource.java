package dev.outpost.demand;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads demand proxies ({@link Poi}) from an OpenStreetMap extract, classified by {@link PoiClassifier}. Implemented
 * where an OSM reader is at hand ({@code network.graphhopper}). Implementations are thread-safe.
 */
public interface PoiSource {
    /**
     * Every node, way and multipolygon relation of the extract that {@link PoiClassifier} accepts, one {@link Poi}
     * per (element, category), in file order (nodes, then ways, then relations).
     *
     * @param osmFile an {@code .osm.pbf} or {@code .osm} (XML) extract
     * @throws IllegalArgumentException naming the file when it is missing, empty or unreadable
     */
    List<Poi> read(Path osmFile);
}
