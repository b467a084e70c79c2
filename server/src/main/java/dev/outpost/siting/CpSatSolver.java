package dev.outpost.siting;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.DoubleUnaryOperator;

/**
 * Exact models solved by OR-Tools CP-SAT, warm-started from {@link GreedySwapSolver}'s answer (as hints).
 *
 * <p>Formulations (x_j = 1 when site j is open, fixed sites forced to 1 and not counted among the new sites):
 *
 * <ul>
 *   <li>maximal covering: y_i ≤ Σ_{j covers i} x_j, Σ_new x_j ≤ p, maximise Σ w_i y_i (Church and ReVelle);
 *   <li>set covering: Σ_{j covers i} x_j ≥ 1 for every row; partial: Σ w_i y_i ≥ target; minimise Σ_new x_j;
 *   <li>capacities (covering only): integer served amounts u_ij ∈ [0, w_i] on covering pairs, Σ_j u_ij ≤ w_i
 *       (= w_i for full set covering), u_ij ≤ w_i x_j, Σ_i u_ij ≤ C_j x_j; the objective or target uses Σ u_ij;
 *   <li>site costs: Σ_new c_j x_j ≤ budget; groups: min ≤ Σ_{new j in group} x_j ≤ max; conflicts: x_a + x_b ≤ 1;
 *   <li>p-median: assignment z_ij for finite pairs, Σ_j z_ij = 1, z_ij ⇒ x_j, Σ_new x_j = p, minimise
 *       Σ w_i d_ij z_ij (demand of weight 0 left out);
 *   <li>p-center: the same assignment and Σ_j r_ij z_ij ≤ W for every demand point, minimise W, where r_ij is the rank
 *       of d_ij among the distinct costs: exact, no rounding.
 * </ul>
 *
 * <p>Integer scaling: weights, weight × cost, site costs and capacities are multiplied by a power of ten (see
 * {@link IntegerScaling}) and rounded. When rounding was needed the reported bound is widened by the total rounding
 * error, and {@link SolveStatus#OPTIMAL} is stated only if that error is within 1e-9 of the objective; rounding of site
 * costs (up) and budget (down) keeps every answer within budget but could miss a borderline solution, so then at most
 * {@link SolveStatus#FEASIBLE} is stated. The objective is always recomputed in {@code double} from the chosen sites.
 *
 * <p>Status: {@link SolveStatus#OPTIMAL} only when CP-SAT proves it; on the time limit the best solution (CP-SAT's or
 * the warm start) is {@link SolveStatus#FEASIBLE} with CP-SAT's bound (or the heuristic's, whichever is tighter).
 * Stateless and thread-safe; the native library is loaded once.
 */
public final class CpSatSolver implements SitingSolver {
    public static final String NAME = "cp-sat";

    /** Above this many assignment variables p-median and p-center are left to the heuristic. */
    static final long MAX_ASSIGNMENT_VARIABLES = 4_000_000L;

    private static volatile boolean loaded;

