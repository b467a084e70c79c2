package dev.outpost.http;

import dev.outpost.account.AreaFilter;
import dev.outpost.account.AuditEntry;
import dev.outpost.account.AuditQuery;
import dev.outpost.account.Authenticated;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/audit?region=&entity=&entityId=&district=&limit=}: who changed what, when, before and after,
 * newest first. Admins see every row (including account changes, region {@code *}); leaders only rows of their
 * areas (the access policy has already refused a {@code district} outside them).
 */
public final class AuditRoutes implements Routes {
    private final Security security;

    AuditRoutes(Security security) {
        this.security = security;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/audit", this::find);
    }

    private void find(Context ctx) {
        Authenticated auth = AccessFilter.authenticated(ctx);
        if (auth == null) {
            throw new IllegalStateException("the access policy let an anonymous request through to the audit log");
        }
        String region = blankToNull(ctx.queryParam("region"));
        String district = blankToNull(ctx.queryParam("district"));
        String entity = blankToNull(ctx.queryParam("entity"));
        String entityId = blankToNull(ctx.queryParam("entityId"));
        int limit = Params.intParam(ctx, "limit", 200, 1, AuditQuery.MAX_LIMIT);
        AreaFilter visible = security.authorizer().visibleAreas(auth.user());
        if (district != null) {
            if (region == null) {
                throw new IllegalArgumentException("parameter 'district' needs parameter 'region'");
            }
            visible = new AreaFilter(
                    Set.of(), Map.of(region, security.authorizer().areaAndBelow(region, district)));
        }
        List<AuditEntry> rows = security.audit().find(new AuditQuery(region, entity, entityId, visible, limit));
        ctx.json(Map.of("entries", rows.stream().map(AuditRoutes::json).toList()));
    }

    private static Map<String, Object> json(AuditEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("region", e.regionCode());
        m.put("at", e.at());
        m.put("actor", e.actor());
        m.put("action", e.action());
        m.put("entity", e.entity());
        m.put("entityId", e.entityId());
        m.put("districtCode", e.districtCode());
        m.put("before", RequestJson.parseStored(e.beforeJson()));
        m.put("after", RequestJson.parseStored(e.afterJson()));
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
