package dev.outpost.district;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The level of an administrative area, from the largest to the smallest. */
public enum AreaLevel {
    /** 区/县: district or county. */
    DISTRICT("district", "区/县"),
    /** 街道/乡镇: subdistrict, town or township. */
    SUBDISTRICT("subdistrict", "街道/乡镇"),
    /** 社区/村: residential community or village. */
    COMMUNITY("community", "社区/村");

    private final String code;
    private final String labelZh;

    AreaLevel(String code, String labelZh) {
        this.code = code;
        this.labelZh = labelZh;
    }

    public String code() {
        return code;
    }

    public String labelZh() {
        return labelZh;
    }

    /** The level directly above, or null for {@link #DISTRICT}. */
    public AreaLevel parent() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }

    /**
     * Parses a code ({@code subdistrict}), constant name, the Chinese label or one of its halves (街道, 乡镇, 区, 县,
     * 社区, 村), ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the value and listing the accepted ones
     */
    public static AreaLevel parse(String text) {
        if (text != null) {
            String t = text.trim();
            for (AreaLevel l : values()) {
                if (l.code.equalsIgnoreCase(t) || l.name().equalsIgnoreCase(t) || l.labelZh.equals(t)) {
                    return l;
                }
                for (String half : l.labelZh.split("/")) {
                    if (half.equals(t)) {
                        return l;
                    }
                }
            }
        }
        throw new IllegalArgumentException("unknown area level '" + text + "'; expected one of "
                + Arrays.stream(values())
                        .map(l -> l.code + " (" + l.labelZh + ")")
                        .collect(Collectors.joining(", ")));
    }
}
