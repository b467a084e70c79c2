package dev.outpost.http;

import dev.outpost.report.ReportFormat;
import dev.outpost.report.ReportService;
import dev.outpost.report.ReportUnavailableException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code /api/reports/{area}.pdf} and {@code .xlsx}: the review report of a district or subdistrict as a download
 * (parameters {@code region}, {@code group}). Unknown regions and areas are 404, an unknown extension 400; a PDF
 * without an installed CJK font is 503 with a message saying what to install.
 */
public final class ReportRoutes implements Routes {
    private final ReportService reports;
    private final Params params;

    public ReportRoutes(ReportService reports, Params params) {
        this.reports = reports;
        this.params = params;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/reports/{file}", this::report);
        routes.exception(
                ReportUnavailableException.class,
                (e, ctx) -> ErrorMapper.send(ctx, 503, "Service unavailable", e.getMessage()));
    }

    private void report(Context ctx) {
        String file = ctx.pathParam("file");
        int dot = file.lastIndexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException(
                    "report '" + file + "' needs an extension: /api/reports/{area}.pdf or /api/reports/{area}.xlsx");
        }
        ReportFormat format = ReportFormat.parse(file.substring(dot + 1));
        String region = params.region(ctx).code();
        ReportService.Report r = reports.make(region, file.substring(0, dot), CoverageRoutes.group(ctx), format);
        ctx.header("Content-Disposition", "attachment; filename=\"" + r.fileName() + "\"");
        ctx.contentType(r.format().contentType());
        ctx.result(r.bytes());
    }
}
