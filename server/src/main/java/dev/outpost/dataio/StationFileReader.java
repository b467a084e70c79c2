package dev.outpost.dataio;

import dev.outpost.geo.CoordinateSystem;
import dev.outpost.geo.LatLon;
import dev.outpost.station.OpeningHours;
import dev.outpost.station.Station;
import dev.outpost.station.StationKind;
import dev.outpost.station.StationService;
import dev.outpost.station.StationStatus;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Reads stations from the files cities have: CSV (UTF-8 with or without BOM, or GBK), XLSX, GeoJSON point features
 * and zipped point Shapefiles, with the coordinate system the caller declares (WGS 84, CGCS2000, GCJ-02 or BD-09);
 * every returned station is in WGS 84.
 *
 * <p>Columns are found by their canonical names ({@code external_id, kind, name, address, operator, district,
 * services, opening_hours, capacity, status, lon, lat}), the Chinese headers ({@code 编号, 类型, 名称, 地址, 运营方, 所属区,
 * 服务, 开放时间, 座位数, 状态, 经度, 纬度}) or other aliases (see {@link StationFields}); unknown columns are ignored with
 * a warning. Every row is checked and every problem collected (up to {@link Options#maxProblems()}): unknown kind,
 * service or status, malformed opening hours, missing, non-numeric, out-of-range or swapped coordinates, GCJ-02/BD-09
 * coordinates outside China, negative or fractional capacity, duplicate external ids (both rows named), truncated
 * rows. Rows with an error are left out of {@link ParsedFile#rows()}; the caller decides whether to import the rest.
 *
 * <p>In CSV, a text cell written by {@link StationCsvWriter} with a protective {@code '} before {@code = + - @}
 * (against formula injection) reads back without it. Cells are trimmed.
 *
 * <p>Row numbers: CSV and XLSX rows as a spreadsheet shows them (header = row 1, first data row = row 2); GeoJSON
 * and Shapefile features from 1 ("feature N"). Instances are immutable and thread-safe.
 */
public final class StationFileReader {
    /** The default upload limit: 20 MiB. */
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    private final Options options;

    /**
     * What to read and how.
     *
     * @param regionCode the region every station is put in; required
     * @param crs the coordinate system of the file's coordinates; required
     * @param format the file format, or null to detect it from the name and content
     * @param charset the text encoding of CSV/GeoJSON (or the DBF of a Shapefile), or null to detect it
     * @param maxBytes larger files are refused before parsing with {@link FileTooLargeException}
     * @param maxProblems at most this many errors (and, separately, warnings) are listed; the rest are counted
     * @param districtCodes district names and codes → district code, to resolve the district column; empty to
     *     take the column's value as the code unchanged
     * @param defaultStatus the status of rows whose status is blank
     * @param columns explicit field → column name choices that win over the aliases (e.g. {@code name → 站点}); may
     *     be empty
     */
    public record Options(
            String regionCode,
            CoordinateSystem crs,
            FileFormat format,
            Charset charset,
            long maxBytes,
            int maxProblems,
            Map<String, String> districtCodes,
            StationStatus defaultStatus,
            Map<String, String> columns) {
        public Options {
            if (regionCode == null || regionCode.isBlank()) {
                throw new IllegalArgumentException("regionCode is required");
            }
            Objects.requireNonNull(crs, "crs");
            Objects.requireNonNull(defaultStatus, "defaultStatus");
            if (maxBytes < 1) {
                throw new IllegalArgumentException("maxBytes " + maxBytes + " must be positive");
            }
            if (maxProblems < 1) {
                throw new IllegalArgumentException("maxProblems " + maxProblems + " must be positive");
            }
            districtCodes = Map.copyOf(districtCodes);
            columns = Map.copyOf(columns);
        }

        /** Defaults: detect format and encoding, 20 MiB, 200 problems, status "open", district column as code. */
        public static Options of(String regionCode, CoordinateSystem crs) {
            return new Options(
                    regionCode,
                    crs,
                    null,
                    null,
                    DEFAULT_MAX_BYTES,
                    Problems.DEFAULT_CAP,
                    Map.of(),
                    StationStatus.OPEN,
                    Map.of());
        }

        public Options withFormat(FileFormat newFormat) {
            return new Options(
                    regionCode, crs, newFormat, charset, maxBytes, maxProblems, districtCodes, defaultStatus, columns);
        }

        public Options withCharset(Charset newCharset) {
            return new Options(
                    regionCode, crs, format, newCharset, maxBytes, maxProblems, districtCodes, defaultStatus, columns);
        }

        public Options withMaxBytes(long newMaxBytes) {
            return new Options(
                    regionCode, crs, format, charset, newMaxBytes, maxProblems, districtCodes, defaultStatus, columns);
        }

        public Options withMaxProblems(int newMaxProblems) {
            return new Options(
                    regionCode, crs, format, charset, maxBytes, newMaxProblems, districtCodes, defaultStatus, columns);
        }

        public Options withDistrictCodes(Map<String, String> newDistrictCodes) {
            return new Options(
                    regionCode, crs, format, charset, maxBytes, maxProblems, newDistrictCodes, defaultStatus, columns);
        }

        public Options withDefaultStatus(StationStatus newDefaultStatus) {
            return new Options(
                    regionCode, crs, format, charset, maxBytes, maxProblems, districtCodes, newDefaultStatus, columns);
        }

        public Options withColumns(Map<String, String> newColumns) {
            return new Options(
                    regionCode, crs, format, charset, maxBytes, maxProblems, districtCodes, defaultStatus, newColumns);
        }
    }

    public StationFileReader(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Reads a file with default options. */
    public static ParsedFile<Station> read(Path file, String regionCode, CoordinateSystem crs) {
        return new StationFileReader(Options.of(regionCode, crs)).read(file);
    }

    /**
     * Reads a file; its size is checked before it is read.
     *
     * @throws FileTooLargeException when it is larger than {@link Options#maxBytes()}
     */
    public ParsedFile<Station> read(Path file) {
        return read(Uploads.readLimited(file, options.maxBytes()), String.valueOf(file.getFileName()));
    }

    /**
     * Reads an upload; at most {@link Options#maxBytes()} are read from the stream.
     *
     * @param fileName the upload's name (used to detect the format and in messages), or null
     * @throws FileTooLargeException when the stream holds more than {@link Options#maxBytes()}
     */
    public ParsedFile<Station> read(InputStream in, String fileName) {
        return read(Uploads.readLimited(in, fileName == null ? "upload" : fileName, options.maxBytes()), fileName);
    }

    /**
     * Reads a file held in memory.
     *
     * @throws FileTooLargeException when it is larger than {@link Options#maxBytes()}
     */
    public ParsedFile<Station> read(byte[] bytes, String fileName) {
        Uploads.checkSize(bytes, fileName, options.maxBytes());
        Problems problems = new Problems(options.maxProblems());
        FileFormat format = options.format() != null ? options.format() : FileFormat.detect(fileName, bytes);
        String rowLabel = format == FileFormat.GEOJSON || format == FileFormat.SHAPEFILE_ZIP ? "feature" : "row";
        RawTable table;
        switch (format) {
            case CSV:
                table = CsvTables.read(bytes, options.charset(), StationFields.SCHEMA::isKnown, problems);
                break;
            case XLSX:
                table = XlsxTables.read(bytes, StationFields.SCHEMA::isKnown, problems);
                break;
            case GEOJSON:
                table = GeoJsonTables.read(bytes, options.charset(), problems);
                break;
            case SHAPEFILE_ZIP:
                table = ShapefileTables.read(
                        bytes, options.charset(), ShapefileTables.EXPANSION_FACTOR * options.maxBytes(), problems);
                break;
            default:
                throw new AssertionError(format);
        }
        if (problems.hasFileError()) {
            return problems.toFile(rowLabel, List.of());
        }
        SourceCrs sourceCrs = SourceCrs.resolve(table, format, options.crs(), problems);
        Map<String, Integer> columns =
                StationFields.SCHEMA.match(table, options.columns(), Set.of(GeoJsonTables.FEATURE_ID), problems);
        boolean geometries = format == FileFormat.GEOJSON || format == FileFormat.SHAPEFILE_ZIP;
        requireColumn(columns, StationFields.KIND, "类型", problems);
        requireColumn(columns, StationFields.NAME, "名称", problems);
        if (!geometries) {
            requireColumn(columns, StationFields.LON, "经度", problems);
            requireColumn(columns, StationFields.LAT, "纬度", problems);
        }
        if (problems.hasFileError() || sourceCrs == null) {
            return problems.toFile(rowLabel, List.of());
        }
        List<ParsedRow<Station>> rows = new ArrayList<>();
        Map<String, List<Integer>> rowsByExternalId = new LinkedHashMap<>();
        for (RawTable.RawRow raw : table.rows()) {
            Station station = station(raw, columns, sourceCrs, format == FileFormat.CSV, problems);
            if (station != null) {
                rows.add(new ParsedRow<>(raw.row(), station));
            }
            String externalId = text(raw, columns, StationFields.EXTERNAL_ID, format == FileFormat.CSV);
            if (externalId != null) {
                rowsByExternalId
                        .computeIfAbsent(externalId, k -> new ArrayList<>())
                        .add(raw.row());
            }
        }
        for (Map.Entry<String, List<Integer>> e : rowsByExternalId.entrySet()) {
            List<Integer> at = e.getValue();
            if (at.size() > 1) {
                String where = rowList(rowLabel, at);
                for (int row : at) {
                    problems.error(
                            row,
                            StationFields.EXTERNAL_ID,
                            "external id '" + e.getKey() + "' appears more than once in the file: " + where);
                }
            }
        }
        return problems.toFile(rowLabel, rows);
    }

    private Station station(
            RawTable.RawRow raw, Map<String, Integer> columns, SourceCrs sourceCrs, boolean csv, Problems p) {
        int row = raw.row();
        String externalId = text(raw, columns, StationFields.EXTERNAL_ID, csv);
        if (externalId != null && externalId.codePointCount(0, externalId.length()) > Station.MAX_EXTERNAL_ID_LENGTH) {
            p.error(
                    row,
                    StationFields.EXTERNAL_ID,
                    "external id '" + externalId + "' is longer than " + Station.MAX_EXTERNAL_ID_LENGTH
                            + " characters");
        }
        StationKind kind = null;
        String kindText = Cells.cell(raw, columns, StationFields.KIND);
        if (kindText == null) {
            p.error(row, StationFields.KIND, "the station kind is missing");
        } else {
            try {
                kind = StationKind.parse(kindText);
            } catch (IllegalArgumentException e) {
                p.error(row, StationFields.KIND, e.getMessage());
            }
        }
        String name = text(raw, columns, StationFields.NAME, csv);
        if (name == null) {
            p.error(row, StationFields.NAME, "the name is missing");
        } else if (name.codePointCount(0, name.length()) > Station.MAX_NAME_LENGTH) {
            p.error(
                    row,
                    StationFields.NAME,
                    "the name has " + name.codePointCount(0, name.length()) + " characters; at most "
                            + Station.MAX_NAME_LENGTH + " allowed");
        }
        String address = text(raw, columns, StationFields.ADDRESS, csv);
        String operator = text(raw, columns, StationFields.OPERATOR, csv);
        String districtCode = district(text(raw, columns, StationFields.DISTRICT, csv), row, p);
        Set<StationService> services = Set.of();
        String servicesText = Cells.cell(raw, columns, StationFields.SERVICES);
        if (servicesText != null) {
            try {
                services = StationService.parseList(servicesText);
            } catch (IllegalArgumentException e) {
                p.error(row, StationFields.SERVICES, e.getMessage());
            }
        }
        OpeningHours openingHours = null;
        String hoursText = text(raw, columns, StationFields.OPENING_HOURS, csv);
        if (hoursText != null) {
            try {
                openingHours = OpeningHours.parse(hoursText);
            } catch (IllegalArgumentException e) {
                p.error(row, StationFields.OPENING_HOURS, e.getMessage());
            }
        }
        Integer capacity = capacity(Cells.cell(raw, columns, StationFields.CAPACITY), row, p);
        StationStatus status = options.defaultStatus();
        String statusText = Cells.cell(raw, columns, StationFields.STATUS);
        if (statusText != null) {
            try {
                status = StationStatus.parse(statusText);
            } catch (IllegalArgumentException e) {
                p.error(row, StationFields.STATUS, e.getMessage());
            }
        }
        LatLon location = location(raw, columns, sourceCrs, p);
        if (p.rowHasError(row)) {
            return null;
        }
        try {
            return new Station(
                    null,
                    options.regionCode(),
                    externalId,
                    kind,
                    name,
                    address,
                    operator,
                    districtCode,
                    services,
                    openingHours,
                    capacity,
                    status,
                    location);
        } catch (IllegalArgumentException e) {
            p.error(row, null, e.getMessage());
            return null;
        }
    }

    private String district(String text, int row, Problems p) {
        if (text == null || options.districtCodes().isEmpty()) {
            return text;
        }
        Map<String, String> codes = options.districtCodes();
        for (String candidate : List.of(text, text + "区", text + "县", text + "市")) {
            String code = codes.get(candidate);
            if (code != null) {
                return code;
            }
        }
        List<String> known = new ArrayList<>(codes.keySet());
        known.sort(null);
        p.error(
                row,
                StationFields.DISTRICT,
                "unknown district '" + text + "'; expected one of "
                        + String.join(", ", known.subList(0, Math.min(known.size(), 30)))
                        + (known.size() > 30 ? ", ..." : ""));
        return null;
    }

    private static Integer capacity(String text, int row, Problems p) {
        if (text == null) {
            return null;
        }
        BigDecimal value = Cells.number(text);
        if (value == null) {
            p.error(row, StationFields.CAPACITY, "capacity '" + text + "' is not a number");
            return null;
        }
        if (value.signum() < 0) {
            p.error(row, StationFields.CAPACITY, "capacity " + text + " is negative; expected 0 or more seats");
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            p.error(row, StationFields.CAPACITY, "capacity '" + text + "' is not a whole number of seats");
            return null;
        }
    }

    private LatLon location(RawTable.RawRow raw, Map<String, Integer> columns, SourceCrs sourceCrs, Problems p) {
        int row = raw.row();
        Double lon;
        Double lat;
        Geometry g = raw.geometry();
        if (g != null) {
            if (!(g instanceof Point) || g.isEmpty()) {
                p.error(row, "geometry", "a station must be a Point, not " + g.getGeometryType());
                return null;
            }
            Point point = (Point) sourceCrs.reproject(g);
            lon = point.getX();
            lat = point.getY();
        } else if (p.rowHasError(row) && !columns.containsKey(StationFields.LON)) {
            return null; // the geometry was unreadable, and that was reported
        } else {
            String lonText = Cells.cell(raw, columns, StationFields.LON);
            String latText = Cells.cell(raw, columns, StationFields.LAT);
            if (lonText == null || latText == null) {
                String which = lonText == null && latText == null
                        ? "longitude and latitude are"
                        : lonText == null ? "longitude is" : "latitude is";
                p.error(
                        row,
                        lonText == null ? StationFields.LON : StationFields.LAT,
                        "missing coordinates: the " + which + " empty");
                return null;
            }
            BigDecimal x = Cells.number(lonText);
            BigDecimal y = Cells.number(latText);
            if (x == null) {
                p.error(row, StationFields.LON, "longitude '" + lonText + "' is not a number");
            }
            if (y == null) {
                p.error(row, StationFields.LAT, "latitude '" + latText + "' is not a number");
            }
            if (x == null || y == null) {
                return null;
            }
            lon = x.doubleValue();
            lat = y.doubleValue();
        }
        return checkedPosition(row, lon, lat, sourceCrs, p);
    }

    private LatLon checkedPosition(int row, double lon, double lat, SourceCrs sourceCrs, Problems p) {
        CoordinateSystem crs = sourceCrs.kind() == SourceCrs.Kind.PROJECTED ? CoordinateSystem.WGS84 : options.crs();
        boolean chinaCrs = crs != CoordinateSystem.WGS84;
        boolean shifted = crs == CoordinateSystem.GCJ02 || crs == CoordinateSystem.BD09;
        String given = String.format(Locale.ROOT, "(lon %s, lat %s)", Cells.plain(lon), Cells.plain(lat));
        boolean swappedByRange = Math.abs(lon) <= 90 && Math.abs(lat) > 90 && Math.abs(lat) <= 180;
        boolean swappedIntoChina =
                chinaCrs && !CoordinateSystem.insideChina(lon, lat) && CoordinateSystem.insideChina(lat, lon);
        if (swappedByRange || swappedIntoChina) {
            p.error(
                    row,
                    StationFields.LON,
                    "coordinates " + given + " look swapped: the latitude column holds a"
                            + " longitude; exchange the lon and lat values");
            return null;
        }
        if (Math.abs(lon) > 180) {
            p.error(
                    row,
                    StationFields.LON,
                    "longitude " + Cells.plain(lon) + " is outside -180..180"
                            + (Math.abs(lon) > 1000 ? " (projected metres? give longitude/latitude in degrees)" : ""));
            return null;
        }
        if (Math.abs(lat) > 90) {
            p.error(row, StationFields.LAT, "latitude " + Cells.plain(lat) + " is outside -90..90");
            return null;
        }
        if (shifted && !CoordinateSystem.insideChina(lon, lat)) {
            p.error(
                    row,
                    StationFields.LON,
                    "coordinates " + given + " are outside China, but " + crs.code()
                            + " coordinates exist only in China; check the declared coordinate system");
            return null;
        }
        try {
            return crs.toWgs84(lon, lat);
        } catch (IllegalArgumentException e) {
            p.error(row, StationFields.LON, e.getMessage());
            return null;
        }
    }

    private static void requireColumn(Map<String, Integer> columns, String field, String chinese, Problems p) {
        if (!columns.containsKey(field)) {
            p.error(0, field, "the file has no '" + field + "' column (" + chinese + "); the header must name it");
        }
    }

    /** A free-text field: in CSV without the protective quote of {@link #unprotect}. */
    private static String text(RawTable.RawRow raw, Map<String, Integer> columns, String field, boolean csv) {
        String value = Cells.cell(raw, columns, field);
        return csv ? unprotect(value) : value;
    }

    /**
     * Removes the {@code '} that {@link StationCsvWriter} puts before a text starting with {@code = + - @}, tab or
     * CR: exactly when the writer would have written {@code text} for the text without it.
     */
    static String unprotect(String text) {
        if (text != null
                && text.length() >= 2
                && text.charAt(0) == '\''
                && StationCsvWriter.text(text.substring(1)).equals(text)) {
            return text.substring(1);
        }
        return text;
    }

    /** "rows 2 and 4", "rows 2, 3 and 9", or "rows 2, 3, …, 11 and 990 more" past ten rows. */
    static String rowList(String label, List<Integer> rows) {
        int shown = Math.min(rows.size(), 10);
        List<String> parts = new ArrayList<>();
        for (int r : rows.subList(0, shown)) {
            parts.add(Integer.toString(r));
        }
        if (rows.size() > shown) {
            return label + "s " + String.join(", ", parts) + " and " + (rows.size() - shown) + " more";
        }
        return label + "s " + String.join(", ", parts.subList(0, parts.size() - 1)) + " and "
                + parts.get(parts.size() - 1);
    }
}
