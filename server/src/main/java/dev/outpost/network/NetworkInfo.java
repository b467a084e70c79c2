package dev.outpost.network;

import dev.outpost.geo.BBox;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Provenance of a loaded road network. Immutable.
 *
 * @param sourceFileName file name (no directory) of the OSM extract the network was imported from
 * @param sourceSha256 SHA-256 of that file, 64 lower-case hex digits
 * @param importedAt when the import ran (UTC instant; a network reloaded from its cache keeps the original time)
 * @param nodeCount junction nodes of the routing graph
 * @param edgeCount edges (road segments between junctions) of the routing graph
 * @param bbox bounds of the routing graph, WGS 84
 * @param settings the settings and per-mode routing profiles the network was built with, name → value
 */
public record NetworkInfo(
        String sourceFileName,
        String sourceSha256,
        Instant importedAt,
        int nodeCount,
        int edgeCount,
        BBox bbox,
        Map<String, String> settings) {

    public NetworkInfo {
        Objects.requireNonNull(sourceFileName, "sourceFileName");
        Objects.requireNonNull(importedAt, "importedAt");
        Objects.requireNonNull(bbox, "bbox");
        if (sourceSha256 == null || !sourceSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sourceSha256 '" + sourceSha256 + "' is not 64 lower-case hex digits");
        }
        if (nodeCount < 0 || edgeCount < 0) {
            throw new IllegalArgumentException(
                    "node count " + nodeCount + " and edge count " + edgeCount + " must not be negative");
        }
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(settings, "settings")));
    }
}
