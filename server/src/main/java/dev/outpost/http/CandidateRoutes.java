package dev.outpost.http;

import dev.outpost.demand.WorkerGroup;
import dev.outpost.geo.CoordinateSystem;
import dev.outpost.planning.Candidate;
import dev.outpost.planning.CandidateFilter;
import dev.outpost.planning.CandidateImportReport;
import dev.outpost.planning.CandidateKind;
import dev.outpost.planning.CandidateService;
import dev.outpost.planning.CandidateSource;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/candidates?region=&group=&source=&kind=&district=&limit=}: candidate sites as a GeoJSON
 * FeatureCollection (sources default to register, import and osm; {@code greenfield} adds every demand cell's
 * centre); {@code POST /api/imports/candidates?region=&crs=&dryRun=}: a candidate file (CSV or XLSX; or an OSM
 * extract {@code .osm} / {@code .osm.pbf} for host sites) as multipart field {@code file}, all or nothing.
 */
public final class CandidateRoutes implements Routes {
    private final CandidateService candidates;
    private final Params params;
    private final long maxBytes;

    public CandidateRoutes(CandidateService candidates, Params params, long maxBytes) {
        this.candidates = candidates;
        this.params = params;
        this.maxBytes = maxBytes;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/candidates", this::list);
        routes.post("/api/imports/candidates", this::upload);
    }

    private void list(Context ctx) {
        String region = params.region(ctx).code();
        WorkerGroup group = CoverageRoutes.group(ctx);
        List<CandidateSource> sources = Params.list(ctx, "source", CandidateSource::parse);
        List<CandidateKind> kinds = Params.list(ctx, "kind", CandidateKind::parse);
        List<String> districts = Params.list(ctx, "district", s -> s);
        int limit = Params.intParam(ctx, "limit", 5_000, 1, 200_000);
        CandidateFilter filter = new CandidateFilter(
                sources.isEmpty()
                        ? EnumSet.of(CandidateSource.REGISTER, CandidateSource.IMPORT, CandidateSource.OSM)
                        : EnumSet.copyOf(sources),
                kinds.isEmpty() ? null : EnumSet.copyOf(kinds),
                new LinkedHashSet<>(districts));
        List<Candidate> found = candidates.find(region, group, filter);
        Map<String, Object> fc = GeoJson.collection(
                found.stream().limit(limit).map(PlanningJson::candidate).toList());
        fc.put("total", found.size());
        fc.put("truncated", found.size() > limit);
        ctx.json(fc);
    }

    private void upload(Context ctx) {
        String region = params.region(ctx).code();
        String crsParam = ctx.queryParam("crs");
        CoordinateSystem crs =
                crsParam == null || crsParam.isBlank() ? CoordinateSystem.WGS84 : CoordinateSystem.parse(crsParam);
        boolean dryRun = Params.boolParam(ctx, "dryRun");
        UploadedFile file = Uploads.file(ctx, maxBytes, "the file");
        byte[] bytes = Uploads.bytes(file);
        String name = file.filename() == null ? "" : file.filename();
        String lower = name.toLowerCase(Locale.ROOT);
        CandidateImportReport report;
        if (lower.endsWith(".osm") || lower.endsWith(".osm.pbf") || lower.endsWith(".pbf")) {
            report = importOsm(region, lower.endsWith(".osm") ? ".osm" : ".osm.pbf", bytes, dryRun);
        } else {
            report = candidates.importFile(region, name, bytes, crs, dryRun);
        }
        Map<String, Object> body = new LinkedHashMap<>(PlanningJson.importReport(report));
        body.put("file", name);
        ctx.json(body);
    }

    private CandidateImportReport importOsm(String region, String suffix, byte[] bytes, boolean dryRun) {
        Path temp = null;
        try {
            temp = Files.createTempFile("outpost-candidates-", suffix);
            Files.write(temp, bytes);
            return candidates.importOsm(region, temp, dryRun);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
