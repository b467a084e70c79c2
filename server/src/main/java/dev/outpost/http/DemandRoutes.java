package dev.outpost.http;

import dev.outpost.demand.DemandLayerInfo;
import dev.outpost.demand.DemandService;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.geo.HexGrid;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/demand}: demand layers per worker group on the H3 grid. {@code POST /api/demand} takes a CSV upload
 * (multipart field {@code file}; {@code group,lon,lat,weight} or {@code group,h3,weight}) and stores one layer per
 * group; {@code POST /api/demand/population?group=} spreads district population over the grid;
 * {@code GET /api/demand/layers} lists the stored layers; {@code DELETE /api/demand/layers/{id}} removes one (409
 * naming the scenarios and stored coverage runs that use it). The newest layer of a group is the one coverage uses.
 * {@code resolution} is the H3 resolution (default 9).
 */
public final class DemandRoutes implements Routes {
    private final DemandService demand;
    private final Params params;
    private final long maxBytes;

    public DemandRoutes(DemandService demand, Params params, long maxBytes) {
        this.demand = demand;
        this.params = params;
        this.maxBytes = maxBytes;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/demand/layers", this::list);
        routes.post("/api/demand", this::upload);
        routes.post("/api/demand/population", this::population);
        routes.delete("/api/demand/layers/{id}", this::delete);
    }

    private void list(Context ctx) {
        ctx.json(demand.list(params.region(ctx).code()).stream()
                .map(DemandRoutes::json)
                .toList());
    }

    private void upload(Context ctx) {
        String region = params.region(ctx).code();
        int resolution = Params.intParam(ctx, "resolution", HexGrid.DEFAULT_RESOLUTION, 0, 15);
        UploadedFile file = Uploads.file(ctx, maxBytes, "the demand CSV");
        List<DemandLayerInfo> saved;
        try (Reader in = new InputStreamReader(file.content(), StandardCharsets.UTF_8)) {
            saved = demand.importCsv(region, file.filename(), in, resolution);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.status(201).json(saved.stream().map(DemandRoutes::json).toList());
    }

    private void population(Context ctx) {
        String region = params.region(ctx).code();
        String g = ctx.queryParam("group");
        WorkerGroup group;
        try {
            group = WorkerGroup.parse(g);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter 'group': " + e.getMessage());
        }
        int resolution = Params.intParam(ctx, "resolution", HexGrid.DEFAULT_RESOLUTION, 0, 15);
        String w = ctx.queryParam("weightPerResident");
        double weight = w == null || w.isBlank() ? 1.0 : Params.doubleParam(ctx, "weightPerResident");
        if (!(weight > 0)) {
            throw new IllegalArgumentException("parameter 'weightPerResident': " + weight + " must be positive");
        }
        ctx.status(201).json(json(demand.importPopulation(region, group, resolution, weight)));
    }

    private void delete(Context ctx) {
        demand.delete(params.region(ctx).code(), Params.idParam(ctx, "id"));
        ctx.status(204);
    }

    static Map<String, Object> json(DemandLayerInfo l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("group", l.group().code());
        m.put("resolution", l.resolution());
        m.put("source", l.source().code());
        m.put("description", l.description());
        m.put("cells", l.cellCount());
        m.put("totalWeight", CoverageJson.round(l.totalWeight(), 3));
        m.put("createdAt", l.createdAt().toString());
        return m;
    }
}
