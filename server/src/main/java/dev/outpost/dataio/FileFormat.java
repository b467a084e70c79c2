package dev.outpost.dataio;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The file formats the readers accept, and their detection from a file name and the first bytes. */
public enum FileFormat {
    /** Comma-, semicolon- or tab-separated text, UTF-8 (with or without BOM) or GBK. */
    CSV,
    /** An Excel workbook (.xlsx; legacy .xls is read too); the first non-empty sheet is read. */
    XLSX,
    /** A GeoJSON FeatureCollection (or single Feature). */
    GEOJSON,
    /** A zip archive holding one ESRI Shapefile (.shp, .shx, .dbf, optional .prj and .cpg). */
    SHAPEFILE_ZIP;

    /**
     * Parses a format name ("csv", "xlsx", "xls", "geojson", "json", "shapefile", "shp", "zip"), ignoring case.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static FileFormat parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "csv":
            case "txt":
            case "tsv":
                return CSV;
            case "xlsx":
            case "xls":
            case "excel":
                return XLSX;
            case "geojson":
            case "json":
                return GEOJSON;
            case "shapefile":
            case "shp":
            case "zip":
            case "shapefile_zip":
                return SHAPEFILE_ZIP;
            default:
                throw new IllegalArgumentException(
                        "unknown file format '" + text + "'; expected one of csv, xlsx, geojson, shapefile");
        }
    }

    /**
     * Detects the format: binary signatures first (a zip is a workbook when it holds {@code xl/}, else a
     * Shapefile archive; an OLE2 file is a legacy workbook), then the file name's extension, then the text (a
     * leading '{' is GeoJSON, anything else CSV).
     *
     * @param fileName the upload's name, or null
     * @param bytes the file content
     */
    public static FileFormat detect(String fileName, byte[] bytes) {
        if (TextDecoding.startsWith(bytes, 'P', 'K', 3, 4)) {
            return containsAscii(bytes, "xl/") || containsAscii(bytes, "[Content_Types].xml") ? XLSX : SHAPEFILE_ZIP;
        }
        if (TextDecoding.startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
            return XLSX;
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot >= 0) {
            try {
                return parse(name.substring(dot + 1));
            } catch (IllegalArgumentException e) {
                // unknown extension: look at the content
            }
        }
        String head = TextDecoding.decode(
                        java.util.Arrays.copyOf(bytes, Math.min(bytes.length, 64)), StandardCharsets.UTF_8)
                .text()
                .stripLeading();
        return head.startsWith("{") ? GEOJSON : CSV;
    }

    private static boolean containsAscii(byte[] bytes, String text) {
        byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
