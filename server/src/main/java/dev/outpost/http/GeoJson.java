package dev.outpost.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/** GeoJSON documents for responses (RFC 7946: WGS 84 lon/lat, no crs member). Not thread-safe per instance. */
final class GeoJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GeoJson() {}

    static Map<String, Object> point(double lon, double lat) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("type", "Point");
        g.put("coordinates", new double[] {round7(lon), round7(lat)});
        return g;
    }

    /** A JTS geometry as a GeoJSON geometry object, coordinates rounded to 7 decimals (~1 cm). */
    static JsonNode geometry(Geometry geometry) {
        GeoJsonWriter w = new GeoJsonWriter(7);
        w.setEncodeCRS(false);
        try {
            return MAPPER.readTree(w.write(geometry));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot encode geometry", e);
        }
    }

    static Map<String, Object> feature(Object id, Object geometry, Map<String, Object> properties) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        if (id != null) {
            f.put("id", id);
        }
        f.put("geometry", geometry);
        f.put("properties", properties);
        return f;
    }

    static Map<String, Object> collection(List<?> features) {
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("features", new ArrayList<>(features));
        return fc;
    }

    static double round7(double v) {
        return Math.round(v * 1e7) / 1e7;
    }
}
