package dev.outpost.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The PostGIS database Outpost keeps everything durable in: either a server named by {@code DATABASE_URL}, or a
 * private cluster ({@link EmbeddedPostgres}) that this object starts and stops. Thread-safe once opened.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final EmbeddedPostgres embedded;
    private final DSLContext dsl;
    private final String description;

    private Database(HikariDataSource dataSource, EmbeddedPostgres embedded, String description) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.description = description;
        this.dsl = DSL.using(
                dataSource,
                SQLDialect.POSTGRES,
                new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED));
    }

    /**
     * Opens the server at {@code databaseUrl}, either {@code postgresql://user:pass@host:port/db} (libpq style) or
     * {@code jdbc:postgresql://host:port/db?user=..&password=..}.
     */
    public static Database connect(String databaseUrl) {
        Jdbc jdbc = Jdbc.parse(databaseUrl);
        return new Database(pool(jdbc.url(), jdbc.user(), jdbc.password(), 16), null, "server " + jdbc.safeUrl());
    }

    /** Starts (or reuses) a private cluster in {@code dataDir} and opens database {@code name}, creating it. */
    public static Database embedded(Path dataDir, String name) {
        EmbeddedPostgres pg = EmbeddedPostgres.start(dataDir);
        try {
            createDatabaseIfMissing(pg.jdbcUrl("postgres"), pg.user(), pg.password(), name);
            return new Database(
                    pool(pg.jdbcUrl(name), pg.user(), pg.password(), 16), pg, "private cluster " + pg.jdbcUrl(name));
        } catch (RuntimeException e) {
            pg.close();
            throw e;
        }
    }

    /** Creates database {@code name} on the server reached by {@code adminUrl} unless it exists. */
    public static void createDatabaseIfMissing(String adminUrl, String user, String password, String name) {
        if (!name.matches("[a-z0-9_]{1,63}")) {
            throw new IllegalArgumentException("database name '" + name + "' must match [a-z0-9_]{1,63}");
        }
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    private static HikariDataSource pool(String url, String user, String password, int size) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        cfg.setUsername(user);
        cfg.setPassword(password);
        cfg.setMaximumPoolSize(size);
        cfg.setMinimumIdle(1);
        cfg.setPoolName("outpost");
        cfg.setConnectionTimeout(10_000);
        cfg.addDataSourceProperty("ApplicationName", "outpost");
        return new HikariDataSource(cfg);
    }

    /** Applies the Flyway migrations (from {@code classpath:db/migration}); returns how many ran. */
    public int migrate() {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate()
                .migrationsExecuted;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** True when a trivial query answers within two seconds. */
    public boolean isReady() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            embedded.close();
        }
    }

    /** A JDBC URL with credentials split out. */
    record Jdbc(String url, String user, String password) {
        static Jdbc parse(String databaseUrl) {
            if (databaseUrl == null || databaseUrl.isBlank()) {
                throw new IllegalArgumentException("DATABASE_URL is empty");
            }
            String text = databaseUrl.trim();
            if (text.startsWith("jdbc:postgresql:")) {
                return new Jdbc(text, null, null);
            }
            if (!text.startsWith("postgres://") && !text.startsWith("postgresql://")) {
                throw new IllegalArgumentException("DATABASE_URL '" + redact(text)
                        + "' must start with postgresql://, postgres:// or jdbc:postgresql:");
            }
            URI uri = URI.create(text);
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
                password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
            }
            String host = uri.getHost() == null ? "localhost" : uri.getHost();
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            String db = uri.getPath() == null || uri.getPath().length() <= 1
                    ? "outpost"
                    : uri.getPath().substring(1);
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return new Jdbc(
                    String.format(Locale.ROOT, "jdbc:postgresql://%s:%d/%s%s", host, port, db, query), user, password);
        }

        String safeUrl() {
            return redact(url);
        }

        private static String redact(String s) {
            return s.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("//([^:/@]+):[^@]*@", "//$1:***@");
        }
    }
}
