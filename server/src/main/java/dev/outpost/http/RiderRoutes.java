package dev.outpost.http;

import dev.outpost.rider.NearestService;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The rider endpoints, for {@link HttpServices#extraRoutes()}: {@code /api/nearest} and the {@code /find} page address.
 */
public final class RiderRoutes {
    private RiderRoutes() {}

    /** The route groups of the rider side, made with the shared parameter parser. */
    public static Function<Params, List<Routes>> of(NearestService nearest) {
        Objects.requireNonNull(nearest, "nearest");
        return params -> List.of(new NearestRoutes(nearest, params), routes -> routes.get("/find", ctx -> {
            String q = ctx.queryString();
            ctx.redirect("find.html" + (q == null || q.isBlank() ? "" : "?" + q));
        }));
    }
}
