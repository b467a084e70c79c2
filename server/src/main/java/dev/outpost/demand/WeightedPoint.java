package dev.outpost.demand;

import dev.outpost.geo.LatLon;
import java.util.Objects;

/**
 * An amount of demand at a position, e.g. one row of a platform's order export. Immutable.
 *
 * @param group the worker group
 * @param location WGS 84
 * @param weight finite, not negative
 */
public record WeightedPoint(WorkerGroup group, LatLon location, double weight) {
    public WeightedPoint {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(location, "location");
        if (!Double.isFinite(weight) || weight < 0) {
            throw new IllegalArgumentException(
                    "weight " + weight + " at " + location + " must be finite and not negative");
        }
    }
}
