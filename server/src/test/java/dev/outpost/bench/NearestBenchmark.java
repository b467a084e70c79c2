package dev.outpost.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.app.TestApp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Benchmark of {@code GET /api/nearest} on the Shenzhen-scale demo city (about 2,000 km², 56,000 OSM nodes, 750
 * stations): the whole server in this JVM (real PostGIS, real HTTP on loopback), {@code wrk} against it with random
 * positions across the city, and, in the same run, a plain PostGIS nearest-neighbour query
 * ({@code ORDER BY geom <-> point LIMIT 1}, planar in degrees, GiST index) over the same candidate stations: how often
 * its first answer differs from the network's, by how many minutes of riding, and the speed ratio.
 *
 * <p>Usage (through {@code ./outpost bench nearest}): {@code --city DIR --lua FILE [--duration 60s] [--connections 64]
 * [--threads 2] [--samples 2000] [--seed 42]}. Not a test.
 */
public final class NearestBenchmark {
    /** A Tuesday noon in Shanghai, so that the comparison does not depend on when it runs. */
    static final String OPEN_AT = "2026-03-10T12:00:00+08:00";

    private NearestBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        Path city = Path.of(o.getOrDefault("city", "var/demo-city-shenzhen"))
                .toAbsolutePath()
                .normalize();
        Path lua = Path.of(o.getOrDefault("lua", "bench/nearest/nearest.lua"))
                .toAbsolutePath()
                .normalize();
        String duration = o.getOrDefault("duration", "60s");
        int connections = Integer.parseInt(o.getOrDefault("connections", "64"));
        int threads = Integer.parseInt(o.getOrDefault("threads", "2"));
        int samples = Integer.parseInt(o.getOrDefault("samples", "2000"));
        long seed = Long.parseLong(o.getOrDefault("seed", "42"));
        Path root = TestApp.repoRoot();

        long t0 = System.nanoTime();
        try (TestApp app = TestApp.start(
                "benchnearest",
                true,
                Map.of(
                        "OUTPOST_DEMO_DIR",
                        city.toString(),
                        "OUTPOST_VAR",
                        root.resolve("var/bench-nearest").toString()))) {
            System.out.printf(Locale.ROOT, "server with %s loaded in %.1f s%n", city, seconds(t0));
            HttpClient http = HttpClient.newHttpClient();
            ObjectMapper m = new ObjectMapper();
            JsonNode region = null;
            for (JsonNode r : m.readTree(get(http, app.url("/api/config"))).get("regions")) {
                if (r.get("code").asText().equals("demo")) {
                    region = r;
                }
            }
            double minLon = region.get("bbox").get(0).asDouble();
            double minLat = region.get("bbox").get(1).asDouble();
            double maxLon = region.get("bbox").get(2).asDouble();
            double maxLat = region.get("bbox").get(3).asDouble();
            System.out.printf(Locale.ROOT, "stations' box: %.4f,%.4f,%.4f,%.4f%n", minLon, minLat, maxLon, maxLat);

            long t1 = System.nanoTime();
            JsonNode first =
                    m.readTree(get(http, app.url(nearest((minLat + maxLat) / 2, (minLon + maxLon) / 2, 1, ""))));
            System.out.printf(
                    Locale.ROOT,
                    "road network ready (first query, import or cache load) in %.1f s: %s%n",
                    seconds(t1),
                    first.get("method").asText());
            Random warm = new Random(seed + 1);
            long t2 = System.nanoTime();
            for (int i = 0; i < 3000; i++) {
                get(http, app.url(nearest(lat(warm, minLat, maxLat), lon(warm, minLon, maxLon), 10, "")));
            }
            System.out.printf(Locale.ROOT, "warm-up: 3000 sequential queries in %.1f s%n", seconds(t2));

            // 1. wrk over loopback
            List<String> command = List.of(
                    "wrk",
                    "-t" + threads,
                    "-c" + connections,
                    "-d" + duration,
                    "--latency",
                    "-s",
                    lua.toString(),
                    app.url(""),
                    "--",
                    fmt(minLon),
                    fmt(minLat),
                    fmt(maxLon),
                    fmt(maxLat),
                    "demo");
            System.out.println();
            System.out.println("$ " + String.join(" ", command));
            Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(wrk.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    System.out.println(line);
                }
            }
            System.out.println("wrk exit status " + wrk.waitFor());

