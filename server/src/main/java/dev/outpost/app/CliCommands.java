package dev.outpost.app;

import dev.outpost.common.Actor;
import dev.outpost.common.Problem;
import dev.outpost.dataio.StationCsvWriter;
import dev.outpost.dataio.StationGeoJsonWriter;
import dev.outpost.district.Region;
import dev.outpost.geo.CoordinateSystem;
import dev.outpost.imports.DistrictFileOptions;
import dev.outpost.imports.ImportReport;
import dev.outpost.station.Station;
import dev.outpost.station.StationQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The file commands of the launcher: {@code import}, {@code export}, {@code democity}, {@code solve}, {@code report}. */
final class CliCommands {
    private CliCommands() {}

    static final String IMPORT_USAGE =
            "usage: ./outpost import stations|districts|network --region CODE [--region-name NAME]"
                    + " [--crs wgs84|cgcs2000|gcj02|bd09] [--dry-run] [--parent-name-field F] [--name-field F]"
                    + " [--population-field F] [--code-field F] FILE";

    /** Parses {@code --key value} pairs and flags; the last bare word is the file. */
    static Map<String, String> options(String[] args, int from) {
        Map<String, String> m = new HashMap<>();
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--dry-run") || a.equals("--help")) {
                m.put(a.substring(2), "true");
            } else if (a.startsWith("--")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + a + " needs a value");
                }
                m.put(a.substring(2), args[++i]);
            } else {
                if (m.containsKey("file")) {
                    throw new IllegalArgumentException(
                            "more than one file given: '" + m.get("file") + "' and '" + a + "'");
                }
                m.put("file", a);
            }
        }
        return m;
    }

    static int importFiles(Config config, String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("network")) {
            return importNetwork(config, args, out, err);
        }
        if (args.length == 0 || !(args[0].equals("stations") || args[0].equals("districts"))) {
            err.println(IMPORT_USAGE);
            return 2;
        }
        Map<String, String> o = options(args, 1);
        if (o.containsKey("help") || !o.containsKey("file") || !o.containsKey("region")) {
            err.println(IMPORT_USAGE);
            return 2;
        }
        Path file = Path.of(o.get("file"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CoordinateSystem crs = CoordinateSystem.parse(o.getOrDefault("crs", "wgs84"));
        boolean dry = o.containsKey("dry-run");
        try (Components c = Components.open(config)) {
            String region = o.get("region");
            if (c.regions().find(region).isEmpty()) {
                c.regions().upsert(new Region(region, o.getOrDefault("region-name", region), null, false));
            }
            ImportReport r = Actor.as(
                    "cli",
                    () -> args[0].equals("stations")
                            ? c.imports()
                                    .importStations(region, file.getFileName().toString(), bytes, crs, dry, "cli")
                            : c.imports()
                                    .importDistricts(
                                            region,
                                            file.getFileName().toString(),
                                            bytes,
                                            crs,
                                            dry,
                                            "cli",
                                            new DistrictFileOptions(
                                                    o.get("code-field"),
                                                    o.get("name-field"),
                                                    o.get("level-field"),
                                                    o.get("population-field"),
                                                    o.get("parent-name-field"))));
            print(r, out, err);
            return r.ok() ? 0 : 1;
        }
    }

    static int importNetwork(Config config, String[] args, PrintStream out, PrintStream err) {
        Map<String, String> o = options(args, 1);
        if (o.containsKey("help") || !o.containsKey("file") || !o.containsKey("region")) {
            err.println("usage: ./outpost import network --region CODE [--region-name NAME] FILE.osm.pbf|FILE.osm");
            return 2;
        }
        try (Components c = Components.open(config)) {
            String region = o.get("region");
            if (c.regions().find(region).isEmpty()) {
                c.regions().upsert(new Region(region, o.getOrDefault("region-name", region), null, false));
            }
            var network = c.networks().importOsm(region, Path.of(o.get("file")));
            var info = network.info();
            out.printf(
                    java.util.Locale.ROOT,
                    "network of region %s: %s, %d nodes, %d edges (sha256 %s)%n",
                    region,
                    info.sourceFileName(),
                    info.nodeCount(),
                    info.edgeCount(),
                    info.sourceSha256());
            c.coverage().invalidate(region);
            return 0;
        }
    }

    static void print(ImportReport r, PrintStream out, PrintStream err) {
        String what = r.dryRun() ? "dry run, nothing written: would create " : "created ";
        if (r.ok()) {
            out.printf(
                    java.util.Locale.ROOT,
                    "%s: %s%d, %s %d, unchanged %d%s%n",
                    r.dataset(),
                    what,
                    r.created(),
                    r.dryRun() ? "update" : "updated",
                    r.updated(),
                    r.unchanged(),
                    r.batchId() == null ? "" : " (import batch " + r.batchId() + ")");
        } else {
            err.println(r.dataset() + ": the file was refused, nothing changed:");
            for (Problem p : r.errors()) {
                err.println("  " + describe(r.rowLabel(), p));
            }
            if (r.omittedErrors() > 0) {
                err.println("  … and " + r.omittedErrors() + " more");
            }
        }
        for (Problem p : r.warnings()) {
            out.println("  warning: " + describe(r.rowLabel(), p));
        }
    }

    private static String describe(String rowLabel, Problem p) {
        return p.toString().replaceFirst("^row ", rowLabel + " ");
    }

    static int export(Config config, String[] args, PrintStream out, PrintStream err) {
        Map<String, String> o = options(args, args.length > 0 && args[0].equals("stations") ? 1 : 0);
        if (!o.containsKey("region")) {
            err.println("usage: ./outpost export stations --region CODE [--format geojson|csv] [--out FILE]");
            return 2;
        }
        String format = o.getOrDefault("format", "geojson");
        if (!format.equals("geojson") && !format.equals("csv")) {
            throw new IllegalArgumentException("--format '" + format + "': expected geojson or csv");
        }
        try (Components c = Components.open(config)) {
            List<Station> all =
                    c.stations().find(StationQuery.all(o.get("region")).withLimit(StationQuery.MAX_LIMIT));
            try (OutputStream os = o.containsKey("out") ? Files.newOutputStream(Path.of(o.get("out"))) : out) {
                if (format.equals("csv")) {
                    new StationCsvWriter().write(all, os);
                } else {
                    new StationGeoJsonWriter().write(all, os);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return 0;
        }
    }

    static final String REPORT_USAGE = "usage: ./outpost report --region CODE --area CODE --format pdf|xlsx --out FILE"
            + " [--group rider|ride_hailing|truck]";

    /** Writes the review report of a district or subdistrict to a file. */
    static int report(Config config, String[] args, PrintStream out, PrintStream err) {
        Map<String, String> o = options(args, 0);
        if (o.containsKey("help")
                || o.containsKey("file")
                || !o.containsKey("region")
                || !o.containsKey("area")
                || !o.containsKey("out")) {
            err.println(REPORT_USAGE);
            return 2;
        }
        dev.outpost.report.ReportFormat format = dev.outpost.report.ReportFormat.parse(o.getOrDefault("format", "pdf"));
        dev.outpost.demand.WorkerGroup group = dev.outpost.demand.WorkerGroup.parse(o.getOrDefault("group", "rider"));
        Path target = Path.of(o.get("out"));
        try (Components c = Components.open(config)) {
            c.networks().loadRecorded(List.of(o.get("region")));
            dev.outpost.report.ReportService.Report r;
            try {
                r = c.reports().make(o.get("region"), o.get("area"), group, format);
            } catch (dev.outpost.common.NotFoundException | dev.outpost.report.ReportUnavailableException e) {
                err.println("error: " + e.getMessage());
                return e instanceof dev.outpost.common.NotFoundException ? 2 : 1;
            }
            try {
                Files.write(target, r.bytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target, e);
            }
            out.printf(
                    java.util.Locale.ROOT,
                    "report of %s written to %s (%d bytes)%n",
                    o.get("area"),
                    target,
                    r.bytes().length);
            return 0;
        }
    }

    static int democity(Config config, String[] args, PrintStream out, PrintStream err) {
        try {
            dev.outpost.democity.DemoCityGenerator.main(args);
            return 0;
        } catch (IOException e) {
            err.println("democity: " + e.getMessage());
            return 1;
        }
    }

    static int solve(String[] args, PrintStream out, PrintStream err) {
        return new SolveCommand().run(args, out, err);
    }
}
