package dev.outpost.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.account.AreaFilter;
import dev.outpost.account.Authenticated;
import dev.outpost.account.Authorizer;
import dev.outpost.common.Actor;
import dev.outpost.planning.Proposal;
import dev.outpost.planning.ProposalDecision;
import dev.outpost.planning.ProposalService;
import dev.outpost.planning.ScenarioStatus;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The proposal workflow (issue 6): {@code POST /api/scenarios/{id}/submit} (body {@code {"area"?, "comment"?}}),
 * {@code POST /api/proposals/{id}/approve} ({@code {"comment"?}}), {@code POST /api/proposals/{id}/return}
 * ({@code {"comment"}}), each answering the scenario as {@code GET /api/scenarios/{id}} does (with {@code area} and
 * {@code decisions}); and {@code GET /api/proposals?region=&status=&area=}, the proposals of the caller's areas (or
 * of {@code area} and the areas below it, which the access policy has checked), newest submission first. Proposal
 * ids are scenario ids.
 */
public final class ProposalRoutes implements Routes {
    private static final ObjectMapper MAPPER = Json.newMapper();
    /** Largest accepted body: a comment of 2,000 Chinese characters is about 6 kB of UTF-8. */
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final ProposalService proposals;
    private final Authorizer authorizer;
    private final Params params;

    public ProposalRoutes(ProposalService proposals, Authorizer authorizer, Params params) {
        this.proposals = Objects.requireNonNull(proposals, "proposals");
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/scenarios/{id}/submit", this::submit);
        routes.get("/api/proposals", this::list);
        routes.post("/api/proposals/{id}/approve", this::approve);
        routes.post("/api/proposals/{id}/return", this::sendBack);
    }

    private void submit(Context ctx) {
        String region = params.region(ctx).code();
        long id = Params.idParam(ctx, "id");
        JsonNode body = optionalBody(ctx);
        Proposal p = proposals.submit(region, id, text(body, "area"), text(body, "comment"), Actor.current());
        ctx.json(proposal(p));
    }

    private void approve(Context ctx) {
        String region = params.region(ctx).code();
        long id = Params.idParam(ctx, "id");
        Proposal p = proposals.approve(region, id, text(optionalBody(ctx), "comment"), Actor.current());
        ctx.json(proposal(p));
    }

    private void sendBack(Context ctx) {
        String region = params.region(ctx).code();
        long id = Params.idParam(ctx, "id");
        Proposal p = proposals.sendBack(region, id, text(optionalBody(ctx), "comment"), Actor.current());
        ctx.json(proposal(p));
    }

    private void list(Context ctx) {
        Authenticated auth = AccessFilter.authenticated(ctx);
        if (auth == null) {
            throw new IllegalStateException("the access policy let an anonymous request through to the proposals");
        }
        String region = params.region(ctx).code();
        String statusText = ctx.queryParam("status");
        ScenarioStatus status;
        try {
            status = statusText == null || statusText.isBlank()
                    ? ScenarioStatus.SUBMITTED
                    : ScenarioStatus.parse(statusText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter 'status': " + e.getMessage());
        }
        int limit = Params.intParam(ctx, "limit", 100, 1, ProposalService.MAX_LIST);
        String area = ctx.queryParam("area");
        Set<String> codes;
        if (area != null && !area.isBlank()) {
            codes = authorizer.areaAndBelow(region, area.trim()); // the policy checked the area is the caller's
        } else {
            AreaFilter visible = authorizer.visibleAreas(auth.user());
            codes = visible == null || visible.wholeRegions().contains(region)
                    ? null
                    : visible.areaCodes().getOrDefault(region, Set.of());
        }
        List<Map<String, Object>> out = proposals.list(region, status, codes, limit).stream()
                .map(ProposalRoutes::summary)
                .toList();
        ctx.json(Map.of("proposals", out));
    }

    /** The scenario as {@code GET /api/scenarios/{id}} answers it, with the workflow fields. */
    static Map<String, Object> proposal(Proposal p) {
        Map<String, Object> m = PlanningJson.scenario(p.scenario());
        workflow(m, p);
        return m;
    }

    static Map<String, Object> summary(Proposal p) {
        Map<String, Object> m = PlanningJson.scenarioSummary(p.scenario());
        workflow(m, p);
        return m;
    }

    private static void workflow(Map<String, Object> m, Proposal p) {
        m.put("area", p.areaCode());
        m.put("areaName", p.areaName());
        m.put("submittedBy", p.submittedBy());
        m.put("submittedAt", p.submittedAt());
        m.put("decisions", p.decisions().stream().map(ProposalRoutes::decision).toList());
    }

    static Map<String, Object> decision(ProposalDecision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("step", d.step().code());
        m.put("statusBefore", d.statusBefore().code());
        m.put("statusAfter", d.step().leadsTo().code());
        m.put("actor", d.actor());
        m.put("comment", d.comment());
        m.put("area", d.areaCode());
        m.put("stationIds", d.stationIds());
        m.put("at", d.at());
        return m;
    }

    /** The JSON body, or an empty object when there is none. */
    private static JsonNode optionalBody(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_BODY_BYTES) {
            throw new PayloadTooLargeException(
                    "the body has " + bytes.length + " bytes; at most " + MAX_BODY_BYTES + " accepted");
        }
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return MAPPER.createObjectNode();
        }
        try {
            JsonNode n = MAPPER.readTree(text);
            if (!n.isObject()) {
                throw new IllegalArgumentException("the body must be a JSON object, e.g. {\"comment\": \"...\"}");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** A text field of the body; null when absent or JSON null. */
    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' must be text, not "
                    + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return v.asText();
    }
}
