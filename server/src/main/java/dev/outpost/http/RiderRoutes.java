package dev.outpost.http;

import dev.outpost.rider.CheckinService;
import dev.outpost.rider.NearestService;
import dev.outpost.rider.poster.PosterService;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rider endpoints, for {@link HttpServices#extraRoutes()}: {@code /api/nearest}, the {@code /find} page address,
 * station pages {@code /s/{code}}, check-in counts and QR posters.
 */
public final class RiderRoutes {
    private RiderRoutes() {}

    /**
     * The route groups of the rider side, made with the shared parameter parser.
     *
     * @param publicBaseUrl the address phones reach the server at, for the QR codes; empty to use each request's
     */
    public static Function<Params, List<Routes>> of(
            NearestService nearest,
            CheckinService checkins,
            PosterService posters,
            Clock clock,
            Optional<String> publicBaseUrl) {
        Objects.requireNonNull(nearest, "nearest");
        Objects.requireNonNull(checkins, "checkins");
        Objects.requireNonNull(posters, "posters");
        return params -> List.of(
                new NearestRoutes(nearest, params),
                new CheckinRoutes(checkins, posters, params, clock, publicBaseUrl),
                routes -> routes.get("/find", ctx -> {
                    String q = ctx.queryString();
                    ctx.redirect("find.html" + (q == null || q.isBlank() ? "" : "?" + q));
                }));
    }
}
