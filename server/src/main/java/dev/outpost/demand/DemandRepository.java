package dev.outpost.demand;

import java.util.List;
import java.util.Optional;

/** Storage of demand layers, implemented in {@code store}. Implementations are thread-safe. */
public interface DemandRepository {
    /**
     * Stores a layer with all its cells in one transaction.
     *
     * @param description free text such as the source file name; null is stored as empty
     * @return the stored layer's description with its new id
     */
    DemandLayerInfo save(String regionCode, DemandLayer layer, DemandSource source, String description);

    /** The most recently stored layer of the group in the region. */
    Optional<DemandLayerInfo> latest(String regionCode, WorkerGroup group);

    /** A stored layer's description. */
    Optional<DemandLayerInfo> find(String regionCode, long layerId);

    /**
     * A stored layer with its cells.
     *
     * @throws dev.outpost.common.NotFoundException when there is no such layer in the region
     */
    DemandLayer load(String regionCode, long layerId);

    /** Every stored layer of the region, newest first. */
    List<DemandLayerInfo> list(String regionCode);

    /**
     * Deletes a layer, its cells and the reach matrices built on it (a cache). Layers that a scenario (directly or
     * through one of those matrices) or a stored coverage run uses cannot be deleted; then nothing changes.
     *
     * @return false when there was no such layer
     * @throws dev.outpost.common.ConflictException naming the scenarios and coverage runs that use it
     */
    boolean delete(String regionCode, long layerId);
}
