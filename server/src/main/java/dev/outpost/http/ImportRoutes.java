package dev.outpost.http;

import dev.outpost.common.Actor;
import dev.outpost.geo.CoordinateSystem;
import dev.outpost.imports.ImportReport;
import dev.outpost.imports.ImportService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /api/imports/stations} and {@code /api/imports/districts}: multipart uploads, field {@code file}. */
public final class ImportRoutes implements Routes {
    private final ImportService imports;
    private final Params params;
    private final long maxBytes;

    ImportRoutes(ImportService imports, Params params, long maxBytes) {
        this.imports = imports;
        this.params = params;
        this.maxBytes = maxBytes;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/imports/stations", ctx -> handle(ctx, true));
        routes.post("/api/imports/districts", ctx -> handle(ctx, false));
    }

    private void handle(Context ctx, boolean stations) {
        String region = params.region(ctx).code();
        String crsParam = ctx.queryParam("crs");
        CoordinateSystem crs =
                crsParam == null || crsParam.isBlank() ? CoordinateSystem.WGS84 : CoordinateSystem.parse(crsParam);
        boolean dryRun = Params.boolParam(ctx, "dryRun");
        UploadedFile file = Uploads.file(ctx, maxBytes, "the file");
        byte[] bytes = Uploads.bytes(file);
        String actor = Actor.current();
        ImportReport report = stations
                ? imports.importStations(region, file.filename(), bytes, crs, dryRun, actor)
                : imports.importDistricts(region, file.filename(), bytes, crs, dryRun, actor);
        ctx.status(report.ok() ? 200 : 422).json(json(report));
    }

    static Map<String, Object> json(ImportReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", r.dataset());
        m.put("dryRun", r.dryRun());
        m.put("ok", r.ok());
        m.put("rowLabel", r.rowLabel());
        m.put("created", r.created());
        m.put("updated", r.updated());
        m.put("unchanged", r.unchanged());
        m.put("deleted", 0);
        m.put("errors", ErrorMapper.problems(r.errors()));
        m.put("omittedErrors", r.omittedErrors());
        m.put("warnings", ErrorMapper.problems(r.warnings()));
        m.put("batchId", r.batchId());
        if (!r.ok()) {
            m.put("status", 422);
            m.put("title", "Invalid file");
            m.put(
                    "detail",
                    r.errors().isEmpty()
                            ? "the file was refused"
                            : r.errors().get(0).toString());
        }
        return m;
    }
}
