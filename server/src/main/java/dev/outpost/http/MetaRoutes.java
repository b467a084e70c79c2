package dev.outpost.http;

import dev.outpost.district.Region;
import dev.outpost.district.RegionRepository;
import dev.outpost.geo.BBox;
import dev.outpost.station.StationKind;
import dev.outpost.station.StationService;
import dev.outpost.station.StationStatus;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /api/config} (map settings and regions), {@code /api/meta} (code lists with labels) and health checks. */
public final class MetaRoutes implements Routes {
    /** Map colours per station kind, also used by the legend. */
    static final Map<StationKind, String> KIND_COLORS = Map.of(
            StationKind.WARM_BEE_STATION, "#e8590c",
            StationKind.DRIVER_HOME, "#1971c2",
            StationKind.PARTY_SERVICE_CENTER, "#c92a2a",
            StationKind.PARTNER_SITE, "#2f9e44",
            StationKind.OTHER, "#868e96");

    private final RegionRepository regions;
    private final HttpSettings settings;
    private final java.util.function.BooleanSupplier ready;

    MetaRoutes(RegionRepository regions, HttpSettings settings, java.util.function.BooleanSupplier ready) {
        this.regions = regions;
        this.settings = settings;
        this.ready = ready;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/config", this::config);
        routes.get("/api/meta", this::meta);
        routes.get("/health/live", ctx -> ctx.json(Map.of("status", "live")));
        routes.get("/health/ready", this::readiness);
    }

    private void readiness(Context ctx) {
        if (ready.getAsBoolean()) {
            ctx.json(Map.of("status", "ready"));
        } else {
            ErrorMapper.send(ctx, 503, "Not ready", "the database is not reachable");
        }
    }

    private void config(Context ctx) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Region r : regions.findAll()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", r.code());
            m.put("name", r.name());
            m.put("nameEn", r.nameEn());
            m.put("synthetic", r.synthetic());
            Optional<BBox> box = regions.extent(r.code());
            box.ifPresent(b -> {
                m.put("bbox", new double[] {b.minLon(), b.minLat(), b.maxLon(), b.maxLat()});
                m.put("center", new double[] {(b.minLat() + b.maxLat()) / 2, (b.minLon() + b.maxLon()) / 2});
            });
            m.put("zoom", 12);
            list.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tileUrl", settings.tileUrl());
        body.put("tileAttribution", settings.tileAttribution());
        body.put("defaultRegion", settings.defaultRegion());
        body.put("regions", list);
        body.put("maxUploadBytes", settings.maxUploadBytes());
        ctx.json(body);
    }

    private void meta(Context ctx) {
        List<Map<String, Object>> kinds = new ArrayList<>();
        for (StationKind k : StationKind.values()) {
            kinds.add(Map.of("code", k.code(), "zh", k.labelZh(), "en", k.labelEn(), "color", KIND_COLORS.get(k)));
        }
        List<Map<String, Object>> services = new ArrayList<>();
        for (StationService s : StationService.values()) {
            services.add(Map.of("code", s.code(), "zh", s.labelZh(), "en", s.labelEn()));
        }
        List<Map<String, Object>> statuses = new ArrayList<>();
        for (StationStatus s : StationStatus.values()) {
            statuses.add(Map.of("code", s.code(), "zh", s.labelZh(), "en", s.labelEn()));
        }
        ctx.json(Map.of("kinds", kinds, "services", services, "statuses", statuses));
    }
}
