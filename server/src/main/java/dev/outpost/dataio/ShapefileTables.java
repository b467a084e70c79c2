package dev.outpost.dataio;

import dev.outpost.geo.Geometries;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a zipped ESRI Shapefile into a {@link RawTable}: one row per record numbered from 1, the DBF fields as
 * header, the shapes as geometries (in the file's coordinates) and the {@code .prj} WKT as the declared CRS. The
 * DBF encoding comes from the {@code .cpg} file, else from detection (see {@link Dbf}). Stateless.
 */
final class ShapefileTables {
    /** At most this many entries in an archive. */
    static final int MAX_ENTRIES = 64;

    /** At most this many uncompressed bytes per compressed byte allowed, on top of the upload limit. */
    static final long EXPANSION_FACTOR = 20;

    private ShapefileTables() {}

    /**
     * @param charset an explicit DBF encoding overriding the {@code .cpg}, or null
     * @param maxUncompressedBytes the cap on the archive's total uncompressed size
     */
    static RawTable read(byte[] zip, Charset charset, long maxUncompressedBytes, Problems problems) {
        if (zip.length == 0) {
            problems.error(0, null, "the file is empty");
            return empty(null);
        }
        List<SafeZip.Entry> entries;
        try {
            entries = SafeZip.read(zip, MAX_ENTRIES, maxUncompressedBytes);
        } catch (IllegalArgumentException e) {
            problems.error(0, null, e.getMessage());
            return empty(null);
        }
        Map<String, SafeZip.Entry> shps = new LinkedHashMap<>();
        for (SafeZip.Entry e : entries) {
            String lower = e.name().toLowerCase(Locale.ROOT);
            if (lower.endsWith(".shp")
                    && !lower.startsWith("__macosx/")
                    && !e.fileName().startsWith("._")) {
                shps.put(stem(e.name()), e);
            }
        }
        if (shps.isEmpty()) {
            List<String> names = new ArrayList<>();
            entries.forEach(e -> names.add(e.name()));
            problems.error(
                    0,
                    null,
                    "the archive holds no .shp file (it holds: " + String.join(", ", names)
                            + "); zip the .shp, .shx, .dbf, .prj and .cpg files of one layer");
            return empty(null);
        }
        if (shps.size() > 1) {
            List<String> names = new ArrayList<>();
            shps.values().forEach(e -> names.add(e.name()));
            problems.error(
                    0,
                    null,
                    "the archive holds " + shps.size() + " shapefiles (" + String.join(", ", names)
                            + "); upload one layer per archive");
            return empty(null);
        }
        String stem = shps.keySet().iterator().next();
        byte[] shp = shps.get(stem).bytes();
        byte[] dbf = sibling(entries, stem, ".dbf");
        byte[] shx = sibling(entries, stem, ".shx");
        byte[] prj = sibling(entries, stem, ".prj");
        byte[] cpg = sibling(entries, stem, ".cpg");
        if (dbf == null) {
            problems.error(
                    0, null, "the archive has no .dbf file next to " + stem + ".shp: the attributes are missing");
            return empty(null);
        }
        String prjText =
                prj == null ? null : TextDecoding.decode(prj, null).text().strip();
        if (charset == null && cpg != null) {
            String name = new String(cpg, StandardCharsets.US_ASCII).strip();
            try {
                charset = TextDecoding.parseCharset(name);
            } catch (IllegalArgumentException e) {
                problems.warning(
                        0,
                        null,
                        "the .cpg file names the unknown encoding '" + name + "'; the encoding was detected instead");
            }
        }
        Dbf.Table table;
        List<Shapefile.Shape> shapes;
        try {
            table = Dbf.read(dbf, charset);
            shapes = Shapefile.read(shp, Geometries.factory());
        } catch (IllegalArgumentException e) {
            problems.error(0, null, e.getMessage());
            return empty(prjText);
        }
        if (shx == null) {
            problems.warning(0, null, "the archive has no .shx index; the .shp was read record by record");
        } else {
            try {
                int indexed = Shapefile.indexedRecordCount(shx);
                if (indexed != table.records().size()) {
                    problems.warning(
                            0,
                            null,
                            String.format(
                                    Locale.ROOT,
                                    "the .shx index lists %d records but the .dbf has %d",
                                    indexed,
                                    table.records().size()));
                }
            } catch (IllegalArgumentException e) {
                problems.warning(0, null, "the .shx index is unreadable (" + e.getMessage() + "); it was ignored");
            }
        }
        int broken = 0;
        for (Shapefile.Shape s : shapes) {
            if (s.error() != null) {
                problems.error(s.number(), "geometry", s.error());
                broken++;
            }
        }
        if (shapes.size() != table.records().size() && broken == 0) {
            problems.error(
                    0,
                    null,
                    String.format(
                            Locale.ROOT,
                            "the .shp has %d shapes but the .dbf has %d records; the files do not belong together",
                            shapes.size(),
                            table.records().size()));
        }
        List<String> header = new ArrayList<>();
        table.fields().forEach(f -> header.add(f.name()));
        List<RawTable.RawRow> rows = new ArrayList<>();
        for (int i = 0; i < table.records().size(); i++) {
            if (table.deleted().get(i)) {
                problems.warning(i + 1, null, "the record is marked as deleted in the .dbf and was skipped");
                continue;
            }
            Shapefile.Shape shape = i < shapes.size() ? shapes.get(i) : null;
            rows.add(new RawTable.RawRow(i + 1, table.records().get(i), shape == null ? null : shape.geometry()));
        }
        if (rows.isEmpty() && !problems.hasErrors()) {
            problems.error(0, null, "no data rows: the shapefile has no records");
        }
        return new RawTable(0, header, rows, prjText);
    }

    private static byte[] sibling(List<SafeZip.Entry> entries, String stem, String extension) {
        for (SafeZip.Entry e : entries) {
            if (stem(e.name()).equals(stem) && e.name().toLowerCase(Locale.ROOT).endsWith(extension)) {
                return e.bytes();
            }
        }
        return null;
    }

    /** The path without its extension, lower case. */
    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return (dot < 0 ? name : name.substring(0, dot)).toLowerCase(Locale.ROOT);
    }

    private static RawTable empty(String crs) {
        return new RawTable(0, List.of(), List.of(), crs);
    }
}
