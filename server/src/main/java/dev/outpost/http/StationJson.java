package dev.outpost.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.common.Problem;
import dev.outpost.common.ValidationException;
import dev.outpost.geo.LatLon;
import dev.outpost.station.OpeningHours;
import dev.outpost.station.Station;
import dev.outpost.station.StationKind;
import dev.outpost.station.StationService;
import dev.outpost.station.StationStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Stations as GeoJSON features, and station request bodies (plain JSON or a GeoJSON Feature) to stations. */
final class StationJson {
    private StationJson() {}

    static Map<String, Object> feature(Station s, Instant now) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", s.id());
        p.put("externalId", s.externalId());
        p.put("kind", s.kind().code());
        p.put("kindLabel", Map.of("zh", s.kind().labelZh(), "en", s.kind().labelEn()));
        p.put("name", s.name());
        p.put("address", s.address());
        p.put("operator", s.operator());
        p.put("districtCode", s.districtCode());
        p.put("services", s.services().stream().map(StationService::code).toList());
        p.put("openingHours", s.openingHours() == null ? null : s.openingHours().source());
        p.put("openNow", s.openingHours() == null ? null : s.openingHours().isOpenAt(now));
        p.put("capacitySeats", s.capacitySeats());
        p.put("status", s.status().code());
        return GeoJson.feature(
                s.id(), GeoJson.point(s.location().lon(), s.location().lat()), p);
    }

    /**
     * A station from a request body: {@code {"kind": ..., "name": ..., "lat": .., "lon": .., ...}} or a GeoJSON
     * Feature with a Point geometry and those properties. Every problem is collected into one
     * {@link ValidationException}.
     */
    static Station parse(JsonNode body, String regionCode, Long id) {
        if (body == null || !body.isObject()) {
            throw ValidationException.of(null, "the request body must be a JSON object");
        }
        JsonNode props = body;
        Double lat = null;
        Double lon = null;
        List<Problem> problems = new ArrayList<>();
        if ("Feature".equals(body.path("type").asText())) {
            props = body.path("properties");
            JsonNode coords = body.path("geometry").path("coordinates");
            if (!"Point".equals(body.path("geometry").path("type").asText()) || coords.size() < 2) {
                problems.add(Problem.of("geometry", "a station feature needs a Point geometry [lon, lat]"));
            } else {
                lon = number(coords.get(0), "geometry", problems);
                lat = number(coords.get(1), "geometry", problems);
            }
        } else {
            lat = number(props.get("lat"), "lat", problems);
            lon = number(props.get("lon"), "lon", problems);
        }
        StationKind kind = parse(props, "kind", problems, StationKind::parse);
        StationStatus status = props.hasNonNull("status")
                ? parse(props, "status", problems, StationStatus::parse)
                : StationStatus.OPEN;
        Set<StationService> services = EnumSet.noneOf(StationService.class);
        JsonNode sv = props.get("services");
        if (sv != null && !sv.isNull()) {
            if (sv.isArray()) {
                for (JsonNode item : sv) {
                    try {
                        services.add(StationService.parse(item.asText()));
                    } catch (IllegalArgumentException e) {
                        problems.add(Problem.of("services", e.getMessage()));
                    }
                }
            } else {
                try {
                    services.addAll(StationService.parseList(sv.asText()));
                } catch (IllegalArgumentException e) {
                    problems.add(Problem.of("services", e.getMessage()));
                }
            }
        }
        OpeningHours hours = null;
        if (props.hasNonNull("openingHours")
                && !props.get("openingHours").asText().isBlank()) {
            hours = parse(props, "openingHours", problems, OpeningHours::parse);
        }
        Integer capacity = null;
        if (props.hasNonNull("capacitySeats")) {
            JsonNode c = props.get("capacitySeats");
            if (!c.canConvertToInt() || !c.isIntegralNumber()) {
                problems.add(Problem.of("capacitySeats", "'" + c.asText() + "' is not a whole number"));
            } else {
                capacity = c.asInt();
            }
        }
        LatLon location = null;
        if (lat != null && lon != null) {
            try {
                location = new LatLon(lat, lon);
            } catch (IllegalArgumentException e) {
                problems.add(Problem.of("lat/lon", e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        try {
            return new Station(
                    id,
                    regionCode,
                    text(props, "externalId"),
                    kind,
                    text(props, "name"),
                    text(props, "address"),
                    text(props, "operator"),
                    text(props, "districtCode"),
                    services,
                    hours,
                    capacity,
                    status,
                    location);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(null, e.getMessage());
        }
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> T parse(JsonNode props, String field, List<Problem> problems, Parser<T> parser) {
        JsonNode v = props.get(field);
        if (v == null || v.isNull()) {
            problems.add(Problem.of(field, "is required"));
            return null;
        }
        try {
            return parser.parse(v.asText());
        } catch (IllegalArgumentException e) {
            problems.add(Problem.of(field, e.getMessage()));
            return null;
        }
    }

    private static Double number(JsonNode v, String field, List<Problem> problems) {
        if (v == null || v.isNull()) {
            problems.add(Problem.of(field, "is required"));
            return null;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        try {
            return Double.parseDouble(v.asText().trim());
        } catch (NumberFormatException e) {
            problems.add(Problem.of(field, "'" + v.asText() + "' is not a number"));
            return null;
        }
    }

    private static String text(JsonNode props, String field) {
        JsonNode v = props.get(field);
        return v == null || v.isNull() || v.asText().isBlank()
                ? null
                : v.asText().trim();
    }
}
