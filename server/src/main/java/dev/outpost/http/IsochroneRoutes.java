package dev.outpost.http;

import dev.outpost.coverage.CoverageService;
import dev.outpost.coverage.ServiceArea;
import dev.outpost.geo.LatLon;
import dev.outpost.network.Direction;
import dev.outpost.network.Isochrone;
import dev.outpost.network.IsochroneBand;
import dev.outpost.network.TravelMode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Isochrones on the road network: {@code GET /api/isochrone} for any point (bands as a GeoJSON FeatureCollection,
 * largest first so that smaller bands draw on top) and {@code GET /api/stations/{id}/service-area} for a station's
 * service circle (towards the station).
 */
public final class IsochroneRoutes implements Routes {
    private final CoverageService coverage;
    private final Params params;

    public IsochroneRoutes(CoverageService coverage, Params params) {
        this.coverage = coverage;
        this.params = params;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/isochrone", this::isochrone);
        routes.get("/api/stations/{id}/service-area", this::serviceArea);
    }

    static TravelMode mode(Context ctx, TravelMode defaultMode) {
        String m = ctx.queryParam("mode");
        if (m == null || m.isBlank()) {
            return defaultMode;
        }
        try {
            return TravelMode.parse(m);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter 'mode': " + e.getMessage());
        }
    }

    private void isochrone(Context ctx) {
        String region = params.region(ctx).code();
        LatLon point;
        try {
            point = new LatLon(Params.doubleParam(ctx, "lat"), Params.doubleParam(ctx, "lon"));
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("parameter")
                    ? e
                    : new IllegalArgumentException("parameters 'lat'/'lon': " + e.getMessage());
        }
        List<Integer> minutes = Params.list(ctx, "minutes", IsochroneRoutes::minutes);
        if (minutes.isEmpty()) {
            minutes = List.of(15);
        }
        String d = ctx.queryParam("direction");
        Direction direction;
        try {
            direction = d == null || d.isBlank() ? Direction.TO_ORIGIN : Direction.parse(d);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter 'direction': " + e.getMessage());
        }
        Isochrone iso = coverage.isochrone(region, point, mode(ctx, TravelMode.EBIKE), minutes, direction);
        List<Object> features = new ArrayList<>();
        for (int k = iso.bands().size() - 1; k >= 0; k--) {
            IsochroneBand band = iso.bands().get(k);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("minutes", band.minutes());
            p.put("mode", iso.mode().code());
            p.put("direction", iso.direction() == Direction.TO_ORIGIN ? "to" : "from");
            p.put("snapDistanceMeters", CoverageJson.round(iso.snapDistanceMeters(), 1));
            features.add(GeoJson.feature(band.minutes(), CoverageJson.geometry6(band.area()), p));
        }
        ctx.json(GeoJson.collection(features));
    }

    static Integer minutes(String text) {
        int m;
        try {
            m = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number of minutes");
        }
        if (m < 1 || m > 120) {
            throw new IllegalArgumentException(m + " minutes is out of range 1..120");
        }
        return m;
    }

    private void serviceArea(Context ctx) {
        String region = params.region(ctx).code();
        long id = Params.idParam(ctx, "id");
        int minutes = Params.intParam(ctx, "minutes", coverage.settings().limitMinutes(), 1, 120);
        ServiceArea a = coverage.serviceArea(region, id, minutes, mode(ctx, null));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("stationId", a.stationId());
        p.put("name", a.name());
        p.put("mode", a.mode().code());
        p.put("minutes", a.minutes());
        p.put("direction", "to");
        p.put("demandWithin", a.demandWithin() == null ? null : CoverageJson.round(a.demandWithin(), 3));
        p.put("catchmentDemand", a.catchmentDemand() == null ? null : CoverageJson.round(a.catchmentDemand(), 3));
        ctx.json(GeoJson.feature(a.stationId(), CoverageJson.geometry6(a.area()), p));
    }
}
