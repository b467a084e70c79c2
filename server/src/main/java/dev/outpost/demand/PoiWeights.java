package dev.outpost.demand;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How much demand of one worker group each kind of OSM proxy stands for. Immutable.
 *
 * <p>A node, a building or any other feature counts {@link #perFeature(PoiCategory)} at its location. A land-use area
 * ({@code landuse=*} tag) counts {@link #perHectare(PoiCategory)} for every hectare of its footprint, spread evenly
 * over the cells whose centres lie inside it.
 *
 * @param group the worker group the weights are for
 * @param perFeature weight per feature by category; missing categories weigh 0
 * @param perHectare weight per hectare of land-use area by category; missing categories weigh 0
 */
public record PoiWeights(WorkerGroup group, Map<PoiCategory, Double> perFeature, Map<PoiCategory, Double> perHectare) {
    public PoiWeights {
        Objects.requireNonNull(group, "group");
        perFeature = check(perFeature, "perFeature");
        perHectare = check(perHectare, "perHectare");
    }

    /**
     * Defaults, a starting point to be calibrated with real counts: riders — 1 per pick-up, 0.2 per residential
     * building, 0.5 per hectare of residential land; ride-hailing — 0.5 per pick-up, 0.2 per residential building, 0.5
     * per hectare of residential land; trucks — 1 per fuel station, warehouse or industrial feature and 0.2 per hectare
     * of industrial or logistics land.
     */
    public static PoiWeights defaults(WorkerGroup group) {
        switch (group) {
            case RIDER:
                return new PoiWeights(
                        group,
                        Map.of(PoiCategory.PICKUP, 1.0, PoiCategory.DROPOFF, 0.2),
                        Map.of(PoiCategory.DROPOFF, 0.5));
            case RIDE_HAILING:
                return new PoiWeights(
                        group,
                        Map.of(PoiCategory.PICKUP, 0.5, PoiCategory.DROPOFF, 0.2),
                        Map.of(PoiCategory.DROPOFF, 0.5));
            case TRUCK:
                return new PoiWeights(group, Map.of(PoiCategory.FREIGHT, 1.0), Map.of(PoiCategory.FREIGHT, 0.2));
            default:
                throw new IllegalStateException("no default weights for " + group);
        }
    }

    public double perFeature(PoiCategory category) {
        return perFeature.getOrDefault(category, 0.0);
    }

    public double perHectare(PoiCategory category) {
        return perHectare.getOrDefault(category, 0.0);
    }

    private static Map<PoiCategory, Double> check(Map<PoiCategory, Double> map, String name) {
        EnumMap<PoiCategory, Double> copy = new EnumMap<>(PoiCategory.class);
        if (map != null) {
            for (Map.Entry<PoiCategory, Double> e : map.entrySet()) {
                Double v = e.getValue();
                if (e.getKey() == null || v == null || !Double.isFinite(v) || v < 0) {
                    throw new IllegalArgumentException(
                            "poi weights: " + name + " of " + e.getKey() + " is " + v + "; expected finite and ≥ 0");
                }
                copy.put(e.getKey(), v);
            }
        }
        return Collections.unmodifiableMap(copy);
    }
}
