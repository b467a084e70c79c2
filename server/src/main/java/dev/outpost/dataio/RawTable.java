package dev.outpost.dataio;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A file read as a table of text cells before any field is interpreted: the header and the data rows. GeoJSON and
 * Shapefile features become rows whose cells are their properties and which carry their geometry (in the file's
 * coordinates, not yet transformed).
 *
 * @param headerRow the human row number of the header (0 for GeoJSON and Shapefile, which have no header row)
 * @param header the column names as written in the file, trimmed
 * @param rows the data rows, without empty rows
 * @param declaredCrs a coordinate reference system the file declares (GeoJSON {@code crs} member or Shapefile
 *     {@code .prj}), or null
 */
record RawTable(int headerRow, List<String> header, List<RawRow> rows, String declaredCrs) {
    RawTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /**
     * One data row.
     *
     * @param row the human row or feature number
     * @param cells the cell texts aligned with the header (null for a missing cell); may be shorter or longer than
     *     the header when the file is malformed
     * @param geometry the feature geometry in the file's coordinates, or null (tables, or a feature without geometry)
     */
    record RawRow(int row, List<String> cells, Geometry geometry) {
        RawRow {
            cells = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cells));
        }

        /** The trimmed cell at {@code index}, or null when absent or blank. */
        String cell(int index) {
            if (index < 0 || index >= cells.size()) {
                return null;
            }
            String v = cells.get(index);
            if (v == null) {
                return null;
            }
            v = v.strip();
            return v.isEmpty() ? null : v;
        }
    }
}
