package dev.outpost.planning;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a scenario stands in the approval workflow (the workflow itself is issue 6's): a new scenario is a draft;
 * only drafts and returned scenarios may be edited.
 */
public enum ScenarioStatus {
    DRAFT("draft"),
    SUBMITTED("submitted"),
    APPROVED("approved"),
    RETURNED("returned");

    private final String code;

    ScenarioStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether what-if edits are allowed. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }

    /** @throws IllegalArgumentException naming the value */
    public static ScenarioStatus parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (ScenarioStatus s : values()) {
            if (s.code.equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scenario status '" + text + "'; expected one of "
                + Arrays.stream(values()).map(ScenarioStatus::code).collect(Collectors.joining(", ")));
    }
}
