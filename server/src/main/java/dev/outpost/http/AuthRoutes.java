package dev.outpost.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.account.AccountService;
import dev.outpost.account.Area;
import dev.outpost.account.Authenticated;
import dev.outpost.account.LoginResult;
import dev.outpost.account.Session;
import dev.outpost.account.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/auth/login} (JSON {@code user}, {@code password}; sets the session cookie), {@code POST
 * /api/auth/logout}, {@code GET /api/auth/me} (the user, role, areas and CSRF token; {@code authenticated: false}
 * for the public). Responses are never cached.
 */
public final class AuthRoutes implements Routes {
    private final AccountService accounts;

    AuthRoutes(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/auth/login", this::login);
        routes.post("/api/auth/logout", this::logout);
        routes.get("/api/auth/me", this::me);
    }

    private void login(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            // a cross-site HTML form cannot send JSON; refusing everything else closes that door too
            throw new HttpResponseException(415, "log in with a JSON body {\"user\": ..., \"password\": ...}");
        }
        JsonNode body = RequestJson.object(ctx, Set.of("user", "password"));
        LoginResult r = accounts.login(
                RequestJson.text(body, "user"), RequestJson.text(body, "password"), ctx.ip(), SessionCookie.read(ctx));
        SessionCookie.write(ctx, r.token(), accounts.settings().absoluteLifetime());
        ctx.json(me(r.user(), r.session()));
    }

    private void logout(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        accounts.logout(SessionCookie.read(ctx));
        SessionCookie.clear(ctx);
        ctx.status(204);
    }

    private void me(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        Authenticated auth = AccessFilter.authenticated(ctx);
        if (auth == null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("authenticated", false);
            m.put("role", "public");
            ctx.json(m);
        } else {
            ctx.json(me(auth.user(), auth.session()));
        }
    }

    private Map<String, Object> me(User u, Session s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("authenticated", true);
        m.put("user", u.name());
        m.put("displayName", u.displayName());
        m.put("role", u.role().code());
        m.put("areas", areas(u.areas()));
        m.put("csrfToken", s.csrfToken());
        m.put("expiresAt", s.expiresAt());
        m.put("idleTimeoutSeconds", accounts.settings().idleTimeout().toSeconds());
        return m;
    }

    static List<Map<String, Object>> areas(List<Area> areas) {
        return areas.stream()
                .map(a -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("region", a.regionCode());
                    m.put("district", a.districtCode());
                    return m;
                })
                .toList();
    }
}
