package dev.outpost.http;

import dev.outpost.coverage.CellRoute;
import dev.outpost.coverage.CellStatus;
import dev.outpost.coverage.CoverageService;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.district.AreaLevel;
import dev.outpost.geo.BBox;
import dev.outpost.geo.HexGrid;
import dev.outpost.network.Route;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/coverage}: figures of the 15-minute service circles per worker group — summary per district or
 * subdistrict, demand cells (hexagons) with minutes to the nearest station, gap areas, stored runs (list, read,
 * delete), per-station figures, and the route from a cell to its nearest station. Parameters: {@code region} (default region),
 * {@code group} ({@code rider} by default; {@code ride_hailing}, {@code truck}); cells also {@code bbox}
 * (minLon,minLat,maxLon,maxLat) and {@code status} (covered, gap, unreachable, off_network; comma-separated).
 */
public final class CoverageRoutes implements Routes {
    /** Most cells one response may hold; ask for a smaller bbox beyond that. */
    static final int MAX_CELLS = 200_000;

    private final CoverageService coverage;
    private final Params params;

    public CoverageRoutes(CoverageService coverage, Params params) {
        this.coverage = coverage;
        this.params = params;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/coverage/summary", this::summary);
        routes.get("/api/coverage/cells", this::cells);
        routes.get("/api/coverage/cells/{h3}/route", this::route);
        routes.get("/api/coverage/gaps", this::gaps);
        routes.get("/api/coverage/stations", this::stations);
        routes.get("/api/coverage/runs", this::runs);
        routes.post("/api/coverage/runs", this::run);
        routes.get("/api/coverage/runs/{id}", this::storedRun);
        routes.delete("/api/coverage/runs/{id}", this::deleteRun);
    }

    static WorkerGroup group(Context ctx) {
        String g = ctx.queryParam("group");
        if (g == null || g.isBlank()) {
            return WorkerGroup.RIDER;
        }
        try {
            return WorkerGroup.parse(g);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter 'group': " + e.getMessage());
        }
    }

    static AreaLevel level(Context ctx) {
        String l = ctx.queryParam("level");
        if (l == null || l.isBlank()) {
            return AreaLevel.DISTRICT;
        }
        try {
            return AreaLevel.parse(l);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter 'level': " + e.getMessage());
        }
    }

    private void summary(Context ctx) {
        String region = params.region(ctx).code();
        ctx.json(CoverageJson.summary(coverage.summary(region, group(ctx), level(ctx))));
    }

    private void run(Context ctx) {
        String region = params.region(ctx).code();
        ctx.status(201).json(CoverageJson.summary(coverage.run(region, group(ctx), level(ctx))));
    }

    private void runs(Context ctx) {
        String region = params.region(ctx).code();
        int limit = Params.intParam(ctx, "limit", 20, 1, 1_000);
        ctx.json(coverage.runs(region, group(ctx), limit).stream()
                .map(CoverageJson::run)
                .toList());
    }

    private void storedRun(Context ctx) {
        String region = params.region(ctx).code();
        ctx.json(CoverageJson.summary(coverage.storedSummary(region, Params.idParam(ctx, "id"), level(ctx))));
    }

    /** 204; 404 for an unknown run. */
    private void deleteRun(Context ctx) {
        coverage.deleteRun(params.region(ctx).code(), Params.idParam(ctx, "id"));
        ctx.status(204);
    }

    private void cells(Context ctx) {
        String region = params.region(ctx).code();
        WorkerGroup group = group(ctx);
        String bbox = ctx.queryParam("bbox");
        List<CellStatus> statuses = Params.list(ctx, "status", CellStatus::parse);
        var cells = coverage.cells(
                region,
                group,
                bbox == null || bbox.isBlank() ? null : BBox.parse(bbox),
                statuses.isEmpty() ? EnumSet.allOf(CellStatus.class) : EnumSet.copyOf(statuses));
        if (cells.size() > MAX_CELLS) {
            throw new IllegalArgumentException(
                    "the request covers " + cells.size() + " cells, more than " + MAX_CELLS + "; pass a smaller bbox");
        }
        HexGrid grid = new HexGrid(coverage.resolution(region, group));
        ctx.json(GeoJson.collection(
                cells.stream().map(c -> CoverageJson.cell(c, grid)).toList()));
    }

    private void gaps(Context ctx) {
        String region = params.region(ctx).code();
        int limit = Params.intParam(ctx, "limit", 50, 1, 10_000);
        ctx.json(GeoJson.collection(coverage.gaps(region, group(ctx), limit).stream()
                .map(CoverageJson::gap)
                .toList()));
    }

    private void stations(Context ctx) {
        String region = params.region(ctx).code();
        ctx.json(coverage.stationCoverage(region, group(ctx)).stream()
                .map(CoverageJson::station)
                .toList());
    }

    private void route(Context ctx) {
        String region = params.region(ctx).code();
        long cell;
        try {
            cell = HexGrid.parseCell(ctx.pathParam("h3"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("path parameter 'h3': " + e.getMessage());
        }
        CellRoute r = coverage.cellRoute(region, group(ctx), cell);
        Route route = r.route();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("h3", HexGrid.address(r.cell()));
        p.put("stationId", r.stationId());
        p.put("minutes", CoverageJson.round(r.travelSeconds() / 60.0, 2));
        p.put("routeMinutes", CoverageJson.round(route.travelTimeSeconds() / 60.0, 2));
        p.put("distanceMeters", CoverageJson.round(route.distanceMeters(), 1));
        p.put("streetNames", List.copyOf(route.streetNames()));
        ctx.json(GeoJson.feature(null, CoverageJson.geometry6(route.geometry()), p));
    }
}
