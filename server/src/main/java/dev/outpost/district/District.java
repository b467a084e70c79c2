package dev.outpost.district;

import dev.outpost.geo.Geometries;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * An administrative area of a region. Immutable once built: the boundary is copied in the constructor and must be
 * treated as read-only by callers (JTS geometries are mutable objects).
 *
 * @param regionCode the region (city), e.g. {@code "shenzhen"}; required
 * @param code the area's code, unique in the region, e.g. the statistical code {@code "440303"}; required
 * @param name e.g. 罗湖区; required
 * @param level required
 * @param parentCode code of the enclosing area one level up; null for a {@link AreaLevel#DISTRICT} or when unknown
 * @param population residents; null when unknown, else at least 0
 * @param targets planning targets by key, e.g. {@code "min_stations" → 5.0}, {@code "coverage_15min" → 0.9}; keys
 *     non-blank, values finite; null is read as none; copied, insertion order kept, unmodifiable
 * @param boundary the area, SRID 4326, non-empty; callers run {@link dev.outpost.geo.PolygonRepair} on imported
 *     shapes first, validity is not re-checked here
 */
public record District(
        String regionCode,
        String code,
        String name,
        AreaLevel level,
        String parentCode,
        Long population,
        Map<String, Double> targets,
        MultiPolygon boundary) {

    /** Target key: the minimum number of stations in the area. */
    public static final String TARGET_MIN_STATIONS = "min_stations";
    /** Target key: the share (0 to 1) of demand to be within a 15-minute service circle. */
    public static final String TARGET_COVERAGE_15MIN = "coverage_15min";

    public District {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("district: field 'code' is required");
        }
        String label = "district " + code;
        if (regionCode == null || regionCode.isBlank()) {
            throw new IllegalArgumentException(label + ": field 'regionCode' is required");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(label + ": field 'name' is required");
        }
        if (level == null) {
            throw new IllegalArgumentException(label + ": field 'level' is required");
        }
        if (parentCode != null && (parentCode.isBlank() || parentCode.equals(code))) {
            throw new IllegalArgumentException(
                    label + ": field 'parentCode' '" + parentCode + "' must be null or another area's code");
        }
        if (population != null && population < 0) {
            throw new IllegalArgumentException(
                    label + ": field 'population' is " + population + "; expected 0 or more");
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        if (targets != null) {
            for (Map.Entry<String, Double> e : targets.entrySet()) {
                if (e.getKey() == null || e.getKey().isBlank()) {
                    throw new IllegalArgumentException(label + ": a target has a blank key");
                }
                if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                    throw new IllegalArgumentException(
                            label + ": target '" + e.getKey() + "' is " + e.getValue() + "; expected a finite number");
                }
                copy.put(e.getKey(), e.getValue());
            }
        }
        targets = Collections.unmodifiableMap(copy);
        Geometries.requireWgs84(boundary, label + " boundary");
        if (boundary.isEmpty()) {
            throw new IllegalArgumentException(label + " boundary is empty");
        }
        boundary = (MultiPolygon) boundary.copy();
    }

    /** A target value, or null when the area has none under {@code key}. */
    public Double target(String key) {
        return targets.get(key);
    }
}
