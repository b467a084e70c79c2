package dev.outpost.demand;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored demand layer's description, without its cells. Immutable.
 *
 * @param id database id, positive
 * @param regionCode the region
 * @param group the worker group
 * @param resolution H3 resolution of its cells
 * @param source where it came from
 * @param description free text, e.g. the file name; may be empty, never null
 * @param cellCount number of cells
 * @param totalWeight sum of weights
 * @param createdAt when it was stored
 */
public record DemandLayerInfo(
        long id,
        String regionCode,
        WorkerGroup group,
        int resolution,
        DemandSource source,
        String description,
        int cellCount,
        double totalWeight,
        Instant createdAt) {
    public DemandLayerInfo {
        if (id <= 0) {
            throw new IllegalArgumentException("demand layer id " + id + " must be positive");
        }
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(source, "source");
        description = description == null ? "" : description;
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
