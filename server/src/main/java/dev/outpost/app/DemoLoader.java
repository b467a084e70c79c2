package dev.outpost.app;

import dev.outpost.common.Problem;
import dev.outpost.coverage.CoverageRunInfo;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.district.Region;
import dev.outpost.geo.CoordinateSystem;
import dev.outpost.imports.ImportReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the synthetic demo city ({@code geodata/demo-city}) into region {@code demo}: districts, stations, the road
 * network and demand, then stores a coverage run per worker group. A file whose bytes were the newest import of its
 * dataset is skipped, and a run only stored when the inputs changed, so a second start neither re-imports nor adds
 * runs.
 */
final class DemoLoader {
    static final String REGION = "demo";
    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);

    private final Components c;

    DemoLoader(Components c) {
        this.c = c;
    }

    void load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("demo city not found in " + dir + "; run ./outpost democity");
        }
        c.regions().upsert(new Region(REGION, "示范市（合成数据）", "Demo City (synthetic)", true));
        boolean changed = loadFile(dir.resolve("districts.geojson"), "districts");
        changed |= loadFile(dir.resolve("stations.csv"), "stations");
        c.networks().importOsm(REGION, dir.resolve("roads.osm"));
        loadDemand(dir.resolve("demand.csv"));
        if (changed) {
            c.coverage().invalidate(REGION);
        }
        storeCoverageRuns();
    }

    /**
     * Stores one coverage run per worker group that has a demand layer, so that the leaders' review has a trend from
     * the first start; nothing when the latest stored run of a group already has the current inputs.
     */
    private void storeCoverageRuns() {
        for (WorkerGroup g : WorkerGroup.values()) {
            if (c.demand().list(REGION).stream().noneMatch(l -> l.group() == g)) {
                continue;
            }
            Optional<CoverageRunInfo> run = c.coverage().runUnlessStored(REGION, g);
            if (run.isPresent()) {
                LOG.info("demo coverage {}: stored run {}", g.code(), run.get().id());
            } else {
                LOG.info("demo coverage {}: the latest stored run has the current inputs, none stored", g.code());
            }
        }
    }

    private void loadDemand(Path file) {
        byte[] bytes = read(file);
        String description = file.getFileName() + " sha256:" + dev.outpost.imports.ImportService.sha256Hex(bytes);
        boolean present =
                c.demand().list(REGION).stream().anyMatch(l -> l.description().equals(description));
        if (present) {
            LOG.info("demo demand: {} unchanged since the last import, skipped", file.getFileName());
            return;
        }
        c.demand()
                .importCsv(
                        REGION,
                        description,
                        new java.io.StringReader(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)),
                        9);
        c.coverage().invalidate(REGION);
        LOG.info("demo demand: imported {}", file.getFileName());
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Imports the file unless it was the last import of its dataset; true when it was imported. */
    private boolean loadFile(Path file, String dataset) {
        byte[] bytes = read(file);
        if (c.imports().alreadyImported(REGION, dataset, bytes)) {
            LOG.info("demo {}: {} unchanged since the last import, skipped", dataset, file.getFileName());
            return false;
        }
        String name = file.getFileName().toString();
        ImportReport r = dataset.equals("stations")
                ? c.imports().importStations(REGION, name, bytes, CoordinateSystem.WGS84, false, "demo")
                : c.imports().importDistricts(REGION, name, bytes, CoordinateSystem.WGS84, false, "demo");
        if (!r.ok()) {
            throw new IllegalStateException("the demo " + dataset + " file was refused: "
                    + r.errors().stream().limit(5).map(Problem::toString).toList());
        }
        LOG.info("demo {}: {} created, {} updated, {} unchanged", dataset, r.created(), r.updated(), r.unchanged());
        return true;
    }
}
