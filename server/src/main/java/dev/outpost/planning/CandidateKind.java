package dev.outpost.planning;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What kind of place could host a new station. Each kind has a stable lower-case code (used in files, the API and
 * the database), a Chinese and an English label; parsing accepts any of them.
 */
public enum CandidateKind {
    /** 加油站. */
    GAS_STATION("gas_station", "加油站", "Gas station", List.of("fuel", "petrol_station")),
    /** 便利店. */
    CONVENIENCE_STORE("convenience_store", "便利店", "Convenience store", List.of("convenience", "shop")),
    /** 社区服务中心. */
    COMMUNITY_CENTRE("community_centre", "社区服务中心", "Community centre", List.of("community_center", "社区中心")),
    /** 爱心商家: shops that volunteer a rest corner. */
    CARING_MERCHANT("caring_merchant", "爱心商家", "Caring merchant", List.of()),
    /** 政府/街道办事处. */
    TOWN_HALL("town_hall", "街道办事处", "Town hall", List.of("townhall", "政府")),
    /** 合作站点 of the register that does not yet serve the group. */
    PARTNER_SITE("partner_site", "合作站点", "Partner site", List.of()),
    /** A planned station of the register. */
    PLANNED_STATION("planned_station", "规划驿站", "Planned station", List.of()),
    /** The centre of a demand cell: a free plot (greenfield). */
    DEMAND_CELL("demand_cell", "需求网格中心", "Demand cell centre", List.of("greenfield", "cell")),
    /** 其他. */
    OTHER("other", "其他", "Other", List.of());

    private final String code;
    private final String labelZh;
    private final String labelEn;
    private final List<String> aliases;

    CandidateKind(String code, String labelZh, String labelEn, List<String> aliases) {
        this.code = code;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
        this.aliases = aliases;
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
     * Parses a code ({@code gas_station}), a Chinese or English label, the constant name or an alias, ignoring case,
     * blanks and the difference between spaces, hyphens and underscores.
     *
     * @throws IllegalArgumentException e.g. "unknown candidate kind 'xyz'; expected one of gas_station (加油站), ..."
     */
    public static CandidateKind parse(String text) {
        if (text != null) {
            String t = normalize(text);
            for (CandidateKind k : values()) {
                if (normalize(k.code).equals(t)
                        || normalize(k.name()).equals(t)
                        || k.labelZh.equals(text.trim())
                        || normalize(k.labelEn).equals(t)
                        || k.aliases.stream().anyMatch(a -> normalize(a).equals(t))) {
                    return k;
                }
            }
        }
        throw new IllegalArgumentException("unknown candidate kind '" + text + "'; expected one of "
                + Arrays.stream(values())
                        .map(k -> k.code + " (" + k.labelZh + ")")
                        .collect(Collectors.joining(", ")));
    }

    private static String normalize(String s) {
        return s.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "_");
    }
}
