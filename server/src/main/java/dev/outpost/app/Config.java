package dev.outpost.app;

import dev.outpost.http.TlsSettings;
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
 * @param demoDir the demo city loaded by {@code demo} ({@code OUTPOST_DEMO_DIR}; default {@code geodata/demo-city}),
 *     e.g. the Shenzhen-scale city made by {@code ./outpost democity --size shenzhen} for benchmarks
 * @param publicBaseUrl the address phones reach the server at ({@code PUBLIC_BASE_URL}, e.g.
 *     {@code https://outpost.example.cn}), used in QR posters; empty to take it from each request
 * @param tls HTTPS settings ({@code TLS_*}), empty for plain HTTP only
 */
public record Config(
        Path root,
        Path varDir,
        int port,
        Optional<String> databaseUrl,
        String tileUrl,
        String tileAttribution,
        long maxUploadBytes,
        Path demoDir,
        Optional<String> publicBaseUrl,
        Optional<TlsSettings> tls) {

    public Config {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("PORT " + port + " is out of range 0..65535");
        }
        if (maxUploadBytes <= 0) {
            throw new IllegalArgumentException("OUTPOST_MAX_UPLOAD_MB must be positive");
        }
        publicBaseUrl.ifPresent(url -> {
            if (!url.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
                throw new IllegalArgumentException(
                        "PUBLIC_BASE_URL '" + url + "' must be an http(s) address such as https://outpost.example.cn");
            }
        });
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
        String demo = env.get("OUTPOST_DEMO_DIR");
        Path demoDir = demo == null || demo.isBlank()
                ? root.resolve("geodata").resolve("demo-city")
                : Path.of(demo.trim()).toAbsolutePath().normalize();
        String base = env.get("PUBLIC_BASE_URL");
        return new Config(
                root,
                var.toAbsolutePath().normalize(),
                port,
                db == null || db.isBlank() ? Optional.empty() : Optional.of(db.trim()),
                env.getOrDefault("TILE_URL", ""),
                env.getOrDefault("TILE_ATTRIBUTION", "© OpenStreetMap contributors"),
                maxUploadMb * 1024 * 1024,
                demoDir,
                base == null || base.isBlank()
                        ? Optional.empty()
                        : Optional.of(base.trim().replaceAll("/+$", "")),
                TlsSettings.fromEnvironment(env));
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

    /** The demo city directory ({@link #demoDir()}). */
    public Path demoCityDir() {
        return demoDir;
    }
}
