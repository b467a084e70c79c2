package dev.outpost.district;

import java.util.List;
import java.util.Optional;

/** Storage of administrative areas, implemented in {@code store}. Implementations are thread-safe. */
public interface DistrictRepository {
    /** Areas of the region, of one level or (null) all levels, ordered by level then code. */
    List<District> find(String regionCode, AreaLevel levelOrNull);

    /** The area with this code in the region. */
    Optional<District> findByCode(String regionCode, String code);

    /**
     * Inserts or replaces (by region and code) every area in one transaction.
     *
     * @param districts areas all of region {@code regionCode}
     * @throws IllegalArgumentException if an area belongs to another region
     */
    void upsertAll(String regionCode, List<District> districts);
}
