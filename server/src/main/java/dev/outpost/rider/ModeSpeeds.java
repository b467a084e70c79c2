package dev.outpost.rider;

import dev.outpost.network.NetworkInfo;
import dev.outpost.network.TravelMode;
import java.util.Map;

/**
 * Speeds per travel mode that the rider search needs besides the road network itself. Pure and thread-safe.
 *
 * <ul>
 *   <li>{@link #typicalKmh}: the door-to-door average used to estimate minutes when a position is off the network
 *       and stations are ranked by straight-line distance (e-bike 15, car 30, truck 25, foot 4.5 km/h — city
 *       averages with stops, not top speeds);
 *   <li>{@link #upperBoundKmh}: a speed no road of the network exceeds for the mode, so that straight-line distance
 *       divided by it is a lower bound of the travel time (used to prove that no farther station can be faster).
 * </ul>
 */
public final class ModeSpeeds {
    private ModeSpeeds() {}

    /** Typical door-to-door speed in km/h for straight-line estimates. */
    public static double typicalKmh(TravelMode mode) {
        switch (mode) {
            case EBIKE:
                return 15;
            case CAR:
                return 30;
            case TRUCK:
                return 25;
            case FOOT:
                return 4.5;
            default:
                throw new AssertionError(mode);
        }
    }

    /**
     * The fastest any edge of the network can be travelled by the mode, in km/h. E-bike and truck speeds are capped by
     * the network's settings ({@code ebikeMaxSpeedKmh}, {@code truckMaxSpeedKmh} in {@link NetworkInfo#settings()});
     * cars are bounded by 150 km/h (above any speed GraphHopper's car profile gives); on foot by 15 km/h (ferries).
     */
    public static double upperBoundKmh(TravelMode mode, NetworkInfo info) {
        Map<String, String> settings = info == null ? Map.of() : info.settings();
        switch (mode) {
            case EBIKE:
                return setting(settings, "ebikeMaxSpeedKmh", 45);
            case TRUCK:
                return setting(settings, "truckMaxSpeedKmh", 130);
            case CAR:
                return 150;
            case FOOT:
                return 15;
            default:
                throw new AssertionError(mode);
        }
    }

    private static double setting(Map<String, String> settings, String name, double fallback) {
        String v = settings.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v);
            return d > 0 && Double.isFinite(d) ? d : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
