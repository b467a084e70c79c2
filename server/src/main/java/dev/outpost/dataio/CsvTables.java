package dev.outpost.dataio;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV text into a {@link RawTable}: detects the encoding and the delimiter (comma, semicolon or tab), finds
 * the header (skipping a title row above it), numbers rows as a spreadsheet shows them (header = row 1 when it is on
 * the first line) and reports truncation: an unterminated quote, a row with fewer values than the header, or one
 * with more. Stateless.
 */
final class CsvTables {
    private CsvTables() {}

    /**
     * @param knownColumn whether a header names a known column: the header is the first of the first ten non-empty
     *     records naming at least two, else the first non-empty record; records above it are ignored with a warning
     */
    static RawTable read(byte[] bytes, Charset charset, Predicate<String> knownColumn, Problems problems) {
        TextDecoding.Decoded decoded = TextDecoding.decode(bytes, charset);
        String text = decoded.text();
        if (text.isBlank()) {
            problems.error(0, null, "the file is empty");
            return new RawTable(0, List.of(), List.of(), null);
        }
        char delimiter = detectDelimiter(text);
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .get();
        List<RawTable.RawRow> records = new ArrayList<>();
        long lastRecord = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> it = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    record = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    reportBrokenRecord(problems, (int) lastRecord + 1, e);
                    break;
                }
                lastRecord = record.getRecordNumber();
                List<String> cells = record.toList();
                if (!Cells.isBlank(cells)) {
                    records.add(new RawTable.RawRow((int) record.getRecordNumber(), cells, null));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (records.isEmpty()) {
            if (!problems.hasErrors()) {
                problems.error(0, null, "the file is empty");
            }
            return new RawTable(0, List.of(), List.of(), null);
        }
        int headerIndex = Cells.findHeader(
                records.subList(0, Math.min(Cells.HEADER_SEARCH_ROWS, records.size())), knownColumn, problems);
        RawTable.RawRow headerRecord = records.get(headerIndex);
        List<String> header = Cells.trimmed(headerRecord.cells());
        List<RawTable.RawRow> rows = new ArrayList<>();
        for (RawTable.RawRow r : records.subList(headerIndex + 1, records.size())) {
            checkWidth(problems, r.row(), r.cells(), header.size());
            rows.add(r);
        }
        if (rows.isEmpty() && !problems.hasErrors()) {
            problems.error(0, null, "no data rows: the file has a header row but nothing below it");
        }
        return new RawTable(headerRecord.row(), header, rows, null);
    }

    private static void reportBrokenRecord(Problems problems, int row, RuntimeException e) {
        String message = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        if (message != null && message.contains("EOF reached before encapsulated token finished")) {
            problems.error(
                    row,
                    null,
                    "a quoted value that starts in this row is never closed: the file ends inside it (truncated"
                            + " file or a stray '\"'); this row and any after it were not read");
        } else {
            problems.error(
                    row,
                    null,
                    "the CSV cannot be parsed here (" + message + "); this row and any after it were not read");
        }
    }

    private static void checkWidth(Problems problems, int row, List<String> cells, int headerSize) {
        if (cells.size() < headerSize) {
            problems.error(
                    row,
                    null,
                    String.format(
                            Locale.ROOT,
                            "the row has %d values but the header has %d columns: it is cut short (truncated file"
                                    + " or a missing delimiter)",
                            cells.size(),
                            headerSize));
        } else if (cells.size() > headerSize && !Cells.isBlank(cells.subList(headerSize, cells.size()))) {
            problems.error(
                    row,
                    null,
                    String.format(
                            Locale.ROOT,
                            "the row has %d values but the header has %d columns (an unquoted delimiter inside a"
                                    + " value?)",
                            cells.size(),
                            headerSize));
        }
    }

    /** The most frequent of comma, semicolon and tab outside quotes on the first non-blank line; comma on a tie. */
    static char detectDelimiter(String text) {
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (!text.substring(start, end).isBlank()) {
                return mostFrequentDelimiter(text.substring(start, end));
            }
            start = end + 1;
        }
        return ',';
    }

    private static char mostFrequentDelimiter(String line) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == ',') {
                    commas++;
                } else if (c == ';') {
                    semicolons++;
                } else if (c == '\t') {
                    tabs++;
                }
            }
        }
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        if (semicolons > commas) {
            return ';';
        }
        return ',';
    }
}
