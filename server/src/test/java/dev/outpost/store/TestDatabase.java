package dev.outpost.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh, migrated PostGIS database for one test class, on the machine's PostGIS: the server named by
 * {@code DATABASE_URL} when set, else one private cluster shared by the whole test JVM (in
 * {@code server/target/test-pg}, stopped when the JVM exits). Each instance creates its own database, so test
 * classes never see each other's rows; {@link #close()} drops it.
 */
public final class TestDatabase implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres shared;

    private final Database database;
    private final String name;
    private final String adminUrl;
    private final String user;
    private final String password;
    private final String jdbcUrl;

    private TestDatabase(String name, String adminUrl, String jdbcUrl, String user, String password) {
        this.name = name;
        this.adminUrl = adminUrl;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        Database.createDatabaseIfMissing(adminUrl, user, password, name);
        String url = jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "user=" + user + "&password=" + password;
        this.database = Database.connect(url);
        this.database.migrate();
    }

    /** A new migrated database named after {@code purpose}. */
    public static TestDatabase create(String purpose) {
        String name = ("t_" + purpose.replaceAll("[^A-Za-z0-9]", "_") + "_"
                        + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet())
                .toLowerCase(java.util.Locale.ROOT);
        if (name.length() > 60) {
            name = name.substring(name.length() - 60);
            name = "t" + name.substring(1);
        }
        String external = System.getenv("DATABASE_URL");
        if (external != null && !external.isBlank()) {
            Database.Jdbc jdbc = Database.Jdbc.parse(external);
            String base = jdbc.url().replaceAll("/[^/?]*(\\?.*)?$", "/");
            return new TestDatabase(name, base + "postgres", base + name, jdbc.user(), jdbc.password());
        }
        EmbeddedPostgres pg = sharedCluster();
        return new TestDatabase(name, pg.jdbcUrl("postgres"), pg.jdbcUrl(name), pg.user(), pg.password());
    }

    private static synchronized EmbeddedPostgres sharedCluster() {
        if (shared == null) {
            String root = System.getProperty("outpost.root", "..");
            shared = EmbeddedPostgres.start(Path.of(root, "server", "target", "test-pg"));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public Database database() {
        return database;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() {
        database.close();
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name, e);
        }
    }
}
