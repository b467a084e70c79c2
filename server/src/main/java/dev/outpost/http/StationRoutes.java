package dev.outpost.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.geo.BBox;
import dev.outpost.station.Station;
import dev.outpost.station.StationCatalog;
import dev.outpost.station.StationKind;
import dev.outpost.station.StationQuery;
import dev.outpost.station.StationService;
import dev.outpost.station.StationStatus;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/** {@code /api/stations}: search, read, create, update, delete. */
public final class StationRoutes implements Routes {
    private final StationCatalog catalog;
    private final Params params;
    private final Clock clock;
    private final ObjectMapper mapper = Json.newMapper();

    StationRoutes(StationCatalog catalog, Params params, Clock clock) {
        this.catalog = catalog;
        this.params = params;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/stations", this::search);
        routes.get("/api/stations/{id}", this::one);
        routes.post("/api/stations", this::create);
        routes.put("/api/stations/{id}", this::update);
        routes.delete("/api/stations/{id}", this::delete);
    }

    private void search(Context ctx) {
        String region = params.region(ctx).code();
        String bbox = ctx.queryParam("bbox");
        Instant now = clock.instant();
        Instant openAt = Params.instantParam(ctx, "openAt");
        if (openAt == null && Params.boolParam(ctx, "openNow")) {
            openAt = now;
        }
        StationQuery q = new StationQuery(
                region,
                bbox == null || bbox.isBlank() ? null : BBox.parse(bbox),
                new HashSet<>(Params.list(ctx, "kind", StationKind::parse)),
                new HashSet<>(Params.list(ctx, "services", StationService::parse)),
                openAt,
                new HashSet<>(Params.list(ctx, "status", StationStatus::parse)),
                Params.intParam(ctx, "limit", StationQuery.MAX_LIMIT, 1, StationQuery.MAX_LIMIT));
        List<Station> found = catalog.find(q);
        Instant at = openAt == null ? now : openAt;
        ctx.json(GeoJson.collection(
                found.stream().map(s -> StationJson.feature(s, at)).toList()));
    }

    private void one(Context ctx) {
        Station s = catalog.get(params.region(ctx).code(), Params.idParam(ctx, "id"));
        ctx.json(StationJson.feature(s, clock.instant()));
    }

    private void create(Context ctx) {
        Station s = StationJson.parse(body(ctx), params.region(ctx).code(), null);
        ctx.status(201).json(StationJson.feature(catalog.create(s), clock.instant()));
    }

    private void update(Context ctx) {
        String region = params.region(ctx).code();
        long id = Params.idParam(ctx, "id");
        Station s = StationJson.parse(body(ctx), region, id);
        ctx.json(StationJson.feature(catalog.update(s), clock.instant()));
    }

    private void delete(Context ctx) {
        catalog.delete(params.region(ctx).code(), Params.idParam(ctx, "id"));
        ctx.status(204);
    }

    private JsonNode body(Context ctx) {
        try {
            return mapper.readTree(ctx.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
