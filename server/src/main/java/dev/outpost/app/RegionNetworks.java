package dev.outpost.app;

import dev.outpost.network.NetworkSettings;
import dev.outpost.network.RoadNetwork;
import dev.outpost.network.graphhopper.GraphHopperNetwork;
import dev.outpost.rider.NetworkLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The road network of each region, imported from its OSM file on first use (or reloaded from the graph cache under
 * {@code var/graphs}) and kept for the life of the server. A region whose file is missing or refused has no network
 * (the failure is logged once). Thread-safe; {@link #close()} releases every loaded network.
 */
final class RegionNetworks implements NetworkLookup, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RegionNetworks.class);

    private final Map<String, Path> sources = new LinkedHashMap<>();
    private final Map<String, Optional<RoadNetwork>> loaded = new ConcurrentHashMap<>();
    private final Path cacheDir;
    private final NetworkSettings settings;

    RegionNetworks(Path cacheDir, NetworkSettings settings) {
        this.cacheDir = cacheDir;
        this.settings = settings;
    }

    /** Registers the OSM extract ({@code .osm} or {@code .osm.pbf}) of a region; it is imported on first use. */
    synchronized RegionNetworks register(String regionCode, Path osmFile) {
        sources.put(regionCode, osmFile);
        loaded.remove(regionCode);
        return this;
    }

    @Override
    public Optional<RoadNetwork> find(String regionCode) {
        Optional<RoadNetwork> done = loaded.get(regionCode);
        return done != null ? done : load(regionCode);
    }

    private synchronized Optional<RoadNetwork> load(String regionCode) {
        Optional<RoadNetwork> done = loaded.get(regionCode);
        if (done != null) {
            return done;
        }
        Path file = sources.get(regionCode);
        Optional<RoadNetwork> network = Optional.empty();
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                LOG.warn("road network of region '{}': {} does not exist; ranking by straight line", regionCode, file);
            } else {
                try {
                    long t0 = System.nanoTime();
                    network = Optional.of(GraphHopperNetwork.importOsm(file, cacheDir, settings));
                    LOG.info(
                            "road network of region '{}' ready from {} in {} ms",
                            regionCode,
                            file,
                            (System.nanoTime() - t0) / 1_000_000);
                } catch (RuntimeException e) {
                    LOG.error("road network of region '{}' from {} failed; ranking by straight line", regionCode, file, e);
                }
            }
        }
        loaded.put(regionCode, network);
        return network;
    }

    @Override
    public synchronized void close() {
        for (Optional<RoadNetwork> n : loaded.values()) {
            n.ifPresent(RoadNetwork::close);
        }
        loaded.clear();
    }
}
