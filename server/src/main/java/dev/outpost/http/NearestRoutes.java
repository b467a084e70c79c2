package dev.outpost.http;

import dev.outpost.geo.LatLon;
import dev.outpost.network.TravelMode;
import dev.outpost.rider.NearestQuery;
import dev.outpost.rider.NearestResult;
import dev.outpost.rider.NearestService;
import dev.outpost.station.StationService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.util.Locale;

/**
 * {@code GET /api/nearest}: the nearest open stations by travel time from a position (see docs/api-nearest.md).
 * Parameters: {@code lat}, {@code lon} (WGS 84, required), {@code mode} (ebike, car, truck, foot; default ebike),
 * {@code services} (codes or labels separated by commas; stations must offer all), {@code openAt} (ISO-8601 with
 * offset; default now), {@code limit} (1–50, default 10), {@code route} (true for route geometries), {@code region}.
 */
final class NearestRoutes implements Routes {
    private final NearestService nearest;
    private final Params params;

    NearestRoutes(NearestService nearest, Params params) {
        this.nearest = nearest;
        this.params = params;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/nearest", this::nearest);
    }

    private void nearest(Context ctx) throws Exception {
        String region = params.region(ctx).code();
        LatLon origin = position(ctx);
        String modeText = ctx.queryParam("mode");
        TravelMode mode = TravelMode.EBIKE;
        if (modeText != null && !modeText.isBlank()) {
            try {
                mode = TravelMode.parse(modeText);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("parameter 'mode': " + e.getMessage());
            }
        }
        java.util.Set<StationService> services;
        try {
            services = StationService.parseList(ctx.queryParam("services"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter 'services': " + e.getMessage());
        }
        NearestQuery query = new NearestQuery(
                region,
                origin,
                mode,
                services,
                Params.instantParam(ctx, "openAt"),
                Params.intParam(
                        ctx, "limit", NearestQuery.DEFAULT_LIMIT, NearestQuery.MIN_LIMIT, NearestQuery.MAX_LIMIT),
                Params.boolParam(ctx, "route"));
        NearestResult result = nearest.find(query);
        ctx.header("Cache-Control", "no-store");
        json(ctx, RiderJson.nearest(result));
    }

    /**
     * As {@code ctx.json(body)}, but writes UTF-8 bytes straight from the app's Jackson mapper instead of a Java
     * string that is then encoded again (answers are ~17 KB of mostly Chinese text and links, on the riders' hottest
     * path). Same bytes, same content type.
     */
    static void json(Context ctx, Object body) throws Exception {
        if (ctx.jsonMapper() instanceof JavalinJackson) {
            byte[] bytes = ((JavalinJackson) ctx.jsonMapper()).getMapper().writeValueAsBytes(body);
            ctx.contentType(ContentType.APPLICATION_JSON).result(bytes);
        } else {
            ctx.json(body);
        }
    }

    /** {@code lat} and {@code lon}: required numbers within -90..90 and -180..180. */
    static LatLon position(Context ctx) {
        double lat = Params.doubleParam(ctx, "lat");
        double lon = Params.doubleParam(ctx, "lon");
        if (lat < -90 || lat > 90) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "parameter 'lat': %s is out of range -90..90", ctx.queryParam("lat")));
        }
        if (lon < -180 || lon > 180) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "parameter 'lon': %s is out of range -180..180", ctx.queryParam("lon")));
        }
        return new LatLon(lat, lon);
    }
}
