package dev.outpost.http;

import dev.outpost.district.AreaLevel;
import dev.outpost.review.ReviewService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code /api/review}: the coverage review of one district or subdistrict ({@code area} = its code; {@code group}
 * = the worker group whose station use and gaps are shown, rider by default), and {@code /api/review/areas}: the
 * headline figures of every area of a {@code level} (district by default), optionally only the subareas of
 * {@code parent}, for a choropleth with drill-down. Unknown regions and area codes are 404.
 */
public final class ReviewRoutes implements Routes {
    private final ReviewService reviews;
    private final Params params;

    public ReviewRoutes(ReviewService reviews, Params params) {
        this.reviews = reviews;
        this.params = params;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/review", this::review);
        routes.get("/api/review/areas", this::areas);
    }

    private void review(Context ctx) {
        String region = params.region(ctx).code();
        String area = ctx.queryParam("area");
        if (area == null || area.isBlank()) {
            throw new IllegalArgumentException("parameter 'area' is required: the code of a district or subdistrict");
        }
        ctx.json(ReviewJson.review(reviews.review(region, area.trim(), CoverageRoutes.group(ctx))));
    }

    private void areas(Context ctx) {
        String region = params.region(ctx).code();
        AreaLevel level = CoverageRoutes.level(ctx);
        String parent = ctx.queryParam("parent");
        ctx.json(reviews.areas(region, level, parent == null || parent.isBlank() ? null : parent.trim()).stream()
                .map(ReviewJson::headline)
                .toList());
    }
}
