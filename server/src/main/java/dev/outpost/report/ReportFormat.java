package dev.outpost.report;

import java.util.Locale;

/** The file formats of a review report. */
public enum ReportFormat {
    PDF("pdf", "application/pdf"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String extension;
    private final String contentType;

    ReportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** The file name extension without the dot. */
    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /**
     * Parses {@code pdf} or {@code xlsx}, ignoring case and blanks.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static ReportFormat parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (f.extension.equals(t)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + text + "'; expected pdf or xlsx");
    }
}
