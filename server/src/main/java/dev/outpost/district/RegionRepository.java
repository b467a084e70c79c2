package dev.outpost.district;

import dev.outpost.geo.BBox;
import java.util.List;
import java.util.Optional;

/** Storage of regions, implemented in {@code store}. Thread-safe. */
public interface RegionRepository {
    List<Region> findAll();

    Optional<Region> find(String code);

    /** The box around the region's districts and stations; empty when it has neither. */
    Optional<BBox> extent(String code);

    /** Creates the region or updates its names. */
    void upsert(Region region);
}
