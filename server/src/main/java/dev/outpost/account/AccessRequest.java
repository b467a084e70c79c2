package dev.outpost.account;

import java.util.Map;

/**
 * What the authorizer needs to know of one request. Immutable.
 *
 * @param method HTTP method
 * @param pathPattern the matched route's pattern, e.g. {@code /api/stations/{id}}
 * @param pathParams the values of the pattern's parameters; copied
 * @param regionCode the region the request is about (its {@code region} parameter or the default region)
 * @param districtCode the district the request names ({@code district} path or query parameter); null when none
 * @param user the logged-in user; null for the public
 */
public record AccessRequest(
        String method,
        String pathPattern,
        Map<String, String> pathParams,
        String regionCode,
        String districtCode,
        User user) {
    public AccessRequest {
        pathParams = pathParams == null ? Map.of() : Map.copyOf(pathParams);
    }
}
