package dev.outpost.station;

import java.util.List;

/** What kind of rest point a station is. Each kind has a stable lower-case code used in files, the API and the DB. */
public enum StationKind {
    /** 暖蜂驿站: rest points for delivery riders. */
    WARM_BEE_STATION("warm_bee_station", "暖蜂驿站", "Warm-bee station"),
    /** 司机之家: rest points for lorry, taxi and ride-hailing drivers. */
    DRIVER_HOME("driver_home", "司机之家", "Driver home"),
    /** 党群服务中心: Party-mass service centres opened to outdoor workers. */
    PARTY_SERVICE_CENTER("party_service_center", "党群服务中心", "Party-mass service centre"),
    /** 合作站点: shops, banks, petrol stations and the like that host a rest corner. */
    PARTNER_SITE("partner_site", "合作站点", "Partner site"),
    /** 其他: anything else. */
    OTHER("other", "其他", "Other");

    private static final CodeLookup<StationKind> LOOKUP = new CodeLookup<>(
            "station kind",
            values(),
            k -> List.of(k.code, k.labelZh, k.labelEn, k.name()),
            k -> k.code + " (" + k.labelZh + ")");

    private final String code;
    private final String labelZh;
    private final String labelEn;

    StationKind(String code, String labelZh, String labelEn) {
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
     * Parses a code ({@code driver_home}), Chinese label (司机之家), English label or constant name, ignoring case and
     * surrounding blanks.
     *
     * @throws IllegalArgumentException e.g. "unknown station kind 'xyz'; expected one of warm_bee_station (暖蜂驿站), ..."
     */
    public static StationKind parse(String text) {
        return LOOKUP.parse(text);
    }
}
