package dev.outpost.dataio;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes generic tables (proposals, reports) as an XLSX workbook with fastexcel: one sheet per table, a bold frozen
 * header row, column widths fitted to the content (CJK characters count double). Cell values: {@link Number} and
 * {@link Boolean} as such, {@link LocalDate} and {@link LocalDateTime} as dates, null as an empty cell, anything else
 * as its text. Text is always written as a string, never as a formula, so no cell can be injected as one. Sheet
 * names are cut to Excel's 31 characters, stripped of {@code []:*?/\} and made unique. Stateless and thread-safe.
 */
public final class XlsxWriter {
    private static final int MAX_SHEET_NAME = 31;
    private static final double MAX_WIDTH = 60;

    private XlsxWriter() {}

    /**
     * One table.
     *
     * @param name the sheet name (adjusted as the class comment says)
     * @param header the column titles
     * @param rows the rows; each may be shorter than the header (missing cells are empty); copied
     */
    public record Sheet(String name, List<String> header, List<? extends List<?>> rows) {
        public Sheet {
            Objects.requireNonNull(name, "name");
            header = List.copyOf(header);
            List<List<?>> copy = new ArrayList<>(rows.size());
            for (List<?> row : rows) {
                copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
            }
            rows = java.util.Collections.unmodifiableList(copy);
        }
    }

    /** Writes one table; {@code out} is not closed. */
    public static void write(Sheet sheet, OutputStream out) {
        write(List.of(sheet), out);
    }

    /** Writes the tables as sheets of one workbook; {@code out} is not closed. */
    public static void write(List<Sheet> sheets, OutputStream out) {
        if (sheets.isEmpty()) {
            throw new IllegalArgumentException("a workbook needs at least one sheet");
        }
        try {
            Workbook workbook = new Workbook(new NonClosing(out), "Outpost", "1.0");
            Set<String> used = new HashSet<>();
            for (Sheet sheet : sheets) {
                Worksheet ws = workbook.newWorksheet(sheetName(sheet.name(), used));
                writeSheet(ws, sheet);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeSheet(Worksheet ws, Sheet sheet) {
        int columns = sheet.header().size();
        for (List<?> row : sheet.rows()) {
            columns = Math.max(columns, row.size());
        }
        double[] widths = new double[columns];
        for (int c = 0; c < sheet.header().size(); c++) {
            String title = sheet.header().get(c);
            ws.value(0, c, title);
            ws.style(0, c).bold().set();
            widths[c] = width(title);
        }
        int r = 1;
        for (List<?> row : sheet.rows()) {
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                if (v == null) {
                    continue;
                }
                if (v instanceof Number) {
                    ws.value(r, c, (Number) v);
                } else if (v instanceof Boolean) {
                    ws.value(r, c, (Boolean) v);
                } else if (v instanceof LocalDate) {
                    ws.value(r, c, (LocalDate) v);
                    ws.style(r, c).format("yyyy-mm-dd").set();
                } else if (v instanceof LocalDateTime) {
                    ws.value(r, c, (LocalDateTime) v);
                    ws.style(r, c).format("yyyy-mm-dd hh:mm").set();
                } else {
                    ws.value(r, c, v.toString());
                }
                widths[c] = Math.max(widths[c], width(v instanceof LocalDateTime ? "yyyy-mm-dd hh:mm" : v.toString()));
            }
            r++;
        }
        for (int c = 0; c < columns; c++) {
            ws.width(c, Math.min(MAX_WIDTH, Math.max(6, widths[c] + 2)));
        }
        if (!sheet.header().isEmpty()) {
            ws.freezePane(0, 1);
        }
    }

    /** Approximate display width: CJK and other wide characters count 2. */
    private static double width(String text) {
        double w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            w += cp >= 0x1100 && (cp <= 0x115F || cp >= 0x2E80) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    static String sheetName(String name, Set<String> used) {
        String n = name.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        if (n.isEmpty()) {
            n = "Sheet";
        }
        n = cut(n, MAX_SHEET_NAME);
        String candidate = n;
        int i = 2;
        while (used.contains(candidate.toLowerCase(Locale.ROOT))) {
            String suffix = " (" + i++ + ")";
            candidate = cut(n, MAX_SHEET_NAME - suffix.length()) + suffix;
        }
        used.add(candidate.toLowerCase(Locale.ROOT));
        return candidate;
    }

    private static String cut(String s, int codePoints) {
        return s.codePointCount(0, s.length()) <= codePoints ? s : s.substring(0, s.offsetByCodePoints(0, codePoints));
    }

    /** Keeps fastexcel from closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