    /** Loads the OR-Tools native library; throws {@link IllegalStateException} when it cannot. */
    public static void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (CpSatSolver.class) {
            if (!loaded) {
                try {
                    Loader.loadNativeLibraries();
                } catch (RuntimeException | LinkageError e) {
                    throw new IllegalStateException("OR-Tools native library could not be loaded: " + e, e);
                }
                loaded = true;
            }
        }
    }

    /** Whether the native library loads on this machine. */
    public static boolean isAvailable() {
        try {
            ensureLoaded();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SitingResult solve(SitingProblem problem, SolveOptions options) {
        ensureLoaded();
        Deadline deadline = Deadline.in(options.timeLimitSeconds(), options.control());
        return switch (problem.kind()) {
            case MAXIMAL_COVERING, SET_COVERING, PARTIAL_COVERING -> solveCovering(problem, options, deadline);
            case P_MEDIAN, P_CENTER -> solveAssign(problem, options, deadline);
        };
    }

    // ---------------------------------------------------------------------------------------------------------------
    // covering

    private SitingResult solveCovering(SitingProblem problem, SolveOptions options, Deadline deadline) {
        CoveringSupport.Covering c = CoveringSupport.Covering.of(problem);
        Optional<String> infeasible = CoveringSupport.obviousInfeasibility(c);
        if (infeasible.isPresent()) {
            return CoveringSupport.result(
                    c,
                    SolveStatus.INFEASIBLE,
                    infeasible.get(),
                    NAME,
                    new int[0],
                    Double.NaN,
                    deadline.elapsedMillis(),
                    Reduction.none(c.matrix().candidateCount(), c.matrix().demandCount()),
                    List.of());
        }
        CoverModel model = options.reduce()
                ? CoverModel.reduce(c.matrix(), c.rules())
                : CoverModel.identity(c.matrix(), c.rules());
        GreedySwapSolver.Outcome warm = GreedySwapSolver.runCovering(
                c,
                model,
                Deadline.in(
                        Math.min(deadline.remainingSeconds(), 0.1 * options.timeLimitSeconds()), options.control()));
        int[] warmSites = warm.complete() ? warm.modelSites() : null;
        if (warmSites != null && provenByHeuristic(c, model, warm)) {
            return CoveringSupport.result(
                    c,
                    SolveStatus.OPTIMAL,
                    "the heuristic's bound already proves optimality; CP-SAT was not needed",
                    GreedySwapSolver.NAME,
                    CoveringSupport.toOriginal(model, warmSites),
                    warm.bound(),
                    deadline.elapsedMillis(),
                    model.reduction,
                    List.of());
        }

        boolean maximise = c.maximise();
        boolean full = c.full();
        // the warm start is the first incumbent the watcher hears of
        double warmObjective = Double.NaN;
        if (warmSites != null) {
            int[] original = CoveringSupport.toOriginal(model, warmSites);
            boolean[] open = new boolean[c.matrix().candidateCount()];
            for (int j = 0; j < open.length; j++) {
                open[j] = c.rules().fixed[j];
            }
            for (int j : original) {
                open[j] = true;
            }
            warmObjective = maximise ? CoveringSupport.evaluate(c.matrix(), c.rules(), open)[0] : original.length;
        }
        ProgressPoint warmPoint = new ProgressPoint(deadline.elapsedMillis(), warmObjective, warm.bound());
        options.control().report(warmPoint);
        boolean cap = model.rules.hasCapacities();
        boolean exact = true;
        List<String> notes = new ArrayList<>();

        double[] ws = IntegerScaling.choose(model.weight, Math.max(1, model.rowWeight()));
        double wScale = ws[0];
        long[] w = new long[model.m];
        double slack = 0;
        for (int i = 0; i < model.m; i++) {
            w[i] = Math.round(model.weight[i] * wScale);
            slack += Math.abs(model.weight[i] - w[i] / wScale);
        }
        if (slack > 0 && (maximise || !full || cap)) {
            notes.add(String.format(Locale.ROOT, "weights scaled by %.0e and rounded", wScale));
        }

        CpModel cp = new CpModel();
        BoolVar[] x = new BoolVar[model.n];
        LinearExprBuilder newSites = LinearExpr.newBuilder();
        for (int j = 0; j < model.n; j++) {
            x[j] = cp.newBoolVar("x" + j);
            if (model.rules.fixed[j]) {
                cp.addEquality(x[j], 1);
            } else {
                newSites.add(x[j]);
            }
        }
        if (maximise) {
            cp.addLessOrEqual(newSites, c.p());
        }
        exact &= addRules(cp, model, x, notes);

        LinearExprBuilder coveredExpr = LinearExpr.newBuilder();
        BoolVar[] y = null;
        if (cap) {
            long[] capScaled = new long[model.n];
            long wSum = Arrays.stream(w).sum();
            for (int j = 0; j < model.n; j++) {
                double cj = model.rules.capacities[j] * wScale;
                capScaled[j] = cj >= wSum ? wSum : (long) Math.floor(cj + 1e-9 * Math.max(1, cj));
                if (cj < wSum && Math.abs(cj - Math.rint(cj)) > 1e-9 * Math.max(1, cj)) {
                    exact = false;
                }
            }
            LinearExprBuilder[] atSite = new LinearExprBuilder[model.n];
            for (int j = 0; j < model.n; j++) {
                atSite[j] = LinearExpr.newBuilder();
            }
            for (int i = 0; i < model.m; i++) {
                LinearExprBuilder atRow = LinearExpr.newBuilder();
                for (int j : model.coveredBy[i]) {
                    IntVar u = cp.newIntVar(0, w[i], "u" + i + "_" + j);
                    cp.addLessOrEqual(LinearExpr.newBuilder().add(u).addTerm(x[j], -w[i]), 0);
                    atRow.add(u);
                    atSite[j].add(u);
                    coveredExpr.add(u);
                }
                if (full) {
                    cp.addEquality(atRow, w[i]);
                } else {
                    cp.addLessOrEqual(atRow, w[i]);
                }
            }
            for (int j = 0; j < model.n; j++) {
                cp.addLessOrEqual(atSite[j].addTerm(x[j], -capScaled[j]), 0);
            }
        } else if (full) {
            for (int i = 0; i < model.m; i++) {
                LinearExprBuilder sum = LinearExpr.newBuilder();
                for (int j : model.coveredBy[i]) {
                    sum.add(x[j]);
                }
                cp.addGreaterOrEqual(sum, 1);
            }
        } else {
            y = new BoolVar[model.m];
            for (int i = 0; i < model.m; i++) {
                y[i] = cp.newBoolVar("y" + i);
                LinearExprBuilder sum = LinearExpr.newBuilder();
                for (int j : model.coveredBy[i]) {
                    sum.add(x[j]);
                }
                cp.addGreaterOrEqual(sum.addTerm(y[i], -1), 0);
                coveredExpr.addTerm(y[i], w[i]);
            }
        }
        double constant = model.constantWeight;
        if (!maximise && !full) {
            double targetModel = Math.max(0, c.targetWeight() - constant);
            long targetScaled = (long) Math.ceil((targetModel + slack) * wScale - 1e-9 * Math.max(1, targetModel));
            if (slack > 0) {
                exact = false;
            }
            cp.addGreaterOrEqual(coveredExpr, targetScaled);
        }
        if (maximise) {
            cp.maximize(coveredExpr);
        } else {
            cp.minimize(newSites);
        }
        if (warmSites != null && options.warmStart()) {
            boolean[] on = new boolean[model.n];
            for (int j : warmSites) {
                on[j] = true;
            }
            for (int j = 0; j < model.n; j++) {
                cp.addHint(x[j], on[j] || model.rules.fixed[j]);
            }
            if (y != null) {
                for (int i = 0; i < model.m; i++) {
                    boolean covered = false;
                    for (int j : model.coveredBy[i]) {
                        covered |= on[j] || model.rules.fixed[j];
                    }
                    cp.addHint(y[i], covered);
                }
            }
        }

        final double boundSlack = slack;
        DoubleUnaryOperator toObjective = maximise ? v -> v / wScale + constant : v -> v;
        DoubleUnaryOperator toBound = maximise ? v -> v / wScale + boundSlack + constant : v -> Math.ceil(v - 1e-9);
        Run run = runCpSat(cp, maximise, options, deadline, toObjective, toBound, warmPoint);

        int[] solution = null;
        if (run.status == CpSolverStatus.OPTIMAL || run.status == CpSolverStatus.FEASIBLE) {
            List<Integer> open = new ArrayList<>();
            for (int j = 0; j < model.n; j++) {
                if (!model.rules.fixed[j] && run.solver.booleanValue(x[j])) {
                    open.add(j);
                }
            }
            solution = open.stream().mapToInt(Integer::intValue).toArray();
        }
        double bound = run.bound;
        if (!Double.isNaN(warm.bound())) {
            bound = Double.isNaN(bound)
                    ? warm.bound()
                    : (maximise ? Math.min(bound, warm.bound()) : Math.max(bound, warm.bound()));
        }
        String stats = String.format(
                        Locale.ROOT,
                        "CP-SAT %s in %.1f s (%d workers, linearization %d)",
                        run.status,
                        run.seconds,
                        options.workers(),
                        options.linearizationLevel())
                + (options.control().isCancelled() ? "; stopped on request" : "");
        if (run.status == CpSolverStatus.INFEASIBLE) {
            return CoveringSupport.result(
                    c,
                    SolveStatus.INFEASIBLE,
                    "CP-SAT proved that no choice of sites meets the constraints (" + constraintList(model) + ")",
                    NAME,
                    new int[0],
                    Double.NaN,
                    deadline.elapsedMillis(),
                    model.reduction,
                    run.progress);
        }
        if (run.status == CpSolverStatus.MODEL_INVALID) {
            throw new IllegalStateException("CP-SAT rejected the covering model: " + run.solver.getSolutionInfo());
        }
        // prefer the better of CP-SAT's and the warm start's answers
        int[] chosen = solution;
        String source = "";
        if (warmSites != null && (chosen == null || better(c, model, warmSites, chosen))) {
            chosen = warmSites;
            source = "; the warm start was kept (CP-SAT found nothing better)";
        }
        if (chosen == null) {
            SolveStatus s = deadline.passed() ? SolveStatus.TIME_LIMIT : SolveStatus.UNKNOWN;
            return CoveringSupport.result(
                    c,
                    s,
                    stats + "; no feasible solution found",
                    NAME,
                    new int[0],
                    bound,
                    deadline.elapsedMillis(),
                    model.reduction,
                    run.progress);
        }
        int[] original = CoveringSupport.toOriginal(model, chosen);
        Optional<String> broken = CoveringSupport.brokenRule(c, original);
        if (broken.isPresent()) {
            throw new IllegalStateException("the exact answer breaks a rule: " + broken.get());
        }
        SolveStatus status = SolveStatus.FEASIBLE;
        String precision = notes.isEmpty() ? "" : "; " + String.join("; ", notes);
        if (run.status == CpSolverStatus.OPTIMAL && source.isEmpty()) {
            double objective = maximise
                    ? CoveringSupport.evaluate(c.matrix(), c.rules(), openOf(c, original))[0]
                    : original.length;
            boolean precise = boundSlack <= 1e-9 * Math.max(1, Math.abs(objective));
            if (exact && precise) {
                status = SolveStatus.OPTIMAL;
                bound = objective;
            } else {
                precision += "; optimal for the rounded model only";
            }
        }
        return CoveringSupport.result(
                c,
                status,
                stats + precision + source,
                NAME,
                original,
                bound,
                deadline.elapsedMillis(),
                model.reduction,
                run.progress);
    }

    private static boolean provenByHeuristic(
            CoveringSupport.Covering c, CoverModel model, GreedySwapSolver.Outcome warm) {
        if (Double.isNaN(warm.bound())) {
            return false;
        }
        int[] original = CoveringSupport.toOriginal(model, warm.modelSites());
        double objective = c.maximise()
                ? CoveringSupport.evaluate(c.matrix(), c.rules(), openOf(c, original))[0]
                : original.length;
        return CoveringSupport.closeEnough(objective, warm.bound());
    }

    private static boolean better(CoveringSupport.Covering c, CoverModel model, int[] a, int[] b) {
        if (!c.maximise()) {
            return a.length < b.length;
        }
        double va = CoveringSupport.evaluate(c.matrix(), c.rules(), openOf(c, CoveringSupport.toOriginal(model, a)))[0];
        double vb = CoveringSupport.evaluate(c.matrix(), c.rules(), openOf(c, CoveringSupport.toOriginal(model, b)))[0];
        return va > vb;
    }

    private static boolean[] openOf(CoveringSupport.Covering c, int[] original) {
        boolean[] open = c.rules().fixed.clone();
        for (int j : original) {
            open[j] = true;
        }
        return open;
    }

    private static String constraintList(CoverModel model) {
        List<String> parts = new ArrayList<>();
        if (model.rules.hasBudget()) {
            parts.add("budget");
        }
        if (model.rules.hasGroups()) {
            parts.add("group limits");
        }
        if (model.rules.hasConflicts()) {
            parts.add("spacing");
        }
        if (model.rules.hasCapacities()) {
            parts.add("capacities");
        }
        return parts.isEmpty() ? "coverage" : String.join(", ", parts);
    }

    /** Adds budget, groups and conflicts; returns false when rounding of costs made the model inexact. */
    private static boolean addRules(CpModel cp, CoverModel model, BoolVar[] x, List<String> notes) {
        SiteRules r = model.rules;
        boolean exact = true;
        if (r.hasBudget()) {
            double[] values = new double[model.n + 1];
            double sum = r.budget;
            for (int j = 0; j < model.n; j++) {
                values[j] = r.cost(j);
                sum += values[j];
            }
            values[model.n] = r.budget;
            double[] cs = IntegerScaling.choose(values, Math.max(1, sum));
            double s = cs[0];
            exact = cs[1] == 1;
            LinearExprBuilder spent = LinearExpr.newBuilder();
            for (int j = 0; j < model.n; j++) {
                if (!r.fixed[j]) {
                    long cost = exact ? Math.round(r.cost(j) * s) : (long) Math.ceil(r.cost(j) * s - 1e-9);
                    spent.addTerm(x[j], cost);
                }
            }
            long budget = exact ? Math.round(r.budget * s) : (long) Math.floor(r.budget * s + 1e-9);
            cp.addLessOrEqual(spent, budget);
            if (!exact) {
                notes.add("site costs rounded up and budget down");
            }
        }
        for (SiteRules.Group g : r.groups) {
            LinearExprBuilder inGroup = LinearExpr.newBuilder();
            for (int j : g.members()) {
                if (!r.fixed[j]) {
                    inGroup.add(x[j]);
                }
            }
            cp.addLinearConstraint(inGroup, g.minNew(), g.maxNew());
        }
        for (int a = 0; a < model.n; a++) {
            for (int b : r.conflicts[a]) {
                if (a < b && !r.fixed[a] && !r.fixed[b]) {
                    cp.addLessOrEqual(LinearExpr.newBuilder().add(x[a]).add(x[b]), 1);
                }
            }
        }
        return exact;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // p-median and p-center

    private SitingResult solveAssign(SitingProblem problem, SolveOptions options, Deadline deadline) {
        MedianCenterSupport.Assign a = MedianCenterSupport.Assign.of(problem);
        Optional<String> infeasible = MedianCenterSupport.obviousInfeasibility(a);
        if (infeasible.isPresent()) {
            return MedianCenterSupport.result(
                    a,
                    SolveStatus.INFEASIBLE,
                    infeasible.get(),
                    NAME,
                    null,
                    Double.NaN,
                    deadline.elapsedMillis(),
                    List.of());
        }
        CostMatrix m = a.matrix();
        int n = m.candidateCount();
        int dem = m.demandCount();
        Deadline warmDeadline =
                Deadline.in(Math.min(deadline.remainingSeconds(), 0.1 * options.timeLimitSeconds()), options.control());
        boolean[] warm = a.center()
                ? MedianCenterSupport.pCenterHeuristic(a, warmDeadline)
                : MedianCenterSupport.pMedianHeuristic(a, warmDeadline);
        double trivial = MedianCenterSupport.trivialBound(a);
        double warmObjective = warm == null ? Double.NaN : MedianCenterSupport.evaluate(a, warm)[0];
        if (warmObjective == Double.POSITIVE_INFINITY) {
            warmObjective = Double.NaN;
        }
        ProgressPoint warmPoint = new ProgressPoint(deadline.elapsedMillis(), warmObjective, trivial);
        options.control().report(warmPoint);
        long pairs = 0;
        for (int i = 0; i < dem; i++) {
            if (a.counts(i)) {
                for (int j = 0; j < n; j++) {
                    if (m.cost(j, i) != Double.POSITIVE_INFINITY) {
                        pairs++;
                    }
                }
            }
        }
        if (pairs > MAX_ASSIGNMENT_VARIABLES) {
            return MedianCenterSupport.result(
                    a,
                    SolveStatus.FEASIBLE,
                    "the exact model would need " + pairs + " assignment variables (limit " + MAX_ASSIGNMENT_VARIABLES
                            + "); heuristic answer",
                    GreedySwapSolver.NAME,
                    warm,
                    trivial,
                    deadline.elapsedMillis(),
                    List.of());
        }

        CpModel cp = new CpModel();
        BoolVar[] x = new BoolVar[n];
        LinearExprBuilder newSites = LinearExpr.newBuilder();
        for (int j = 0; j < n; j++) {
            x[j] = cp.newBoolVar("x" + j);
            if (a.fixed()[j]) {
                cp.addEquality(x[j], 1);
            } else {
                newSites.add(x[j]);
            }
        }
        cp.addEquality(newSites, a.p());

        // objective coefficients
        double[] distinct = null;
        double scale = 1;
        double slack = 0;
        if (a.center()) {
            TreeSet<Double> values = new TreeSet<>();
            for (int i = 0; i < dem; i++) {
                for (int j = 0; j < n; j++) {
                    double d = m.cost(j, i);
                    if (d != Double.POSITIVE_INFINITY) {
                        values.add(d);
                    }
                }
            }
            distinct = values.stream().mapToDouble(Double::doubleValue).toArray();
        } else {
            List<Double> all = new ArrayList<>();
            double largest = 0;
            for (int i = 0; i < dem; i++) {
                if (!a.counts(i)) {
                    continue;
                }
                double worst = 0;
                for (int j = 0; j < n; j++) {
                    double d = m.cost(j, i);
                    if (d != Double.POSITIVE_INFINITY) {
                        all.add(m.weight(i) * d);
                        worst = Math.max(worst, m.weight(i) * d);
                    }
                }
                largest += worst;
            }
            double[] values = all.stream().mapToDouble(Double::doubleValue).toArray();
            scale = IntegerScaling.choose(values, Math.max(1, largest))[0];
        }
        IntVar radius = a.center() ? cp.newIntVar(0, distinct.length - 1, "W") : null;
        LinearExprBuilder objective = LinearExpr.newBuilder();
        List<BoolVar[]> zs = new ArrayList<>();
        List<int[]> zSites = new ArrayList<>();
        for (int i = 0; i < dem; i++) {
            if (!a.counts(i)) {
                zs.add(null);
                zSites.add(null);
                continue;
            }
            List<BoolVar> zi = new ArrayList<>();
            List<Integer> sites = new ArrayList<>();
            LinearExprBuilder assigned = LinearExpr.newBuilder();
            LinearExprBuilder rankOf = LinearExpr.newBuilder();
            double worstError = 0;
            for (int j = 0; j < n; j++) {
                double d = m.cost(j, i);
                if (d == Double.POSITIVE_INFINITY) {
                    continue;
                }
                BoolVar z = cp.newBoolVar("z" + i + "_" + j);
                cp.addImplication(z, x[j]);
                assigned.add(z);
                if (a.center()) {
                    rankOf.addTerm(z, Arrays.binarySearch(distinct, d));
                } else {
                    double exactCost = m.weight(i) * d * scale;
                    long coefficient = Math.round(exactCost);
                    worstError = Math.max(worstError, Math.abs(exactCost - coefficient) / scale);
                    objective.addTerm(z, coefficient);
                }
                zi.add(z);
                sites.add(j);
            }
            slack += worstError;
            cp.addEquality(assigned, 1);
            if (a.center()) {
                cp.addLessOrEqual(rankOf.addTerm(radius, -1), 0);
            }
            zs.add(zi.toArray(new BoolVar[0]));
            zSites.add(sites.stream().mapToInt(Integer::intValue).toArray());
        }
        if (a.center()) {
            cp.minimize(radius);
        } else {
            cp.minimize(objective);
        }
        if (options.warmStart()) {
            for (int j = 0; j < n; j++) {
                cp.addHint(x[j], warm[j]);
            }
            int worstRank = 0;
            for (int i = 0; i < dem; i++) {
                if (zs.get(i) == null) {
                    continue;
                }
                int[] sites = zSites.get(i);
                int best = -1;
                for (int k = 0; k < sites.length; k++) {
                    if (warm[sites[k]] && (best < 0 || m.cost(sites[k], i) < m.cost(sites[best], i))) {
                        best = k;
                    }
                }
                for (int k = 0; k < sites.length; k++) {
                    cp.addHint(zs.get(i)[k], k == best);
                }
                if (a.center() && best >= 0) {
                    worstRank = Math.max(worstRank, Arrays.binarySearch(distinct, m.cost(sites[best], i)));
                }
            }
            if (a.center()) {
                cp.addHint(radius, worstRank);
            }
        }

        final double[] ranks = distinct;
        final double s = scale;
        final double boundSlack = slack;
        DoubleUnaryOperator toObjective = a.center() ? v -> rankValue(ranks, Math.round(v)) : v -> v / s;
        DoubleUnaryOperator toBound =
                a.center() ? v -> rankValue(ranks, (long) Math.ceil(v - 1e-9)) : v -> v / s - boundSlack;
        Run run = runCpSat(cp, false, options, deadline, toObjective, toBound, warmPoint);
        if (run.status == CpSolverStatus.MODEL_INVALID) {
            throw new IllegalStateException("CP-SAT rejected the assignment model: " + run.solver.getSolutionInfo());
        }
        String stats = String.format(
                        Locale.ROOT,
                        "CP-SAT %s in %.1f s (%d workers, linearization %d)",
                        run.status,
                        run.seconds,
                        options.workers(),
                        options.linearizationLevel())
                + (options.control().isCancelled() ? "; stopped on request" : "");
        if (run.status == CpSolverStatus.INFEASIBLE) {
            return MedianCenterSupport.result(
                    a,
                    SolveStatus.INFEASIBLE,
                    "CP-SAT proved that no " + a.p() + " new sites reach every demand point",
                    NAME,
                    null,
                    Double.NaN,
                    deadline.elapsedMillis(),
                    run.progress);
        }
        boolean[] open = null;
        if (run.status == CpSolverStatus.OPTIMAL || run.status == CpSolverStatus.FEASIBLE) {
            open = new boolean[n];
            for (int j = 0; j < n; j++) {
                open[j] = run.solver.booleanValue(x[j]);
            }
        }
        double bound = Double.isNaN(run.bound) ? trivial : Math.max(run.bound, trivial);
        String source = "";
        double warmValue = MedianCenterSupport.evaluate(a, warm)[0];
        if (open == null || warmValue < MedianCenterSupport.evaluate(a, open)[0]) {
            if (warmValue != Double.POSITIVE_INFINITY) {
                open = warm;
                source = "; the warm start was kept (CP-SAT found nothing better)";
            }
        }
        if (open == null) {
            SolveStatus st = deadline.passed() ? SolveStatus.TIME_LIMIT : SolveStatus.UNKNOWN;
            return MedianCenterSupport.result(
                    a,
                    st,
                    stats + "; no feasible solution found",
                    NAME,
                    null,
                    bound,
                    deadline.elapsedMillis(),
                    run.progress);
        }
        SolveStatus status = SolveStatus.FEASIBLE;
        String precision = a.center() || boundSlack == 0
                ? ""
                : String.format(Locale.ROOT, "; weighted costs scaled by %.0e and rounded", scale);
        if (run.status == CpSolverStatus.OPTIMAL && source.isEmpty()) {
            double value = MedianCenterSupport.evaluate(a, open)[0];
            if (boundSlack <= 1e-9 * Math.max(1, Math.abs(value))) {
                status = SolveStatus.OPTIMAL;
                bound = value;
            } else {
                precision += "; optimal for the rounded model only";
            }
        }
        return MedianCenterSupport.result(
                a, status, stats + precision + source, NAME, open, bound, deadline.elapsedMillis(), run.progress);
    }

    private static double rankValue(double[] ranks, long rank) {
        return ranks[(int) Math.max(0, Math.min(ranks.length - 1, rank))];
    }

    // ---------------------------------------------------------------------------------------------------------------
    // running CP-SAT

    private static final class Run {
        CpSolver solver;
        CpSolverStatus status;
        double bound = Double.NaN;
        double seconds;
        List<ProgressPoint> progress;
    }

    /** The bound in "next:[lo,hi]" of a CP-SAT log line: hi when maximising, lo when minimising; NaN if absent. */
    static double parseNext(String line, boolean maximise) {
        int at = line.indexOf("next:[");
        int comma = line.indexOf(',', at);
        int close = line.indexOf(']', at);
        if (at < 0 || comma < 0 || close < comma) {
            return Double.NaN;
        }
        try {
            String part = maximise ? line.substring(comma + 1, close) : line.substring(at + 6, comma);
            return Double.parseDouble(part.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The better of two objective values (NaN: unknown). */
    static double better(boolean maximise, double current, double next) {
        if (Double.isNaN(current)) {
            return next;
        }
        if (Double.isNaN(next)) {
            return current;
        }
        return maximise ? Math.max(current, next) : Math.min(current, next);
    }

    /** The tighter of two bounds (NaN: unknown). */
    static double tighter(boolean maximise, double current, double next) {
        if (Double.isNaN(current)) {
            return next;
        }
        if (Double.isNaN(next)) {
            return current;
        }
        return maximise ? Math.min(current, next) : Math.max(current, next);
    }

    private static Run runCpSat(
            CpModel cp,
            boolean maximise,
            SolveOptions options,
            Deadline deadline,
            DoubleUnaryOperator toObjective,
            DoubleUnaryOperator toBound,
            ProgressPoint start) {
        CpSolver solver = new CpSolver();
        solver.getParameters()
                .setMaxTimeInSeconds(Math.max(0.05, deadline.remainingSeconds()))
                .setNumWorkers(options.workers())
                .setLinearizationLevel(options.linearizationLevel())
                .setRelativeGapLimit(options.relativeGapLimit())
                .setRandomSeed(options.randomSeed())
                .setLogToStdout(false);
        // the points heard so far (the warm start's, already reported, first), and the best objective and the
        // tightest bound known so far
        List<ProgressPoint> progress = Collections.synchronizedList(new ArrayList<>(List.of(start)));
        double[] last = {start.objective(), start.bound()};
        // Bound progress is read from CP-SAT's search log ("#Bound 1.23s best:X next:[lo,hi]"): the Java
        // best-bound callback of OR-Tools 9.15 crashes the JVM here (SIGSEGV in SolveWrapper_solve). The callback
        // object must be a class with accept(String): the native side looks the method up by that signature.
        solver.getParameters().setLogSearchProgress(true);
        solver.setLogCallback(new Consumer<String>() {
            @Override
            public void accept(String line) {
                if (options.logSearch()) {
                    System.err.println(line);
                }
                if (line.startsWith("#Bound")) {
                    double b = parseNext(line, maximise);
                    if (!Double.isNaN(b)) {
                        synchronized (last) {
                            last[1] = tighter(maximise, last[1], toBound.applyAsDouble(b));
                            ProgressPoint point = new ProgressPoint(deadline.elapsedMillis(), last[0], last[1]);
                            progress.add(point);
                            options.control().report(point);
                        }
                    }
                }
            }
        });
        CpSolverSolutionCallback callback = new CpSolverSolutionCallback() {
            @Override
            public void onSolutionCallback() {
                synchronized (last) {
                    last[0] = better(maximise, last[0], toObjective.applyAsDouble(objectiveValue()));
                    last[1] = tighter(maximise, last[1], toBound.applyAsDouble(bestObjectiveBound()));
                    ProgressPoint point = new ProgressPoint(deadline.elapsedMillis(), last[0], last[1]);
                    progress.add(point);
                    options.control().report(point);
                }
            }
        };
        Run run = new Run();
        run.solver = solver;
        // a cancel from another thread stops the native search (OR-Tools' documented use of stopSearch)
        try (SolveControl.Registration r = options.control().onCancel(solver::stopSearch)) {
            run.status = solver.solve(cp, callback);
        }
        run.seconds = solver.wallTime();
        if (run.status == CpSolverStatus.OPTIMAL || run.status == CpSolverStatus.FEASIBLE) {
            run.bound = toBound.applyAsDouble(solver.bestObjectiveBound());
        }
        synchronized (last) {
            run.progress = List.copyOf(progress);
        }
        return run;
    }
}
