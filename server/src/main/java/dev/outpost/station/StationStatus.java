package dev.outpost.station;

import java.util.List;

/** Life-cycle state of a station. Planned stations take part in siting scenarios but are not shown as open. */
public enum StationStatus {
    PLANNED("planned", "规划中", "Planned"),
    OPEN("open", "运营中", "Open"),
    CLOSED("closed", "已关闭", "Closed");

    private static final CodeLookup<StationStatus> LOOKUP = new CodeLookup<>(
            "station status",
            values(),
            s -> List.of(s.code, s.labelZh, s.name()),
            s -> s.code + " (" + s.labelZh + ")");

    private final String code;
    private final String labelZh;
    private final String labelEn;

    StationStatus(String code, String labelZh, String labelEn) {
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
     * Parses a code ({@code open}) or Chinese label (运营中), ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the value and listing the accepted ones
     */
    public static StationStatus parse(String text) {
        return LOOKUP.parse(text);
    }
}
