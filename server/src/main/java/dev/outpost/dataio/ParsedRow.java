package dev.outpost.dataio;

import java.util.Objects;

/**
 * One valid value read from a file, with the human row number it came from (CSV/XLSX: the spreadsheet row, header =
 * 1; GeoJSON and Shapefile: feature index + 1).
 *
 * @param row the human row or feature number, at least 1
 * @param value the value, never null
 */
public record ParsedRow<T>(int row, T value) {
    public ParsedRow {
        if (row < 1) {
            throw new IllegalArgumentException("row " + row + " must be at least 1");
        }
        Objects.requireNonNull(value, "value");
    }
}
