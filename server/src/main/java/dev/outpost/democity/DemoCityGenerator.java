package dev.outpost.democity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Generates the synthetic demo city 示范市 ("Demo City") into a directory. The same size and seed always give
 * byte-identical files.
 *
 * <p>Command line: {@code DemoCityGenerator [--size small|shenzhen] [--seed N] [--out DIR]}; defaults are {@code
 * small}, {@link #DEFAULT_SEED} and {@code geodata/demo-city} (small) or {@code var/demo-city-shenzhen} (shenzhen)
 * relative to the working directory.
 *
 * <p>Output, all UTF-8: {@code roads.osm} (OSM XML), {@code districts.geojson}, {@code stations.csv},
 * {@code candidates.csv}, {@code demand.csv} and {@code README.md}, which describes the formats. Coordinates are WGS
 * 84 longitude/latitude (EPSG:4326). Thread-safe: each call works on its own state.
 */
public final class DemoCityGenerator {
    /** The seed of the committed demo city under {@code geodata/demo-city}. */
    public static final long DEFAULT_SEED = 20240601L;

    private DemoCityGenerator() {}

    /**
     * Generates the city and writes its files into {@code outDir} (created if missing; existing files of the same
     * names are overwritten).
     *
     * @return counts of what was written
     */
    public static Summary generate(DemoCitySize size, long seed, Path outDir) throws IOException {
        DemoCity city = DemoCity.generate(size, seed);
        new DemoCityWriter(city).writeAll(outDir);
        return Summary.of(city);
    }

    /** Counts of a generated city, for the command line and benchmarks. */
    public record Summary(
            int districts,
            int subdistricts,
            long population,
            int osmNodes,
            int osmWays,
            int bridges,
            int stations,
            int candidates,
            int demandPoints) {
        static Summary of(DemoCity c) {
            return new Summary(
                    c.areas().districts.size(),
                    c.areas().subdistricts.size(),
                    c.areas().districts.stream()
                            .mapToLong(AdminAreas.AdminArea::population)
                            .sum(),
                    c.network().nodes.size(),
                    c.network().ways.size(),
                    c.network().bridgeCount,
                    c.stations().size(),
                    c.candidates().size(),
                    c.demand().size());
        }
    }

    public static void main(String[] args) throws IOException {
        DemoCitySize size = DemoCitySize.SMALL;
        long seed = DEFAULT_SEED;
        Path out = null;
        for (int k = 0; k < args.length; k++) {
            String arg = args[k];
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(usage());
                return;
            }
            if (k + 1 >= args.length) {
                throw new IllegalArgumentException("argument '" + arg + "' needs a value; " + usage());
            }
            String value = args[++k];
            switch (arg) {
                case "--size":
                    size = DemoCitySize.parse(value);
                    break;
                case "--seed":
                    try {
                        seed = Long.parseLong(value.trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--seed: '" + value + "' is not a whole number");
                    }
                    break;
                case "--out":
                    out = Path.of(value);
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument '" + arg + "'; " + usage());
            }
        }
        if (out == null) {
            out = Path.of(size == DemoCitySize.SMALL ? "geodata/demo-city" : "var/demo-city-shenzhen");
        }
        long start = System.nanoTime();
        Summary s = generate(size, seed, out);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println(String.format(
                Locale.ROOT,
                "demo city '%s' seed %d -> %s: %d districts, %d subdistricts, population %d, %d OSM nodes, %d ways"
                        + " (%d bridges), %d stations, %d candidates, %d demand points in %.1f s",
                size.cliName(),
                seed,
                out,
                s.districts(),
                s.subdistricts(),
                s.population(),
                s.osmNodes(),
                s.osmWays(),
                s.bridges(),
                s.stations(),
                s.candidates(),
                s.demandPoints(),
                seconds));
    }

    static String usage() {
        return "usage: DemoCityGenerator [--size small|shenzhen] [--seed N] [--out DIR]";
    }
}
