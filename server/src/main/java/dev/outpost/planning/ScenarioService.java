package dev.outpost.planning;

import dev.outpost.common.ConflictException;
import dev.outpost.common.NotFoundException;
import dev.outpost.common.ValidationException;
import dev.outpost.coverage.AreaIndex;
import dev.outpost.coverage.ServingRules;
import dev.outpost.demand.DemandLayer;
import dev.outpost.district.AreaLevel;
import dev.outpost.district.District;
import dev.outpost.district.DistrictRepository;
import dev.outpost.geo.LatLon;
import dev.outpost.network.TravelMode;
import dev.outpost.siting.AutoSolver;
import dev.outpost.siting.ChosenSite;
import dev.outpost.siting.CostMatrix;
import dev.outpost.siting.CoverageCurve;
import dev.outpost.siting.CoverageMatrix;
import dev.outpost.siting.CpSatSolver;
import dev.outpost.siting.GreedySwapSolver;
import dev.outpost.siting.GroupLimit;
import dev.outpost.siting.MaximalCoveringProblem;
import dev.outpost.siting.PCenterProblem;
import dev.outpost.siting.PMedianProblem;
import dev.outpost.siting.ProblemKind;
import dev.outpost.siting.SetCoveringProblem;
import dev.outpost.siting.SitingProblem;
import dev.outpost.siting.SitingResult;
import dev.outpost.siting.SitingSolver;
import dev.outpost.siting.SolveControl;
import dev.outpost.siting.SolveOptions;
import dev.outpost.station.Station;
import dev.outpost.station.StationQuery;
import dev.outpost.station.StationRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application service of planning scenarios: turns a planner's {@link ScenarioRequest} into a siting problem over
 * the region's candidates with the existing serving stations fixed, solves it, stores the scenario with its figures,
 * and applies what-if edits incrementally.
 *
 * <p>Problems, on the coverage matrix of candidates and stations within T minutes (direction to the site):
 *
 * <ul>
 *   <li>{@code mclp}: {@link MaximalCoveringProblem} with at most p new sites;
 *   <li>{@code partial}: {@link SetCoveringProblem#partial} (target 1: {@link SetCoveringProblem#from}), and
 *       {@code lscp} the same with every cell; a target cannot count demand no candidate or station reaches;
 *   <li>{@code pmedian} / {@code pcenter}: {@link PMedianProblem} / {@link PCenterProblem} on a dense travel-time
 *       matrix (seconds) of stations and candidates to the demand cells, from the reach matrices within
 *       {@code searchMinutes}: a pair beyond that limit is missing (+∞) and may not be used; cells off the network are
 *       left out (no site can reach them; the figures count them as uncovered), p-median also leaves out cells of
 *       weight 0; every other cell must reach some station or candidate within the limit, or the request is refused
 *       naming how many do not. The dense matrix is limited to {@link #MAX_DENSE_PAIRS} entries.
 * </ul>
 *
 * <p>Constraints (covering problems): site costs in 万元 and a budget (candidates of unknown cost take the default
 * cost, or the request is refused), minimum and maximum new sites per district ({@link GroupLimit}), minimum spacing
 * between new sites (great-circle metres), and capacity (seats × demand per seat; stations and candidates of unknown
 * seats take the default). Allowed kinds and districts filter the candidates.
 *
 * <p>Answers state the solver's objective, bound, gap, status and time; nothing is optimal without a proof. A request
 * with no feasible answer (an unreachable target, a budget or district minimum that cannot be met) is refused with
 * the solver's reason and stores nothing.
 *
 * <p>Thread-safe: edits of one scenario are serialised; solves run in parallel.
 */
public final class ScenarioService {
    private static final Logger LOG = LoggerFactory.getLogger(ScenarioService.class);

    /** Largest dense travel-time matrix (stations + candidates) × cells for p-median and p-center. */
    public static final long MAX_DENSE_PAIRS = 5_000_000L;
    /** Most candidates one scenario may consider. */
    public static final int MAX_CANDIDATES = 50_000;
    /** The curve counts a site as flat when it adds less than this share (%) of all demand. */
    public static final double FLATTEN_PERCENT = 0.5;

    private final CandidateService candidates;
    private final CoverageMatrixService matrices;
    private final StationRepository stations;
    private final DistrictRepository districts;
    private final ScenarioRepository repository;
    private final ServingRules rules;
    private final Clock clock;
    private final int maxWorkspaces;
    private final Map<String, CoverState> workspaces;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final SitingSolver greedy = new GreedySwapSolver();
    private final SitingSolver exact = new CpSatSolver();
    private final SitingSolver auto = new AutoSolver();

    /** @param maxWorkspaces scenarios whose cover counts are kept in memory for fast edits (1–1,000) */
    public ScenarioService(
            CandidateService candidates,
            CoverageMatrixService matrices,
            StationRepository stations,
            DistrictRepository districts,
            ScenarioRepository repository,
            ServingRules rules,
            Clock clock,
            int maxWorkspaces) {
        this.candidates = Objects.requireNonNull(candidates, "candidates");
        this.matrices = Objects.requireNonNull(matrices, "matrices");
        this.stations = Objects.requireNonNull(stations, "stations");
        this.districts = Objects.requireNonNull(districts, "districts");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxWorkspaces < 1 || maxWorkspaces > 1_000) {
            throw new IllegalArgumentException("workspaces " + maxWorkspaces + " is out of range 1..1000");
        }
        this.maxWorkspaces = maxWorkspaces;
        this.workspaces = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CoverState> eldest) {
                return size() > ScenarioService.this.maxWorkspaces;
            }
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // create

    /**
     * A checked request with the data it will run on; made by {@link #prepare}, consumed by {@link #solve}.
     *
     * @param matricesReady whether every matrix the solve needs is already stored (no network searches needed)
     */
    public record Plan(
            String regionCode,
            ScenarioRequest request,
            PlanningContext context,
            List<Candidate> candidates,
            List<Station> stations,
            List<District> districts,
            boolean matricesReady) {
        public Plan {
            candidates = List.copyOf(candidates);
            stations = List.copyOf(stations);
            districts = List.copyOf(districts);
        }

        List<Site> candidateSites() {
            List<Site> out = new ArrayList<>(candidates.size());
            for (Candidate c : candidates) {
                out.add(new Site(c.id(), c.position()));
            }
            return out;
        }

        List<Site> stationSites() {
            List<Site> out = new ArrayList<>(stations.size());
            for (Station s : stations) {
                out.add(new Site(CandidateService.registerId(s.id()), s.location()));
            }
            return out;
        }

        boolean usesCostMatrix() {
            return request.problem() == ProblemKind.P_MEDIAN || request.problem() == ProblemKind.P_CENTER;
        }
    }

    /**
     * Checks a request against the region's data without searching the network: the network and demand layer exist,
     * candidates match, p is not larger than their number, district limits name known districts that have candidates,
     * and a budget has a cost for every candidate.
     *
     * @throws IllegalArgumentException naming the bad field and value
     * @throws NotFoundException when the region has no road network
     * @throws ConflictException when the group has no demand layer
     */
    public Plan prepare(String regionCode, ScenarioRequest request) {
        Objects.requireNonNull(request, "request");
        TravelMode mode = rules.mode(request.group());
        PlanningContext ctx = matrices.context(regionCode, request.group(), mode);
        List<Candidate> found = candidates.find(regionCode, request.group(), request.candidates());
        CandidateFilter f = request.candidates();
        if (found.isEmpty()) {
            throw new IllegalArgumentException("candidates: none match (sources " + codes(f.sources()) + ", kinds "
                    + (f.kinds().isEmpty() ? "any" : codes(f.kinds())) + ", districts "
                    + (f.districts().isEmpty() ? "any" : f.districts()) + "); import candidates or widen the filter");
        }
        if (found.size() > MAX_CANDIDATES) {
            throw new IllegalArgumentException("candidates: " + found.size() + " match, more than the limit of "
                    + MAX_CANDIDATES + "; narrow them by kind or district");
        }
        Integer p = request.p();
        if (p != null && p > found.size()) {
            throw new IllegalArgumentException("p: " + p + " new sites is more than the " + found.size()
                    + " candidates that match; at most " + found.size());
        }
        List<Station> serving = new ArrayList<>();
        for (Station s : stations.find(
                StationQuery.all(regionCode).withStatuses(rules.statuses()).withLimit(StationQuery.MAX_LIMIT))) {
            if (rules.serves(s, request.group())) {
                serving.add(s);
            }
        }
        List<District> areas = districts.find(regionCode, AreaLevel.DISTRICT);
        SiteConstraints c = request.constraints();
        Set<String> known = new HashSet<>();
        areas.forEach(d -> known.add(d.code()));
        int minimumSum = 0;
        for (DistrictLimit l : c.districtLimits()) {
            if (!known.contains(l.districtCode())) {
                throw new IllegalArgumentException("districtLimits: unknown district '" + l.districtCode()
                        + "' in region '" + regionCode + "'; known districts: "
                        + known.stream().sorted().toList());
            }
            long members = found.stream()
                    .filter(x -> l.districtCode().equals(x.districtCode()))
                    .count();
            if (members == 0 && l.minNewSites() > 0) {
                throw new IllegalArgumentException("districtLimits: district '" + l.districtCode()
                        + "' has no candidates but needs at least " + l.minNewSites() + " new site(s)");
            }
            minimumSum += l.minNewSites();
        }
        if (p != null && request.problem() == ProblemKind.MAXIMAL_COVERING && minimumSum > p) {
            throw new IllegalArgumentException(
                    "districtLimits: the district minimums add up to " + minimumSum + " new sites, more than p = " + p);
        }
        if (c.budgetWanYuan() != null && c.defaultCostWanYuan() == null) {
            List<String> noCost = found.stream()
                    .filter(x -> x.costWanYuan() == null)
                    .map(Candidate::id)
                    .toList();
            if (!noCost.isEmpty()) {
                throw new IllegalArgumentException("budget: " + noCost.size() + " candidates have no cost (e.g. "
                        + noCost.subList(0, Math.min(5, noCost.size()))
                        + "); give defaultCostWanYuan or filter them out");
            }
        }
        Plan draft = new Plan(regionCode, request, ctx, found, serving, areas, false);
        boolean ready = matrices.ready(ctx, draft.candidateSites(), request.minutes())
                && matrices.ready(ctx, draft.stationSites(), request.minutes())
                && (!draft.usesCostMatrix()
                        || (matrices.ready(ctx, draft.candidateSites(), request.searchMinutes())
                                && matrices.ready(ctx, draft.stationSites(), request.searchMinutes())));
        return new Plan(regionCode, request, ctx, found, serving, areas, ready);
    }

    /** {@link #prepare} then {@link #solve}, uncancellable. */
    public Scenario create(String regionCode, ScenarioRequest request, String actor) {
        return solve(prepare(regionCode, request), SolveControl.NONE, actor);
    }

    /**
     * Builds (or loads) the matrices, solves, computes the figures and the curve, and stores the scenario.
     *
     * @param control cancels the solve; a cancelled solve stores nothing and throws {@link CancellationException}
     * @throws ValidationException when the solver finds no feasible answer (infeasible target, budget or district
     *     minimum), with its reason; nothing is stored
     */
    public Scenario solve(Plan plan, SolveControl control, String actor) {
        ScenarioRequest req = plan.request();
        PlanningContext ctx = plan.context();
        int minutes = req.minutes();
        SiteReach candReach = matrices.reach(ctx, plan.candidateSites(), minutes);
        checkCancelled(control);
        SiteReach stationReach = matrices.reach(ctx, plan.stationSites(), minutes);
        checkCancelled(control);

        Map<String, Candidate> byId = new HashMap<>();
        plan.candidates().forEach(c -> byId.put(c.id(), c));
        List<String> stationNames = stationReach.siteIds();
        List<String> names = new ArrayList<>(stationNames);
        names.addAll(candReach.siteIds());
        List<int[]> rows = new ArrayList<>(names.size());
        for (int s = 0; s < stationReach.siteCount(); s++) {
            rows.add(stationReach.rawCells(s));
        }
        for (int s = 0; s < candReach.siteCount(); s++) {
            rows.add(candReach.rawCells(s));
        }
        DemandLayer layer = ctx.layer();
        double[] weights = layer.weights();
        List<String> demandNames = new ArrayList<>(layer.size());
        for (int i = 0; i < layer.size(); i++) {
            demandNames.add("d" + i);
        }
        CoverageMatrix coverage = CoverageMatrix.of(names, demandNames, weights, rows);

        List<Long> costMatrixIds = new ArrayList<>();
        SitingProblem problem = problem(plan, coverage, stationNames, byId, candReach, stationReach, costMatrixIds);
        checkCancelled(control);
        SolveOptions options = SolveOptions.defaults()
                .withTimeLimitSeconds(req.timeLimitSeconds())
                .withRelativeGapLimit(req.relativeGapLimit())
                .withControl(control);
        SitingSolver solver =
                switch (req.solver()) {
                    case GREEDY -> greedy;
                    case EXACT -> exact;
                    case AUTO -> auto;
                };
        SitingResult result = solver.solve(problem, options);
        checkCancelled(control);
        if (!result.status().hasSolution()) {
            throw ValidationException.of(
                    infeasibleField(req),
                    "no feasible answer (" + result.status().name().toLowerCase(Locale.ROOT) + ", " + result.solver()
                            + "): " + result.message());
        }

        // proposed sites in the solver's greedy order
        List<ProposedSite> sites = new ArrayList<>();
        Map<Integer, int[]> reach = new LinkedHashMap<>();
        int rank = 0;
        for (ChosenSite chosen : result.siteDetails()) {
            Candidate c = byId.get(chosen.name());
            int row = candReach.findSite(c.id()).getAsInt();
            rank++;
            Candidate runnerUp = chosen.runnerUp() == null ? null : byId.get(chosen.runnerUp());
            sites.add(new ProposedSite(
                    rank,
                    rank,
                    SiteOrigin.SOLVER,
                    c.id(),
                    c.source(),
                    c.kind(),
                    c.name(),
                    c.districtCode(),
                    cost(c, req.constraints()),
                    c.position(),
                    candReach.onNetwork(row),
                    chosen.marginalGain(),
                    runnerUp == null ? null : runnerUp.id(),
                    runnerUp == null ? null : runnerUp.name(),
                    runnerUp == null ? Double.NaN : chosen.runnerUpObjective(),
                    0,
                    0,
                    0,
                    0));
            reach.put(rank, candReach.rawCells(row));
        }

        List<ScenarioInputs.DistrictName> districtNames = new ArrayList<>();
        for (District d : plan.districts()) {
            districtNames.add(new ScenarioInputs.DistrictName(d.code(), d.name()));
        }
        int[] districtOf = districtOf(plan.districts(), ctx.centres(), districtNames);
        List<int[]> stationRows = new ArrayList<>();
        for (int s = 0; s < stationReach.siteCount(); s++) {
            stationRows.add(stationReach.rawCells(s));
        }
        boolean[] off = new boolean[layer.size()];
        for (int i : candReach.demandOffNetworkIndices()) {
            off[i] = true;
        }
        CoverState state =
                CoverState.of(layer.resolution(), layer.cells(), weights, off, districtOf, districtNames, stationRows);
        reach.forEach(state::add);
        sites = state.refigure(sites);
        ScenarioFigures figures = state.figures(sites);
        CurveSummary curve = curve(
                req, coverage, stationNames, sites.size(), plan.candidates().size());

        ScenarioInputs inputs = new ScenarioInputs(
                ctx.mode(),
                ctx.networkVersion().id(),
                ctx.networkVersion().sha256(),
                ctx.layerInfo().id(),
                candReach.id(),
                stationReach.id(),
                costMatrixIds,
                candReach.key().siteSetSha256(),
                plan.candidates().size(),
                sortedSites(plan.stationSites()),
                districtNames);
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Scenario scenario = new Scenario(
                0,
                plan.regionCode(),
                req.name(),
                ScenarioStatus.DRAFT,
                req,
                inputs,
                SolveSummary.of(result, plan.candidates().size(), stationNames.size()),
                sites,
                figures,
                curve,
                0,
                actor == null ? "system" : actor,
                now,
                now);
        checkCancelled(control);
        Scenario stored = repository.insert(scenario, reach);
        workspaces.put(key(plan.regionCode(), stored.id()), state);
        LOG.info(
                "scenario {} of {}: {} {} sites by {} ({}), coverage {} -> {}",
                stored.id(),
                plan.regionCode(),
                req.problem().code(),
                sites.size(),
                result.solver(),
                result.status(),
                String.format(Locale.ROOT, "%.4f", figures.fractionBefore()),
                String.format(Locale.ROOT, "%.4f", figures.fractionAfter()));
        return stored;
    }

    private static String infeasibleField(ScenarioRequest req) {
        if (req.problem() == ProblemKind.P_MEDIAN || req.problem() == ProblemKind.P_CENTER) {
            return "searchMinutes";
        }
        if (req.problem() == ProblemKind.PARTIAL_COVERING || req.problem() == ProblemKind.SET_COVERING) {
            return req.constraints().any() ? "constraints" : "targetCoverage";
        }
        return req.constraints().any() ? "constraints" : "problem";
    }

    private static void checkCancelled(SolveControl control) {
        if (control.isCancelled()) {
            throw new CancellationException("the solve was cancelled");
        }
    }

    private SitingProblem problem(
            Plan plan,
            CoverageMatrix coverage,
            List<String> stationNames,
            Map<String, Candidate> byId,
            SiteReach candReach,
            SiteReach stationReach,
            List<Long> costMatrixIds) {
        ScenarioRequest req = plan.request();
        SiteConstraints c = req.constraints();
        switch (req.problem()) {
            case MAXIMAL_COVERING: {
                MaximalCoveringProblem mclp =
                        MaximalCoveringProblem.from(coverage, req.p()).withFixedSites(stationNames);
                if (c.budgetWanYuan() != null) {
                    mclp = mclp.withSiteCosts(costs(plan, c), c.budgetWanYuan());
                }
                for (GroupLimit g : groupLimits(plan, c)) {
                    mclp = mclp.withGroupLimit(g);
                }
                if (c.minSpacingMeters() != null) {
                    mclp = mclp.withMinSpacingMeters(c.minSpacingMeters(), positions(plan));
                }
                if (c.capacity() != null) {
                    mclp = mclp.withCapacities(capacities(plan, c.capacity()));
                }
                return mclp;
            }
            case PARTIAL_COVERING:
            case SET_COVERING: {
                boolean full = req.problem() == ProblemKind.SET_COVERING || req.targetCoverage() >= 1;
                SetCoveringProblem sc = (full
                                ? SetCoveringProblem.from(coverage)
                                : SetCoveringProblem.partial(coverage, req.targetCoverage()))
                        .withFixedSites(stationNames);
                if (c.budgetWanYuan() != null) {
                    sc = sc.withSiteCosts(costs(plan, c), c.budgetWanYuan());
                }
                for (GroupLimit g : groupLimits(plan, c)) {
                    sc = sc.withGroupLimit(g);
                }
                if (c.minSpacingMeters() != null) {
                    sc = sc.withMinSpacingMeters(c.minSpacingMeters(), positions(plan));
                }
                if (c.capacity() != null) {
                    sc = sc.withCapacities(capacities(plan, c.capacity()));
                }
                return sc;
            }
            case P_MEDIAN:
            case P_CENTER:
                return assignment(plan, costMatrixIds);
            default:
                throw new IllegalStateException("unhandled problem " + req.problem());
        }
    }

    /** The dense travel-time matrix problem (see the class comment). */
    private SitingProblem assignment(Plan plan, List<Long> costMatrixIds) {
        ScenarioRequest req = plan.request();
        PlanningContext ctx = plan.context();
        int limit = req.searchMinutes();
        SiteReach cand = matrices.reach(ctx, plan.candidateSites(), limit);
        SiteReach fixed = matrices.reach(ctx, plan.stationSites(), limit);
        costMatrixIds.add(cand.id());
        costMatrixIds.add(fixed.id());
        boolean center = req.problem() == ProblemKind.P_CENTER;
        DemandLayer layer = ctx.layer();
        int m = layer.size();
        int[] column = new int[m];
        Arrays.fill(column, -1);
        List<String> demandNames = new ArrayList<>();
        List<Double> weightList = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            if (!cand.demandOffNetwork(i) && (center || layer.weight(i) > 0)) {
                column[i] = demandNames.size();
                demandNames.add("d" + i);
                weightList.add(layer.weight(i));
            }
        }
        int n = fixed.siteCount() + cand.siteCount();
        long pairs = (long) n * demandNames.size();
        if (pairs > MAX_DENSE_PAIRS) {
            throw new IllegalArgumentException("problem: " + req.problem().code()
                    + " needs a dense travel-time matrix of "
                    + n + " sites x " + demandNames.size() + " cells = " + pairs + " entries, more than the limit of "
                    + MAX_DENSE_PAIRS + "; narrow the candidates (kinds, districts) or use 'mclp'");
        }
        if (demandNames.isEmpty()) {
            throw new IllegalArgumentException("problem: no demand cell on the road network to assign");
        }
        double[][] costs = new double[n][demandNames.size()];
        List<String> names = new ArrayList<>(n);
        int row = 0;
        for (SiteReach r : List.of(fixed, cand)) {
            for (int s = 0; s < r.siteCount(); s++) {
                names.add(r.siteIds().get(s));
                Arrays.fill(costs[row], Double.POSITIVE_INFINITY);
                int[] cells = r.rawCells(s);
                int[] secs = r.rawSeconds(s);
                for (int k = 0; k < cells.length; k++) {
                    int col = column[cells[k]];
                    if (col >= 0) {
                        costs[row][col] = secs[k];
                    }
                }
                row++;
            }
        }
        int unreached = 0;
        double unreachedWeight = 0;
        String example = null;
        for (int col = 0; col < demandNames.size(); col++) {
            boolean any = false;
            for (int r = 0; r < n && !any; r++) {
                any = costs[r][col] != Double.POSITIVE_INFINITY;
            }
            if (!any) {
                unreached++;
                unreachedWeight += weightList.get(col);
                if (example == null) {
                    int i = Integer.parseInt(demandNames.get(col).substring(1));
                    example = dev.outpost.geo.HexGrid.address(layer.cell(i));
                }
            }
        }
        if (unreached > 0) {
            throw ValidationException.of(
                    "searchMinutes",
                    String.format(
                            Locale.ROOT,
                            "%d demand cells (weight %.2f, e.g. %s) reach no station or candidate within %d minutes,"
                                    + " so %s cannot assign them; raise searchMinutes, add candidates (e.g."
                                    + " greenfield) or use 'mclp'",
                            unreached,
                            unreachedWeight,
                            example,
                            limit,
                            req.problem().code()));
        }
        double[] w = weightList.stream().mapToDouble(Double::doubleValue).toArray();
        CostMatrix matrix = CostMatrix.of(names, demandNames, costs, w);
        return center
                ? PCenterProblem.from(matrix, req.p()).withFixedSites(fixed.siteIds())
                : PMedianProblem.from(matrix, req.p()).withFixedSites(fixed.siteIds());
    }

    private static Double cost(Candidate c, SiteConstraints constraints) {
        return c.costWanYuan() != null ? c.costWanYuan() : constraints.defaultCostWanYuan();
    }

    private static Map<String, Double> costs(Plan plan, SiteConstraints c) {
        Map<String, Double> out = new HashMap<>();
        for (Candidate x : plan.candidates()) {
            out.put(x.id(), cost(x, c));
        }
        return out;
    }

    private static List<GroupLimit> groupLimits(Plan plan, SiteConstraints c) {
        List<GroupLimit> out = new ArrayList<>();
        for (DistrictLimit l : c.districtLimits()) {
            List<String> members = plan.candidates().stream()
                    .filter(x -> l.districtCode().equals(x.districtCode()))
                    .map(Candidate::id)
                    .toList();
            if (!members.isEmpty()) {
                out.add(new GroupLimit(l.districtCode(), members, l.minNewSites(), l.maxNewSites()));
            }
        }
        return out;
    }

    private static Map<String, LatLon> positions(Plan plan) {
        Map<String, LatLon> out = new HashMap<>();
        for (Candidate x : plan.candidates()) {
            out.put(x.id(), x.position());
        }
        for (Site s : plan.stationSites()) {
            out.put(s.id(), s.position());
        }
        return out;
    }

    private static Map<String, Double> capacities(Plan plan, CapacityRule rule) {
        Map<String, Double> out = new HashMap<>();
        for (Candidate x : plan.candidates()) {
            out.put(x.id(), rule.capacity(x.capacitySeats()));
        }
        for (Station s : plan.stations()) {
            out.put(CandidateService.registerId(s.id()), rule.capacity(s.capacitySeats()));
        }
        return out;
    }

    private static CurveSummary curve(
            ScenarioRequest req, CoverageMatrix coverage, List<String> fixed, int chosen, int candidateCount) {
        int n = req.curveMaxSites() > 0
                ? req.curveMaxSites()
                : Math.max(1, Math.max(req.p() == null ? 0 : req.p(), chosen));
        n = Math.min(n, candidateCount);
        if (n < 1) {
            return CurveSummary.empty();
        }
        MaximalCoveringProblem base = MaximalCoveringProblem.from(coverage, n).withFixedSites(fixed);
        CoverageCurve c = CoverageCurve.greedy(base, n, FLATTEN_PERCENT);
        List<CurveSummary.Point> points = new ArrayList<>();
        for (CoverageCurve.Point p : c.points()) {
            points.add(new CurveSummary.Point(
                    p.newSites(), p.greedyCoveredWeight(), p.greedyFraction(), p.marginalGain(), p.site()));
        }
        return new CurveSummary(
                points,
                FLATTEN_PERCENT,
                c.flattensAfter().isPresent() ? c.flattensAfter().getAsInt() : null);
    }

    private static int[] districtOf(
            List<District> areas, List<LatLon> centres, List<ScenarioInputs.DistrictName> names) {
        int[] out = new int[centres.size()];
        Arrays.fill(out, -1);
        if (areas.isEmpty()) {
            return out;
        }
        AreaIndex index = new AreaIndex(areas);
        int[] assigned = index.assign(centres, AreaLevel.DISTRICT);
        Map<String, Integer> byCode = new HashMap<>();
        for (int k = 0; k < names.size(); k++) {
            byCode.put(names.get(k).code(), k);
        }
        List<District> ordered = index.areas(AreaLevel.DISTRICT);
        for (int i = 0; i < out.length; i++) {
            if (assigned[i] >= 0) {
                out[i] = byCode.getOrDefault(ordered.get(assigned[i]).code(), -1);
            }
        }
        return out;
    }

    private static List<Site> sortedSites(List<Site> sites) {
        return CoverageMatrixService.sorted(sites);
    }

    private static String codes(Set<? extends Enum<?>> values) {
        List<String> out = new ArrayList<>();
        for (Enum<?> e : values) {
            out.add(e instanceof CandidateSource s ? s.code() : e instanceof CandidateKind k ? k.code() : e.name());
        }
        return out.toString();
    }

    // ---------------------------------------------------------------------------------------------------------
    // read

    /** @throws NotFoundException when the region has no such scenario */
    public Scenario get(String regionCode, long scenarioId) {
        return repository
                .find(regionCode, scenarioId)
                .orElseThrow(
                        () -> new NotFoundException("no scenario " + scenarioId + " in region '" + regionCode + "'"));
    }

    /** The region's scenarios, newest first (1–1,000). */
    public List<Scenario> list(String regionCode, int limit) {
        if (limit < 1 || limit > 1_000) {
            throw new IllegalArgumentException("limit " + limit + " is out of range 1..1000");
        }
        return repository.list(regionCode, limit);
    }

    /**
     * The scenario's demand cells of positive weight in the given states, as it stands now (the cover counts after
     * any edits; no network search), with the tallies of every state.
     *
     * @param states which cells to list; empty lists none (only the tallies)
     * @throws NotFoundException when the region has no such scenario
     */
    public ScenarioCells cells(String regionCode, long scenarioId, Set<ScenarioCell.State> states) {
        Objects.requireNonNull(states, "states");
        synchronized (lock(regionCode, scenarioId)) {
            Scenario s = get(regionCode, scenarioId);
            CoverState st = workspace(s);
            List<ScenarioCell> all = st.cells(s.sites(), java.util.EnumSet.allOf(ScenarioCell.State.class));
            List<ScenarioCell> wanted =
                    all.stream().filter(c -> states.contains(c.state())).toList();
            return new ScenarioCells(
                    s.id(),
                    s.editCount(),
                    st.resolution(),
                    wanted,
                    ScenarioCells.Tally.of(all, ScenarioCell.State.COVERED),
                    ScenarioCells.Tally.of(all, ScenarioCell.State.NEW),
                    ScenarioCells.Tally.of(all, ScenarioCell.State.UNCOVERED));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // delete

    /**
     * Deletes a scenario that was never submitted — status draft and no step of the proposal workflow — with its
     * proposed sites and its cover counts kept in memory, audited, in one transaction (see
     * {@link ScenarioRepository#deleteUnsubmitted}). A scenario that was submitted, approved or returned is the record
     * of a decision and stays. The reach matrices it was solved on are shared caches and stay; a finished job whose
     * result was this scenario keeps its {@code resultRef}, which then names a scenario that is gone (404).
     *
     * @throws NotFoundException when the region has no such scenario
     * @throws ConflictException naming the status when it is not a draft, or the decisions when it was submitted
     *     before
     */
    public void delete(String regionCode, long scenarioId) {
        synchronized (lock(regionCode, scenarioId)) {
            ScenarioRepository.Deletion d = repository
                    .deleteUnsubmitted(regionCode, scenarioId)
                    .orElseThrow(() ->
                            new NotFoundException("no scenario " + scenarioId + " in region '" + regionCode + "'"));
            if (!d.deleted()) {
                String why = d.status() != ScenarioStatus.DRAFT
                        ? "is " + d.status().code()
                        : "has " + d.decisions() + (d.decisions() == 1 ? " decision" : " decisions")
                                + " of the proposal workflow";
                throw new ConflictException("scenario " + scenarioId + " " + why
                        + "; only a draft that was never submitted can be deleted (a submitted scenario is the"
                        + " record of a decision)");
            }
            workspaces.remove(key(regionCode, scenarioId));
        }
        locks.remove(key(regionCode, scenarioId));
    }

    // ---------------------------------------------------------------------------------------------------------
    // what-if edits

    /**
     * Adds a site (a candidate, or a point placed by hand) and updates the figures incrementally: the new site's row
     * comes from the stored candidate matrix or from one bounded search towards it; no re-solve.
     *
     * @throws ConflictException when the scenario is not editable (submitted or approved), or the road network changed
     *     since the solve and a search would be needed
     */
    public Scenario addSite(String regionCode, long scenarioId, SiteEdit edit) {
        synchronized (lock(regionCode, scenarioId)) {
            Scenario s = editable(regionCode, scenarioId);
            Placement place = place(s, edit, null);
            CoverState state = workspace(s).copy();
            int siteId = s.sites().stream().mapToInt(ProposedSite::siteId).max().orElse(0) + 1;
            int rank = s.sites().stream().mapToInt(ProposedSite::rank).max().orElse(0) + 1;
            state.add(siteId, place.cells);
            List<ProposedSite> sites = new ArrayList<>(s.sites());
            sites.add(place.site(siteId, rank, SiteOrigin.ADDED));
            return save(s, state, sites);
        }
    }

    /**
     * Moves a site to another candidate or to a point placed by hand, incrementally (see {@link #addSite}). Its
     * marginal gain and runner-up from the solve no longer apply and are cleared.
     */
    public Scenario moveSite(String regionCode, long scenarioId, int siteId, SiteEdit edit) {
        synchronized (lock(regionCode, scenarioId)) {
            Scenario s = editable(regionCode, scenarioId);
            ProposedSite old = s.findSite(siteId)
                    .orElseThrow(() -> new NotFoundException("scenario " + scenarioId + " has no site " + siteId));
            Placement place = place(s, edit, siteId);
            CoverState state = workspace(s).copy();
            state.remove(siteId);
            state.add(siteId, place.cells);
            List<ProposedSite> sites = new ArrayList<>();
            for (ProposedSite x : s.sites()) {
                sites.add(x.siteId() == siteId ? place.site(siteId, old.rank(), SiteOrigin.MOVED) : x);
            }
            return save(s, state, sites);
        }
    }

    /** Removes a site, incrementally. */
    public Scenario removeSite(String regionCode, long scenarioId, int siteId) {
        synchronized (lock(regionCode, scenarioId)) {
            Scenario s = editable(regionCode, scenarioId);
            if (s.findSite(siteId).isEmpty()) {
                throw new NotFoundException("scenario " + scenarioId + " has no site " + siteId);
            }
            CoverState state = workspace(s).copy();
            state.remove(siteId);
            List<ProposedSite> sites = new ArrayList<>(s.sites());
            sites.removeIf(x -> x.siteId() == siteId);
            return save(s, state, sites);
        }
    }

    private Scenario save(Scenario s, CoverState state, List<ProposedSite> sites) {
        List<ProposedSite> refigured = state.refigure(sites);
        Scenario edited = s.edited(
                refigured, state.figures(refigured), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        if (!repository.saveEdit(edited, state.siteCells())) {
            throw new ConflictException("scenario " + s.id() + " was changed by another edit; reload it and try again");
        }
        workspaces.put(key(s.regionCode(), s.id()), state);
        return edited;
    }

    private Scenario editable(String regionCode, long scenarioId) {
        Scenario s = get(regionCode, scenarioId);
        if (!s.status().editable()) {
            throw new ConflictException("scenario " + scenarioId + " is "
                    + s.status().code() + "; only draft and returned scenarios can be edited");
        }
        return s;
    }

    /** A placement: the new site (figures filled in later) and the cells it reaches. */
    private record Placement(
            String candidateId,
            CandidateSource source,
            CandidateKind kind,
            String name,
            String districtCode,
            Double cost,
            LatLon position,
            boolean onNetwork,
            int[] cells) {
        ProposedSite site(int siteId, int rank, SiteOrigin origin) {
            return new ProposedSite(
                    siteId,
                    rank,
                    origin,
                    candidateId,
                    source,
                    kind,
                    name,
                    districtCode,
                    cost,
                    position,
                    onNetwork,
                    Double.NaN,
                    null,
                    null,
                    Double.NaN,
                    0,
                    0,
                    0,
                    0);
        }
    }

    private Placement place(Scenario s, SiteEdit edit, Integer replacing) {
        String region = s.regionCode();
        if (edit.candidateId() != null) {
            String id = edit.candidateId().strip();
            for (ProposedSite x : s.sites()) {
                if (id.equals(x.candidateId()) && (replacing == null || x.siteId() != replacing)) {
                    throw new IllegalArgumentException(
                            "candidateId: candidate '" + id + "' is already site " + x.siteId() + " of this scenario");
                }
            }
            Candidate c = candidates
                    .findById(region, s.request().group(), id)
                    .orElseThrow(() -> new NotFoundException("no candidate '" + id + "' for "
                            + s.request().group().code() + " in region '" + region + "'"));
            Optional<SiteReach.Row> row = matrices.row(region, s.inputs().candidateMatrixId(), id);
            SiteReach.Row r = row.isPresent() ? row.get() : search(s, new Site(id, c.position()));
            return new Placement(
                    c.id(),
                    c.source(),
                    c.kind(),
                    c.name(),
                    c.districtCode(),
                    cost(c, s.request().constraints()),
                    c.position(),
                    r.onNetwork(),
                    r.cells());
        }
        LatLon at = edit.position();
        SiteReach.Row r = search(s, new Site("point", at));
        String name = edit.name() != null
                ? edit.name().strip()
                : String.format(Locale.ROOT, "手动选点 %.6f, %.6f", at.lat(), at.lon());
        return new Placement(
                null,
                null,
                CandidateKind.OTHER,
                name,
                districtAt(s, at),
                s.request().constraints().defaultCostWanYuan(),
                at,
                r.onNetwork(),
                r.cells());
    }

    /** One bounded search towards a position on the scenario's network and demand layer. */
    private SiteReach.Row search(Scenario s, Site site) {
        PlanningContext ctx = matrices.context(
                s.regionCode(),
                s.request().group(),
                s.inputs().mode(),
                s.inputs().demandLayerId());
        if (ctx.networkVersion().id() != s.inputs().networkVersionId()) {
            throw new ConflictException("the road network of region '" + s.regionCode() + "' changed since scenario "
                    + s.id() + " was solved (version " + s.inputs().networkVersionId() + ", now "
                    + ctx.networkVersion().id() + "); solve a new scenario to place new sites");
        }
        SiteReach one = matrices.single(ctx, site, s.request().minutes());
        return one.row(0);
    }

    private String districtAt(Scenario s, LatLon at) {
        List<District> areas = districts.find(s.regionCode(), AreaLevel.DISTRICT);
        if (areas.isEmpty()) {
            return null;
        }
        AreaIndex index = new AreaIndex(areas);
        int k = index.locate(at, AreaLevel.DISTRICT);
        return k < 0 ? null : index.areas(AreaLevel.DISTRICT).get(k).code();
    }

    /** The cover counts of a scenario, from memory or rebuilt from the stored rows (no network search). */
    private CoverState workspace(Scenario s) {
        String key = key(s.regionCode(), s.id());
        CoverState st = workspaces.get(key);
        if (st != null) {
            return st;
        }
        String region = s.regionCode();
        DemandLayer layer = matrices.layer(region, s.inputs().demandLayerId());
        List<LatLon> centres = matrices.centres(region, s.inputs().demandLayerId(), layer);
        SiteReach stationReach = matrices.byId(region, s.inputs().stationMatrixId());
        List<int[]> stationRows = new ArrayList<>();
        for (int k = 0; k < stationReach.siteCount(); k++) {
            stationRows.add(stationReach.rawCells(k));
        }
        boolean[] off = new boolean[layer.size()];
        for (int i : stationReach.demandOffNetworkIndices()) {
            off[i] = true;
        }
        List<District> areas = districts.find(region, AreaLevel.DISTRICT);
        int[] districtOf = districtOf(areas, centres, s.inputs().districtNames());
        st = CoverState.of(
                layer.resolution(),
                layer.cells(),
                layer.weights(),
                off,
                districtOf,
                s.inputs().districtNames(),
                stationRows);
        repository.siteReach(region, s.id()).forEach(st::add);
        workspaces.put(key, st);
        return st;
    }

    /**
     * The scenario's sites and figures recomputed in full: one network search over every existing station (at its
     * position at solve time) and every proposed site, and fresh cover counts; for checking the incremental figures.
     * Nothing is stored.
     *
     * @throws ConflictException when the road network changed since the solve
     */
    public Scenario recompute(String regionCode, long scenarioId) {
        Scenario s = get(regionCode, scenarioId);
        PlanningContext ctx = matrices.context(
                regionCode, s.request().group(), s.inputs().mode(), s.inputs().demandLayerId());
        if (ctx.networkVersion().id() != s.inputs().networkVersionId()) {
            throw new ConflictException("the road network of region '" + regionCode + "' changed since scenario "
                    + scenarioId + " was solved; it cannot be recomputed on the same network");
        }
        List<Site> all = new ArrayList<>(s.inputs().stations());
        for (ProposedSite p : s.sites()) {
            all.add(new Site("site:" + p.siteId(), p.position()));
        }
        SiteReach fresh = matrices.compute(ctx, all, s.request().minutes());
        List<int[]> stationRows = new ArrayList<>();
        Map<Integer, int[]> siteRows = new LinkedHashMap<>();
        for (int k = 0; k < fresh.siteCount(); k++) {
            String id = fresh.siteIds().get(k);
            if (id.startsWith("site:")) {
                siteRows.put(Integer.parseInt(id.substring(5)), fresh.rawCells(k));
            } else {
                stationRows.add(fresh.rawCells(k));
            }
        }
        boolean[] off = new boolean[ctx.layer().size()];
        for (int i : fresh.demandOffNetworkIndices()) {
            off[i] = true;
        }
        int[] districtOf = districtOf(
                districts.find(regionCode, AreaLevel.DISTRICT),
                ctx.centres(),
                s.inputs().districtNames());
        CoverState st = CoverState.of(
                ctx.layer().resolution(),
                ctx.layer().cells(),
                ctx.layer().weights(),
                off,
                districtOf,
                s.inputs().districtNames(),
                stationRows);
        siteRows.forEach(st::add);
        List<ProposedSite> sites = st.refigure(s.sites());
        return new Scenario(
                s.id(),
                s.regionCode(),
                s.name(),
                s.status(),
                s.request(),
                s.inputs(),
                s.solve(),
                sites,
                st.figures(sites),
                s.curve(),
                s.editCount(),
                s.createdBy(),
                s.createdAt(),
                s.updatedAt());
    }

    // ---------------------------------------------------------------------------------------------------------
    // comparison

    /** Two scenarios of a region side by side. */
    public ScenarioComparison compare(String regionCode, long a, long b) {
        Scenario sa = get(regionCode, a);
        Scenario sb = get(regionCode, b);
        List<String> notes = new ArrayList<>();
        if (sa.request().group() != sb.request().group()) {
            notes.add("different worker groups: " + sa.request().group().code() + " and "
                    + sb.request().group().code());
        }
        if (sa.request().minutes() != sb.request().minutes()) {
            notes.add("different limits: " + sa.request().minutes() + " and "
                    + sb.request().minutes() + " minutes");
        }
        if (sa.inputs().demandLayerId() != sb.inputs().demandLayerId()) {
            notes.add("different demand layers: " + sa.inputs().demandLayerId() + " and "
                    + sb.inputs().demandLayerId());
        }
        if (sa.inputs().networkVersionId() != sb.inputs().networkVersionId()) {
            notes.add("different road network versions: " + sa.inputs().networkVersionId() + " and "
                    + sb.inputs().networkVersionId());
        }
        boolean comparable = sa.request().group() == sb.request().group()
                && sa.request().minutes() == sb.request().minutes()
                && sa.inputs().demandLayerId() == sb.inputs().demandLayerId();
        List<ProposedSite> onlyA = new ArrayList<>();
        List<ScenarioComparison.SharedSite> both = new ArrayList<>();
        Set<Integer> matchedB = new HashSet<>();
        for (ProposedSite x : sa.sites()) {
            ProposedSite match = null;
            for (ProposedSite y : sb.sites()) {
                if (!matchedB.contains(y.siteId()) && same(x, y)) {
                    match = y;
                    break;
                }
            }
            if (match == null) {
                onlyA.add(x);
            } else {
                matchedB.add(match.siteId());
                both.add(new ScenarioComparison.SharedSite(x.siteId(), match.siteId(), x.candidateId(), x.name()));
            }
        }
        List<ProposedSite> onlyB = new ArrayList<>();
        for (ProposedSite y : sb.sites()) {
            if (!matchedB.contains(y.siteId())) {
                onlyB.add(y);
            }
        }
        Map<String, AreaFigures[]> byCode = new java.util.TreeMap<>();
        for (AreaFigures f : sa.figures().districts()) {
            byCode.computeIfAbsent(f.code(), k -> new AreaFigures[2])[0] = f;
        }
        for (AreaFigures f : sb.figures().districts()) {
            byCode.computeIfAbsent(f.code(), k -> new AreaFigures[2])[1] = f;
        }
        List<ScenarioComparison.DistrictSideBySide> rows = new ArrayList<>();
        byCode.forEach((code, pair) -> rows.add(new ScenarioComparison.DistrictSideBySide(
                code, pair[0] != null ? pair[0].name() : pair[1].name(), pair[0], pair[1])));
        return new ScenarioComparison(sa, sb, comparable, notes, onlyA, onlyB, both, rows);
    }

    private static boolean same(ProposedSite x, ProposedSite y) {
        if (x.candidateId() != null || y.candidateId() != null) {
            return Objects.equals(x.candidateId(), y.candidateId());
        }
        return x.position().distanceMeters(y.position()) <= 1.0;
    }

    // ---------------------------------------------------------------------------------------------------------

    private Object lock(String regionCode, long scenarioId) {
        return locks.computeIfAbsent(key(regionCode, scenarioId), k -> new Object());
    }

    private static String key(String regionCode, long scenarioId) {
        return regionCode + "#" + scenarioId;
    }
}
