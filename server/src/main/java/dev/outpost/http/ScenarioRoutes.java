package dev.outpost.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.common.Actor;
import dev.outpost.planning.Job;
import dev.outpost.planning.JobService;
import dev.outpost.planning.ProposalFiles;
import dev.outpost.planning.ProposalService;
import dev.outpost.planning.Scenario;
import dev.outpost.planning.ScenarioCell;
import dev.outpost.planning.ScenarioCells;
import dev.outpost.planning.ScenarioRequest;
import dev.outpost.planning.ScenarioService;
import dev.outpost.planning.SolverChoice;
import dev.outpost.siting.SolveControl;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code /api/scenarios}: create and solve a scenario ({@code POST}; answered at once with 201 when the heuristic runs
 * on matrices already built, else queued as a job with 202 and {@code Location: /api/jobs/{id}}; the body's
 * {@code async} overrides), list and read them, what-if edits of their sites ({@code POST .../sites},
 * {@code PUT/DELETE .../sites/{siteId}}), deletion of a draft that was never submitted ({@code DELETE
 * /api/scenarios/{id}}: 204, 409 otherwise), side-by-side comparison ({@code GET /api/scenarios/compare?a=&b=}), the demand cells before and after
 * ({@code GET .../cells?state=}) and exports ({@code .../export.geojson|csv|xlsx}). Every endpoint takes {@code region}. {@code GET /api/scenarios/{id}}
 * includes the proposal workflow's {@code area} and {@code decisions} (see {@link ProposalRoutes}).
 */
public final class ScenarioRoutes implements Routes {
    private static final ObjectMapper MAPPER = Json.newMapper();

    private final ScenarioService scenarios;
    private final JobService jobs;
    private final ProposalService proposals;
    private final Params params;

    /** @param proposals reads a scenario's area and decision history for {@code GET /api/scenarios/{id}} */
    public ScenarioRoutes(ScenarioService scenarios, JobService jobs, ProposalService proposals, Params params) {
        this.scenarios = scenarios;
        this.jobs = jobs;
        this.proposals = proposals;
        this.params = params;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/scenarios/compare", this::compare);
        routes.post("/api/scenarios", this::create);
        routes.get("/api/scenarios", this::list);
        routes.get("/api/scenarios/{id}", this::get);
        routes.delete("/api/scenarios/{id}", this::delete);
        routes.post("/api/scenarios/{id}/sites", this::addSite);
        routes.put("/api/scenarios/{id}/sites/{siteId}", this::moveSite);
        routes.delete("/api/scenarios/{id}/sites/{siteId}", this::removeSite);
        routes.get("/api/scenarios/{id}/cells", this::cells);
        routes.get("/api/scenarios/{id}/export.geojson", ctx -> export(ctx, "geojson"));
        routes.get("/api/scenarios/{id}/export.csv", ctx -> export(ctx, "csv"));
        routes.get("/api/scenarios/{id}/export.xlsx", ctx -> export(ctx, "xlsx"));
    }

