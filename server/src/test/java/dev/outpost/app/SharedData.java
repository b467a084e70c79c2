package dev.outpost.app;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates read-only shared data at {@code ../shared} next to the repository root. */
final class SharedData {
    private SharedData() {}

    /** The repository root: the system property {@code outpost.root}, else the first parent with server/pom.xml. */
    static Path repositoryRoot() {
        String root = System.getProperty("outpost.root");
        if (root != null && !root.isBlank()) {
            return Path.of(root).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("server").resolve("pom.xml"))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("").toAbsolutePath() : dir;
    }

    static Path shared(String relative) {
        return repositoryRoot()
                .resolve("..")
                .resolve("shared")
                .resolve(relative)
                .normalize();
    }
}
