package dev.outpost.http;

import dev.outpost.district.AreaLevel;
import dev.outpost.district.District;
import dev.outpost.district.DistrictRepository;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /api/districts}: administrative areas as GeoJSON. */
public final class DistrictRoutes implements Routes {
    private final DistrictRepository districts;
    private final Params params;

    DistrictRoutes(DistrictRepository districts, Params params) {
        this.districts = districts;
        this.params = params;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/districts", this::list);
    }

    private void list(Context ctx) {
        String region = params.region(ctx).code();
        String level = ctx.queryParam("level");
        AreaLevel l = level == null || level.isBlank() ? null : AreaLevel.parse(level);
        List<District> found = districts.find(region, l);
        ctx.json(GeoJson.collection(found.stream().map(DistrictRoutes::feature).toList()));
    }

    static Map<String, Object> feature(District d) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", d.code());
        p.put("name", d.name());
        p.put("level", d.level().code());
        p.put("parentCode", d.parentCode());
        p.put("population", d.population());
        p.put("targets", d.targets());
        return GeoJson.feature(d.code(), GeoJson.geometry(d.boundary()), p);
    }
}
