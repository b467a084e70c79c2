package dev.outpost.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.geo.HexGrid;
import dev.outpost.geo.LatLon;
import dev.outpost.planning.AreaFigures;
import dev.outpost.planning.Candidate;
import dev.outpost.planning.CandidateFilter;
import dev.outpost.planning.CandidateImportReport;
import dev.outpost.planning.CandidateKind;
import dev.outpost.planning.CandidateSource;
import dev.outpost.planning.CapacityRule;
import dev.outpost.planning.CurveSummary;
import dev.outpost.planning.DistrictLimit;
import dev.outpost.planning.Job;
import dev.outpost.planning.ProposedSite;
import dev.outpost.planning.Scenario;
import dev.outpost.planning.ScenarioCell;
import dev.outpost.planning.ScenarioCells;
import dev.outpost.planning.ScenarioComparison;
import dev.outpost.planning.ScenarioFigures;
import dev.outpost.planning.ScenarioRequest;
import dev.outpost.planning.SiteConstraints;
import dev.outpost.planning.SiteEdit;
import dev.outpost.planning.SolveSummary;
import dev.outpost.planning.SolverChoice;
import dev.outpost.siting.ProblemKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * JSON of the planning API: request bodies parsed field by field (each mistake an {@link IllegalArgumentException}
 * naming the field and value), responses as plain maps (non-finite numbers as null, coordinates WGS 84 lon/lat).
 */
final class PlanningJson {
    static final Set<String> REQUEST_FIELDS = Set.of(
            "name",
            "group",
            "minutes",
            "problem",
            "p",
            "targetCoverage",
            "candidates",
            "budgetWanYuan",
            "defaultCostWanYuan",
            "districtLimits",
            "minSpacingMeters",
            "capacity",
            "solver",
            "timeLimitSeconds",
            "relativeGap",
            "searchMinutes",
            "curveMaxSites",
            "async");

    private PlanningJson() {}

    // ---------------------------------------------------------------------------------------------------------
    // requests

