package dev.outpost.planning;

import dev.outpost.common.Problem;
import dev.outpost.common.ValidationException;
import dev.outpost.dataio.FileFormat;
import dev.outpost.dataio.TextDecoding;
import dev.outpost.geo.CoordinateSystem;
import dev.outpost.geo.LatLon;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads a candidate list from CSV (UTF-8 with or without BOM, or GBK; comma, semicolon or tab) or XLSX (the first
 * sheet with values, read with POI and its zip-bomb guard on), all or nothing: every row is checked and every
 * problem reported with its row (as a spreadsheet numbers it), field and reason; one bad row refuses the file.
 *
 * <p>Columns (Chinese or English headers, any order; the header is the first of the first ten rows naming at least
 * two of them): {@code 编号/id}, {@code 类型/kind}, {@code 名称/name}, {@code 经度/lon}, {@code 纬度/lat} required;
 * {@code 所属区/district}, {@code 成本/cost} (万元), {@code 座位数/capacity} optional. Ids are unique in the file and
 * contain no {@code ':'} (reserved for derived candidates). A text cell starting with {@code '} before one of
 * {@code = + - @} (as formula-safe writers write it) loses that quote. Coordinates are converted from the declared
 * system to WGS 84. Stateless and thread-safe.
 */
public final class CandidateFileReader {
    /** Problems listed before "and N more". */
    static final int MAX_PROBLEMS = 200;

    private static final Map<String, String> COLUMNS = columns();
    private static final List<String> REQUIRED = List.of("id", "kind", "name", "lon", "lat");

    private CandidateFileReader() {}

    private static Map<String, String> columns() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String s : new String[] {"编号", "id", "候选点编号", "code"}) {
            m.put(s, "id");
        }
        for (String s : new String[] {"类型", "kind", "type", "类别"}) {
            m.put(s, "kind");
        }
        for (String s : new String[] {"名称", "name"}) {
            m.put(s, "name");
        }
        for (String s : new String[] {"所属区", "district", "district_code", "区", "行政区"}) {
            m.put(s, "district");
        }
        for (String s : new String[] {"成本", "cost", "成本(万元)", "成本（万元）", "cost_wan_yuan"}) {
            m.put(s, "cost");
        }
        for (String s : new String[] {"座位数", "capacity", "seats", "capacity_seats"}) {
            m.put(s, "capacity");
        }
        for (String s : new String[] {"经度", "lon", "lng", "longitude", "x"}) {
            m.put(s, "lon");
        }
        for (String s : new String[] {"纬度", "lat", "latitude", "y"}) {
            m.put(s, "lat");
        }
        return m;
    }

    /**
     * Reads and checks a file.
     *
     * @param fileName the upload's name (its extension helps to tell CSV from XLSX); may be null
     * @param crs the coordinate system of the file's longitude and latitude
     * @return the candidates in file order, source {@link CandidateSource#IMPORT}
     * @throws ValidationException listing every problem when any row (or the file) is bad
     */
    public static List<Candidate> read(String regionCode, String fileName, byte[] bytes, CoordinateSystem crs) {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(crs, "crs");
        List<Problem> problems = new ArrayList<>();
        if (bytes == null || bytes.length == 0) {
            throw ValidationException.of(null, "the file is empty");
        }
        FileFormat format = FileFormat.detect(fileName, bytes);
        List<RawRow> rows;
        if (format == FileFormat.CSV) {
            rows = csvRows(bytes, problems);
        } else if (format == FileFormat.XLSX) {
            rows = xlsxRows(bytes, problems);
        } else {
            throw ValidationException.of(
                    null, "candidate files must be CSV or XLSX; '" + fileName + "' looks like " + format);
        }
        List<Candidate> out = parse(regionCode, rows, crs, problems);
        if (!problems.isEmpty()) {
            List<Problem> shown = new ArrayList<>(problems.subList(0, Math.min(MAX_PROBLEMS, problems.size())));
            if (problems.size() > MAX_PROBLEMS) {
                shown.add(new Problem(0, null, "and " + (problems.size() - MAX_PROBLEMS) + " more problems"));
            }
            throw new ValidationException(shown);
        }
        return out;
    }

    /** A row of text cells with its spreadsheet row number. */
    private record RawRow(int row, List<String> cells) {
        String cell(Integer index) {
            if (index == null || index >= cells.size()) {
                return null;
            }
            String v = cells.get(index);
            if (v == null) {
                return null;
            }
            v = v.strip();
            return v.isEmpty() ? null : v;
        }

        boolean blank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }

    private static List<RawRow> csvRows(byte[] bytes, List<Problem> problems) {
        String text = TextDecoding.decode(bytes, null).text();
        char delimiter = delimiter(text);
        List<RawRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(
                new StringReader(text),
                CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get())) {
            for (CSVRecord r : parser) {
                rows.add(new RawRow((int) r.getRecordNumber(), r.toList()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException | IllegalStateException e) {
            problems.add(new Problem(
                    rows.size() + 1,
                    null,
                    "the CSV cannot be parsed here (an unclosed quote or a truncated file); this row and any after it"
                            + " were not read"));
        }
        return rows;
    }

    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        long commas = line.chars().filter(c -> c == ',').count();
        long semicolons = line.chars().filter(c -> c == ';').count();
        long tabs = line.chars().filter(c -> c == '\t').count();
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private static List<RawRow> xlsxRows(byte[] bytes, List<Problem> problems) {
        List<RawRow> rows = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                Sheet sheet = workbook.getSheetAt(s);
                if (sheet.getPhysicalNumberOfRows() == 0) {
                    continue;
                }
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? null : text(cell, formatter));
                    }
                    rows.add(new RawRow(row.getRowNum() + 1, cells));
                }
                break;
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(0, null, "the spreadsheet cannot be opened: " + e.getMessage()));
        }
        return rows;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        switch (type) {
            case STRING:
                return cell.getStringCellValue();
            case NUMERIC:
                return BigDecimal.valueOf(cell.getNumericCellValue())
                        .stripTrailingZeros()
                        .toPlainString();
            case BOOLEAN:
                return Boolean.toString(cell.getBooleanCellValue());
            default:
                return formatter.formatCellValue(cell);
        }
    }

    private static List<Candidate> parse(
            String regionCode, List<RawRow> all, CoordinateSystem crs, List<Problem> problems) {
        List<RawRow> rows = all.stream().filter(r -> !r.blank()).toList();
        if (rows.isEmpty()) {
            if (problems.isEmpty()) {
                problems.add(new Problem(0, null, "the file is empty"));
            }
            return List.of();
        }
        int headerAt = 0;
        for (int k = 0; k < Math.min(10, rows.size()); k++) {
            if (known(rows.get(k)) >= 2) {
                headerAt = k;
                break;
            }
        }
        RawRow header = rows.get(headerAt);
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < header.cells().size(); c++) {
            String h = header.cell(c);
            String field = h == null ? null : COLUMNS.get(h.toLowerCase(Locale.ROOT));
            if (field != null && index.putIfAbsent(field, c) != null) {
                problems.add(new Problem(header.row(), h, "column '" + field + "' appears twice"));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String f : REQUIRED) {
            if (!index.containsKey(f)) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            problems.add(new Problem(
                    header.row(),
                    null,
                    "missing column(s) " + missing + "; a candidate file needs 编号/id, 类型/kind, 名称/name, 经度/lon,"
                            + " 纬度/lat (optional: 所属区/district, 成本/cost in 万元, 座位数/capacity); found "
                            + header.cells()));
            return List.of();
        }
        if (rows.size() == headerAt + 1) {
            problems.add(new Problem(0, null, "no data rows: the file has a header row but nothing below it"));
            return List.of();
        }
        List<Candidate> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (RawRow r : rows.subList(headerAt + 1, rows.size())) {
            int before = problems.size();
            String id = unquote(r.cell(index.get("id")));
            String kindText = unquote(r.cell(index.get("kind")));
            String name = unquote(r.cell(index.get("name")));
            String district = unquote(r.cell(index.get("district")));
            if (id == null) {
                problems.add(new Problem(r.row(), "id", "the id is empty"));
            } else if (id.contains(":")) {
                problems.add(new Problem(r.row(), "id", "id '" + id + "' contains ':', which is reserved"));
            } else if (id.length() > Candidate.MAX_ID_LENGTH) {
                problems.add(new Problem(r.row(), "id", "id '" + id + "' is longer than 100 characters"));
            } else {
                Integer first = seen.putIfAbsent(id, r.row());
                if (first != null) {
                    problems.add(new Problem(r.row(), "id", "id '" + id + "' was already used on row " + first));
                }
            }
            CandidateKind kind = null;
            if (kindText == null) {
                problems.add(new Problem(r.row(), "kind", "the kind is empty"));
            } else {
                try {
                    kind = CandidateKind.parse(kindText);
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(r.row(), "kind", e.getMessage()));
                }
            }
            if (name == null) {
                problems.add(new Problem(r.row(), "name", "the name is empty"));
            } else if (name.codePointCount(0, name.length()) > Candidate.MAX_NAME_LENGTH) {
                problems.add(new Problem(r.row(), "name", "the name is longer than 200 characters"));
            }
            Double cost = number(r, index.get("cost"), "cost", 0, Double.MAX_VALUE, problems);
            Double seats = number(r, index.get("capacity"), "capacity", 0, 1_000_000, problems);
            if (seats != null && seats != Math.rint(seats)) {
                problems.add(new Problem(r.row(), "capacity", "capacity " + seats + " is not a whole number of seats"));
            }
            Double lon = number(r, index.get("lon"), "lon", -180, 180, problems);
            Double lat = number(r, index.get("lat"), "lat", -90, 90, problems);
            if (lon == null && r.cell(index.get("lon")) == null) {
                problems.add(new Problem(r.row(), "lon", "the longitude is empty"));
            }
            if (lat == null && r.cell(index.get("lat")) == null) {
                problems.add(new Problem(r.row(), "lat", "the latitude is empty"));
            }
            if (problems.size() > before) {
                continue;
            }
            LatLon position;
            try {
                position = crs.toWgs84(lon, lat);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(r.row(), "lon", e.getMessage()));
                continue;
            }
            out.add(new Candidate(
                    id,
                    regionCode,
                    CandidateSource.IMPORT,
                    kind,
                    name,
                    district,
                    cost,
                    seats == null ? null : seats.intValue(),
                    position));
        }
        return out;
    }

    private static int known(RawRow r) {
        int k = 0;
        for (String c : r.cells()) {
            if (c != null && COLUMNS.containsKey(c.strip().toLowerCase(Locale.ROOT))) {
                k++;
            }
        }
        return k;
    }

    private static Double number(RawRow r, Integer column, String field, double min, double max, List<Problem> out) {
        String text = unquote(r.cell(column));
        if (text == null) {
            return null;
        }
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            out.add(new Problem(r.row(), field, "'" + text + "' is not a number"));
            return null;
        }
        if (!Double.isFinite(v) || v < min || v > max) {
            out.add(new Problem(
                    r.row(),
                    field,
                    String.format(Locale.ROOT, "%s is out of range %s..%s", text, plain(min), plain(max))));
            return null;
        }
        return v;
    }

    private static String plain(double v) {
        return v == Double.MAX_VALUE
                ? "∞"
                : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** Removes the quote a formula-safe writer puts before {@code = + - @}, tab or CR. */
    static String unquote(String v) {
        if (v != null && v.length() > 1 && v.charAt(0) == '\'' && ProposalFiles.isDangerous(v.charAt(1))) {
            return v.substring(1);
        }
        return v;
    }
}
