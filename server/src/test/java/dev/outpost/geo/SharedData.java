package dev.outpost.geo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates files of the read-only {@code ../shared} folder beside the repository root, for tests on real data. The
 * root comes from the system property {@code outpost.root} (set by surefire), else from walking up from the working
 * directory to the folder that holds the aggregator {@code pom.xml} and {@code server/}.
 */
public final class SharedData {
    private SharedData() {}

    /** The path of {@code ../shared/<relative>}, which may not exist. */
    public static Path path(String relative) {
        return repositoryRoot()
                .resolve("..")
                .resolve("shared")
                .resolve(relative)
                .normalize();
    }

    /** The path of {@code ../shared/<relative>}; skips the calling test with a message when the file is absent. */
    public static Path require(String relative) {
        Path p = path(relative);
        Assumptions.assumeTrue(
                Files.isRegularFile(p),
                "skipped: shared data file " + p + " is absent (needs ../shared beside the repo)");
        return p;
    }

    static Path repositoryRoot() {
        String prop = System.getProperty("outpost.root");
        if (prop != null && !prop.isBlank()) {
            return Paths.get(prop).toAbsolutePath().normalize();
        }
        Path dir = Paths.get("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("server"))) {
                return d;
            }
        }
        return dir;
    }
}