            // 2. side by side with PostGIS over the same candidates (open stations, open at OPEN_AT)
            List<Long> open = new ArrayList<>();
            for (JsonNode f : m.readTree(get(
                            http,
                            app.url("/api/stations?region=demo&status=open&openAt="
                                    + URLEncoder.encode(OPEN_AT, StandardCharsets.UTF_8))))
                    .get("features")) {
                open.add(f.get("id").asLong());
            }
            compare(app, http, m, open, samples, seed, minLon, minLat, maxLon, maxLat);
        }
    }

    static void compare(
            TestApp app,
            HttpClient http,
            ObjectMapper m,
            List<Long> open,
            int samples,
            long seed,
            double minLon,
            double minLat,
            double maxLon,
            double maxLat)
            throws Exception {
        String openAt = "&openAt=" + URLEncoder.encode(OPEN_AT, StandardCharsets.UTF_8);
        Random random = new Random(seed);
        long[] apiNanos = new long[samples];
        long[] pgNanos = new long[samples];
        int network = 0;
        int differ = 0;
        int beyond = 0;
        List<Double> extraMinutes = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(
                        app.db().jdbcUrl(), app.db().user(), app.db().password());
                PreparedStatement nn = c.prepareStatement("SELECT station_id FROM station WHERE region_code = 'demo'"
                        + " AND station_id = ANY(?) ORDER BY geom <-> ST_SetSRID(ST_MakePoint(?, ?), 4326) LIMIT 1")) {
            Array ids = c.createArrayOf("bigint", open.toArray());
            for (int i = 0; i < samples; i++) {
                double lat = lat(random, minLat, maxLat);
                double lon = lon(random, minLon, maxLon);
                long a = System.nanoTime();
                JsonNode one = m.readTree(get(http, app.url(nearest(lat, lon, 1, openAt))));
                apiNanos[i] = System.nanoTime() - a;
                long b = System.nanoTime();
                nn.setArray(1, ids);
                nn.setDouble(2, lon);
                nn.setDouble(3, lat);
                long pgFirst;
                try (ResultSet rs = nn.executeQuery()) {
                    rs.next();
                    pgFirst = rs.getLong(1);
                }
                pgNanos[i] = System.nanoTime() - b;
                if (!one.get("method").asText().equals("network")
                        || one.get("results").isEmpty()) {
                    continue;
                }
                network++;
                JsonNode best = one.get("results").get(0);
                if (best.get("id").asLong() == pgFirst) {
                    continue;
                }
                differ++;
                JsonNode fifty = m.readTree(get(http, app.url(nearest(lat, lon, 50, openAt))));
                Double pgSeconds = null;
                for (JsonNode r : fifty.get("results")) {
                    if (r.get("id").asLong() == pgFirst) {
                        pgSeconds = r.get("travelTimeSeconds").asDouble();
                    }
                }
                if (pgSeconds == null) {
                    beyond++;
                } else {
                    extraMinutes.add((pgSeconds - best.get("travelTimeSeconds").asDouble()) / 60);
                }
            }
        }
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "side by side, %d random positions, e-bike, stations open at %s (%d of them):%n",
                samples,
                OPEN_AT,
                open.size());
        System.out.printf(
                Locale.ROOT,
                "  on the network: %d; PostGIS's first answer differs from the network's for %d" + " (%.1f %%)%n",
                network,
                differ,
                100.0 * differ / Math.max(1, network));
        double[] x =
                extraMinutes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (x.length > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "  riding the PostGIS pick instead takes longer by: mean %.1f min, median %.1f,"
                            + " p90 %.1f, max %.1f (%d cases; %d more where it is not even among the 50 fastest)%n",
                    Arrays.stream(x).average().orElse(0),
                    pct(x, 50),
                    pct(x, 90),
                    x[x.length - 1],
                    x.length,
                    beyond);
        }
        double[] api =
                Arrays.stream(apiNanos).mapToDouble(n -> n / 1e6).sorted().toArray();
        double[] pg = Arrays.stream(pgNanos).mapToDouble(n -> n / 1e6).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "  one at a time: /api/nearest (limit 1, HTTP) median %.2f ms, p99 %.2f ms;"
                        + " PostGIS <-> LIMIT 1 (JDBC) median %.2f ms, p99 %.2f ms; ratio of medians %.1f×%n",
                pct(api, 50),
                pct(api, 99),
                pct(pg, 50),
                pct(pg, 99),
                pct(api, 50) / pct(pg, 50));
    }

    static String nearest(double lat, double lon, int limit, String extra) {
        return String.format(
                Locale.ROOT, "/api/nearest?region=demo&lat=%.6f&lon=%.6f&limit=%d%s", lat, lon, limit, extra);
    }

    static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r =
                http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " → " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static double lat(Random r, double min, double max) {
        return min + r.nextDouble() * (max - min);
    }

    static double lon(Random r, double min, double max) {
        return min + r.nextDouble() * (max - min);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            m.put(args[i].substring(2), args[++i]);
        }
        return m;
    }
}
