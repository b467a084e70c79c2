package dev.outpost.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Who may do what. {@link #PUBLIC} is everybody, logged in or not (the rider page, the public map); the other three
 * are the roles an account can have.
 */
public enum Role {
    /** No login: read the public map and API. */
    PUBLIC("public", "公众", "Public"),
    /** Edits stations and data, imports files, runs analyses, drafts scenarios. */
    PLANNER("planner", "规划人员", "Planner"),
    /** Reviews and decides for the districts they answer for. */
    LEADER("leader", "区域负责人", "District leader"),
    /** Manages users, imports and settings. */
    ADMIN("admin", "管理员", "Administrator");

    private final String code;
    private final String labelZh;
    private final String labelEn;

    Role(String code, String labelZh, String labelEn) {
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
     * The role of an account from its code ({@code planner}, {@code leader}, {@code admin}; case-insensitive).
     *
     * @throws IllegalArgumentException for any other value, including {@code public}, which no account can have
     */
    public static Role parseAccountRole(String code) {
        if (code != null) {
            String c = code.trim().toLowerCase(Locale.ROOT);
            for (Role r : values()) {
                if (r != PUBLIC && r.code.equals(c)) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("unknown role '" + code + "'; expected one of "
                + Arrays.stream(values())
                        .filter(r -> r != PUBLIC)
                        .map(Role::code)
                        .collect(Collectors.joining(", ")));
    }
}
