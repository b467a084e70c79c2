package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link SolveCommand} does with good and bad input files and options. */
class SolveCommandInputTest {
    @TempDir
    Path dir;

    /** Two candidates, two demand points, all four pairs; a covers d1 within 5, b covers d2. */
    static final String GOOD =
            "cost,candidate,demand_point,weight\n" + "1,a,d1,10\n" + "9,a,d2,20\n" + "8,b,d1,10\n" + "2,b,d2,20\n";

    record Outcome(int code, String out, String err) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + out, e);
            }
        }
    }

    Outcome run(String csv, String... args) throws IOException {
        Path file = dir.resolve("matrix.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        List<String> all = new ArrayList<>(List.of("--matrix", file.toString()));
        all.addAll(List.of(args));
        return runRaw(all.toArray(new String[0]));
    }

    static Outcome runRaw(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new SolveCommand()
                .run(
                        args,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void solvesAGoodFile() throws IOException {
        Outcome o = run(GOOD, "--problem", "mclp", "--radius", "5", "--p", "1", "--weight-col", "weight");
        assertThat(o.code()).as(o.err()).isZero();
        JsonNode json = o.json();
        assertThat(json.get("chosen").get(0).asText()).isEqualTo("b");
        assertThat(json.get("objective").asDouble()).isEqualTo(20);
        assertThat(json.get("coveredFraction").asDouble()).isEqualTo(20.0 / 30);
        assertThat(json.get("input").get("rows").asInt()).isEqualTo(4);
    }

    @Test
    void skipsAByteOrderMarkAndKeepsChineseNames() throws IOException {
        String csv = "\uFEFFcost,candidate,demand_point\n1,暖蜂驿站,社区一\n3,司机之家,社区一\n";
        Outcome o = run(csv, "--problem", "pmedian", "--p", "1", "--solver", "greedy");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.json().get("chosen").get(0).asText()).isEqualTo("暖蜂驿站");
        assertThat(o.json().get("objective").asDouble()).isEqualTo(1); // weight 1 per demand point by default
    }

    @Test
    void missingPairIsAnErrorForPMedian() throws IOException {
        String csv = "cost,candidate,demand_point\n1,a,d1\n9,a,d2\n8,b,d1\n";
        Outcome o = run(csv, "--problem", "pmedian", "--p", "1");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err())
                .contains("pmedian needs a cost for every candidate-demand pair")
                .contains("candidate 'b' has no cost for demand 'd2'")
                .contains("3 of 4 pairs");
        assertThat(o.out()).isEmpty();
    }

    @Test
    void missingPairMeansNotCoveredForCovering() throws IOException {
        String csv = "cost,candidate,demand_point\n1,a,d1\n9,a,d2\n8,b,d1\n";
        Outcome o = run(csv, "--problem", "mclp", "--radius", "10", "--p", "1");
        assertThat(o.code()).as(o.err()).isZero();
        JsonNode json = o.json();
        assertThat(json.get("input").get("missingPairs").asInt()).isEqualTo(1);
        assertThat(json.get("input").get("missingPairsMeaning").asText()).isEqualTo("not covered");
        assertThat(json.get("chosen").get(0).asText()).isEqualTo("a"); // a covers both within 10, b only d1
        assertThat(json.get("coveredDemandCount").asInt()).isEqualTo(2);
    }

    @Test
    void negativeCostNamesRowAndField() throws IOException {
        String csv = "cost,candidate,demand_point\n1,a,d1\n9,a,d2\n-8,b,d1\n2,b,d2\n";
        Outcome o = run(csv, "--problem", "pmedian", "--p", "1");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("row 3, field 'cost': cost -8 is negative");
    }

    @Test
    void nonNumericCostNamesRowAndField() throws IOException {
        String csv = "cost,candidate,demand_point\n1,a,d1\nfar,a,d2\n";
        Outcome o = run(csv, "--problem", "lscp", "--radius", "5");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("row 2, field 'cost': 'far' is not a number");
        Outcome nan = run("cost,candidate,demand_point\nNaN,a,d1\n", "--problem", "lscp", "--radius", "5");
        assertThat(nan.err()).contains("row 1, field 'cost': cost 'NaN' is not finite");
    }

    @Test
    void duplicateRowIsRejected() throws IOException {
        String csv = "cost,candidate,demand_point\n1,a,d1\n9,a,d2\n2,a,d1\n";
        Outcome o = run(csv, "--problem", "mclp", "--radius", "5", "--p", "1");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("row 3: candidate 'a' and demand 'd1' repeat row 1");
    }

    @Test
    void conflictingWeightsAreRejected() throws IOException {
        String csv = "cost,candidate,demand_point,weight\n1,a,d1,10\n8,b,d1,11\n";
        Outcome o = run(csv, "--problem", "mclp", "--radius", "5", "--p", "1", "--weight-col", "weight");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("row 2, field 'weight'").contains("weight 10.0 on an earlier row and 11.0");
    }

    @Test
    void pLargerThanTheCandidates() throws IOException {
        Outcome o = run(GOOD, "--problem", "mclp", "--radius", "5", "--p", "3");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("option --p: 3 is larger than the 2 candidates");
        Outcome fixed = run(GOOD, "--problem", "pmedian", "--p", "2", "--fixed", "a");
        assertThat(fixed.code()).isEqualTo(2);
        assertThat(fixed.err()).contains("p = 2 new sites is out of range").contains("1 of them fixed");
    }

    @Test
    void unknownProblemTypeAndOptions() throws IOException {
        Outcome o = run(GOOD, "--problem", "pcentre", "--p", "1");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err())
                .contains("unknown problem type 'pcentre'; expected one of mclp, lscp, partial, pmedian, pcenter");
        assertThat(run(GOOD, "--problem", "mclp", "--raduis", "5").err()).contains("unknown option '--raduis'");
        assertThat(run(GOOD, "--problem", "lscp", "--radius", "5", "--p", "2").err())
                .contains("option --p does not apply to --problem lscp");
        assertThat(run(GOOD, "--problem", "mclp", "--p", "1").err()).contains("option --radius is required");
        assertThat(run(GOOD, "--problem", "partial", "--radius", "5", "--target", "95")
                        .err())
                .contains("option --target: 95.0 must be a fraction in (0, 1]");
        assertThat(run(GOOD, "--problem", "mclp", "--radius", "5", "--p", "x").err())
                .contains("option --p: 'x' is not a whole number");
        assertThat(run(GOOD, "--problem", "mclp", "--radius", "5", "--p", "1", "--solver", "cplex")
                        .err())
                .contains("unknown solver 'cplex'");
    }

    @Test
    void missingColumnAndFile() throws IOException {
        Outcome o = run(GOOD, "--problem", "mclp", "--radius", "5", "--p", "1", "--cost-col", "distance");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("no column 'distance' (--cost-col); the header has [cost, candidate");
        Outcome none = runRaw("--matrix", dir.resolve("nope.csv").toString(), "--problem", "lscp", "--radius", "1");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("file not found").contains("nope.csv");
    }

    @Test
    void shortRowNamesTheRow() throws IOException {
        String csv = "cost,candidate,demand_point\n1,a,d1\n2,b\n";
        Outcome o = run(csv, "--problem", "lscp", "--radius", "5");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("row 2 has 2 fields, no value for column 'demand_point'");
    }

    @Test
    void weightsFromAnotherFile() throws IOException {
        Path weights = dir.resolve("weights.csv");
        Files.writeString(weights, "\uFEFFid,pop\nd1,100\nd2,5\nd3,7\n", StandardCharsets.UTF_8);
        Outcome o = run(
                GOOD,
                "--problem",
                "mclp",
                "--radius",
                "5",
                "--p",
                "1",
                "--weights",
                weights.toString(),
                "--weights-id-col",
                "id",
                "--weights-col",
                "pop");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.json().get("chosen").get(0).asText()).isEqualTo("a");
        assertThat(o.json().get("objective").asDouble()).isEqualTo(100);
        assertThat(o.json().get("input").get("weightsRowsNotInMatrix").asInt()).isEqualTo(1);

        Files.writeString(weights, "id,pop\nd1,100\n", StandardCharsets.UTF_8);
        Outcome missing = run(
                GOOD,
                "--problem",
                "mclp",
                "--radius",
                "5",
                "--p",
                "1",
                "--weights",
                weights.toString(),
                "--weights-id-col",
                "id",
                "--weights-col",
                "pop");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no row with id = 'd2'");

        Files.writeString(weights, "id,pop\nd1,100\nd1,3\n", StandardCharsets.UTF_8);
        assertThat(run(
                                GOOD,
                                "--problem",
                                "mclp",
                                "--radius",
                                "5",
                                "--p",
                                "1",
                                "--weights",
                                weights.toString(),
                                "--weights-id-col",
                                "id",
                                "--weights-col",
                                "pop")
                        .err())
                .contains("row 2, field 'id': id 'd1' repeats row 1");
    }

    @Test
    void infeasibleProblemExitsWithThreeAndSaysWhy() throws IOException {
        // radius 0.5: nobody covers anything, so covering everything is impossible
        Outcome o = run(GOOD, "--problem", "lscp", "--radius", "0.5");
        assertThat(o.code()).isEqualTo(3);
        JsonNode json = o.json();
        assertThat(json.get("status").asText()).isEqualTo("INFEASIBLE");
        assertThat(json.get("message").asText())
                .contains("beyond the radius of every candidate")
                .contains("d1");
        assertThat(json.get("objective").isNull()).isTrue();
        assertThat(json.get("chosen")).isEmpty();
    }

    @Test
    void helpPrintsUsage() {
        Outcome o = runRaw("--help");
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("usage: outpost solve");
    }
}
