package dev.outpost.app;

import dev.outpost.coverage.CoverageRepository;
import dev.outpost.coverage.NetworkVersion;
import dev.outpost.network.NetworkInfo;
import dev.outpost.network.NetworkSettings;
import dev.outpost.network.RoadNetwork;
import dev.outpost.network.graphhopper.GraphHopperNetwork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The road network of each region. A network version (source file, checksum, settings) is recorded in PostGIS; the
 * graph itself is cached on disk under {@code <var>/graphs/<region>} and reloaded from the cache in milliseconds
 * when the source is unchanged. A failed import leaves the region's current network in use. Thread-safe.
 */
final class Networks implements AutoCloseable {
    static final String SOURCE_PATH = "sourcePath";
    private static final Logger LOG = LoggerFactory.getLogger(Networks.class);

    private final Path cacheRoot;
    private final CoverageRepository versions;
    private final NetworkSettings settings;
    private final Map<String, RoadNetwork> loaded = new ConcurrentHashMap<>();

    Networks(Path cacheRoot, CoverageRepository versions, NetworkSettings settings) {
        this.cacheRoot = cacheRoot;
        this.versions = versions;
        this.settings = settings;
    }

    Optional<RoadNetwork> find(String regionCode) {
        return Optional.ofNullable(loaded.get(regionCode));
    }

    /**
     * Imports (or reloads from the cache) the OSM extract as the region's network and records the version when it
     * is new. On failure the region keeps its current network and the exception says why.
     */
    RoadNetwork importOsm(String regionCode, Path osmFile) {
        Path abs = osmFile.toAbsolutePath().normalize();
        GraphHopperNetwork network = GraphHopperNetwork.importOsm(abs, cacheRoot.resolve(regionCode), settings);
        NetworkInfo info = network.info();
        boolean known = versions.networkVersions(regionCode).stream()
                .anyMatch(v -> v.sha256().equals(info.sourceSha256()));
        if (!known) {
            Map<String, String> s = new LinkedHashMap<>(info.settings());
            s.put(SOURCE_PATH, abs.toString());
            versions.recordNetworkVersion(
                    regionCode,
                    new NetworkInfo(
                            info.sourceFileName(),
                            info.sourceSha256(),
                            info.importedAt(),
                            info.nodeCount(),
                            info.edgeCount(),
                            info.bbox(),
                            s));
        }
        RoadNetwork previous = loaded.put(regionCode, network);
        if (previous != null && previous != network) {
            previous.close();
        }
        LOG.info(
                "road network of region {}: {} ({} nodes, {} edges{})",
                regionCode,
                info.sourceFileName(),
                info.nodeCount(),
                info.edgeCount(),
                network.loadedFromCache() ? ", from cache" : "");
        return network;
    }

    /** Loads the newest recorded network of each region whose source file is still on this machine. */
    void loadRecorded(List<String> regionCodes) {
        for (String region : regionCodes) {
            if (loaded.containsKey(region)) {
                continue;
            }
            List<NetworkVersion> all = versions.networkVersions(region);
            if (all.isEmpty()) {
                continue;
            }
            NetworkVersion newest = all.get(0);
            String path = newest.settings().get(SOURCE_PATH);
            if (path == null || !Files.isRegularFile(Path.of(path))) {
                LOG.warn(
                        "region {}: the source of its network version {} is not on this machine ({}); import it"
                                + " with ./outpost import network",
                        region,
                        newest.id(),
                        path);
                continue;
            }
            try {
                importOsm(region, Path.of(path));
            } catch (RuntimeException e) {
                LOG.warn("region {}: cannot load its road network: {}", region, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        loaded.values().forEach(RoadNetwork::close);
        loaded.clear();
    }
}
