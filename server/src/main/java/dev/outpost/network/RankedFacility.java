package dev.outpost.network;

/**
 * One facility found by {@link RoadNetwork#nearestByTime}. Immutable.
 *
 * @param facilityIndex index into the facility list that was passed in
 * @param travelTimeSeconds travel time from the origin's road point to the facility's road point, rounded to the
 *     nearest second
 * @param distanceMeters road distance along that fastest path
 */
public record RankedFacility(int facilityIndex, int travelTimeSeconds, double distanceMeters) {
    public RankedFacility {
        if (facilityIndex < 0 || travelTimeSeconds < 0 || !(distanceMeters >= 0)) {
            throw new IllegalArgumentException("ranked facility " + facilityIndex + " with " + travelTimeSeconds
                    + " s and " + distanceMeters + " m: index, time and distance must not be negative");
        }
    }
}
