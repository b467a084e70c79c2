package dev.outpost.rider;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The answer to a {@link NearestQuery}. Immutable.
 *
 * @param query the question, as asked
 * @param at the moment at which stations were required to be open (the query's, or "now")
 * @param method how the stations were ranked; {@link RankingMethod#STRAIGHT_LINE} only as a labelled fallback
 * @param fallbackReason why the straight line was used (e.g. "position ... is not on the road network: the nearest
 *     road usable by ebike is 820 m away (limit 500 m)"); null for {@link RankingMethod#NETWORK}
 * @param candidateCount stations of the region that offer the services and are open at that moment
 * @param stations fastest first, at most {@code query.limit()}; fewer when fewer are reachable within {@link
 *     NearestService#SEARCH_LIMIT_SECONDS}
 */
public record NearestResult(
        NearestQuery query,
        Instant at,
        RankingMethod method,
        String fallbackReason,
        int candidateCount,
        List<NearestStation> stations) {

    public NearestResult {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(method, "method");
        if ((method == RankingMethod.STRAIGHT_LINE) != (fallbackReason != null)) {
            throw new IllegalArgumentException("a fallback reason is given exactly for straight-line rankings");
        }
        stations = List.copyOf(stations);
    }
}
