package dev.outpost.demand;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides from its OSM tags whether a feature is a demand proxy or a host site, and of which categories. Stateless and
 * thread-safe.
 *
 * <ul>
 *   <li>{@link PoiCategory#PICKUP}: {@code amenity} = restaurant, fast_food, cafe, food_court; any {@code shop}
 *       except {@code no} and {@code vacant}.
 *   <li>{@link PoiCategory#DROPOFF}: {@code building} = residential, apartments, house, detached, semidetached_house,
 *       terrace, dormitory; {@code landuse=residential}.
 *   <li>{@link PoiCategory#FREIGHT}: {@code amenity=fuel}; {@code landuse} = industrial, logistics; any
 *       {@code industrial} tag; {@code building} = warehouse, industrial.
 *   <li>{@link PoiCategory#HOST_SITE}: {@code amenity} = community_centre (with any {@code community_centre=*}
 *       subtype, e.g. community_hall), community_hall (the older tag for the same), townhall (any
 *       {@code townhall:type}). Not {@code amenity=social_facility}: care homes and shelters house vulnerable people
 *       and are no rest point for riders.
 * </ul>
 *
 * A feature can belong to several categories (a fuel station with a shop), at most once each.
 */
public final class PoiClassifier {
    private static final Set<String> PICKUP_AMENITIES = Set.of("restaurant", "fast_food", "cafe", "food_court");
    private static final Set<String> NOT_SHOPS = Set.of("no", "vacant");
    private static final Set<String> HOMES =
            Set.of("residential", "apartments", "house", "detached", "semidetached_house", "terrace", "dormitory");
    private static final Set<String> FREIGHT_LANDUSE = Set.of("industrial", "logistics");
    private static final Set<String> FREIGHT_BUILDINGS = Set.of("warehouse", "industrial");
    private static final Set<String> HOST_AMENITIES = Set.of("community_centre", "community_hall", "townhall");

    private PoiClassifier() {}

    /** A category with the tag that earned it. */
    public record Match(PoiCategory category, String tag) {}

    /** The categories the tags earn, in {@link PoiCategory} order; empty for features that are neither. */
    public static List<Match> classify(Map<String, ?> tags) {
        List<Match> out = new ArrayList<>(1);
        String amenity = text(tags, "amenity");
        String shop = text(tags, "shop");
        String building = text(tags, "building");
        String landuse = text(tags, "landuse");
        String industrial = text(tags, "industrial");

        if (amenity != null && PICKUP_AMENITIES.contains(amenity)) {
            out.add(new Match(PoiCategory.PICKUP, "amenity=" + amenity));
        } else if (shop != null && !NOT_SHOPS.contains(shop)) {
            out.add(new Match(PoiCategory.PICKUP, "shop=" + shop));
        }

        if (building != null && HOMES.contains(building)) {
            out.add(new Match(PoiCategory.DROPOFF, "building=" + building));
        } else if ("residential".equals(landuse)) {
            out.add(new Match(PoiCategory.DROPOFF, "landuse=residential"));
        }

        if ("fuel".equals(amenity)) {
            out.add(new Match(PoiCategory.FREIGHT, "amenity=fuel"));
        } else if (landuse != null && FREIGHT_LANDUSE.contains(landuse)) {
            out.add(new Match(PoiCategory.FREIGHT, "landuse=" + landuse));
        } else if (industrial != null) {
            out.add(new Match(PoiCategory.FREIGHT, "industrial=" + industrial));
        } else if (building != null && FREIGHT_BUILDINGS.contains(building)) {
            out.add(new Match(PoiCategory.FREIGHT, "building=" + building));
        }

        if (amenity != null && HOST_AMENITIES.contains(amenity)) {
            out.add(new Match(PoiCategory.HOST_SITE, "amenity=" + amenity));
        }
        return out;
    }

    private static String text(Map<String, ?> tags, String key) {
        Object v = tags.get(key);
        if (v == null) {
            return null;
        }
        String s = v.toString().trim();
        return s.isEmpty() ? null : s;
    }
}
