package dev.outpost.http;

import dev.outpost.planning.JobService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code GET /api/jobs/{id}?region=}: a job's status and progress; {@code POST /api/jobs/{id}/cancel}: cancel it. */
public final class JobRoutes implements Routes {
    private final JobService jobs;
    private final Params params;

    public JobRoutes(JobService jobs, Params params) {
        this.jobs = jobs;
        this.params = params;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/jobs/{id}", this::get);
        routes.post("/api/jobs/{id}/cancel", this::cancel);
    }

    private void get(Context ctx) {
        String region = params.region(ctx).code();
        ctx.json(PlanningJson.job(jobs.get(region, Params.idParam(ctx, "id"))));
    }

    private void cancel(Context ctx) {
        String region = params.region(ctx).code();
        ctx.json(PlanningJson.job(jobs.cancel(region, Params.idParam(ctx, "id"))));
    }
}
