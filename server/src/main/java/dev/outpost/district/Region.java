package dev.outpost.district;

/**
 * A region: one city (or county) whose datasets live side by side with other cities' in one database. Every table
 * is keyed by the region code first. Immutable.
 *
 * @param code lower-case letters, digits, '_' or '-', 1 to 40 characters, e.g. {@code "shenzhen"} or {@code "demo"}
 * @param name display name (Chinese first), e.g. {@code "深圳市"}
 * @param nameEn English display name; may be null
 * @param synthetic true for generated demo data, which the map labels as such
 */
public record Region(String code, String name, String nameEn, boolean synthetic) {
    public Region {
        if (code == null || !code.matches("[a-z0-9][a-z0-9_-]{0,39}")) {
            throw new IllegalArgumentException("region code '" + code
                    + "' must be 1 to 40 lower-case letters, digits, '_' or '-', starting with a letter or digit");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("region '" + code + "': field 'name' is required");
        }
    }
}
