package dev.outpost.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.common.ValidationException;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reading small JSON request bodies with clear errors: the body must be an object of known fields. */
final class RequestJson {
    private static final ObjectMapper MAPPER = Json.newMapper();

    private RequestJson() {}

    /**
     * The body as a JSON object.
     *
     * @throws IllegalArgumentException when it is not JSON or not an object
     * @throws ValidationException naming each field not in {@code allowed}
     */
    static JsonNode object(Context ctx, Set<String> allowed) {
        JsonNode node;
        try {
            String body = ctx.body();
            node = MAPPER.readTree(body.isBlank() ? "null" : body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the request body must be a JSON object");
        }
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                unknown.add(f);
            }
        }
        if (!unknown.isEmpty()) {
            throw ValidationException.of(
                    unknown.get(0), "unknown field(s) " + unknown + "; expected some of " + new TreeSet<>(allowed));
        }
        return node;
    }

    /** A string field, or null when absent or JSON null. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ValidationException.of(field, "field '" + field + "' must be a string, got " + v.getNodeType());
        }
        return v.asText();
    }

    /** A boolean field, or null when absent or JSON null. */
    static Boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw ValidationException.of(field, "field '" + field + "' must be true or false, got " + v);
        }
        return v.asBoolean();
    }

    /** Parses JSON text stored by the server (audit states) for embedding in a response; null stays null. */
    static JsonNode parseStored(String json) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read", e);
        }
    }
}
