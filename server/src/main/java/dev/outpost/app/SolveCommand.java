package dev.outpost.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.siting.AutoSolver;
import dev.outpost.siting.ChosenSite;
import dev.outpost.siting.CostMatrix;
import dev.outpost.siting.CoverageCurve;
import dev.outpost.siting.CoverageMatrix;
import dev.outpost.siting.CpSatSolver;
import dev.outpost.siting.GreedySwapSolver;
import dev.outpost.siting.MaximalCoveringProblem;
import dev.outpost.siting.PCenterProblem;
import dev.outpost.siting.PMedianProblem;
import dev.outpost.siting.ProblemKind;
import dev.outpost.siting.Reduction;
import dev.outpost.siting.SetCoveringProblem;
import dev.outpost.siting.SitingProblem;
import dev.outpost.siting.SitingResult;
import dev.outpost.siting.SitingSolver;
import dev.outpost.siting.SolveOptions;
import dev.outpost.siting.SolveStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code outpost solve}: solves a location problem given as a long-format CSV cost matrix and prints the answer as
 * JSON on standard output.
 *
 * <p>Exit codes: 0 with a solution (optimal or feasible); 2 for bad input or options (a message on standard error
 * naming the file, row, field and reason; rows are counted from 1 after the header line); 3 when there is no solution
 * (infeasible, time limit, unknown; the JSON still says why); 1 for an internal error. Files are read as UTF-8 and a
 * byte-order mark is skipped. Thread-safe: {@link #run} keeps no state.
 */
public final class SolveCommand {
    static final int OK = 0;
    static final int INTERNAL_ERROR = 1;
    static final int BAD_INPUT = 2;
    static final int NO_SOLUTION = 3;

    private static final Set<String> FLAGS = Set.of("--no-reduce", "--log", "--help");
    private static final Set<String> VALUED = Set.of(
            "--matrix",
            "--cost-col",
            "--candidate-col",
            "--demand-col",
            "--weight-col",
            "--weights",
            "--weights-id-col",
            "--weights-col",
            "--problem",
            "--radius",
            "--p",
            "--target",
            "--solver",
            "--time-limit-s",
            "--workers",
            "--linearization",
            "--fixed",
            "--curve",
            "--flatten-percent");

    static final String USAGE = String.join(
            "\n",
            "usage: outpost solve --matrix FILE --problem mclp|lscp|partial|pmedian|pcenter [options]",
            "  --matrix FILE            long-format CSV: one row per candidate-demand pair",
            "  --cost-col NAME          cost column (default 'cost'), metres or seconds, >= 0",
            "  --candidate-col NAME     candidate name column (default 'candidate')",
            "  --demand-col NAME        demand point name column (default 'demand_point')",
            "  --weight-col NAME        demand weight column of the matrix (repeated on each row of a demand point)",
            "  --weights FILE --weights-id-col NAME --weights-col NAME",
            "                           demand weights from another CSV instead (default weight: 1 per demand point)",
            "  --problem KIND           mclp (at most p sites, most weight covered), lscp (fewest sites covering all),",
            "                           partial (fewest sites covering --target of the weight), pmedian, pcenter",
            "  --radius R               covering radius in cost units (mclp, lscp, partial)",
            "  --p N                    number of new sites (mclp: at most; pmedian, pcenter: exactly)",
            "  --target F               fraction of the total weight to cover, in (0, 1] (partial)",
            "  --fixed A,B              existing sites: open, free, not counted in p",
            "  --solver greedy|exact|auto   default auto (exact CP-SAT warm-started by the heuristic)",
            "  --time-limit-s S         default 60",
            "  --workers N              CP-SAT workers (default 1; with linearization 2, see PLATFORM.md)",
            "  --linearization L        CP-SAT linearization level 0..2 (default 2)",
            "  --no-reduce              solve the unreduced model",
            "  --curve N                mclp: also print the greedy coverage curve for 1..N sites",
            "  --flatten-percent X      the curve is flat where a site adds less than X % of the weight (default 1)",
            "  --log                    CP-SAT search log on standard error",
            "A pair missing from the matrix means 'not covered' for covering problems and is an error for pmedian and",
            "pcenter. Exit codes: 0 solution, 2 bad input, 3 no solution, 1 internal error.");

    public static void main(String[] args) {
        System.exit(new SolveCommand().run(args, System.out, System.err));
    }

    /**
     * Runs the command.
     *
     * @return the exit code (see the class comment)
     */
    public int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Map<String, String> options = parseOptions(args);
            if (options.containsKey("--help")) {
                out.println(USAGE);
                return OK;
            }
            ObjectNode json = solve(options);
            out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(json));
            return SolveStatus.valueOf(json.get("status").asText()).hasSolution() ? OK : NO_SOLUTION;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getCause().getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        } catch (RuntimeException | LinkageError e) {
            err.println("internal error: " + e);
            return INTERNAL_ERROR;
        }
    }

    static Map<String, String> parseOptions(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int k = 0; k < args.length; k++) {
            String arg = args[k];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (FLAGS.contains(name)) {
                if (value != null) {
                    throw new IllegalArgumentException("option " + name + " takes no value");
                }
                options.put(name, "true");
            } else if (VALUED.contains(name)) {
                if (value == null) {
                    if (k + 1 >= args.length) {
                        throw new IllegalArgumentException("option " + name + " needs a value\n" + USAGE);
                    }
                    value = args[++k];
                }
                if (options.put(name, value) != null) {
                    throw new IllegalArgumentException("option " + name + " is given twice");
                }
            } else {
                throw new IllegalArgumentException("unknown option '" + arg + "'\n" + USAGE);
            }
        }
        return options;
    }

    private static ObjectNode solve(Map<String, String> o) throws IOException {
        String problemCode = require(o, "--problem");
        ProblemKind kind = ProblemKind.fromCode(problemCode);
        boolean covering = kind != ProblemKind.P_MEDIAN && kind != ProblemKind.P_CENTER;
        checkApplies(o, "--radius", covering, kind);
        checkApplies(o, "--p", kind == ProblemKind.MAXIMAL_COVERING || !covering, kind);
        checkApplies(o, "--target", kind == ProblemKind.PARTIAL_COVERING, kind);
        checkApplies(o, "--curve", kind == ProblemKind.MAXIMAL_COVERING, kind);
        checkApplies(o, "--flatten-percent", o.containsKey("--curve"), kind);
        if (o.containsKey("--weight-col") && o.containsKey("--weights")) {
            throw new IllegalArgumentException("give either --weight-col or --weights, not both");
        }
        String solverName = o.getOrDefault("--solver", "auto");
        SitingSolver solver =
                switch (solverName) {
                    case "greedy" -> new GreedySwapSolver();
                    case "exact" -> new CpSatSolver();
                    case "auto" -> new AutoSolver();
                    default -> throw new IllegalArgumentException(
                            "option --solver: unknown solver '" + solverName + "'; expected greedy, exact or auto");
                };
        SolveOptions options = SolveOptions.defaults()
                .withTimeLimitSeconds(positiveDouble(o, "--time-limit-s", 60))
                .withWorkers(intOption(o, "--workers", 1))
                .withLinearizationLevel(intOption(o, "--linearization", 2))
                .withReduce(!o.containsKey("--no-reduce"))
                .withLogSearch(o.containsKey("--log"));

        Path matrixPath = Path.of(require(o, "--matrix"));
        MatrixInput input = readMatrix(
                matrixPath,
                o.getOrDefault("--cost-col", "cost"),
                o.getOrDefault("--candidate-col", "candidate"),
                o.getOrDefault("--demand-col", "demand_point"),
                o.get("--weight-col"),
                !covering,
                kind);
        CostMatrix costs = input.matrix;
        String weightSource = o.containsKey("--weight-col")
                ? "column '" + o.get("--weight-col") + "' of the matrix"
                : "1 per demand point";
        int weightsUnused = 0;
        if (o.containsKey("--weights")) {
            Path weightsPath = Path.of(o.get("--weights"));
            String idCol = require(o, "--weights-id-col");
            String wCol = require(o, "--weights-col");
            Map<String, Double> weights = readWeights(weightsPath, idCol, wCol);
            for (String d : costs.demandNames()) {
                if (!weights.containsKey(d)) {
                    throw new IllegalArgumentException(
                            weightsPath + ": no row with " + idCol + " = '" + d + "', a demand point of the matrix");
                }
            }
            weightsUnused = weights.size() - costs.demandCount();
            costs = costs.withWeights(weights);
            weightSource = "column '" + wCol + "' of " + weightsPath.getFileName();
        } else if (o.containsKey("--weights-id-col") || o.containsKey("--weights-col")) {
            throw new IllegalArgumentException("--weights-id-col and --weights-col need --weights FILE");
        }
        List<String> fixed = o.containsKey("--fixed")
                ? Arrays.stream(o.get("--fixed").split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList()
                : List.of();
        for (String f : fixed) {
            if (costs.findCandidate(f).isEmpty()) {
                throw new IllegalArgumentException("option --fixed: '" + f + "' is not a candidate of the matrix");
            }
        }

        SitingProblem problem;
        CoverageMatrix coverage = null;
        switch (kind) {
            case MAXIMAL_COVERING -> {
                coverage = CoverageMatrix.fromCosts(costs, positiveOrZero(o, "--radius"));
                problem =
                        MaximalCoveringProblem.from(coverage, pOption(o, costs)).withFixedSites(fixed);
            }
            case SET_COVERING -> {
                coverage = CoverageMatrix.fromCosts(costs, positiveOrZero(o, "--radius"));
                problem = SetCoveringProblem.from(coverage).withFixedSites(fixed);
            }
            case PARTIAL_COVERING -> {
                coverage = CoverageMatrix.fromCosts(costs, positiveOrZero(o, "--radius"));
                double target = parseDouble(require(o, "--target"), "option --target");
                if (!(target > 0 && target <= 1)) {
                    throw new IllegalArgumentException(
                            "option --target: " + target + " must be a fraction in (0, 1], e.g. 0.95");
                }
                problem = SetCoveringProblem.partial(coverage, target).withFixedSites(fixed);
            }
            case P_MEDIAN -> problem =
                    PMedianProblem.from(costs, pOption(o, costs)).withFixedSites(fixed);
            case P_CENTER -> problem =
                    PCenterProblem.from(costs, pOption(o, costs)).withFixedSites(fixed);
            default -> throw new IllegalStateException("unhandled problem kind " + kind);
        }

        SitingResult result = solver.solve(problem, options);
        ObjectNode json = toJson(result);
        ObjectNode in = json.putObject("input");
        in.put("matrix", matrixPath.toString());
        in.put("rows", input.rows);
        in.put("candidates", costs.candidateCount());
        in.put("demands", costs.demandCount());
        in.put("missingPairs", costs.missingPairCount());
        if (covering) {
            in.put("missingPairsMeaning", "not covered");
            in.put("radius", coverage.radius());
            in.put("coveringPairs", coverage.pairCount());
        }
        if (o.containsKey("--p")) {
            in.put("p", Integer.parseInt(o.get("--p")));
        }
        if (o.containsKey("--target")) {
            in.put("target", Double.parseDouble(o.get("--target")));
        }
        in.put("weights", weightSource);
        if (weightsUnused > 0) {
            in.put("weightsRowsNotInMatrix", weightsUnused);
        }
        in.put("solverRequested", solverName);
        in.put("timeLimitSeconds", options.timeLimitSeconds());
        in.put("workers", options.workers());
        if (kind == ProblemKind.MAXIMAL_COVERING && o.containsKey("--curve")) {
            int n = intOption(o, "--curve", 0);
            double flat = Double.parseDouble(o.getOrDefault("--flatten-percent", "1"));
            CoverageCurve curve = CoverageCurve.greedy((MaximalCoveringProblem) problem, n, flat);
            ArrayNode points = json.putArray("curve");
            for (CoverageCurve.Point pt : curve.points()) {
                ObjectNode p = points.addObject();
                p.put("newSites", pt.newSites());
                p.put("site", pt.site());
                putNumber(p, "coveredWeight", pt.greedyCoveredWeight());
                putNumber(p, "coveredFraction", pt.greedyFraction());
                putNumber(p, "marginalGain", pt.marginalGain());
            }
            if (curve.flattensAfter().isPresent()) {
                json.put("curveFlattensAfter", curve.flattensAfter().getAsInt());
            } else {
                json.putNull("curveFlattensAfter");
            }
        }
        return json;
    }

    static ObjectNode toJson(SitingResult r) {
        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("problem", r.problem().code());
        json.put("status", r.status().name());
        json.put("message", r.message());
        json.put("solver", r.solver());
        ArrayNode chosen = json.putArray("chosen");
        r.chosenSites().forEach(chosen::add);
        ArrayNode fixed = json.putArray("fixed");
        r.fixedSites().forEach(fixed::add);
        putNumber(json, "objective", r.objective());
        putNumber(json, "bestBound", r.bestBound());
        putNumber(json, "gap", r.gap());
        putNumber(json, "coveredWeight", r.coveredWeight());
        putNumber(json, "totalWeight", r.totalWeight());
        putNumber(json, "coveredFraction", r.coveredFraction());
        json.put("coveredDemandCount", r.coveredDemandCount());
        json.put("demandCount", r.demandCount());
        if (r.problem() == ProblemKind.P_MEDIAN) {
            putNumber(json, "meanCost", r.totalWeight() == 0 ? Double.NaN : r.objective() / r.totalWeight());
        }
        json.put("wallTimeMs", r.wallTimeMillis());
        ArrayNode sites = json.putArray("sites");
        for (ChosenSite s : r.siteDetails()) {
            ObjectNode n = sites.addObject();
            n.put("name", s.name());
            putNumber(n, "marginalGain", s.marginalGain());
            n.put("runnerUp", s.runnerUp());
            putNumber(n, "runnerUpObjective", s.runnerUpObjective());
        }
        Reduction red = r.reduction();
        ObjectNode rd = json.putObject("reduction");
        rd.put("candidatesBefore", red.candidatesBefore());
        rd.put("candidatesAfter", red.candidatesAfter());
        rd.put("demandsBefore", red.demandsBefore());
        rd.put("demandsAfter", red.demandsAfter());
        rd.put("demandsMerged", red.demandsMerged());
        rd.put("demandsCoveredByFixedSites", red.demandsCoveredByFixedSites());
        rd.put("demandsUncoverable", red.demandsUncoverable());
        rd.put("candidatesDominated", red.candidatesDominated());
        return json;
    }

    private static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    private static void checkApplies(Map<String, String> o, String option, boolean applies, ProblemKind kind) {
        if (o.containsKey(option) && !applies) {
            throw new IllegalArgumentException("option " + option + " does not apply to --problem " + kind.code());
        }
    }

    private static String require(Map<String, String> o, String option) {
        String v = o.get(option);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("option " + option + " is required\n" + USAGE);
        }
        return v;
    }

    private static int pOption(Map<String, String> o, CostMatrix costs) {
        int p = intOption(o, "--p", -1);
        if (!o.containsKey("--p")) {
            throw new IllegalArgumentException("option --p is required for this problem");
        }
        if (p > costs.candidateCount()) {
            throw new IllegalArgumentException(
                    "option --p: " + p + " is larger than the " + costs.candidateCount() + " candidates in the matrix");
        }
        return p;
    }

    private static int intOption(Map<String, String> o, String option, int fallback) {
        String v = o.get(option);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + option + ": '" + v + "' is not a whole number");
        }
    }

    private static double positiveDouble(Map<String, String> o, String option, double fallback) {
        String v = o.get(option);
        if (v == null) {
            return fallback;
        }
        double d = parseDouble(v, "option " + option);
        if (!(d > 0) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("option " + option + ": " + v + " must be a positive number");
        }
        return d;
    }

    private static double positiveOrZero(Map<String, String> o, String option) {
        String v = require(o, option);
        double d = parseDouble(v, "option " + option);
        if (!(d >= 0) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("option " + option + ": " + v + " must be a finite number >= 0");
        }
        return d;
    }

    private static double parseDouble(String v, String where) {
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": '" + v + "' is not a number");
        }
    }

    // -----------------------------------------------------------------------------------------------------------
    // CSV

    private record MatrixInput(CostMatrix matrix, int rows) {}

    private static CSVParser open(Path path) throws IOException {
        Reader reader;
        try {
            reader = new BufferedReader(new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("file not found: " + path);
        }
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try {
            return CSVParser.builder().setReader(reader).setFormat(format).get();
        } catch (IllegalArgumentException e) {
            reader.close();
            throw new IllegalArgumentException(path + ": header line: " + e.getMessage());
        }
    }

    private static void requireColumn(CSVParser parser, Path path, String column, String option) {
        if (!parser.getHeaderMap().containsKey(column)) {
            throw new IllegalArgumentException(
                    path + ": no column '" + column + "' (" + option + "); the header has " + parser.getHeaderNames());
        }
    }

    private static String field(CSVRecord record, long row, String column, Path path) {
        if (!record.isSet(column)) {
            throw new IllegalArgumentException(
                    path + ": row " + row + " has " + record.size() + " fields, no value for column '" + column + "'");
        }
        return record.get(column);
    }

    private static double number(String text, long row, String column, Path path, String what) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    path + ": row " + row + ", field '" + column + "': '" + text + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(
                    path + ": row " + row + ", field '" + column + "': " + what + " '" + text + "' is not finite");
        }
        if (v < 0) {
            throw new IllegalArgumentException(
                    path + ": row " + row + ", field '" + column + "': " + what + " " + text + " is negative");
        }
        return v;
    }

    private static MatrixInput readMatrix(
            Path path,
            String costCol,
            String candidateCol,
            String demandCol,
            String weightCol,
            boolean complete,
            ProblemKind kind)
            throws IOException {
        CostMatrix.Builder builder = CostMatrix.builder();
        Map<String, Long> seen = new HashMap<>();
        long row = 0;
        try (CSVParser parser = open(path)) {
            requireColumn(parser, path, costCol, "--cost-col");
            requireColumn(parser, path, candidateCol, "--candidate-col");
            requireColumn(parser, path, demandCol, "--demand-col");
            if (weightCol != null) {
                requireColumn(parser, path, weightCol, "--weight-col");
            }
            for (CSVRecord record : parser) {
                row++;
                String candidate = field(record, row, candidateCol, path);
                String demand = field(record, row, demandCol, path);
                if (candidate.isEmpty()) {
                    throw new IllegalArgumentException(
                            path + ": row " + row + ", field '" + candidateCol + "': empty candidate name");
                }
                if (demand.isEmpty()) {
                    throw new IllegalArgumentException(
                            path + ": row " + row + ", field '" + demandCol + "': empty demand point name");
                }
                double cost = number(field(record, row, costCol, path), row, costCol, path, "cost");
                Long first = seen.putIfAbsent(candidate + '\u0000' + demand, row);
                if (first != null) {
                    throw new IllegalArgumentException(path + ": row " + row + ": candidate '" + candidate
                            + "' and demand '" + demand + "' repeat row " + first);
                }
                builder.add(candidate, demand, cost);
                if (weightCol != null) {
                    double w = number(field(record, row, weightCol, path), row, weightCol, path, "weight");
                    try {
                        builder.weight(demand, w);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(
                                path + ": row " + row + ", field '" + weightCol + "': " + e.getMessage());
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(path + ": unreadable CSV after row " + row + ": "
                    + e.getCause().getMessage());
        }
        if (row == 0) {
            throw new IllegalArgumentException(path + ": no data rows");
        }
        try {
            return new MatrixInput(builder.build(!complete), (int) row);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + kind.code() + " needs a cost for every candidate-demand"
                    + " pair (missing pairs mean 'not covered' only for covering problems): " + e.getMessage());
        }
    }

    private static Map<String, Double> readWeights(Path path, String idCol, String weightCol) throws IOException {
        Map<String, Double> weights = new LinkedHashMap<>();
        Map<String, Long> rowOf = new HashMap<>();
        long row = 0;
        try (CSVParser parser = open(path)) {
            requireColumn(parser, path, idCol, "--weights-id-col");
            requireColumn(parser, path, weightCol, "--weights-col");
            for (CSVRecord record : parser) {
                row++;
                String id = field(record, row, idCol, path);
                if (id.isEmpty()) {
                    throw new IllegalArgumentException(path + ": row " + row + ", field '" + idCol + "': empty id");
                }
                double w = number(field(record, row, weightCol, path), row, weightCol, path, "weight");
                Long first = rowOf.putIfAbsent(id, row);
                if (first != null) {
                    throw new IllegalArgumentException(
                            path + ": row " + row + ", field '" + idCol + "': id '" + id + "' repeats row " + first);
                }
                weights.put(id, w);
            }
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(path + ": unreadable CSV after row " + row + ": "
                    + e.getCause().getMessage());
        }
        return weights;
    }
}
