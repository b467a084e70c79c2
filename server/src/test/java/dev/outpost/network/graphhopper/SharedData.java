package dev.outpost.network.graphhopper;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates read-only shared test data under {@code ../shared} of the repository root; skips the test when absent. */
final class SharedData {
    private SharedData() {}

    /** The file {@code ../shared/geodata/osm/<name>}, or a skipped test when it is not there. */
    static Path osm(String name) {
        Path file = sharedDir().resolve("geodata").resolve("osm").resolve(name);
        assumeTrue(Files.isRegularFile(file), "shared OSM extract " + file + " is absent; test skipped");
        return file;
    }

    private static Path sharedDir() {
        String root = System.getProperty("outpost.root");
        if (root != null) {
            return Path.of(root).toAbsolutePath().normalize().resolveSibling("shared");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("server")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir.resolveSibling("shared");
            }
        }
        return Path.of("..", "shared");
    }
}
