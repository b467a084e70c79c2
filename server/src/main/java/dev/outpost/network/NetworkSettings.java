package dev.outpost.network;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tunable parameters of the road network. Immutable; checked in the constructor.
 *
 * <p>The first group shapes the routing profiles and is baked into an imported graph (a change means a new import,
 * see {@link #importSettings()}); the second group only affects queries.
 *
 * @param ebikeMaxSpeedKmh speed cap of {@link TravelMode#EBIKE} in km/h (5–45). Each road's bicycle speed (18 km/h
 *     on good roads, less on poor surfaces, 4–6 km/h where the bike is pushed) is scaled by {@code cap / 18} and then
 *     capped, so good roads are ridden at exactly the cap
 * @param truckMaxSpeedKmh speed cap of {@link TravelMode#TRUCK} in km/h (20–130); below that trucks drive at 90 % of
 *     the car speed
 * @param truckHeightMeters vehicle height; roads tagged with a lower {@code maxheight} are closed to trucks (1–6)
 * @param truckWeightTonnes vehicle weight; roads tagged with a lower {@code maxweight} (without a delivery exception)
 *     are closed to trucks (1–60)
 * @param truckWidthMeters vehicle width; roads tagged with a lower {@code maxwidth} are closed to trucks (1–4)
 * @param minNetworkSize road components with fewer edges than this are treated as islands: points never snap to them
 *     (0–100,000; 200 suits real extracts, tiny test networks need a small value)
 * @param maxSnapDistanceMeters a point farther than this from the nearest usable road is off the network (1–5,000)
 * @param searchThreads worker threads for batched searches such as reach matrices (1–64)
 * @param isochroneClipBufferMeters isochrone polygons are cut to within this distance of the roads actually reached,
 *     so that they do not bulge across rivers, mountains and borders; 0 turns clipping off (0–5,000)
 */
public record NetworkSettings(
        double ebikeMaxSpeedKmh,
        double truckMaxSpeedKmh,
        double truckHeightMeters,
        double truckWeightTonnes,
        double truckWidthMeters,
        int minNetworkSize,
        double maxSnapDistanceMeters,
        int searchThreads,
        double isochroneClipBufferMeters) {

    public NetworkSettings {
        check("ebikeMaxSpeedKmh", ebikeMaxSpeedKmh, 5, 45);
        check("truckMaxSpeedKmh", truckMaxSpeedKmh, 20, 130);
        check("truckHeightMeters", truckHeightMeters, 1, 6);
        check("truckWeightTonnes", truckWeightTonnes, 1, 60);
        check("truckWidthMeters", truckWidthMeters, 1, 4);
        check("minNetworkSize", minNetworkSize, 0, 100_000);
        check("maxSnapDistanceMeters", maxSnapDistanceMeters, 1, 5_000);
        check("searchThreads", searchThreads, 1, 64);
        check("isochroneClipBufferMeters", isochroneClipBufferMeters, 0, 5_000);
    }

    /** 18 km/h e-bikes; 80 km/h, 4 m, 18 t, 2.55 m trucks; islands below 200 edges; 500 m snapping; 250 m clip. */
    public static NetworkSettings defaults() {
        return new NetworkSettings(
                18,
                80,
                4.0,
                18.0,
                2.55,
                200,
                500,
                Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())),
                250);
    }

    public NetworkSettings withEbikeMaxSpeedKmh(double value) {
        return new NetworkSettings(
                value,
                truckMaxSpeedKmh,
                truckHeightMeters,
                truckWeightTonnes,
                truckWidthMeters,
                minNetworkSize,
                maxSnapDistanceMeters,
                searchThreads,
                isochroneClipBufferMeters);
    }

    public NetworkSettings withTruck(double maxSpeedKmh, double heightMeters, double weightTonnes, double widthMeters) {
        return new NetworkSettings(
                ebikeMaxSpeedKmh,
                maxSpeedKmh,
                heightMeters,
                weightTonnes,
                widthMeters,
                minNetworkSize,
                maxSnapDistanceMeters,
                searchThreads,
                isochroneClipBufferMeters);
    }

    public NetworkSettings withMinNetworkSize(int value) {
        return new NetworkSettings(
                ebikeMaxSpeedKmh,
                truckMaxSpeedKmh,
                truckHeightMeters,
                truckWeightTonnes,
                truckWidthMeters,
                value,
                maxSnapDistanceMeters,
                searchThreads,
                isochroneClipBufferMeters);
    }

    public NetworkSettings withMaxSnapDistanceMeters(double value) {
        return new NetworkSettings(
                ebikeMaxSpeedKmh,
                truckMaxSpeedKmh,
                truckHeightMeters,
                truckWeightTonnes,
                truckWidthMeters,
                minNetworkSize,
                value,
                searchThreads,
                isochroneClipBufferMeters);
    }

    public NetworkSettings withSearchThreads(int value) {
        return new NetworkSettings(
                ebikeMaxSpeedKmh,
                truckMaxSpeedKmh,
                truckHeightMeters,
                truckWeightTonnes,
                truckWidthMeters,
                minNetworkSize,
                maxSnapDistanceMeters,
                value,
                isochroneClipBufferMeters);
    }

    public NetworkSettings withIsochroneClipBufferMeters(double value) {
        return new NetworkSettings(
                ebikeMaxSpeedKmh,
                truckMaxSpeedKmh,
                truckHeightMeters,
                truckWeightTonnes,
                truckWidthMeters,
                minNetworkSize,
                maxSnapDistanceMeters,
                searchThreads,
                value);
    }

    /**
     * The settings that are baked into an imported graph, as an ordered name → value map. Two settings with equal
     * maps can share one imported graph.
     */
    public Map<String, String> importSettings() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("ebikeMaxSpeedKmh", Double.toString(ebikeMaxSpeedKmh));
        map.put("truckMaxSpeedKmh", Double.toString(truckMaxSpeedKmh));
        map.put("truckHeightMeters", Double.toString(truckHeightMeters));
        map.put("truckWeightTonnes", Double.toString(truckWeightTonnes));
        map.put("truckWidthMeters", Double.toString(truckWidthMeters));
        map.put("minNetworkSize", Integer.toString(minNetworkSize));
        return Collections.unmodifiableMap(map);
    }

    /** All settings as an ordered name → value map, for provenance. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>(importSettings());
        map.put("maxSnapDistanceMeters", Double.toString(maxSnapDistanceMeters));
        map.put("searchThreads", Integer.toString(searchThreads));
        map.put("isochroneClipBufferMeters", Double.toString(isochroneClipBufferMeters));
        return Collections.unmodifiableMap(map);
    }

    private static void check(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(
                    "network setting '" + name + "' = " + value + " is out of range " + min + ".." + max);
        }
    }
}
