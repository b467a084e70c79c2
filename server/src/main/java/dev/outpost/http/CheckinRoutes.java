package dev.outpost.http;

import dev.outpost.common.NotFoundException;
import dev.outpost.rider.CheckinService;
import dev.outpost.rider.DailyVisits;
import dev.outpost.rider.OpenState;
import dev.outpost.rider.StationCode;
import dev.outpost.rider.TooManyRequestsException;
import dev.outpost.rider.poster.FontUnavailableException;
import dev.outpost.rider.poster.PosterService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Station check-ins: the station page {@code GET /s/{code}} (HTML; records an anonymous visit), the daily counts
 * {@code GET /api/stations/{id}/checkins?from=&to=}, and the QR posters {@code GET /api/stations/{id}/poster.png} and
 * {@code .pdf}.
 */
final class CheckinRoutes implements Routes {
    /** The device cookie: a random id, HttpOnly, sent back only to station pages. */
    static final String COOKIE = "outpost_device";

    private static final int COOKIE_MAX_AGE_SECONDS = 400 * 24 * 3600;
    private static final int DEFAULT_DAYS = 30;

    private final CheckinService checkins;
    private final PosterService posters;
    private final Params params;
    private final Clock clock;
    private final Optional<String> publicBaseUrl;

    CheckinRoutes(
            CheckinService checkins,
            PosterService posters,
            Params params,
            Clock clock,
            Optional<String> publicBaseUrl) {
        this.checkins = checkins;
        this.posters = posters;
        this.params = params;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/s/{code}", this::stationPage);
        routes.get("/api/stations/{id}/checkins", this::counts);
        routes.get("/api/stations/{id}/poster.png", ctx -> poster(ctx, false));
        routes.get("/api/stations/{id}/poster.pdf", ctx -> poster(ctx, true));
    }

    private void stationPage(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Content-Type-Options", "nosniff");
        String code = ctx.pathParam("code");
        CheckinService.Visit visit;
        try {
            visit = checkins.visit(code, ctx.cookie(COOKIE), ctx.ip());
        } catch (NotFoundException e) {
            ctx.status(404).contentType("text/html; charset=utf-8");
            ctx.result(StationPage.error(404, "没有这个站点码", "Unknown station code", e.getMessage()));
            return;
        } catch (TooManyRequestsException e) {
            ctx.status(429).header("Retry-After", Long.toString(e.retryAfterSeconds()));
            ctx.contentType("text/html; charset=utf-8");
            ctx.result(StationPage.error(429, "请求太频繁，请稍后再试", "Too many requests, try again shortly", e.getMessage()));
            return;
        }
        visit.deviceIdToSet()
                .ifPresent(id -> ctx.header(
                        "Set-Cookie",
                        COOKIE + "=" + id + "; Max-Age=" + COOKIE_MAX_AGE_SECONDS + "; Path=/s; HttpOnly; SameSite=Lax"
                                + ("https".equals(ctx.scheme()) ? "; Secure" : "")));
        OpenState.Status status = OpenState.at(visit.station().openingHours(), clock.instant());
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(StationPage.render(visit.station(), visit.shortCode(), status, visit.counted(), clock.instant()));
    }

    private void counts(Context ctx) {
        String region = params.region(ctx).code();
        long id = Params.idParam(ctx, "id");
        LocalDate to = date(ctx, "to");
        LocalDate from = date(ctx, "from");
        if (to == null) {
            to = from != null ? from.plusDays(DEFAULT_DAYS - 1L) : checkins.today();
        }
        if (from == null) {
            from = to.minusDays(DEFAULT_DAYS - 1L);
        }
        List<DailyVisits> days = checkins.dailyVisits(region, id, from, to);
        StationCode code = checkins.code(region, id);
        List<Map<String, Object>> list = new ArrayList<>();
        int total = 0;
        for (DailyVisits d : days) {
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("day", d.day().toString());
            day.put("visits", d.visits());
            list.add(day);
            total += d.visits();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("region", region);
        body.put("stationId", id);
        body.put("shortCode", code.shortCode());
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("timeZone", "Asia/Shanghai");
        body.put("total", total);
        body.put("days", list);
        ctx.json(body);
    }

    private void poster(Context ctx, boolean pdf) {
        String region = params.region(ctx).code();
        long id = Params.idParam(ctx, "id");
        String base = publicBaseUrl.orElseGet(() -> ctx.scheme() + "://" + ctx.host());
        byte[] bytes;
        try {
            bytes = pdf ? posters.pdf(region, id, base) : posters.png(region, id, base);
        } catch (FontUnavailableException e) {
            ErrorMapper.send(ctx, 503, "Not available", e.getMessage());
            return;
        }
        String code = checkins.code(region, id).shortCode();
        ctx.contentType(pdf ? "application/pdf" : "image/png");
        ctx.res().setCharacterEncoding(null); // binary: no charset parameter
        ctx.header("Content-Disposition", "inline; filename=\"poster-" + code + (pdf ? ".pdf" : ".png") + "\"");
        ctx.result(bytes);
    }

    private static LocalDate date(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "parameter '" + name + "': '" + v + "' is not a date such as 2026-10-01");
        }
    }
}
