package dev.outpost.planning;

import java.util.Optional;

/** Storage of reach matrices, implemented in {@code store}. Implementations are thread-safe. */
public interface SiteReachRepository {
    /** The matrix stored under exactly this key. */
    Optional<SiteReach> find(MatrixKey key);

    /** A stored matrix by id. */
    Optional<SiteReach> findById(String regionCode, long matrixId);

    /** One row of a stored matrix, or empty when the site is not in it. */
    Optional<SiteReach.Row> findRow(String regionCode, long matrixId, String siteId);

    /**
     * Stores a matrix in one transaction; when another writer stored the same key first, returns that one.
     *
     * @return the stored matrix with its id
     */
    SiteReach save(SiteReach matrix);

    /**
     * Deletes the region's matrices built on another network version than the current one, or on an older demand
     * layer of the current layer's worker group, except those a scenario refers to.
     *
     * @return the number deleted
     */
    int deleteStale(String regionCode, long currentNetworkVersionId, long currentDemandLayerId);
}
