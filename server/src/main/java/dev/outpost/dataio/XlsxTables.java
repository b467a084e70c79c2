package dev.outpost.dataio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads the first non-empty sheet of an XLSX (or legacy XLS) workbook into a {@link RawTable} with Apache POI, whose
 * zip-bomb guard stays at its default (on). The header is the first of the first ten rows that names at least two
 * known columns, else the first non-empty row; rows above it (a title) are ignored with a warning. Row numbers are
 * the sheet's own. Numbers keep their full stored precision whatever the cell's display format. Stateless.
 */
final class XlsxTables {
    private static final int HEADER_SEARCH_ROWS = 10;

    private XlsxTables() {}

    static RawTable read(byte[] bytes, Predicate<String> knownColumn, Problems problems) {
        if (bytes.length == 0) {
            problems.error(0, null, "the file is empty");
            return empty();
        }
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            return readWorkbook(workbook, knownColumn, problems);
        } catch (EncryptedDocumentException e) {
            problems.error(0, null, "the spreadsheet is password-protected; save it without a password");
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (message.toLowerCase(Locale.ROOT).contains("zip bomb")) {
                problems.error(
                        0,
                        null,
                        "the spreadsheet was refused: a part of it expands far more than real spreadsheets do"
                                + " (zip-bomb guard)");
            } else {
                problems.error(0, null, "the spreadsheet cannot be opened: " + message);
            }
        }
        return empty();
    }

    private static RawTable readWorkbook(Workbook workbook, Predicate<String> knownColumn, Problems problems) {
        Sheet sheet = null;
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            Sheet s = workbook.getSheetAt(i);
            if (s.getPhysicalNumberOfRows() == 0) {
                continue;
            }
            if (sheet == null) {
                sheet = s;
            } else {
                ignored.add(s.getSheetName());
            }
        }
        if (sheet == null) {
            problems.error(0, null, "the file is empty: the workbook has no rows");
            return empty();
        }
        if (!ignored.isEmpty()) {
            problems.warning(
                    0,
                    null,
                    "only the sheet '" + sheet.getSheetName() + "' was read; other sheets were ignored: "
                            + String.join(", ", ignored));
        }
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        List<List<String>> firstRows = new ArrayList<>();
        List<Integer> firstRowNumbers = new ArrayList<>();
        for (Row row : sheet) {
            if (firstRows.size() >= HEADER_SEARCH_ROWS) {
                break;
            }
            List<String> cells = cells(row, formatter);
            if (!CsvTables.isBlank(cells)) {
                firstRows.add(cells);
                firstRowNumbers.add(row.getRowNum() + 1);
            }
        }
        if (firstRows.isEmpty()) {
            problems.error(0, null, "the file is empty: the sheet '" + sheet.getSheetName() + "' has no values");
            return empty();
        }
        int headerIndex = 0;
        for (int i = 0; i < firstRows.size(); i++) {
            long known = firstRows.get(i).stream()
                    .filter(c -> c != null && knownColumn.test(c))
                    .count();
            if (known >= 2) {
                headerIndex = i;
                break;
            }
        }
        int headerRow = firstRowNumbers.get(headerIndex);
        if (headerIndex > 0) {
            problems.warning(
                    0,
                    null,
                    "rows above row " + headerRow + " were taken for a title and ignored; the header is row "
                            + headerRow);
        }
        List<String> header = CsvTables.trimmed(firstRows.get(headerIndex));
        List<RawTable.RawRow> rows = new ArrayList<>();
        for (Row row : sheet) {
            int number = row.getRowNum() + 1;
            if (number <= headerRow) {
                continue;
            }
            List<String> cells = cells(row, formatter);
            if (CsvTables.isBlank(cells)) {
                continue;
            }
            if (cells.size() > header.size() && !CsvTables.isBlank(cells.subList(header.size(), cells.size()))) {
                problems.warning(number, null, "values right of the last named column were ignored");
            }
            rows.add(new RawTable.RawRow(number, cells, null));
        }
        if (rows.isEmpty()) {
            problems.error(0, null, "no data rows: the sheet has a header row but nothing below it");
        }
        return new RawTable(headerRow, header, rows, null);
    }

    private static List<String> cells(Row row, DataFormatter formatter) {
        int last = Math.max(row.getLastCellNum(), 0);
        List<String> out = new ArrayList<>(last);
        for (int c = 0; c < last; c++) {
            Cell cell = row.getCell(c);
            out.add(cell == null ? null : text(cell, formatter));
        }
        return out;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
        }
        switch (type) {
            case STRING:
                return cell.getStringCellValue();
            case NUMERIC:
                if (DateUtil.isCellDateFormatted(cell)) {
                    return formatter.formatCellValue(cell);
                }
                return plain(cell.getNumericCellValue());
            case BOOLEAN:
                return Boolean.toString(cell.getBooleanCellValue());
            default:
                return null;
        }
    }

    /** A double as the shortest plain decimal that reads back to it: 116.397128, 20, -12.5. */
    static String plain(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        BigDecimal d = BigDecimal.valueOf(value).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    private static RawTable empty() {
        return new RawTable(0, List.of(), List.of(), null);
    }
}
