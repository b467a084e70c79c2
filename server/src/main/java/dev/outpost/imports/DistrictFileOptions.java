package dev.outpost.imports;

/**
 * Field choices for a district file whose properties are not named the usual way. Null fields mean "find it by the
 * usual names and aliases".
 *
 * @param codeField property holding the area code
 * @param nameField property holding the area name
 * @param levelField property holding the level, or null to use {@code level}
 * @param populationField property holding the population
 * @param parentNameField property naming the parent district; when set, parent districts are created from its values
 *     (boundary = union of their children, population = sum) and the file's rows become subdistricts
 */
public record DistrictFileOptions(
        String codeField, String nameField, String levelField, String populationField, String parentNameField) {
    public static final DistrictFileOptions DEFAULT = new DistrictFileOptions(null, null, null, null, null);
}
