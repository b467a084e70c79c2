package dev.outpost.network.graphhopper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.network.NetworkSettings;
import dev.outpost.network.TravelMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph cache is keyed by the file's checksum and the import settings. */
class GraphCacheTest {
    @TempDir
    static Path dir;

    private static OsmXml osm;
    private static Path file;

    @BeforeAll
    static void write() {
        osm = new OsmXml(22.54, 114.05);
        long a = osm.node(1, 0, 0);
        long b = osm.node(2, 300, 0);
        long c = osm.node(3, 300, 300);
        long d = osm.node(4, 0, 300);
        osm.way(new long[] {a, b, c, d, a}, "highway", "tertiary", "name", "深南大道");
        file = osm.write(dir.resolve("ring.osm"));
    }

    private static NetworkSettings settings() {
        return NetworkSettings.defaults().withMinNetworkSize(1);
    }

    @Test
    void anUnchangedFileIsReloadedNotReimported() throws Exception {
        Path cache = dir.resolve("c1");
        String sha;
        java.time.Instant importedAt;
        Path version;
        try (GraphHopperNetwork first = GraphHopperNetwork.importOsm(file, cache, settings())) {
            assertThat(first.loadedFromCache()).isFalse();
            sha = first.info().sourceSha256();
            importedAt = first.info().importedAt();
            version = first.graphDirectory();
        }
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        assertThat(sha).isEqualTo(HexFormat.of().formatHex(digest));
        try (GraphHopperNetwork second = GraphHopperNetwork.importOsm(file, cache, settings())) {
            assertThat(second.loadedFromCache()).isTrue();
            assertThat(second.info().importedAt()).isEqualTo(importedAt);
            assertThat(second.graphDirectory()).isEqualTo(version);
            assertThat(second.route(osm.at(0, 0), osm.at(300, 300), TravelMode.CAR))
                    .isPresent();
        }
        // query-time settings do not matter for the cache
        try (GraphHopperNetwork third = GraphHopperNetwork.importOsm(
                file, cache, settings().withMaxSnapDistanceMeters(100).withSearchThreads(1))) {
            assertThat(third.loadedFromCache()).isTrue();
        }
    }

    @Test
    void newSettingsOrANewFileMakeANewVersion() throws IOException {
        Path cache = dir.resolve("c2");
        Path v1;
        Path v2;
        Path v3;
        double slow;
        double fast;
        try (GraphHopperNetwork a = GraphHopperNetwork.importOsm(file, cache, settings())) {
            v1 = a.graphDirectory();
            slow = a.route(osm.at(0, 0), osm.at(300, 0), TravelMode.EBIKE)
                    .orElseThrow()
                    .travelTimeSeconds();
        }
        try (GraphHopperNetwork b =
                GraphHopperNetwork.importOsm(file, cache, settings().withEbikeMaxSpeedKmh(25))) {
            assertThat(b.loadedFromCache()).isFalse();
            v2 = b.graphDirectory();
            fast = b.route(osm.at(0, 0), osm.at(300, 0), TravelMode.EBIKE)
                    .orElseThrow()
                    .travelTimeSeconds();
        }
        assertThat(slow).isCloseTo(300 / 5.0, org.assertj.core.api.Assertions.within(0.1)); // 18 km/h
        assertThat(fast).isCloseTo(300 / (25 / 3.6), org.assertj.core.api.Assertions.within(0.2)); // 25 km/h
        Path edited = dir.resolve("edited").resolve("ring.osm");
        Files.createDirectories(edited.getParent());
        Files.writeString(
                edited, Files.readString(file, StandardCharsets.UTF_8).replace("深南大道", "深南中路"), StandardCharsets.UTF_8);
        try (GraphHopperNetwork c = GraphHopperNetwork.importOsm(edited, cache, settings())) {
            assertThat(c.loadedFromCache()).isFalse();
            v3 = c.graphDirectory();
            assertThat(c.route(osm.at(0, 0), osm.at(300, 0), TravelMode.CAR)
                            .orElseThrow()
                            .streetNames())
                    .containsExactly("深南中路");
        }
        assertThat(v1).isNotEqualTo(v2).isNotEqualTo(v3);
        assertThat(v2).isNotEqualTo(v3);
        try (Stream<Path> versions = Files.list(cache)) {
            assertThat(versions.filter(Files::isDirectory).count()).isEqualTo(3);
        }
    }

    @Test
    void aDamagedCacheVersionIsImportedAgain() throws IOException {
        Path cache = dir.resolve("c3");
        Path version;
        try (GraphHopperNetwork first = GraphHopperNetwork.importOsm(file, cache, settings())) {
            version = first.graphDirectory();
        }
        try (Stream<Path> files = Files.list(version)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (!f.getFileName().toString().equals(GraphCache.META_FILE)) {
                    Files.delete(f);
                }
            }
        }
        try (GraphHopperNetwork again = GraphHopperNetwork.importOsm(file, cache, settings())) {
            assertThat(again.loadedFromCache()).isFalse();
            assertThat(again.route(osm.at(0, 0), osm.at(300, 300), TravelMode.CAR))
                    .isPresent();
        }
    }
}
