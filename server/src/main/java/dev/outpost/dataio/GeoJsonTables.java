package dev.outpost.dataio;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.geo.Geometries;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads a GeoJSON FeatureCollection (or a single Feature, or a bare geometry) into a {@link RawTable}: one row per
 * feature numbered from 1, the union of the property names as the header in first-seen order (a feature's own
 * {@code id} member becomes the column {@value #FEATURE_ID}), property values as text (arrays joined with commas),
 * and each feature's geometry in the file's coordinates. Text is decoded like CSV
 * (UTF-8 with or without BOM, else GBK). Stateless.
 */
final class GeoJsonTables {
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** The column that holds a feature's own {@code id} member, when features have one. */
    static final String FEATURE_ID = "feature_id";

    private GeoJsonTables() {}

    static RawTable read(byte[] bytes, Charset charset, Problems problems) {
        String text = TextDecoding.decode(bytes, charset).text();
        if (text.isBlank()) {
            problems.error(0, null, "the file is empty");
            return empty(null);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            problems.error(0, null, jsonError(e));
            return empty(null);
        }
        if (root == null || !root.isObject()) {
            problems.error(0, null, "not GeoJSON: the top level must be a JSON object");
            return empty(null);
        }
        String crs = declaredCrs(root);
        List<JsonNode> features = new ArrayList<>();
        String type = root.path("type").asText("");
        switch (type) {
            case "FeatureCollection":
                if (!root.path("features").isArray()) {
                    problems.error(0, null, "the FeatureCollection has no 'features' array");
                    return empty(crs);
                }
                root.get("features").forEach(features::add);
                break;
            case "Feature":
                features.add(root);
                break;
            default:
                if (root.has("coordinates") || root.has("geometries")) {
                    features.add(
                            MAPPER.createObjectNode().put("type", "Feature").set("geometry", root));
                } else {
                    problems.error(
                            0,
                            null,
                            "not GeoJSON: expected \"type\": \"FeatureCollection\" or \"Feature\", found '" + type
                                    + "'");
                    return empty(crs);
                }
        }
        if (features.isEmpty()) {
            problems.error(0, null, "no data rows: the FeatureCollection has no features");
            return empty(crs);
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<Map<String, String>> properties = new ArrayList<>();
        List<Geometry> geometries = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            int row = i + 1;
            JsonNode feature = features.get(i);
            Map<String, String> values = new LinkedHashMap<>();
            Geometry geometry = null;
            if (!feature.isObject() || !"Feature".equals(feature.path("type").asText())) {
                problems.error(row, null, "not a GeoJSON Feature object");
            } else {
                JsonNode id = feature.get("id");
                if (id != null && (id.isTextual() || id.isNumber())) {
                    columns.putIfAbsent(FEATURE_ID, columns.size());
                    values.put(FEATURE_ID, text(id));
                }
                JsonNode props = feature.get("properties");
                if (props != null && props.isObject()) {
                    for (Map.Entry<String, JsonNode> e : props.properties()) {
                        String name = e.getKey().strip();
                        columns.putIfAbsent(name, columns.size());
                        values.put(name, text(e.getValue()));
                    }
                }
                try {
                    geometry = GeoJsonGeometry.read(feature.get("geometry"), Geometries.factory());
                } catch (IllegalArgumentException e) {
                    problems.error(row, "geometry", e.getMessage());
                }
            }
            properties.add(values);
            geometries.add(geometry);
        }
        List<RawTable.RawRow> rows = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            List<String> cells = new ArrayList<>(columns.size());
            for (String name : columns.keySet()) {
                cells.add(properties.get(i).get(name));
            }
            rows.add(new RawTable.RawRow(i + 1, cells, geometries.get(i)));
        }
        return new RawTable(0, new ArrayList<>(columns.keySet()), rows, crs);
    }

    private static String declaredCrs(JsonNode root) {
        JsonNode name = root.path("crs").path("properties").path("name");
        return name.isTextual() ? name.asText() : null;
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isBigDecimal()) {
            return value.decimalValue().toPlainString();
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode v : value) {
                String t = text(v);
                if (t != null) {
                    parts.add(t);
                }
            }
            return String.join(",", parts);
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        return value.toString();
    }

    static String jsonError(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null
                ? ""
                : String.format(Locale.ROOT, " at line %d, column %d", at.getLineNr(), at.getColumnNr());
        String message = e.getOriginalMessage();
        if (message != null && message.contains("end-of-input")) {
            return "the JSON ends unexpectedly" + where + ": the file is truncated";
        }
        return "not valid JSON" + where + ": " + message;
    }

    private static RawTable empty(String crs) {
        return new RawTable(0, List.of(), List.of(), crs);
    }
}
