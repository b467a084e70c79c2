package dev.outpost.bench;

import dev.outpost.siting.CoverageMatrix;
import dev.outpost.siting.CpSatSolver;
import dev.outpost.siting.GreedySwapSolver;
import dev.outpost.siting.MaximalCoveringProblem;
import dev.outpost.siting.ProgressPoint;
import dev.outpost.siting.SitingResult;
import dev.outpost.siting.SolveOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Benchmark of the maximal covering solvers on random geometric instances: candidates and demand points uniform in a
 * 30 × 30 km square, a demand point covered by candidates within 3 km (straight line), integer weights 1..100, seeded.
 * Instances: 500 × 5,000 with p = 20, and 2,000 × 20,000 with p = 50.
 *
 * <p>For each instance it times the heuristic (lazy greedy + swap search) and CP-SAT in each worker configuration, and
 * reports the objective, bound and gap at the time limit and the time at which the gap first fell to 0.1 %. It writes
 * each instance to {@code <out>/mclp-<candidates>x<demands>-p<p>.txt} for {@code bench/siting/cbc_pulp.py}:
 *
 * <pre>
 * # comment lines
 * candidates demands p
 * w_0 w_1 ... w_{demands-1}
 * k i_1 ... i_k          (one line per candidate: the demand indices it covers)
 * </pre>
 *
 * <p>Usage: {@code ./outpost bench siting [--quick] [--time-limit-s 60] [--sizes small,large] [--configs 1:2,8:1]
 * [--out bench/out/siting] [--seed 1]}; a config is {@code workers:linearizationLevel}; {@code --quick} is the small
 * instance, 10 s, one worker. Not a test.
 */
public final class SitingBenchmark {
    public record Size(String name, int candidates, int demands, int p) {}

    static final double SIDE_METERS = 30_000;
    static final double RADIUS_METERS = 3_000;

