package dev.outpost.network.graphhopper;

import dev.outpost.network.NetworkSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Layout of the graph cache: one directory per (OSM file checksum, import settings) pair, named
 * {@code <file stem>-<sha256 prefix>-<settings key>}, holding GraphHopper's files and a {@value #META_FILE} that is
 * written last. A version directory only ever appears by an atomic rename of a finished import, so its presence means
 * it is complete.
 */
final class GraphCache {
    static final String META_FILE = "outpost-network.properties";
    /** Bump when the graph layout or profiles change incompatibly; it is part of every settings key. */
    static final String FORMAT = "outpost-network-1/graphhopper-11.0";

    private GraphCache() {}

    /** Metadata of one cached network version. */
    record Meta(String sourceFileName, String sourceSha256, Instant importedAt, String settingsKey, Path directory) {}

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " to compute its checksum", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** A short key for the settings that shape the imported graph (plus the cache format). */
    static String settingsKey(NetworkSettings settings) {
        StringBuilder text = new StringBuilder(FORMAT);
        for (Map.Entry<String, String> entry : settings.importSettings().entrySet()) {
            text.append('\n').append(entry.getKey()).append('=').append(entry.getValue());
        }
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static Path versionDirectory(Path cacheDir, String sourceFileName, String sha256, String settingsKey) {
        return cacheDir.resolve(stem(sourceFileName) + "-" + sha256.substring(0, 16) + "-" + settingsKey);
    }

    /** The file name without {@code .osm.pbf}, {@code .pbf}, {@code .osm} and with unsafe characters replaced. */
    static String stem(String fileName) {
        String stem = fileName;
        for (String suffix : List.of(".osm.pbf", ".pbf", ".osm.xml", ".osm", ".xml")) {
            if (stem.toLowerCase(Locale.ROOT).endsWith(suffix)) {
                stem = stem.substring(0, stem.length() - suffix.length());
                break;
            }
        }
        stem = stem.replaceAll("[^A-Za-z0-9._-]", "_");
        return stem.isEmpty() ? "network" : stem;
    }

    static void writeMeta(Path directory, Meta meta, Map<String, String> settings) {
        Properties properties = new Properties();
        properties.setProperty("source.fileName", meta.sourceFileName());
        properties.setProperty("source.sha256", meta.sourceSha256());
        properties.setProperty("importedAt", meta.importedAt().toString());
        properties.setProperty("settingsKey", meta.settingsKey());
        properties.setProperty("format", FORMAT);
        settings.forEach((k, v) -> properties.setProperty("setting." + k, v));
        try (Writer out = Files.newBufferedWriter(directory.resolve(META_FILE), StandardCharsets.UTF_8)) {
            properties.store(out, "Outpost road network version; written after a successful import");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + directory.resolve(META_FILE), e);
        }
    }

    /** The metadata of a version directory, or empty when it has none or it cannot be read. */
    static Optional<Meta> readMeta(Path directory) {
        Path file = directory.resolve(META_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
            return Optional.of(new Meta(
                    properties.getProperty("source.fileName"),
                    properties.getProperty("source.sha256"),
                    Instant.parse(properties.getProperty("importedAt")),
                    properties.getProperty("settingsKey"),
                    directory));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** All complete versions in the cache directory, newest import first. */
    static List<Meta> versions(Path cacheDir) {
        List<Meta> versions = new ArrayList<>();
        if (!Files.isDirectory(cacheDir)) {
            return versions;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(cacheDir, Files::isDirectory)) {
            for (Path dir : dirs) {
                if (!dir.getFileName().toString().startsWith(".")) {
                    readMeta(dir).ifPresent(versions::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list graph cache " + cacheDir, e);
        }
        versions.sort(Comparator.comparing(Meta::importedAt).reversed());
        return versions;
    }

    static void deleteRecursively(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort: a left-over temporary directory is harmless (names start with '.')
        }
    }
}
