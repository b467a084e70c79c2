package dev.outpost.app;

import dev.outpost.account.Area;
import dev.outpost.account.Role;
import dev.outpost.account.User;
import dev.outpost.common.Actor;
import dev.outpost.store.TestDatabase;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole server as {@code ./outpost demo} runs it — real PostGIS (a fresh database), real wiring, real HTTP on a
 * free loopback port — for HTTP and browser tests.
 *
 * <p>{@link #get}, {@link #send} and {@link #upload} act as the built-in admin {@value #ADMIN} (logged in at start,
 * with cookie, CSRF token and Origin), so tests of other features need not log in; {@link #anonymous()} and
 * {@link #login} give clients with other principals.
 */
public final class TestApp implements AutoCloseable {
    private final TestDatabase db;
    private final Components components;
    private final Javalin app;
    /** The admin every test server has; its password is {@link #adminPassword()}. */
    public static final String ADMIN = "test-admin";

    private final HttpClient client = HttpClient.newHttpClient();
    private final String adminPassword = "pw-" + UUID.randomUUID();
    private ApiSession admin;

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
        TestApp t = new TestApp(db, c, app);
        t.createUser(ADMIN, Role.ADMIN, List.of(), t.adminPassword);
        t.admin = t.login(ADMIN, t.adminPassword);
        return t;
    }

    /** Creates an account (audited as actor {@code test}). */
    public User createUser(String name, Role role, List<Area> areas, String password) {
        return Actor.as("test", () -> components.accounts().createUser(name, name, role, password, areas));
    }

    /** A new client logged in as {@code user}; fails the test when the login does not succeed. */
    public ApiSession login(String user, String password) {
        ApiSession s = new ApiSession(this);
        HttpResponse<String> r = s.login(user, password);
        if (r.statusCode() != 200) {
            throw new AssertionError("login of " + user + " failed: " + r.statusCode() + " " + r.body());
        }
        return s;
    }

    /** A client without a session. */
    public ApiSession anonymous() {
        return new ApiSession(this);
    }

    /** The built-in admin's client. */
    public ApiSession admin() {
        return admin;
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** This server's origin, as a page served by it sends in {@code Origin}. */
    public String origin() {
        return "http://127.0.0.1:" + app.port();
    }

    public Components components() {
        return components;
    }

    /** The running Javalin application (e.g. to list its routes). */
    public Javalin javalin() {
        return app;
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

    /** GET as the built-in admin. */
    public HttpResponse<String> get(String path) {
        return admin.get(path);
    }

    /** GET of a download as the built-in admin. */
    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(
                    HttpRequest.newBuilder(URI.create(url(path)))
                            .header("Cookie", admin.cookie())
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON request as the built-in admin (cookie, CSRF token and Origin included). */
    public HttpResponse<String> send(String method, String path, String json) {
        return admin.send(method, path, json);
    }

    /** POSTs {@code bytes} as multipart field {@code file}, as the built-in admin. */
    public HttpResponse<String> upload(String path, String fileName, byte[] bytes) {
        return admin.upload(path, fileName, bytes);
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
