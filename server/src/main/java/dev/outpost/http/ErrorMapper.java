package dev.outpost.http;

import dev.outpost.common.ConflictException;
import dev.outpost.common.NotFoundException;
import dev.outpost.common.Problem;
import dev.outpost.common.ValidationException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP responses: JSON problem documents ({@code status}, {@code title},
 * {@code detail}, and {@code problems} for validation), 4xx for the caller's mistakes, 500 with an error id for ours.
 * A stack trace never reaches the client; it goes to the server log under that id.
 */
public final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {}

    public static void register(RoutesConfig routes) {
        routes.exception(ValidationException.class, (e, ctx) -> {
            Map<String, Object> body = problem(422, "Invalid input", e.getMessage());
            body.put("problems", problems(e.problems()));
            ctx.status(422).json(body);
        });
        routes.exception(NotFoundException.class, (e, ctx) -> send(ctx, 404, "Not found", e.getMessage()));
        routes.exception(ConflictException.class, (e, ctx) -> send(ctx, 409, "Conflict", e.getMessage()));
        routes.exception(
                PayloadTooLargeException.class, (e, ctx) -> send(ctx, 413, "Payload too large", e.getMessage()));
        routes.exception(IllegalArgumentException.class, (e, ctx) -> send(ctx, 400, "Bad request", e.getMessage()));
        routes.exception(
                HttpResponseException.class,
                (e, ctx) -> send(ctx, e.getStatus(), title(e.getStatus()), e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            String id = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("error {} on {} {}", id, ctx.method(), ctx.path(), e);
            send(ctx, 500, "Internal error", "an internal error occurred (error id " + id + "); nothing was changed");
        });
        routes.error(404, ctx -> {
            String result = ctx.result();
            if (ctx.path().startsWith("/api/") && (result == null || !result.startsWith("{"))) {
                send(ctx, 404, "Not found", "no endpoint " + ctx.method() + " " + ctx.path());
            }
        });
    }

    static void send(Context ctx, int status, String title, String detail) {
        ctx.status(status).json(problem(status, title, detail));
    }

    static Map<String, Object> problem(int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("title", title);
        body.put("detail", detail == null || detail.isBlank() ? title : detail);
        return body;
    }

    static List<Map<String, Object>> problems(List<Problem> problems) {
        return problems.stream()
                .map(p -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("row", p.row());
                    m.put("field", p.field());
                    m.put("reason", p.reason());
                    return m;
                })
                .toList();
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 409 -> "Conflict";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Invalid input";
            case 429 -> "Too many requests";
            default -> status >= 500 ? "Internal error" : "Error";
        };
    }
}
