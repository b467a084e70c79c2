package dev.outpost.station;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A service a station offers its visitors. (The application service over stations is {@link StationCatalog}; this
 * enum keeps the domain word "service" for what a station provides.)
 */
public enum StationService {
    DRINKING_WATER("drinking_water", "饮用水", "Drinking water"),
    FOOD_HEATING("food_heating", "热饭", "Food heating"),
    PHONE_CHARGING("phone_charging", "手机充电", "Phone charging"),
    EBIKE_CHARGING("ebike_charging", "电动车充电", "E-bike charging"),
    BATTERY_SWAP("battery_swap", "换电", "Battery swap"),
    TOILET("toilet", "卫生间", "Toilet"),
    REST_SEATS("rest_seats", "休息座椅", "Rest seats"),
    SHOWER("shower", "淋浴", "Shower"),
    TRUCK_PARKING("truck_parking", "货车停车", "Truck parking"),
    FIRST_AID("first_aid", "急救药箱", "First-aid kit"),
    WIFI("wifi", "无线网络", "Wi-Fi"),
    BOOKS("books", "图书", "Books"),
    LEGAL_AID("legal_aid", "法律援助", "Legal aid"),
    DISCOUNT_MEALS("discount_meals", "优惠餐食", "Discount meals");

    private static final CodeLookup<StationService> LOOKUP = new CodeLookup<>(
            "station service",
            values(),
            s -> List.of(s.code, s.labelZh, s.labelEn, s.name()),
            s -> s.code + " (" + s.labelZh + ")");

    private final String code;
    private final String labelZh;
    private final String labelEn;

    StationService(String code, String labelZh, String labelEn) {
        this.code = code;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
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
     * Parses a code ({@code toilet}), Chinese label (卫生间), English label or constant name, ignoring case and
     * surrounding blanks.
     *
     * @throws IllegalArgumentException naming the value and listing the accepted ones
     */
    public static StationService parse(String text) {
        return LOOKUP.parse(text);
    }

    /**
     * Parses a list such as {@code "饮用水、热饭; toilet | wifi"}: items are separated by {@code ; , 、 ， ； |}, trimmed,
     * and empty items skipped. Null or blank text gives the empty set.
     *
     * @return an unmodifiable set in declaration order
     * @throws IllegalArgumentException naming every unknown item
     */
    public static Set<StationService> parseList(String text) {
        EnumSet<StationService> result = EnumSet.noneOf(StationService.class);
        if (text == null || text.isBlank()) {
            return Collections.unmodifiableSet(result);
        }
        List<String> unknown = new ArrayList<>();
        for (String item : text.split("[;,、，；|]")) {
            String trimmed = item.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            StationService s = LOOKUP.find(trimmed);
            if (s == null) {
                unknown.add("'" + trimmed + "'");
            } else {
                result.add(s);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(LOOKUP.unknown(unknown));
        }
        return Collections.unmodifiableSet(result);
    }

    /** Codes joined by {@code ;}, e.g. {@code "drinking_water;toilet"}; the inverse of {@link #parseList}. */
    public static String toCodes(Set<StationService> services) {
        return services.stream().sorted().map(StationService::code).collect(Collectors.joining(";"));
    }
}
