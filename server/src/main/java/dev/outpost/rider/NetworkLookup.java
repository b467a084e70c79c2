package dev.outpost.rider;

import dev.outpost.network.RoadNetwork;
import java.util.Optional;

/**
 * The road network of a region, as wired in {@code app}. Implementations are thread-safe; loading a network on first
 * use may block the first caller.
 */
@FunctionalInterface
public interface NetworkLookup {
    /** The region's road network, or empty when it has none. */
    Optional<RoadNetwork> find(String regionCode);
}
