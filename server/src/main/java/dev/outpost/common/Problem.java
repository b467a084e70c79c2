package dev.outpost.common;

import java.util.Objects;

/**
 * One thing wrong with the caller's input, for a {@link ValidationException}. Immutable.
 *
 * @param row the row as a spreadsheet numbers it (header = row 1, first data row = row 2; "feature N" for GeoJSON and
 *     Shapefile features), or 0 when the problem belongs to no
 *     row (a single form or JSON body)
 * @param field the field or column, e.g. {@code "kind"}; null when the problem concerns the whole row
 * @param reason what is wrong, naming the bad value, e.g. {@code "unknown station kind 'xyz'; expected one of ..."}
 */
public record Problem(int row, String field, String reason) {
    public Problem {
        if (row < 0) {
            throw new IllegalArgumentException("problem row " + row + " is negative; expected 0 or a 1-based row");
        }
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("problem reason is blank");
        }
    }

    /** A problem outside any row. */
    public static Problem of(String field, String reason) {
        return new Problem(0, field, reason);
    }

    /** E.g. {@code "row 7, field 'kind': unknown station kind 'xyz'"}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (row > 0) {
            sb.append("row ").append(row);
        }
        if (field != null) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append("field '").append(field).append('\'');
        }
        if (sb.length() > 0) {
            sb.append(": ");
        }
        return sb.append(reason).toString();
    }
}
