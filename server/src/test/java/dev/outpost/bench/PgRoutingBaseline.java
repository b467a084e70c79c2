package dev.outpost.bench;

import dev.outpost.geo.LatLon;
import dev.outpost.store.Database;
import dev.outpost.store.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The pgRouting side of the network benchmark: one database per data set on a private PostgreSQL cluster, the OSM
 * extract imported with {@code osm2pgrouting}, travel costs in seconds per mode from {@code
 * bench/network/pgrouting_costs.sql}, the largest strongly connected component per mode, points snapped to its
 * nearest vertex, and {@code pgr_drivingDistance} service areas over the reversed graph (time from a node to the
 * station). Not thread-safe; not a test.
 */
final class PgRoutingBaseline implements AutoCloseable {
    /** The two modes compared; their names are the cost column prefixes in the SQL file. */
    static final List<String> MODES = List.of("ebike", "car");

    private final EmbeddedPostgres postgres;
    private final Connection connection;
    private final String database;

    private PgRoutingBaseline(EmbeddedPostgres postgres, Connection connection, String database) {
        this.postgres = postgres;
        this.connection = connection;
        this.database = database;
    }

    /** Starts (or reuses) the cluster in {@code dataDir} and opens a fresh database {@code name}. */
    static PgRoutingBaseline open(Path dataDir, String name) throws SQLException {
        EmbeddedPostgres pg = EmbeddedPostgres.start(dataDir);
        try {
            try (Connection admin = DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.user(), pg.password());
                    Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name);
            }
            Database.createDatabaseIfMissing(pg.jdbcUrl("postgres"), pg.user(), pg.password(), name);
            Connection c = DriverManager.getConnection(pg.jdbcUrl(name), pg.user(), pg.password());
            try (Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION postgis");
                s.execute("CREATE EXTENSION pgrouting");
                s.execute("CREATE EXTENSION hstore");
                s.execute("SET work_mem = '256MB'");
            }
            return new PgRoutingBaseline(pg, c, name);
        } catch (SQLException | RuntimeException e) {
            pg.close();
            throw e;
        }
    }

    String versions() throws SQLException {
        return queryString("SELECT 'PostgreSQL ' || current_setting('server_version') || ', PostGIS '"
                + " || postgis_lib_version() || ', pgRouting ' || pgr_version()");
    }

    /** Runs {@code osm2pgrouting --addnodes --tags --clean} on an OSM XML file; returns its log. */
    String importOsm(Path osmXml, Path logFile) throws IOException, InterruptedException {
        List<String> cmd = List.of(
                "osm2pgrouting",
                "-f",
                osmXml.toAbsolutePath().toString(),
                "-c",
                "/usr/share/osm2pgrouting/mapconfig.xml",
                "-d",
                database,
                "-U",
                postgres.user(),
                "-W",
                postgres.password(),
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(postgres.port()),
                "--addnodes",
                "--tags",
                "--clean");
        Process p;
        try {
            p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot run osm2pgrouting (Debian package osm2pgrouting): " + e.getMessage(), e);
        }
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("osm2pgrouting did not finish within 15 minutes");
        }
        String log = Files.readString(logFile, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("osm2pgrouting failed (exit " + p.exitValue() + "): " + log);
        }
        return log;
    }

    /** Adds the per-mode cost columns (seconds; -1 closed) from the SQL file. */
    void setCosts(Path sqlFile, double ebikeKmh) throws IOException, SQLException {
        String sql = Files.readString(sqlFile, StandardCharsets.UTF_8)
                .replace(":ebike_kmh", String.format(Locale.ROOT, "%.3f", ebikeKmh));
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * For each mode, table {@code v_<mode>(id, the_geom)} of the vertices in the largest strongly connected component
     * of the mode's graph, with a spatial index.
     */
    void buildComponents() throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String mode : MODES) {
                s.execute("DROP TABLE IF EXISTS v_" + mode);
                s.execute("CREATE TABLE v_" + mode + " AS WITH c AS (SELECT component, node FROM pgr_strongComponents('"
                        + edgeSql(mode, false, null).replace("'", "''") + "')),"
                        + " big AS (SELECT component FROM c GROUP BY component ORDER BY count(*) DESC LIMIT 1)"
                        + " SELECT v.id, v.the_geom FROM c JOIN big USING (component)"
                        + " JOIN ways_vertices_pgr v ON v.id = c.node");
                s.execute("CREATE INDEX ON v_" + mode + " USING gist (the_geom)");
                s.execute("CREATE UNIQUE INDEX ON v_" + mode + " (id)");
                s.execute("ANALYZE v_" + mode);
            }
        }
    }

    /** Row counts: ways (edges), vertices, and per mode usable edges and the component's vertices. */
    String sizes() throws SQLException {
        StringBuilder b = new StringBuilder();
        b.append(queryString("SELECT count(*) || ' edges, ' || (SELECT count(*) FROM ways_vertices_pgr)"
                + " || ' vertices' FROM ways"));
        for (String mode : MODES) {
            b.append("; ")
                    .append(mode)
                    .append(": ")
                    .append(queryString(
                            "SELECT count(*) FROM ways WHERE " + mode + "_cost >= 0 OR " + mode + "_reverse_cost >= 0"))
                    .append(" usable edges, ")
                    .append(queryString("SELECT count(*) FROM v_" + mode))
                    .append(" vertices in the largest strongly connected component");
        }
        b.append("; ")
                .append(queryString("SELECT pg_size_pretty(pg_total_relation_size('ways')"
                        + " + pg_total_relation_size('ways_vertices_pgr'))"))
                .append(" (ways + vertices)");
        return b.toString();
    }

    /**
     * The edge query of a mode. {@code reversed} swaps the two cost columns so that a search from a station gives the
     * time from each node to the station. {@code bbox} (minLon, minLat, maxLon, maxLat) limits it to edges touching
     * that box, or null.
     */
    static String edgeSql(String mode, boolean reversed, double[] bbox) {
        String cost = mode + (reversed ? "_reverse_cost" : "_cost");
        String reverse = mode + (reversed ? "_cost" : "_reverse_cost");
        String sql = "SELECT gid AS id, source, target, " + cost + " AS cost, " + reverse + " AS reverse_cost"
                + " FROM ways WHERE (" + cost + " >= 0 OR " + reverse + " >= 0)";
        if (bbox != null) {
            sql += String.format(
                    Locale.ROOT,
                    " AND the_geom && ST_MakeEnvelope(%.7f, %.7f, %.7f, %.7f, 4326)",
                    bbox[0],
                    bbox[1],
                    bbox[2],
                    bbox[3]);
        }
        return sql;
    }

    /** Highest speed of any usable edge of the mode, km/h (to size bounding boxes). */
    double maxSpeedKmh(String mode) throws SQLException {
        return Double.parseDouble(queryString("SELECT max(length_m / nullif(c, 0)) * 3.6 FROM (SELECT length_m, "
                + mode + "_cost AS c FROM ways WHERE " + mode + "_cost > 0 UNION ALL SELECT length_m, " + mode
                + "_reverse_cost FROM ways WHERE " + mode + "_reverse_cost > 0) x WHERE length_m > 20"));
    }

    /**
     * Loads points into table {@code name(idx, geom)} and snaps them to the nearest vertex of the mode's component:
     * table {@code name_snap(idx, vid, meters)}.
     */
    void loadAndSnap(String name, List<LatLon> points, String mode) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + name);
            s.execute("DROP TABLE IF EXISTS " + name + "_snap");
            s.execute("CREATE TABLE " + name + " (idx int PRIMARY KEY, geom geometry(Point, 4326))");
        }
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO " + name + " VALUES (?, ST_SetSRID(ST_MakePoint(?::float8, ?::float8), 4326))")) {
            for (int i = 0; i < points.size(); i++) {
                ps.setInt(1, i);
                ps.setDouble(2, points.get(i).lon());
                ps.setDouble(3, points.get(i).lat());
                ps.addBatch();
                if (i % 5000 == 4999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            connection.commit();
        } finally {
            connection.setAutoCommit(auto);
        }
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE " + name + "_snap AS SELECT p.idx, v.id AS vid,"
                    + " ST_Distance(p.geom::geography, v.the_geom::geography) AS meters FROM " + name + " p"
                    + " CROSS JOIN LATERAL (SELECT id, the_geom FROM v_" + mode
                    + " ORDER BY the_geom <-> p.geom LIMIT 1) v");
            s.execute("CREATE INDEX ON " + name + "_snap (vid)");
            s.execute("ANALYZE " + name + "_snap");
        }
    }

    /** The snapped vertex of each point of a loaded table (by idx), and its distance in metres. */
    long[] snappedVertices(String name, double[] metersOut) throws SQLException {
        List<long[]> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT idx, vid, meters FROM " + name + "_snap ORDER BY idx")) {
            while (rs.next()) {
                rows.add(new long[] {rs.getInt(1), rs.getLong(2)});
                metersOut[rs.getInt(1)] = rs.getDouble(3);
            }
        }
        long[] out = new long[metersOut.length];
        java.util.Arrays.fill(out, -1);
        for (long[] r : rows) {
            out[(int) r[0]] = r[1];
        }
        return out;
    }

    /** All vertices of the mode's component: ids and positions. */
    List<long[]> componentVertexIds(String mode, List<LatLon> positionsOut) throws SQLException {
        List<long[]> ids = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT id, ST_Y(the_geom), ST_X(the_geom) FROM v_" + mode + " ORDER BY id")) {
            while (rs.next()) {
                ids.add(new long[] {rs.getLong(1)});
                positionsOut.add(new LatLon(rs.getDouble(2), rs.getDouble(3)));
            }
        }
        return ids;
    }

    /**
     * One multi-start {@code pgr_drivingDistance} from all distinct vertices, {@code equicost := false} (every start's
     * full service area); returns the number of (start, node) rows. Computed and counted in the server, nothing
     * fetched.
     */
    long drivingDistanceCount(String mode, long[] startVertices, double seconds) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT count(*) FROM pgr_drivingDistance(?::text, ?::bigint[], ?::float8, true, false)")) {
            ps.setString(1, edgeSql(mode, true, null));
            ps.setArray(2, connection.createArrayOf("bigint", distinct(startVertices)));
            ps.setDouble(3, seconds);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** One single-start call with an edge query limited to {@code bbox}; returns the number of nodes reached. */
    long drivingDistanceOne(String mode, long vertex, double seconds, double[] bbox) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT count(*) FROM pgr_drivingDistance(?::text, ?::bigint, ?::float8, true)")) {
            ps.setString(1, edgeSql(mode, true, bbox));
            ps.setLong(2, vertex);
            ps.setDouble(3, seconds);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Receives (station index, point index, seconds) triples. */
    interface PairSink {
        void accept(int station, int point, double seconds);
    }

    private static String stationCellSql(String stations, String cells, String select) {
        return "SELECT " + select + " FROM pgr_drivingDistance(?::text, (SELECT array_agg(DISTINCT vid) FROM "
                + stations
                + "_snap), ?::float8, true, false) d JOIN " + stations + "_snap s ON s.vid = d.from_v JOIN " + cells
                + "_snap c ON c.vid = d.node";
    }

    /**
     * The number of (station, cell) pairs of all service areas within {@code seconds}: one multi-start search from the
     * stations' vertices joined to the cells' vertices, counted in the server (the cells were snapped beforehand).
     */
    long stationCellPairCount(String stations, String cells, String mode, double seconds) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(stationCellSql(stations, cells, "count(*)"))) {
            ps.setString(1, edgeSql(mode, true, null));
            ps.setDouble(2, seconds);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The (station, cell, seconds) triples of {@link #stationCellPairCount}, fetched. */
    void stationCellPairs(String stations, String cells, String mode, double seconds, PairSink sink)
            throws SQLException {
        try (PreparedStatement ps =
                connection.prepareStatement(stationCellSql(stations, cells, "s.idx, c.idx, d.agg_cost"))) {
            ps.setString(1, edgeSql(mode, true, null));
            ps.setDouble(2, seconds);
            ps.setFetchSize(50_000);
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(false); // cursor-based fetching
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(rs.getInt(1), rs.getInt(2), rs.getDouble(3));
                }
            } finally {
                connection.commit();
                connection.setAutoCommit(auto);
            }
        }
    }

    /** The (start vertex, reached vertex, seconds) rows of one multi-start search, reached vertices in the component. */
    void vertexPairs(String mode, long[] startVertices, double seconds, VertexSink sink) throws SQLException {
        String sql = "SELECT d.from_v, d.node, d.agg_cost FROM pgr_drivingDistance(?::text, ?::bigint[], ?::float8,"
                + " true, false) d JOIN v_" + mode + " v ON v.id = d.node";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, edgeSql(mode, true, null));
            ps.setArray(2, connection.createArrayOf("bigint", distinct(startVertices)));
            ps.setDouble(3, seconds);
            ps.setFetchSize(50_000);
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(rs.getLong(1), rs.getLong(2), rs.getDouble(3));
                }
            } finally {
                connection.commit();
                connection.setAutoCommit(auto);
            }
        }
    }

    interface VertexSink {
        void accept(long startVertex, long vertex, double seconds);
    }

    private static Long[] distinct(long[] vertices) {
        return java.util.Arrays.stream(vertices)
                .filter(v -> v >= 0)
                .distinct()
                .boxed()
                .toArray(Long[]::new);
    }

    String queryString(String sql) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing anyway
        }
        postgres.close();
    }
}
