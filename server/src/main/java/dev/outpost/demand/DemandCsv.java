package dev.outpost.demand;

import dev.outpost.common.Problem;
import dev.outpost.common.ValidationException;
import dev.outpost.geo.HexGrid;
import dev.outpost.geo.LatLon;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads demand from CSV (UTF-8, comma-separated, a header row, an optional byte-order mark) in one of two layouts:
 *
 * <ul>
 *   <li>weighted points: {@code group,lon,lat,weight} — WGS 84 degrees, e.g. {@code rider,114.0579,22.5431,3};
 *   <li>H3 cells: {@code group,h3,weight} — the cell as hexadecimal address or decimal id, of the grid's resolution
 *       or finer (finer cells are added to the cell containing them).
 * </ul>
 *
 * {@code group} is a {@link WorkerGroup} code or label; {@code weight} is a finite number ≥ 0. Column order does not
 * matter; other columns are ignored. Stateless and thread-safe.
 */
public final class DemandCsv {
    private DemandCsv() {}

    /**
     * One layer per group present in the file, on {@code grid}.
     *
     * @throws ValidationException listing every bad row (row numbers count data rows from 1), or a missing column
     */
    public static Map<WorkerGroup, DemandLayer> read(Reader reader, HexGrid grid) {
        return parse(reader, grid).layers();
    }

    /**
     * What a demand CSV held.
     *
     * @param layers one layer per group in the file
     * @param source {@link DemandSource#POINTS} or {@link DemandSource#CELLS}, by the file's columns
     */
    public record Result(Map<WorkerGroup, DemandLayer> layers, DemandSource source) {}

    /** Like {@link #read}, also telling which layout the file had. */
    public static Result parse(Reader reader, HexGrid grid) {
        Map<WorkerGroup, DemandLayerBuilder> builders = new EnumMap<>(WorkerGroup.class);
        List<Problem> problems = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .get();
        boolean cells;
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, Integer> header = new java.util.HashMap<>();
            for (Map.Entry<String, Integer> e : parser.getHeaderMap().entrySet()) {
                header.put(e.getKey().replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT), e.getValue());
            }
            cells = header.containsKey("h3");
            List<String> required = cells ? List.of("group", "h3", "weight") : List.of("group", "lon", "lat", "weight");
            for (String column : required) {
                if (!header.containsKey(column)) {
                    throw ValidationException.of(
                            column,
                            "the header " + parser.getHeaderNames() + " lacks column '" + column
                                    + "'; expected group,lon,lat,weight or group,h3,weight");
                }
            }
            int row = 0;
            for (CSVRecord r : parser) {
                row++;
                int before = problems.size();
                WorkerGroup group = parse(problems, row, "group", value(r, header, "group"), WorkerGroup::parse);
                double weight = number(problems, row, "weight", value(r, header, "weight"));
                if (problems.size() == before && weight < 0) {
                    problems.add(new Problem(row, "weight", "weight " + weight + " is negative"));
                }
                if (cells) {
                    Long cell = parse(problems, row, "h3", value(r, header, "h3"), HexGrid::parseCell);
                    if (problems.size() == before) {
                        try {
                            builders.computeIfAbsent(group, g -> new DemandLayerBuilder(g, grid))
                                    .addCell(cell, weight);
                        } catch (IllegalArgumentException e) {
                            problems.add(new Problem(row, "h3", e.getMessage()));
                        }
                    }
                } else {
                    double lon = number(problems, row, "lon", value(r, header, "lon"));
                    double lat = number(problems, row, "lat", value(r, header, "lat"));
                    if (problems.size() == before) {
                        LatLon p;
                        try {
                            p = new LatLon(lat, lon);
                        } catch (IllegalArgumentException e) {
                            problems.add(new Problem(row, "lon/lat", e.getMessage()));
                            continue;
                        }
                        builders.computeIfAbsent(group, g -> new DemandLayerBuilder(g, grid))
                                .add(p, weight);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demand CSV: " + e.getMessage(), e);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw ValidationException.of(null, "the file is not valid CSV: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Map<WorkerGroup, DemandLayer> out = new EnumMap<>(WorkerGroup.class);
        builders.forEach((g, b) -> out.put(g, b.build()));
        return new Result(java.util.Collections.unmodifiableMap(out), cells ? DemandSource.CELLS : DemandSource.POINTS);
    }

    private static String value(CSVRecord r, Map<String, Integer> header, String column) {
        int i = header.get(column);
        return i < r.size() ? r.get(i) : "";
    }

    private static <T> T parse(
            List<Problem> problems, int row, String field, String text, java.util.function.Function<String, T> f) {
        if (text == null || text.isBlank()) {
            problems.add(new Problem(row, field, "value is missing"));
            return null;
        }
        try {
            return f.apply(text);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(row, field, e.getMessage()));
            return null;
        }
    }

    private static double number(List<Problem> problems, int row, String field, String text) {
        Double d = parse(problems, row, field, text, t -> {
            try {
                double v = Double.parseDouble(t.trim());
                if (!Double.isFinite(v)) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + t + "' is not a finite number");
            }
        });
        return d == null ? Double.NaN : d;
    }
}