    public static void main(String[] args) throws IOException {
        double timeLimit = 60;
        String sizes = "small,large";
        String configs = "1:2,8:1";
        Path out = Path.of("bench/out/siting");
        long seed = 1;
        for (int k = 0; k < args.length; k++) {
            if (args[k].equals("--quick")) {
                sizes = "small";
                configs = "1:2";
                timeLimit = 10;
                continue;
            }
            if (k + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[k] + " needs a value");
            }
            switch (args[k]) {
                case "--time-limit-s" -> timeLimit = Double.parseDouble(args[++k]);
                case "--sizes" -> sizes = args[++k];
                case "--configs" -> configs = args[++k];
                case "--out" -> out = Path.of(args[++k]);
                case "--seed" -> seed = Long.parseLong(args[++k]);
                default -> throw new IllegalArgumentException("unknown option " + args[k]
                        + "; expected --quick, --time-limit-s, --sizes, --configs, --out, --seed");
            }
        }
        Files.createDirectories(out);
        CpSatSolver.ensureLoaded();
        for (String s : sizes.split(",")) {
            Size size =
                    switch (s.trim()) {
                        case "small" -> new Size("small", 500, 5_000, 20);
                        case "large" -> new Size("large", 2_000, 20_000, 50);
                        default -> throw new IllegalArgumentException(
                                "unknown size " + s + "; expected small or large");
                    };
            Path file = run(size, seed, timeLimit, configs, out);
            System.out.printf(
                    Locale.ROOT,
                    "compare: /usr/bin/python3 bench/siting/cbc_pulp.py %s --time-limit-s %.0f%n",
                    file,
                    timeLimit);
        }
    }

    public static CoverageMatrix generate(Size size, long seed) {
        Random rnd = new Random(seed * 1_000_003L + size.candidates());
        double[][] cand = new double[size.candidates()][2];
        double[][] dem = new double[size.demands()][2];
        for (double[] c : cand) {
            c[0] = rnd.nextDouble() * SIDE_METERS;
            c[1] = rnd.nextDouble() * SIDE_METERS;
        }
        double[] weights = new double[size.demands()];
        for (int i = 0; i < dem.length; i++) {
            dem[i][0] = rnd.nextDouble() * SIDE_METERS;
            dem[i][1] = rnd.nextDouble() * SIDE_METERS;
            weights[i] = 1 + rnd.nextInt(100);
        }
        List<String> cNames = new ArrayList<>();
        List<String> dNames = new ArrayList<>();
        for (int j = 0; j < cand.length; j++) {
            cNames.add("c" + j);
        }
        for (int i = 0; i < dem.length; i++) {
            dNames.add("d" + i);
        }
        double r2 = RADIUS_METERS * RADIUS_METERS;
        List<int[]> covers = new ArrayList<>();
        int[] buf = new int[dem.length];
        for (double[] c : cand) {
            int k = 0;
            for (int i = 0; i < dem.length; i++) {
                double dx = c[0] - dem[i][0];
                double dy = c[1] - dem[i][1];
                if (dx * dx + dy * dy <= r2) {
                    buf[k++] = i;
                }
            }
            covers.add(Arrays.copyOf(buf, k));
        }
        return CoverageMatrix.of(cNames, dNames, weights, covers);
    }

    static Path write(CoverageMatrix m, Size size, long seed, Path dir) throws IOException {
        Path file = dir.resolve(
                String.format(Locale.ROOT, "mclp-%dx%d-p%d.txt", size.candidates(), size.demands(), size.p()));
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.format(
                    Locale.ROOT,
                    "# outpost MCLP benchmark instance: uniform points in %.0f m square, radius %.0f m, seed %d%n",
                    SIDE_METERS,
                    RADIUS_METERS,
                    seed));
            w.write(m.candidateCount() + " " + m.demandCount() + " " + size.p() + "\n");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < m.demandCount(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append((long) m.weight(i));
            }
            w.write(sb.append('\n').toString());
            for (int j = 0; j < m.candidateCount(); j++) {
                int[] c = m.coveredDemands(j);
                sb.setLength(0);
                sb.append(c.length);
                for (int i : c) {
                    sb.append(' ').append(i);
                }
                w.write(sb.append('\n').toString());
            }
        }
        return file;
    }

    static Path run(Size size, long seed, double timeLimit, String configs, Path out) throws IOException {
        long t0 = System.nanoTime();
        CoverageMatrix m = generate(size, seed);
        Path file = write(m, size, seed, out);
        System.out.printf(
                Locale.ROOT,
                "%n== %s: %d candidates x %d demand points, p = %d, %d covering pairs, total weight %.0f"
                        + " (generated in %.1f s; instance written to %s)%n",
                size.name(),
                m.candidateCount(),
                m.demandCount(),
                size.p(),
                m.pairCount(),
                m.totalWeight(),
                (System.nanoTime() - t0) / 1e9,
                file);
        MaximalCoveringProblem problem = MaximalCoveringProblem.from(m, size.p());

        SitingResult greedy =
                new GreedySwapSolver().solve(problem, SolveOptions.defaults().withTimeLimitSeconds(timeLimit));
        System.out.printf(
                Locale.ROOT,
                "greedy-swap: covered %.0f (%.4f %% of weight), bound %.0f, gap %.3f %%, %d ms; reduction %s%n",
                greedy.objective(),
                100 * greedy.coveredFraction(),
                greedy.bestBound(),
                100 * greedy.gap(),
                greedy.wallTimeMillis(),
                greedy.reduction());

        for (String config : configs.split(",")) {
            String[] parts = config.trim().split(":");
            int workers = Integer.parseInt(parts[0]);
            int level = parts.length > 1 ? Integer.parseInt(parts[1]) : 2;
            SolveOptions options = SolveOptions.defaults()
                    .withTimeLimitSeconds(timeLimit)
                    .withWorkers(workers)
                    .withLinearizationLevel(level);
            SitingResult exact = new CpSatSolver().solve(problem, options);
            long within = -1;
            for (ProgressPoint pt : exact.progress()) {
                double gap = SitingResult.gap(pt.objective(), pt.bound());
                if (!Double.isNaN(gap) && gap <= 0.001) {
                    within = pt.elapsedMillis();
                    break;
                }
            }
            if (within < 0 && exact.gap() <= 0.001) {
                within = exact.wallTimeMillis();
            }
            System.out.printf(
                    Locale.ROOT,
                    "cp-sat workers=%d linearization=%d: %s covered %.0f, bound %.0f, gap %.4f %% after %d ms;"
                            + " gap <= 0.1 %% at %s; heuristic was %.3f %% below; %s%n",
                    workers,
                    level,
                    exact.status(),
                    exact.objective(),
                    exact.bestBound(),
                    100 * exact.gap(),
                    exact.wallTimeMillis(),
                    within < 0 ? "never" : within + " ms",
                    100 * (exact.objective() - greedy.objective()) / exact.objective(),
                    exact.message());
        }
        return file;
    }
}
