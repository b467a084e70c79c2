package dev.outpost.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Settings read once at start-up from environment variables (see README.md for the list). Immutable.
 *
 * @param root repository root (where {@code web/}, {@code geodata/} live)
 * @param varDir writable state: the private cluster, graph caches, uploads
 * @param port HTTP port
 * @param databaseUrl an external PostgreSQL server, or empty for the private cluster
 * @param tileUrl XYZ tile URL template for the base map; empty for a plain background
 * @param tileAttribution attribution text shown with the tiles
 * @param maxUploadBytes largest accepted upload
 */
public record Config(
        Path root,
        Path varDir,
        int port,
        Optional<String> databaseUrl,
        String tileUrl,
        String tileAttribution,
        long maxUploadBytes) {

    public Config {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("PORT " + port + " is out of range 0..65535");
        }
        if (maxUploadBytes <= 0) {
            throw new IllegalArgumentException("OUTPOST_MAX_UPLOAD_MB must be positive");
        }
    }

    /** Reads the settings from {@code env}; the root comes from {@code -Doutpost.root} or the working directory. */
    public static Config fromEnvironment(Map<String, String> env) {
        Path root = Path.of(System.getProperty("outpost.root", "."))
                .toAbsolutePath()
                .normalize();
        if (!Files.isDirectory(root.resolve("web")) && Files.isDirectory(root.resolve("../web"))) {
            root = root.getParent();
        }
        Path var = Path.of(env.getOrDefault("OUTPOST_VAR", root.resolve("var").toString()));
        int port = parseInt(env.getOrDefault("PORT", "7070"), "PORT");
        String db = env.get("DATABASE_URL");
        long maxUploadMb = parseInt(env.getOrDefault("OUTPOST_MAX_UPLOAD_MB", "50"), "OUTPOST_MAX_UPLOAD_MB");
        return new Config(
                root,
                var.toAbsolutePath().normalize(),
                port,
                db == null || db.isBlank() ? Optional.empty() : Optional.of(db.trim()),
                env.getOrDefault("TILE_URL", ""),
                env.getOrDefault("TILE_ATTRIBUTION", "© OpenStreetMap contributors"),
                maxUploadMb * 1024 * 1024);
    }

    private static int parseInt(String value, String name) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not a whole number");
        }
    }

    public Path webDir() {
        return root.resolve("web");
    }

    public Path demoCityDir() {
        return root.resolve("geodata").resolve("demo-city");
    }
}
