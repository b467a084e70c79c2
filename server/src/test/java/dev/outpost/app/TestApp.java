package dev.outpost.app;

import dev.outpost.store.TestDatabase;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole server as {@code ./outpost demo} runs it — real PostGIS (a fresh database), real wiring, real HTTP on a
 * free loopback port — for HTTP and browser tests.
 */
public final class TestApp implements AutoCloseable {
    private final TestDatabase db;
    private final Components components;
    private final Javalin app;
    private final HttpClient client = HttpClient.newHttpClient();

    private TestApp(TestDatabase db, Components components, Javalin app) {
        this.db = db;
        this.components = components;
        this.app = app;
    }

    /** Starts the server; with {@code demo} the synthetic demo city is loaded first. */
    public static TestApp start(String purpose, boolean demo, Map<String, String> env) {
        TestDatabase db = TestDatabase.create(purpose);
        Map<String, String> e = new HashMap<>(env);
        e.put("PORT", "0");
        e.putIfAbsent(
                "OUTPOST_VAR", repoRoot().resolve("server/target/test-var").toString());
        Config config = Config.fromEnvironment(e);
        Components c = new Components(config, db.database(), Clock.systemUTC());
        if (demo) {
            new DemoLoader(c).load(config.demoCityDir());
        } else {
            c.regions().upsert(new dev.outpost.district.Region("demo", "测试市", "Test City", true));
        }
        Javalin app = c.httpApp("demo");
        app.start("127.0.0.1", 0);
        return new TestApp(db, c, app);
    }

    public Components components() {
        return components;
    }

    /** Imports (or reloads from the cache) an OSM extract as a region's road network, e.g. the demo roads. */
    public void importNetwork(String regionCode, Path osmFile) {
        components.networks().importOsm(regionCode, osmFile);
    }

    public TestDatabase db() {
        return db;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(
                    HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> send(String method, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build());
    }

    /** POSTs {@code bytes} as multipart field {@code file}. */
    public HttpResponse<String> upload(String path, String fileName, byte[] bytes) {
        String boundary = "----outpost" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Path repoRoot() {
        return Path.of(System.getProperty("outpost.root", ".."))
                .toAbsolutePath()
                .normalize();
    }

    @Override
    public void close() {
        app.stop();
        db.close();
    }
}
