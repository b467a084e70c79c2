package dev.outpost.http;

import dev.outpost.rider.NearestResult;
import dev.outpost.rider.NearestStation;
import dev.outpost.rider.OpenState;
import dev.outpost.station.OpeningHours;
import dev.outpost.station.Station;
import dev.outpost.station.StationService;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** JSON of the rider endpoints. Times are ISO-8601 in China Standard Time (+08:00), distances metres. */
final class RiderJson {
    private RiderJson() {}

    static Map<String, Object> nearest(NearestResult r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("region", r.query().regionCode());
        Map<String, Object> origin = new LinkedHashMap<>();
        origin.put("lat", GeoJson.round7(r.query().origin().lat()));
        origin.put("lon", GeoJson.round7(r.query().origin().lon()));
        body.put("origin", origin);
        body.put("mode", r.query().mode().code());
        body.put(
                "services",
                r.query().requiredServices().stream().map(StationService::code).toList());
        body.put("openAt", time(r.at()));
        body.put("limit", r.query().limit());
        body.put("method", r.method().code());
        if (r.fallbackReason() != null) {
            body.put("fallbackReason", r.fallbackReason());
        }
        body.put("candidates", r.candidateCount());
        List<Map<String, Object>> results = new ArrayList<>();
        int rank = 1;
        for (NearestStation s : r.stations()) {
            results.add(result(s, rank++, r.query().includeRoute()));
        }
        body.put("results", results);
        return body;
    }

    private static Map<String, Object> result(NearestStation n, int rank, boolean routeAsked) {
        Station s = n.station();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", rank);
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("kind", s.kind().code());
        m.put("kindLabel", labels(s.kind().labelZh(), s.kind().labelEn()));
        m.put("address", s.address());
        m.put("operator", s.operator());
        m.put("services", s.services().stream().map(StationService::code).toList());
        m.put("openingHours", s.openingHours() == null ? null : s.openingHours().source());
        m.put("capacitySeats", s.capacitySeats());
        m.put("geometry", GeoJson.point(s.location().lon(), s.location().lat()));
        m.put("minutes", Math.round(n.minutes() * 10) / 10.0);
        m.put("travelTimeSeconds", n.travelTimeSeconds());
        m.put("meters", Math.round(n.distanceMeters()));
        m.put("straightLineMeters", Math.round(n.straightLineMeters()));
        putOpenState(m, n.status());
        m.put("openOnArrival", n.openOnArrival());
        m.put("handoff", n.links().asMap());
        if (routeAsked) {
            m.put("route", n.route() == null ? null : GeoJson.geometry(n.route()));
        }
        return m;
    }

    /** {@code openState}, {@code openStateLabel}, {@code closesAt} / {@code opensAt}. */
    static void putOpenState(Map<String, Object> m, OpenState.Status status) {
        m.put("openState", status.state().code());
        m.put("openStateLabel", labels(status.state().labelZh(), status.state().labelEn()));
        m.put("closesAt", status.closesAt().map(RiderJson::time).orElse(null));
        if (status.state() == OpenState.CLOSED) {
            m.put("opensAt", status.opensAt().map(RiderJson::time).orElse(null));
        }
    }

    private static Map<String, Object> labels(String zh, String en) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("zh", zh);
        m.put("en", en);
        return m;
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

    /** e.g. {@code 2026-10-01T18:00:00+08:00}. */
    static String time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, OpeningHours.ZONE).format(TIME);
    }
}
