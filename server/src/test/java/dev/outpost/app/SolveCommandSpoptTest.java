package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.geo.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Known answers of PySAL spopt's San Francisco instance ({@code ../shared/benchmarks/spopt-sf/README.md}), end to end
 * through {@link SolveCommand#run}: 16 candidate stores, 205 census tracts weighted by POP2000 (the matrix's
 * {@code demand} column, checked equal to the demand file's POP2000 by tract NAME), radius 5,000 m.
 */
class SolveCommandSpoptTest {
    static final Path DIR = SharedData.path("benchmarks/spopt-sf");
    static final Path MATRIX = DIR.resolve("SF_network_distance_candidateStore_16_censusTract_205_new.csv");
    static final Path DEMAND = DIR.resolve("SF_demand_205_centroid_uniform_weight.csv");

    @BeforeAll
    static void requireData() {
        assumeTrue(
                Files.isReadable(MATRIX) && Files.isReadable(DEMAND),
                "spopt SF benchmark not found at " + DIR + "; skipping its known-answer tests");
    }

    static JsonNode solve(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--matrix",
                MATRIX.toString(),
                "--cost-col",
                "distance",
                "--candidate-col",
                "name",
                "--demand-col",
                "DestinationName",
                "--time-limit-s",
                "60"));
        args.addAll(List.of(extra));
        if (!args.contains("--weights")) {
            args.addAll(List.of("--weight-col", "demand"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new SolveCommand()
                .run(
                        args.toArray(new String[0]),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        try {
            return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + out, e);
        }
    }

    static List<String> chosen(JsonNode json) {
        List<String> out = new ArrayList<>();
        json.get("chosen").forEach(n -> out.add(n.asText()));
        return out;
    }

    static void report(String what, JsonNode exact, JsonNode greedy) {
        System.out.printf(
                Locale.ROOT,
                "SF %s: exact %s %.2f (bound %.2f, %d ms) %s; heuristic %s %.2f (bound %.2f, %d ms) %s%n",
                what,
                exact.get("status").asText(),
                exact.get("objective").asDouble(),
                exact.get("bestBound").asDouble(),
                exact.get("wallTimeMs").asLong(),
                chosen(exact),
                greedy.get("status").asText(),
                greedy.get("objective").asDouble(),
                greedy.get("bestBound").asDouble(),
                greedy.get("wallTimeMs").asLong(),
                chosen(greedy));
    }

    @Test
    void demandColumnIsPop2000ByTractName() throws IOException {
        Map<String, Double> fromMatrix = new HashMap<>();
        for (CSVRecord r : read(MATRIX)) {
            Double previous = fromMatrix.put(r.get("DestinationName"), Double.parseDouble(r.get("demand")));
            assertThat(previous == null || previous == Double.parseDouble(r.get("demand")))
                    .isTrue();
        }
        Map<String, Double> pop = new HashMap<>();
        for (CSVRecord r : read(DEMAND)) {
            pop.put(r.get("NAME"), Double.parseDouble(r.get("POP2000")));
        }
        assertThat(fromMatrix).hasSize(205).isEqualTo(pop);
        assertThat(pop.values().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(955_113);
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setAllowMissingColumnNames(true)
                    .get()
                    .parse(reader)
                    .getRecords();
        }
    }

    @Test
    void setCoveringNeedsEightSites() {
        JsonNode exact = solve("--problem", "lscp", "--radius", "5000", "--solver", "exact");
        JsonNode greedy = solve("--problem", "lscp", "--radius", "5000", "--solver", "greedy");
        report("set covering", exact, greedy);
        assertThat(exact.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(exact.get("objective").asDouble()).isEqualTo(8);
        assertThat(chosen(exact)).hasSize(8);
        assertThat(exact.get("coveredDemandCount").asInt()).isEqualTo(205);
        assertThat(greedy.get("objective").asDouble()).isGreaterThanOrEqualTo(8);
        assertThat(greedy.get("bestBound").asDouble()).isLessThanOrEqualTo(8);
    }

    @Test
    void maximalCoveringWithFourSites() {
        JsonNode exact = solve("--problem", "mclp", "--radius", "5000", "--p", "4", "--solver", "exact");
        JsonNode greedy = solve("--problem", "mclp", "--radius", "5000", "--p", "4", "--solver", "greedy");
        report("MCLP p=4", exact, greedy);
        assertThat(exact.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(exact.get("objective").asDouble()).isEqualTo(875_247);
        assertThat(exact.get("coveredWeight").asDouble()).isEqualTo(875_247);
        assertThat(exact.get("coveredDemandCount").asInt()).isEqualTo(184);
        assertThat(exact.get("demandCount").asInt()).isEqualTo(205);
        assertThat(exact.get("coveredDemandCount").asDouble() / 205).isCloseTo(0.89756, within(5e-6));
        assertThat(chosen(exact)).containsExactlyInAnyOrder("Store_2", "Store_11", "Store_12", "Store_15");
        assertThat(exact.get("bestBound").asDouble()).isGreaterThanOrEqualTo(875_247);
        assertThat(greedy.get("objective").asDouble()).isLessThanOrEqualTo(875_247);
        assertThat(greedy.get("bestBound").asDouble()).isGreaterThanOrEqualTo(875_247);
        // every chosen site has a marginal gain and a runner-up; the gains add up to the covered weight
        double sum = 0;
        for (JsonNode s : exact.get("sites")) {
            sum += s.get("marginalGain").asDouble();
            assertThat(s.get("runnerUp").asText()).isNotEmpty();
            assertThat(s.get("runnerUpObjective").asDouble()).isLessThanOrEqualTo(875_247);
        }
        assertThat(sum).isEqualTo(875_247);
    }

    @Test
    void maximalCoveringWithWeightsFromTheDemandFile() {
        JsonNode r = solve(
                "--problem",
                "mclp",
                "--radius",
                "5000",
                "--p",
                "4",
                "--solver",
                "exact",
                "--weights",
                DEMAND.toString(),
                "--weights-id-col",
                "NAME",
                "--weights-col",
                "POP2000");
        assertThat(r.get("objective").asDouble()).isEqualTo(875_247);
        assertThat(r.get("input").get("weights").asText()).contains("POP2000");
    }

    @Test
    void pMedianWithFourSites() {
        JsonNode exact = solve("--problem", "pmedian", "--p", "4", "--solver", "exact");
        JsonNode greedy = solve("--problem", "pmedian", "--p", "4", "--solver", "greedy");
        report("p-median p=4", exact, greedy);
        assertThat(exact.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(exact.get("objective").asDouble()).isCloseTo(2_848_268_129.71, within(0.01));
        assertThat(exact.get("meanCost").asDouble()).isCloseTo(2_982.1269, within(1e-4));
        assertThat(chosen(exact)).containsExactlyInAnyOrder("Store_2", "Store_11", "Store_12", "Store_15");
        double best = exact.get("objective").asDouble();
        assertThat(greedy.get("objective").asDouble()).isGreaterThanOrEqualTo(best - 1e-6);
        assertThat(greedy.get("bestBound").asDouble()).isLessThanOrEqualTo(best);
    }

    @Test
    void pCenterWithFourSites() {
        JsonNode exact = solve("--problem", "pcenter", "--p", "4", "--solver", "exact");
        JsonNode greedy = solve("--problem", "pcenter", "--p", "4", "--solver", "greedy");
        report("p-center p=4", exact, greedy);
        assertThat(exact.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(exact.get("objective").asDouble()).isCloseTo(7_403.06, within(0.005));
        assertThat(chosen(exact)).containsExactlyInAnyOrder("Store_7", "Store_11", "Store_13", "Store_15");
        double best = exact.get("objective").asDouble();
        assertThat(greedy.get("objective").asDouble()).isGreaterThanOrEqualTo(best);
        assertThat(greedy.get("bestBound").asDouble()).isLessThanOrEqualTo(best);
    }

    @Test
    void autoSolverAndCoverageCurve() {
        JsonNode r = solve("--problem", "mclp", "--radius", "5000", "--p", "4", "--curve", "8");
        assertThat(r.get("objective").asDouble()).isEqualTo(875_247);
        JsonNode curve = r.get("curve");
        assertThat(curve).hasSize(8);
        double previous = 0;
        for (JsonNode point : curve) {
            double covered = point.get("coveredWeight").asDouble();
            assertThat(covered).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(955_113);
            previous = covered;
        }
        // the greedy with 4 sites can be no better than the optimum with 4
        assertThat(curve.get(3).get("coveredWeight").asDouble()).isLessThanOrEqualTo(875_247);
        assertThat(r.has("curveFlattensAfter")).isTrue();
    }
}