    /** A scenario request from a POST body. */
    static ScenarioRequest request(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object describing the scenario");
        }
        checkFields(body, REQUEST_FIELDS, "scenario");
        String name = text(body, "name", null);
        if (name == null) {
            throw new IllegalArgumentException("name: a scenario needs a name");
        }
        WorkerGroup group = parse(body, "group", WorkerGroup::parse, WorkerGroup.RIDER);
        int minutes = integer(body, "minutes", 15);
        String problemCode = text(body, "problem", null);
        if (problemCode == null) {
            throw new IllegalArgumentException("problem: required; one of mclp, partial, lscp, pmedian, pcenter");
        }
        ProblemKind problem = parse(body, "problem", ProblemKind::fromCode, null);
        Integer p = body.has("p") && !body.get("p").isNull() ? integer(body, "p", 0) : null;
        Double target = number(body, "targetCoverage");
        CandidateFilter filter = filter(body.get("candidates"));
        List<DistrictLimit> limits = new ArrayList<>();
        JsonNode l = body.get("districtLimits");
        if (l != null && !l.isNull()) {
            if (!l.isArray()) {
                throw new IllegalArgumentException("districtLimits: expected an array of {district, min, max}");
            }
            int k = 0;
            for (JsonNode x : l) {
                checkFields(x, Set.of("district", "min", "max"), "districtLimits[" + k + "]");
                String district = text(x, "district", null);
                int min = integer(x, "min", 0);
                int max = integer(x, "max", Integer.MAX_VALUE);
                try {
                    limits.add(new DistrictLimit(district, min, max));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("districtLimits[" + k + "]: " + e.getMessage());
                }
                k++;
            }
        }
        CapacityRule capacity = null;
        JsonNode cap = body.get("capacity");
        if (cap != null && !cap.isNull()) {
            checkFields(cap, Set.of("demandPerSeat", "defaultSeats"), "capacity");
            Double perSeat = number(cap, "demandPerSeat");
            if (perSeat == null) {
                throw new IllegalArgumentException("capacity.demandPerSeat: required, demand served per seat");
            }
            capacity = new CapacityRule(perSeat, integer(cap, "defaultSeats", 0));
        }
        SiteConstraints constraints = new SiteConstraints(
                number(body, "budgetWanYuan"),
                number(body, "defaultCostWanYuan"),
                limits,
                number(body, "minSpacingMeters"),
                capacity);
        SolverChoice solver = parse(body, "solver", SolverChoice::parse, SolverChoice.GREEDY);
        Double time = number(body, "timeLimitSeconds");
        double timeLimit = time != null ? time : solver == SolverChoice.GREEDY ? 10 : 60;
        Double gap = number(body, "relativeGap");
        int searchMinutes = integer(body, "searchMinutes", Math.max(30, minutes));
        int curve = integer(body, "curveMaxSites", 0);
        return new ScenarioRequest(
                name,
                group,
                minutes,
                problem,
                p,
                target,
                filter,
                constraints,
                solver,
                timeLimit,
                gap == null ? 0 : gap,
                searchMinutes,
                curve);
    }

    /** The {@code async} field: null when absent. */
    static Boolean async(JsonNode body) {
        JsonNode a = body.get("async");
        if (a == null || a.isNull()) {
            return null;
        }
        if (!a.isBoolean()) {
            throw new IllegalArgumentException("async: expected true or false, not " + a);
        }
        return a.booleanValue();
    }

    static CandidateFilter filter(JsonNode c) {
        if (c == null || c.isNull()) {
            return CandidateFilter.defaults();
        }
        if (!c.isObject()) {
            throw new IllegalArgumentException("candidates: expected an object {sources, kinds, districts}");
        }
        checkFields(c, Set.of("sources", "kinds", "districts"), "candidates");
        Set<CandidateSource> sources = EnumSet.noneOf(CandidateSource.class);
        sources.addAll(list(c, "sources", CandidateSource::parse));
        if (sources.isEmpty()) {
            sources = EnumSet.of(CandidateSource.IMPORT, CandidateSource.REGISTER);
        }
        Set<CandidateKind> kinds = EnumSet.noneOf(CandidateKind.class);
        kinds.addAll(list(c, "kinds", CandidateKind::parse));
        Set<String> districts = new LinkedHashSet<>(list(c, "districts", s -> s));
        return new CandidateFilter(sources, kinds, districts);
    }

    /** A what-if placement: {@code {"candidateId": ...}} or {@code {"lat": .., "lon": .., "name": ..}}. */
    static SiteEdit siteEdit(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body must be {\"candidateId\": ...} or {\"lat\": .., \"lon\": ..}");
        }
        checkFields(body, Set.of("candidateId", "lat", "lon", "name"), "site");
        String candidate = text(body, "candidateId", null);
        Double lat = number(body, "lat");
        Double lon = number(body, "lon");
        if ((lat == null) != (lon == null)) {
            throw new IllegalArgumentException("a position needs both 'lat' and 'lon'");
        }
        LatLon at = null;
        if (lat != null) {
            try {
                at = new LatLon(lat, lon);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("lat/lon: " + e.getMessage());
            }
        }
        return new SiteEdit(candidate, at, text(body, "name", null));
    }

    private static void checkFields(JsonNode node, Set<String> known, String what) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(what + ": expected a JSON object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw new IllegalArgumentException(what + ": unknown field '" + f + "'; expected some of "
                        + known.stream().sorted().toList());
            }
        }
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(field + ": expected a string, not " + v);
        }
        String t = v.textValue().strip();
        return t.isEmpty() ? fallback : t;
    }

    private static int integer(JsonNode node, String field, int fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.canConvertToInt()
                || !(v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble())))) {
            throw new IllegalArgumentException(field + ": expected a whole number, not " + v);
        }
        return v.asInt();
    }

    private static Double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new IllegalArgumentException(field + ": expected a number, not " + v);
        }
        return v.asDouble();
    }

    private static <T> T parse(JsonNode node, String field, Function<String, T> parser, T fallback) {
        String t = text(node, field, null);
        if (t == null) {
            return fallback;
        }
        try {
            return parser.apply(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
    }

    private static <T> List<T> list(JsonNode node, String field, Function<String, T> parser) {
        JsonNode v = node.get(field);
        List<T> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException(field + ": expected an array of strings, not " + v);
        }
        for (JsonNode x : v) {
            if (!x.isTextual()) {
                throw new IllegalArgumentException(field + ": expected strings, not " + x);
            }
            try {
                out.add(parser.apply(x.textValue().strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + ": " + e.getMessage());
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------
    // responses

    static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static Double num(Double v) {
        return v == null ? null : num(v.doubleValue());
    }

    static Map<String, Object> candidate(Candidate c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", c.id());
        p.put("source", c.source().code());
        p.put("kind", c.kind().code());
        p.put("kindZh", c.kind().labelZh());
        p.put("kindEn", c.kind().labelEn());
        p.put("name", c.name());
        p.put("district", c.districtCode());
        p.put("costWanYuan", num(c.costWanYuan()));
        p.put("capacitySeats", c.capacitySeats());
        return GeoJson.feature(
                c.id(), GeoJson.point(c.position().lon(), c.position().lat()), p);
    }

    static Map<String, Object> importReport(CandidateImportReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", "candidates");
        m.put("source", r.source().code());
        m.put("dryRun", r.dryRun());
        m.put("ok", true);
        m.put("created", r.created());
        m.put("updated", r.updated());
        m.put("unchanged", r.unchanged());
        m.put("deleted", r.deleted());
        m.put("notes", r.notes());
        return m;
    }

    /**
     * A scenario's cells as a GeoJSON FeatureCollection of H3 hexagons (6 decimals) with properties h3, weight,
     * state, coveredBefore, coveredAfter, offNetwork, siteId and siteRank (null unless newly covered); foreign members
     * scenarioId, editCount, resolution and the tallies per state (cells, weight; every cell of positive weight).
     */
    static Map<String, Object> cells(ScenarioCells c) {
        HexGrid grid = new HexGrid(c.resolution());
        List<Map<String, Object>> features = new ArrayList<>(c.cells().size());
        for (ScenarioCell cell : c.cells()) {
            Map<String, Object> p = new LinkedHashMap<>();
            String h3 = HexGrid.address(cell.cell());
            p.put("h3", h3);
            p.put("weight", cell.weight());
            p.put("state", cell.state().code());
            p.put("coveredBefore", cell.coveredBefore());
            p.put("coveredAfter", cell.coveredAfter());
            p.put("offNetwork", cell.offNetwork());
            p.put("siteId", cell.siteId());
            p.put("siteRank", cell.siteRank());
            features.add(GeoJson.feature(h3, CoverageJson.hexagon(grid.boundary(cell.cell())), p));
        }
        Map<String, Object> m = new LinkedHashMap<>(GeoJson.collection(features));
        m.put("scenarioId", c.scenarioId());
        m.put("editCount", c.editCount());
        m.put("resolution", c.resolution());
        Map<String, Object> tallies = new LinkedHashMap<>();
        tallies.put(ScenarioCell.State.COVERED.code(), tally(c.covered()));
        tallies.put(ScenarioCell.State.NEW.code(), tally(c.fresh()));
        tallies.put(ScenarioCell.State.UNCOVERED.code(), tally(c.uncovered()));
        m.put("tallies", tallies);
        return m;
    }

    private static Map<String, Object> tally(ScenarioCells.Tally t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cells", t.cells());
        m.put("weight", t.weight());
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static Map<String, Object> job(Job j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id());
        m.put("region", j.regionCode());
        m.put("kind", j.kind());
        m.put("status", j.status().code());
        m.put("progress", j.progress());
        m.put("message", j.message());
        // the search's latest figures in the problem's units; null while unknown (the page formats them)
        m.put("incumbent", finite(j.solver().incumbent()));
        m.put("bound", finite(j.solver().bound()));
        m.put("gap", finite(j.solver().gap()));
        m.put("resultRef", j.resultRef());
        String link = null;
        if (j.resultRef() != null && j.resultRef().startsWith("scenario:")) {
            link = "/api/scenarios/" + j.resultRef().substring("scenario:".length()) + "?region=" + j.regionCode();
        }
        m.put("result", link);
        m.put("createdBy", j.createdBy());
        m.put("createdAt", j.createdAt());
        m.put("startedAt", j.startedAt());
        m.put("finishedAt", j.finishedAt());
        return m;
    }

    static Map<String, Object> scenarioSummary(Scenario s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("region", s.regionCode());
        m.put("name", s.name());
        m.put("status", s.status().code());
        m.put("group", s.request().group().code());
        m.put("problem", s.request().problem().code());
        m.put("minutes", s.request().minutes());
        m.put("solver", s.solve().solver());
        m.put("solveStatus", s.solve().status().name().toLowerCase(java.util.Locale.ROOT));
        m.put("objective", num(s.solve().objective()));
        m.put("gap", num(s.solve().gap()));
        m.put("newSites", s.sites().size());
        m.put("coveredFractionBefore", num(s.figures().fractionBefore()));
        m.put("coveredFractionAfter", num(s.figures().fractionAfter()));
        m.put("editCount", s.editCount());
        m.put("createdBy", s.createdBy());
        m.put("createdAt", s.createdAt());
        m.put("updatedAt", s.updatedAt());
        return m;
    }

    static Map<String, Object> scenario(Scenario s) {
        Map<String, Object> m = scenarioSummary(s);
        m.put("request", request(s.request()));
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("travelMode", s.inputs().mode().code());
        in.put("networkVersionId", s.inputs().networkVersionId());
        in.put("networkSha256", s.inputs().networkSha256());
        in.put("demandLayerId", s.inputs().demandLayerId());
        in.put("candidateMatrixId", s.inputs().candidateMatrixId());
        in.put("stationMatrixId", s.inputs().stationMatrixId());
        in.put("costMatrixIds", s.inputs().costMatrixIds());
        in.put("candidateSetSha256", s.inputs().candidateSetSha256());
        in.put("candidateCount", s.inputs().candidateCount());
        in.put("stationCount", s.inputs().stations().size());
        m.put("inputs", in);
        m.put("solve", solve(s.solve()));
        m.put("figures", figures(s.figures()));
        m.put(
                "sites",
                GeoJson.collection(s.sites().stream().map(PlanningJson::site).toList()));
        m.put("curve", curve(s.curve()));
        return m;
    }

    static Map<String, Object> request(ScenarioRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("group", r.group().code());
        m.put("minutes", r.minutes());
        m.put("problem", r.problem().code());
        m.put("p", r.p());
        m.put("targetCoverage", r.targetCoverage());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put(
                "sources",
                r.candidates().sources().stream().map(CandidateSource::code).toList());
        c.put("kinds", r.candidates().kinds().stream().map(CandidateKind::code).toList());
        c.put("districts", List.copyOf(r.candidates().districts()));
        m.put("candidates", c);
        SiteConstraints k = r.constraints();
        m.put("budgetWanYuan", k.budgetWanYuan());
        m.put("defaultCostWanYuan", k.defaultCostWanYuan());
        m.put(
                "districtLimits",
                k.districtLimits().stream()
                        .map(l -> Map.of("district", l.districtCode(), "min", l.minNewSites(), "max", l.maxNewSites()))
                        .toList());
        m.put("minSpacingMeters", k.minSpacingMeters());
        m.put(
                "capacity",
                k.capacity() == null
                        ? null
                        : Map.of(
                                "demandPerSeat", k.capacity().demandPerSeat(),
                                "defaultSeats", k.capacity().defaultSeats()));
        m.put("solver", r.solver().code());
        m.put("timeLimitSeconds", r.timeLimitSeconds());
        m.put("relativeGap", r.relativeGapLimit());
        m.put("searchMinutes", r.searchMinutes());
        m.put("curveMaxSites", r.curveMaxSites());
        return m;
    }

    static Map<String, Object> solve(SolveSummary v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("problem", v.problem().code());
        m.put("solver", v.solver());
        m.put("status", v.status().name().toLowerCase(java.util.Locale.ROOT));
        m.put("proven", v.status() == dev.outpost.siting.SolveStatus.OPTIMAL);
        m.put("message", v.message());
        m.put("objective", num(v.objective()));
        m.put("objectiveUnit", v.objectiveUnit());
        m.put("bestBound", num(v.bestBound()));
        m.put("gap", num(v.gap()));
        m.put("wallTimeMillis", v.wallTimeMillis());
        m.put("candidateCount", v.candidateCount());
        m.put("fixedCount", v.fixedCount());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("candidatesBefore", v.reduction().candidatesBefore());
        r.put("candidatesAfter", v.reduction().candidatesAfter());
        r.put("demandsBefore", v.reduction().demandsBefore());
        r.put("demandsAfter", v.reduction().demandsAfter());
        r.put("demandsMerged", v.reduction().demandsMerged());
        r.put("demandsCoveredByFixedSites", v.reduction().demandsCoveredByFixedSites());
        r.put("demandsUncoverable", v.reduction().demandsUncoverable());
        r.put("candidatesDominated", v.reduction().candidatesDominated());
        m.put("reduction", r);
        return m;
    }

    static Map<String, Object> figures(ScenarioFigures f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("totalDemand", f.totalDemand());
        m.put("coveredBefore", f.coveredBefore());
        m.put("coveredAfter", f.coveredAfter());
        m.put("newlyCovered", f.newlyCovered());
        m.put("fractionBefore", f.fractionBefore());
        m.put("fractionAfter", f.fractionAfter());
        m.put("cellCount", f.cellCount());
        m.put("cellsCoveredBefore", f.cellsCoveredBefore());
        m.put("cellsCoveredAfter", f.cellsCoveredAfter());
        m.put("offNetworkDemand", f.offNetworkDemand());
        m.put("districts", f.districts().stream().map(PlanningJson::area).toList());
        return m;
    }

    static Map<String, Object> area(AreaFigures a) {
        if (a == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", a.code());
        m.put("name", a.name());
        m.put("demand", a.demand());
        m.put("coveredBefore", a.coveredBefore());
        m.put("coveredAfter", a.coveredAfter());
        m.put("fractionBefore", a.fractionBefore());
        m.put("fractionAfter", a.fractionAfter());
        m.put("newSites", a.newSites());
        return m;
    }

    static Map<String, Object> site(ProposedSite s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("siteId", s.siteId());
        p.put("rank", s.rank());
        p.put("origin", s.origin().code());
        p.put("candidateId", s.candidateId());
        p.put("source", s.source() == null ? null : s.source().code());
        p.put("kind", s.kind().code());
        p.put("kindZh", s.kind().labelZh());
        p.put("name", s.name());
        p.put("district", s.districtCode());
        p.put("costWanYuan", num(s.costWanYuan()));
        p.put("onNetwork", s.onNetwork());
        p.put("marginalGain", num(s.marginalGain()));
        p.put("runnerUpCandidateId", s.runnerUpCandidateId());
        p.put("runnerUpName", s.runnerUpName());
        p.put("runnerUpObjective", num(s.runnerUpObjective()));
        p.put("reachedDemand", s.reachedDemand());
        p.put("newDemand", s.newDemand());
        p.put("exclusiveDemand", s.exclusiveDemand());
        p.put("overlapShare", s.overlapShare());
        return GeoJson.feature(
                s.siteId(), GeoJson.point(s.position().lon(), s.position().lat()), p);
    }

    static Map<String, Object> curve(CurveSummary c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("flattenPercent", c.flattenPercent());
        m.put("flattensAfter", c.flattensAfter());
        List<Map<String, Object>> points = new ArrayList<>();
        for (CurveSummary.Point p : c.points()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("newSites", p.newSites());
            x.put("coveredDemand", p.coveredDemand());
            x.put("coveredFraction", p.coveredFraction());
            x.put("marginalGain", p.marginalGain());
            x.put("candidateId", p.candidateId());
            points.add(x);
        }
        m.put("points", points);
        return m;
    }

    static Map<String, Object> comparison(ScenarioComparison c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", scenarioSummary(c.a()));
        m.put("b", scenarioSummary(c.b()));
        m.put("comparable", c.comparable());
        m.put("notes", c.notes());
        m.put("figuresA", figures(c.a().figures()));
        m.put("figuresB", figures(c.b().figures()));
        m.put(
                "onlyInA",
                GeoJson.collection(c.onlyInA().stream().map(PlanningJson::site).toList()));
        m.put(
                "onlyInB",
                GeoJson.collection(c.onlyInB().stream().map(PlanningJson::site).toList()));
        m.put(
                "inBoth",
                c.inBoth().stream()
                        .map(s -> {
                            Map<String, Object> x = new LinkedHashMap<>();
                            x.put("siteIdInA", s.siteIdInA());
                            x.put("siteIdInB", s.siteIdInB());
                            x.put("candidateId", s.candidateId());
                            x.put("name", s.name());
                            return x;
                        })
                        .toList());
        m.put(
                "districts",
                c.districts().stream()
                        .map(d -> {
                            Map<String, Object> x = new LinkedHashMap<>();
                            x.put("code", d.code());
                            x.put("name", d.name());
                            x.put("a", area(d.a()));
                            x.put("b", area(d.b()));
                            return x;
                        })
                        .toList());
        return m;
    }
}
