package dev.outpost.http;

import dev.outpost.common.Actor;
import dev.outpost.geo.CoordinateSystem;
import dev.outpost.imports.ImportReport;
import dev.outpost.imports.ImportService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
        if (ctx.contentLength() > maxBytes + 1024 * 1024) {
            throw new PayloadTooLargeException(
                    "the upload is " + ctx.contentLength() + " bytes; the limit is " + maxBytes + " bytes");
        }
        UploadedFile file = uploadedFile(ctx);
        if (file == null) {
            throw new IllegalArgumentException("no file: send the file as multipart form field 'file'");
        }
        if (file.size() > maxBytes) {
            throw new PayloadTooLargeException(
                    "file '" + file.filename() + "' is " + file.size() + " bytes; the limit is " + maxBytes + " bytes");
        }
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String actor = Actor.current();
        ImportReport report = stations
                ? imports.importStations(region, file.filename(), bytes, crs, dryRun, actor)
                : imports.importDistricts(region, file.filename(), bytes, crs, dryRun, actor);
        ctx.status(report.ok() ? 200 : 422).json(json(report));
    }

    /** The multipart field {@code file}; Jetty's own size and format failures become 413 and 400. */
    private UploadedFile uploadedFile(Context ctx) {
        try {
            return ctx.uploadedFile("file");
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                String m = String.valueOf(t.getMessage());
                if (m.contains("max file size") || m.contains("max request size") || m.contains("max length")) {
                    throw new PayloadTooLargeException("the upload is larger than the limit of " + maxBytes + " bytes");
                }
            }
            throw new IllegalArgumentException("the upload is not a valid multipart form with a field 'file'");
        }
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
