package dev.outpost.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private PostgreSQL cluster owned by this process, made from the machine's PostgreSQL binaries.
 *
 * <p>The data directory is created with {@code initdb} on first use (password authentication, a random password kept in
 * {@code <dataDir>.secret}, mode 600), the server listens on 127.0.0.1 and a private socket directory only, and is
 * stopped by {@link #close()}. {@code initdb} refuses to run as root, so when this JVM runs as root the cluster is run
 * as the unprivileged system user {@value #OS_USER} (created with {@code useradd} if missing) through {@code runuser}.
 * A cluster left running by an earlier process on the same data directory is reused, not started twice.
 *
 * <p>Not thread-safe: start and stop from one thread.
 */
public final class EmbeddedPostgres implements AutoCloseable {
    static final String OS_USER = "outpost";
    static final String DB_USER = "outpost";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);

    private final Path binDir;
    private final Path dataDir;
    private final Path socketDir;
    private final boolean asRoot;
    private int port;
    private String password;
    private boolean startedHere;

    private EmbeddedPostgres(Path binDir, Path dataDir) {
        this.binDir = binDir;
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.socketDir = this.dataDir.resolveSibling(this.dataDir.getFileName() + "-run");
        this.asRoot = "root".equals(System.getProperty("user.name"));
    }

    /** Starts (or reuses) a cluster in {@code dataDir}, using the binaries found by {@link #findBinDir()}. */
    public static EmbeddedPostgres start(Path dataDir) {
        EmbeddedPostgres pg = new EmbeddedPostgres(findBinDir(), dataDir);
        pg.startCluster();
        return pg;
    }

    /**
     * The newest {@code /usr/lib/postgresql/N/bin} with {@code initdb}, or {@code PG_BIN} when set.
     *
     * @throws IllegalStateException when no PostgreSQL server binaries are installed
     */
    public static Path findBinDir() {
        String fromEnv = System.getenv("PG_BIN");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                Optional<Path> newest = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparingInt(b -> versionOf(b.getParent())));
                if (newest.isPresent()) {
                    return newest.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no PostgreSQL server binaries found under /usr/lib/postgresql;"
                + " install postgresql-15-postgis-3 (./outpost demo does) or set DATABASE_URL");
    }

    private static int versionOf(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public int port() {
        return port;
    }

    public String user() {
        return DB_USER;
    }

    public String password() {
        return password;
    }

    /** JDBC URL of the given database on this cluster. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void startCluster() {
        try {
            Files.createDirectories(dataDir.getParent());
            if (asRoot) {
                ensureOsUser();
            }
            Path secret = dataDir.resolveSibling(dataDir.getFileName() + ".secret");
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                initCluster(secret);
            }
            password = Files.readString(secret, StandardCharsets.UTF_8).trim();
            Files.createDirectories(socketDir);
            chown(socketDir);
            Optional<Integer> running = runningPort();
            if (running.isPresent()) {
                port = running.get();
                LOG.info("reusing PostgreSQL already running on port {} for {}", port, dataDir);
                return;
            }
            port = freePort();
            run(
                    Duration.ofMinutes(2),
                    binDir.resolve("pg_ctl").toString(),
                    "-D",
                    dataDir.toString(),
                    "-w",
                    "-t",
                    "90",
                    "-l",
                    socketDir.resolve("postgresql.log").toString(),
                    "start",
                    "-o",
                    "-p " + port + " -k " + socketDir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                            + " -c synchronous_commit=off -c max_connections=200 -c shared_buffers=256MB");
            startedHere = true;
            LOG.info("started private PostgreSQL on 127.0.0.1:{} (data {})", port, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the private PostgreSQL in " + dataDir, e);
        }
    }

    private void initCluster(Path secret) throws IOException {
        Path tmp = dataDir.resolveSibling(dataDir.getFileName() + ".init");
        deleteRecursively(tmp);
        Files.createDirectories(tmp);
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        String pw = HexFormat.of().formatHex(bytes);
        Path pwFile = dataDir.resolveSibling(dataDir.getFileName() + ".pw");
        Files.writeString(pwFile, pw + "\n", StandardCharsets.UTF_8);
        try {
            chown(tmp);
            chown(pwFile);
            run(
                    Duration.ofMinutes(2),
                    binDir.resolve("initdb").toString(),
                    "-D",
                    tmp.toString(),
                    "-U",
                    DB_USER,
                    "--pwfile=" + pwFile,
                    "-A",
                    "scram-sha-256",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                    "--no-sync");
        } finally {
            Files.deleteIfExists(pwFile);
        }
        Files.move(tmp, dataDir);
        Files.writeString(secret, pw + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    }

    /** The port of a postmaster already serving this data directory, if one is alive. */
    private Optional<Integer> runningPort() throws IOException {
        Path pid = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pid)) {
            return Optional.empty();
        }
        int exit = runQuietly(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "status");
        if (exit != 0) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pid, StandardCharsets.UTF_8);
        if (lines.size() < 4) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(lines.get(3).trim()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void ensureOsUser() {
        if (runQuietlyAsIs("id", "-u", OS_USER) != 0) {
            run(
                    Duration.ofSeconds(30),
                    "useradd",
                    "--system",
                    "--no-create-home",
                    "--shell",
                    "/usr/sbin/nologin",
                    OS_USER);
        }
    }

    private void chown(Path path) {
        if (asRoot) {
            run(Duration.ofSeconds(30), "chown", "-R", OS_USER + ":", path.toString());
        }
    }

    private List<String> asClusterUser(String... command) {
        List<String> cmd = new ArrayList<>();
        if (asRoot) {
            cmd.add("runuser");
            cmd.add("-u");
            cmd.add(OS_USER);
            cmd.add("--");
        }
        cmd.addAll(List.of(command));
        return cmd;
    }

    private void run(Duration timeout, String... command) {
        List<String> cmd = isPgBinary(command[0]) ? asClusterUser(command) : List.of(command);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", cmd));
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(
                        "command failed (exit " + p.exitValue() + "): " + String.join(" ", cmd) + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", cmd), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", cmd), e);
        }
    }

    private boolean isPgBinary(String exe) {
        return exe.startsWith(binDir.toString());
    }

    private int runQuietly(String... command) {
        return exec(asClusterUser(command));
    }

    private static int runQuietlyAsIs(String... command) {
        return exec(List.of(command));
    }

    private static int exec(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Stops the cluster if this object started it; a cluster that was already running is left alone. */
    @Override
    public void close() {
        if (startedHere) {
            runQuietly(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop");
            startedHere = false;
            LOG.info("stopped private PostgreSQL (data {})", dataDir);
        }
    }
}
