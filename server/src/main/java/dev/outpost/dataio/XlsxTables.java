package dev.outpost.dataio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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
        List<RawTable.RawRow> firstRows = new ArrayList<>();
        for (Row row : sheet) {
            if (firstRows.size() >= Cells.HEADER_SEARCH_ROWS) {
                break;
            }
            List<String> cells = cells(row, formatter);
            if (!Cells.isBlank(cells)) {
                firstRows.add(new RawTable.RawRow(row.getRowNum() + 1, cells, null));
            }
        }
        if (firstRows.isEmpty()) {
            problems.error(0, null, "the file is empty: the sheet '" + sheet.getSheetName() + "' has no values");
            return empty();
        }
        RawTable.RawRow headerRecord = firstRows.get(Cells.findHeader(firstRows, knownColumn, problems));
        int headerRow = headerRecord.row();
        List<String> header = Cells.trimmed(headerRecord.cells());
        List<RawTable.RawRow> rows = new ArrayList<>();
        for (Row row : sheet) {
            int number = row.getRowNum() + 1;
            if (number <= headerRow) {
                continue;
            }
            List<String> cells = cells(row, formatter);
            if (Cells.isBlank(cells)) {
                continue;
            }
            if (cells.size() > header.size() && !Cells.isBlank(cells.subList(header.size(), cells.size()))) {
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
                return Cells.plain(cell.getNumericCellValue());
            case BOOLEAN:
                return Boolean.toString(cell.getBooleanCellValue());
            default:
                return null;
        }
    }

    private static RawTable empty() {
        return new RawTable(0, List.of(), List.of(), null);
    }
}
