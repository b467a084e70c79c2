package dev.outpost.coverage;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A road network as recorded in the database, so that coverage runs can name the network they were computed on.
 * Immutable.
 *
 * @param id database id, positive
 * @param regionCode the region
 * @param sourceFile file name of the OSM extract
 * @param sha256 its SHA-256, 64 lower-case hex digits
 * @param importedAt when the network was imported (not when it was recorded)
 * @param settings the import and profile settings, name → value
 * @param nodeCount junctions of the routing graph
 * @param edgeCount edges of the routing graph
 * @param recordedAt when this row was written
 */
public record NetworkVersion(
        long id,
        String regionCode,
        String sourceFile,
        String sha256,
        Instant importedAt,
        Map<String, String> settings,
        int nodeCount,
        int edgeCount,
        Instant recordedAt) {
    public NetworkVersion {
        if (id <= 0) {
            throw new IllegalArgumentException("network version id " + id + " must be positive");
        }
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(importedAt, "importedAt");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(settings, "settings")));
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
