package dev.outpost.demand;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A group of outdoor workers with its own demand layer, travel mode and serving stations. Each group has a stable
 * lower-case code used in files, the API and the database.
 */
public enum WorkerGroup {
    /** 外卖骑手和快递员: delivery riders and couriers, on e-bikes. */
    RIDER("rider", "外卖骑手/快递员", "Riders and couriers", "ebike"),
    /** 网约车司机: ride-hailing and taxi drivers, by car. */
    RIDE_HAILING("ride_hailing", "网约车司机", "Ride-hailing drivers", "car"),
    /** 货车司机: truck drivers. */
    TRUCK("truck", "货车司机", "Truck drivers", "truck");

    private final String code;
    private final String labelZh;
    private final String labelEn;
    private final String travelModeCode;

    WorkerGroup(String code, String labelZh, String labelEn, String travelModeCode) {
        this.code = code;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
        this.travelModeCode = travelModeCode;
    }

    public String code() {
        return code;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }

    /**
     * The code of the group's usual travel mode on the road network ({@code ebike}, {@code car}, {@code truck}), as
     * understood by {@code network.TravelMode.parse}; kept as a code so that demand does not depend on the network.
     */
    public String travelModeCode() {
        return travelModeCode;
    }

    /**
     * Parses a code ({@code ride_hailing}), the constant name, the Chinese or English label, ignoring case, surrounding
     * blanks and the difference between spaces, hyphens and underscores; {@code riders}, {@code courier} and
     * {@code trucks} are accepted too.
     *
     * @throws IllegalArgumentException naming the value and listing the accepted codes
     */
    public static WorkerGroup parse(String text) {
        if (text != null) {
            String t = text.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "_");
            for (WorkerGroup g : values()) {
                if (g.code.equals(t)
                        || g.name().toLowerCase(Locale.ROOT).equals(t)
                        || g.labelZh.equals(text.trim())
                        || g.labelEn.toLowerCase(Locale.ROOT).replace(' ', '_').equals(t)) {
                    return g;
                }
            }
            switch (t) {
                case "riders":
                case "courier":
                case "couriers":
                case "骑手":
                case "快递员":
                    return RIDER;
                case "trucks":
                case "truck_driver":
                case "truck_drivers":
                    return TRUCK;
                case "ridehailing":
                case "taxi":
                    return RIDE_HAILING;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("unknown worker group '" + text + "'; expected one of "
                + Arrays.stream(values())
                        .map(g -> g.code + " (" + g.labelZh + ")")
                        .collect(Collectors.joining(", ")));
    }
}
