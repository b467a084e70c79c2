package dev.outpost.network;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a worker moves on the road network. Each mode has its own access rules and speeds (see
 * {@link NetworkSettings} for the tunable parts). Immutable and thread-safe.
 */
public enum TravelMode {
    /**
     * Electric bike of delivery riders and couriers: roads open to bicycles (cycleways, residential and service
     * roads, main roads without a bicycle ban; never motorways), one-way streets obeyed, speed capped at
     * {@link NetworkSettings#ebikeMaxSpeedKmh()}.
     */
    EBIKE("ebike"),
    /** Car of ride-hailing drivers: roads open to cars, pure travel time (no distance penalty). */
    CAR("car"),
    /**
     * Heavy goods vehicle: roads open to cars that are not closed to trucks by {@code hgv=no}, {@code maxweight},
     * {@code maxheight} or {@code maxwidth}; slower than cars.
     */
    TRUCK("truck"),
    /** Walking. */
    FOOT("foot");

    private final String code;

    TravelMode(String code) {
        this.code = code;
    }

    /** The lower-case code used in APIs and files: {@code ebike}, {@code car}, {@code truck}, {@code foot}. */
    public String code() {
        return code;
    }

    /**
     * Parses a mode code, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the bad value and the accepted codes
     */
    public static TravelMode parse(String text) {
        if (text != null) {
            String wanted = text.trim().toLowerCase(Locale.ROOT);
            for (TravelMode mode : values()) {
                if (mode.code.equals(wanted)) {
                    return mode;
                }
            }
        }
        throw new IllegalArgumentException("unknown travel mode '" + text + "'; expected one of "
                + Arrays.stream(values()).map(TravelMode::code).collect(Collectors.joining(", ")));
    }
}
