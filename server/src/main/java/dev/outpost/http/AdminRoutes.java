package dev.outpost.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.account.AccountService;
import dev.outpost.account.Area;
import dev.outpost.account.Role;
import dev.outpost.account.User;
import dev.outpost.common.Problem;
import dev.outpost.common.ValidationException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/admin/users}: list, create ({@code user}, {@code displayName}, {@code role}, {@code password}, {@code
 * areas}) and change ({@code displayName}, {@code role}, {@code areas}, {@code disabled}, {@code password}) accounts.
 * Areas are {@code [{"region": "demo", "district": "449901"}]}, without {@code district} for a whole region. The
 * list gives each user's {@code lastLoginAt} when one is still on record (else null).
 */
public final class AdminRoutes implements Routes {
    private final AccountService accounts;

    AdminRoutes(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/admin/users", this::list);
        routes.post("/api/admin/users", this::create);
        routes.put("/api/admin/users/{name}", this::update);
    }

    private void list(Context ctx) {
        Map<String, Instant> lastLogins = accounts.lastLogins();
        ctx.json(Map.of(
                "users",
                accounts.users().stream()
                        .map(u -> json(u, lastLogins.get(u.name())))
                        .toList()));
    }

    private void create(Context ctx) {
        JsonNode b = RequestJson.object(ctx, Set.of("user", "displayName", "role", "password", "areas"));
        String role = RequestJson.text(b, "role");
        User u = accounts.createUser(
                RequestJson.text(b, "user"),
                RequestJson.text(b, "displayName"),
                role == null ? null : role(role),
                RequestJson.text(b, "password"),
                b.has("areas") ? areas(b.get("areas")) : List.of());
        ctx.status(201).json(json(u, null));
    }

    private void update(Context ctx) {
        JsonNode b = RequestJson.object(ctx, Set.of("displayName", "role", "password", "areas", "disabled"));
        String role = RequestJson.text(b, "role");
        User u = accounts.updateUser(
                ctx.pathParam("name"),
                new AccountService.UserChange(
                        RequestJson.text(b, "displayName"),
                        role == null ? null : role(role),
                        b.has("areas") && !b.get("areas").isNull() ? areas(b.get("areas")) : null,
                        RequestJson.bool(b, "disabled"),
                        RequestJson.text(b, "password")));
        ctx.json(json(u, accounts.lastLogins().get(u.name())));
    }

    private static Role role(String code) {
        try {
            return Role.parseAccountRole(code);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("role", e.getMessage());
        }
    }

    static List<Area> areas(JsonNode node) {
        if (!node.isArray()) {
            throw ValidationException.of("areas", "field 'areas' must be a list of {\"region\", \"district\"}");
        }
        List<Area> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode a = node.get(i);
            String field = "areas[" + i + "]";
            if (!a.isObject()) {
                problems.add(Problem.of(field, "an area must be an object {\"region\", \"district\"}"));
                continue;
            }
            JsonNode region = a.get("region");
            JsonNode district = a.get("district");
            if (region == null || !region.isTextual()) {
                problems.add(Problem.of(field + ".region", "the region code is required"));
                continue;
            }
            if (district != null && !district.isNull() && !district.isTextual()) {
                problems.add(Problem.of(field + ".district", "the district code must be a string or absent"));
                continue;
            }
            try {
                out.add(new Area(region.asText(), district == null || district.isNull() ? null : district.asText()));
            } catch (IllegalArgumentException e) {
                problems.add(Problem.of(field, e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return out;
    }

    /** @param lastLogin the user's latest login still on record, or null when none is */
    static Map<String, Object> json(User u, Instant lastLogin) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", u.name());
        m.put("displayName", u.displayName());
        m.put("role", u.role().code());
        m.put("areas", AuthRoutes.areas(u.areas()));
        m.put("disabled", u.disabled());
        m.put("createdAt", u.createdAt());
        m.put("lastLoginAt", lastLogin);
        return m;
    }
}