    private static JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the request needs a JSON body");
        }
        try {
            return MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private void create(Context ctx) {
        String region = params.region(ctx).code();
        JsonNode body = body(ctx);
        ScenarioRequest request = PlanningJson.request(body);
        Boolean asyncParam = PlanningJson.async(body);
        ScenarioService.Plan plan = scenarios.prepare(region, request);
        boolean async =
                asyncParam != null ? asyncParam : request.solver() != SolverChoice.GREEDY || !plan.matricesReady();
        String actor = Actor.current();
        if (!async) {
            Scenario s = scenarios.solve(plan, SolveControl.NONE, actor);
            ctx.status(201).header("Location", "/api/scenarios/" + s.id() + "?region=" + region);
            ctx.json(PlanningJson.scenario(s));
            return;
        }
        Job job = jobs.submit(region, "scenario", actor, request.timeLimitSeconds() + 5, context -> {
            context.progress(0.01, "building coverage matrices and solving");
            Scenario s = Actor.as(actor, () -> scenarios.solve(plan, context.control(), actor));
            return "scenario:" + s.id();
        });
        ctx.status(202).header("Location", "/api/jobs/" + job.id() + "?region=" + region);
        ctx.json(PlanningJson.job(job));
    }

    private void list(Context ctx) {
        String region = params.region(ctx).code();
        int limit = Params.intParam(ctx, "limit", 100, 1, 1_000);
        ctx.json(scenarios.list(region, limit).stream()
                .map(PlanningJson::scenarioSummary)
                .toList());
    }

    private void get(Context ctx) {
        String region = params.region(ctx).code();
        // the scenario with the proposal workflow's fields: area, submitter, decisions
        ctx.json(ProposalRoutes.proposal(proposals.get(region, Params.idParam(ctx, "id"))));
    }

    /** 204; 404 unknown; 409 when it was ever submitted (see {@link ScenarioService#delete}). */
    private void delete(Context ctx) {
        scenarios.delete(params.region(ctx).code(), Params.idParam(ctx, "id"));
        ctx.status(204);
    }

    private void addSite(Context ctx) {
        String region = params.region(ctx).code();
        long id = Params.idParam(ctx, "id");
        Scenario s = scenarios.addSite(region, id, PlanningJson.siteEdit(body(ctx)));
        ctx.status(201).json(PlanningJson.scenario(s));
    }

    private void moveSite(Context ctx) {
        String region = params.region(ctx).code();
        long id = Params.idParam(ctx, "id");
        int siteId = siteId(ctx);
        ctx.json(PlanningJson.scenario(scenarios.moveSite(region, id, siteId, PlanningJson.siteEdit(body(ctx)))));
    }

    private void removeSite(Context ctx) {
        String region = params.region(ctx).code();
        long id = Params.idParam(ctx, "id");
        ctx.json(PlanningJson.scenario(scenarios.removeSite(region, id, siteId(ctx))));
    }

    private static int siteId(Context ctx) {
        long v = Params.idParam(ctx, "siteId");
        if (v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + v + "' is not a valid siteId");
        }
        return (int) v;
    }

    private void compare(Context ctx) {
        String region = params.region(ctx).code();
        long a = queryId(ctx, "a");
        long b = queryId(ctx, "b");
        ctx.json(PlanningJson.comparison(scenarios.compare(region, a, b)));
    }

    private static long queryId(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("parameter '" + name + "' is required: a scenario id");
        }
        try {
            long id = Long.parseLong(v.trim());
            if (id <= 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + name + "': '" + v + "' is not a scenario id");
        }
    }

    /**
     * The scenario's demand cells (weight &gt; 0) as GeoJSON hexagons; {@code state} is a comma-separated list of
     * {@code covered}, {@code new}, {@code uncovered} or {@code all}; by default {@code new,uncovered} (every cell not
     * covered before).
     */
    private void cells(Context ctx) {
        String region = params.region(ctx).code();
        long id = Params.idParam(ctx, "id");
        Set<ScenarioCell.State> states = EnumSet.noneOf(ScenarioCell.State.class);
        String param = ctx.queryParam("state");
        if (param == null || param.isBlank()) {
            states.add(ScenarioCell.State.NEW);
            states.add(ScenarioCell.State.UNCOVERED);
        } else {
            for (String part : param.split(",", -1)) {
                if (part.strip().equalsIgnoreCase("all")) {
                    states.addAll(EnumSet.allOf(ScenarioCell.State.class));
                } else {
                    try {
                        states.add(ScenarioCell.State.parse(part));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("parameter 'state': " + e.getMessage());
                    }
                }
            }
        }
        ScenarioCells cells = scenarios.cells(region, id, states);
        if (cells.cells().size() > CoverageRoutes.MAX_CELLS) {
            throw new IllegalArgumentException(
                    "parameter 'state': the scenario has " + cells.cells().size() + " cells in states "
                            + states.stream().map(ScenarioCell.State::code).toList() + ", more than "
                            + CoverageRoutes.MAX_CELLS + "; ask for fewer states");
        }
        ctx.json(PlanningJson.cells(cells));
    }

    private void export(Context ctx, String format) {
        String region = params.region(ctx).code();
        Scenario s = scenarios.get(region, Params.idParam(ctx, "id"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String type;
        switch (format) {
            case "geojson" -> {
                ProposalFiles.writeGeoJson(s, out);
                type = "application/geo+json; charset=utf-8";
            }
            case "csv" -> {
                ProposalFiles.writeCsv(s, out);
                type = "text/csv; charset=utf-8";
            }
            default -> {
                ProposalFiles.writeXlsx(s, out);
                type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            }
        }
        ctx.header("Content-Disposition", "attachment; filename=\"scenario-" + s.id() + "." + format + "\"");
        ctx.contentType(type);
        ctx.result(out.toByteArray());
    }
}
