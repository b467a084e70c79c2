package dev.outpost.app;

import dev.outpost.common.Problem;
import dev.outpost.district.Region;
import dev.outpost.geo.CoordinateSystem;
import dev.outpost.imports.ImportReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the synthetic demo city ({@code geodata/demo-city}) into region {@code demo}: districts, then stations.
 * A file whose bytes were the newest import of its dataset is skipped, so a second start does not re-import.
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
        loadFile(dir.resolve("districts.geojson"), "districts");
        loadFile(dir.resolve("stations.csv"), "stations");
    }

    private void loadFile(Path file, String dataset) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (c.imports().alreadyImported(REGION, dataset, bytes)) {
            LOG.info("demo {}: {} unchanged since the last import, skipped", dataset, file.getFileName());
            return;
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
    }
}
