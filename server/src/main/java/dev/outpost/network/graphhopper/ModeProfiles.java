package dev.outpost.network.graphhopper;

import static com.graphhopper.json.Statement.If;
import static com.graphhopper.json.Statement.Op.LIMIT;
import static com.graphhopper.json.Statement.Op.MULTIPLY;

import com.graphhopper.config.Profile;
import com.graphhopper.util.CustomModel;
import dev.outpost.network.NetworkSettings;
import dev.outpost.network.TravelMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The GraphHopper routing profile of each travel mode. Every profile weighs edges by travel time alone: priorities
 * are only ever 0 (closed) or 1 and the distance influence is 0, so the cheapest path is the fastest path and the
 * network's own searches can work on travel times directly.
 */
final class ModeProfiles {
    /** Encoded values stored per edge at import; the custom models below may only refer to these. */
    static final String ENCODED_VALUES = String.join(
            ", ",
            "car_access",
            "car_average_speed",
            "bike_access",
            "bike_average_speed",
            "foot_access",
            "foot_average_speed",
            "road_class",
            "road_access",
            "road_environment",
            "hgv",
            "max_height",
            "max_weight",
            "max_weight_except",
            "max_width");

    /** The bicycle speed of GraphHopper's parser on good roads, km/h; e-bike speeds are scaled from it. */
    static final double BIKE_GOOD_ROAD_KMH = 18;

    private ModeProfiles() {}

    static String profileName(TravelMode mode) {
        return mode.code();
    }

    static List<Profile> profiles(NetworkSettings settings) {
        List<Profile> profiles = new ArrayList<>();
        for (TravelMode mode : TravelMode.values()) {
            profiles.add(new Profile(profileName(mode)).setCustomModel(customModel(mode, settings)));
        }
        return profiles;
    }

    static CustomModel customModel(TravelMode mode, NetworkSettings settings) {
        CustomModel model = new CustomModel().setDistanceInfluence(0d);
        switch (mode) {
            case EBIKE:
                // bike_access is directional: one-way streets are obeyed unless tagged oneway:bicycle=no.
                model.addToPriority(If("!bike_access", MULTIPLY, "0"));
                model.addToSpeed(If(
                        "true",
                        LIMIT,
                        "bike_average_speed * " + num(settings.ebikeMaxSpeedKmh() / BIKE_GOOD_ROAD_KMH)));
                model.addToSpeed(If("true", LIMIT, num(settings.ebikeMaxSpeedKmh())));
                break;
            case CAR:
                model.addToPriority(If("!car_access", MULTIPLY, "0"));
                model.addToSpeed(If("true", LIMIT, "car_average_speed"));
                break;
            case TRUCK:
                model.addToPriority(If("!car_access", MULTIPLY, "0"));
                model.addToPriority(If("hgv == NO", MULTIPLY, "0"));
                model.addToPriority(If("max_height < " + num(settings.truckHeightMeters()), MULTIPLY, "0"));
                model.addToPriority(If("max_width < " + num(settings.truckWidthMeters()), MULTIPLY, "0"));
                model.addToPriority(If(
                        "max_weight < " + num(settings.truckWeightTonnes()) + " && max_weight_except == MISSING",
                        MULTIPLY,
                        "0"));
                model.addToSpeed(If("true", LIMIT, "car_average_speed * 0.9"));
                model.addToSpeed(If("true", LIMIT, num(settings.truckMaxSpeedKmh())));
                break;
            case FOOT:
                model.addToPriority(If("!foot_access", MULTIPLY, "0"));
                model.addToSpeed(If("true", LIMIT, "foot_average_speed"));
                break;
            default:
                throw new IllegalArgumentException("no profile for travel mode " + mode);
        }
        return model;
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
