package dev.outpost.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An account. Immutable; the password hash is not part of it (see {@link UserRepository#findPasswordHash}).
 *
 * @param name the login name: 2 to 40 characters of lower-case ASCII letters, digits, {@code . _ -}, starting with a
 *     letter or digit; see {@link #normalizeName}
 * @param displayName shown on the page, 1 to 100 characters (Chinese welcome)
 * @param role a real role, never {@link Role#PUBLIC}
 * @param areas the areas the user answers for, without duplicates, in the given order; copied, unmodifiable
 * @param disabled a disabled user cannot log in and loses their sessions
 * @param createdAt when the account was created; null for an account not yet stored
 */
public record User(String name, String displayName, Role role, List<Area> areas, boolean disabled, Instant createdAt) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");

    public User {
        requireValidName(name);
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("user '" + name + "': field 'displayName' is required");
        }
        displayName = displayName.strip();
        if (displayName.length() > 100) {
            throw new IllegalArgumentException(
                    "user '" + name + "': field 'displayName' is longer than 100 characters");
        }
        if (role == null || role == Role.PUBLIC) {
            throw new IllegalArgumentException(
                    "user '" + name + "': field 'role' must be planner, leader or admin, not " + role);
        }
        areas = List.copyOf(new ArrayList<>(new LinkedHashSet<>(areas == null ? List.of() : areas)));
    }

    /** Trims and lower-cases a typed login name (no validation). */
    public static String normalizeName(String typed) {
        return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the value when it is not a valid login name */
    public static String requireValidName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("user name '" + name
                    + "' is not valid: use 2 to 40 lower-case letters, digits, '.', '_' or '-', starting with a"
                    + " letter or digit");
        }
        return name;
    }

    public User withRole(Role newRole) {
        return new User(name, displayName, newRole, areas, disabled, createdAt);
    }

    public User withDisplayName(String newDisplayName) {
        return new User(name, newDisplayName, role, areas, disabled, createdAt);
    }

    public User withAreas(List<Area> newAreas) {
        return new User(name, displayName, role, newAreas, disabled, createdAt);
    }

    public User withDisabled(boolean newDisabled) {
        return new User(name, displayName, role, areas, newDisabled, createdAt);
    }
}
