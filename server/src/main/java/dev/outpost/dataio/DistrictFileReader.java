package dev.outpost.dataio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.district.AreaLevel;
import dev.outpost.district.District;
import dev.outpost.geo.CoordinateSystem;
import dev.outpost.geo.Geometries;
import dev.outpost.geo.PolygonRepair;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Reads administrative areas from GeoJSON or a zipped ESRI Shapefile, in the coordinate system the caller declares
 * (a projected Shapefile or GeoJSON is reprojected when its CRS is understood, see {@link SourceCrs}); every
 * boundary returned is a valid WGS 84 MultiPolygon.
 *
 * <p>Attributes are found by name (see {@link DistrictFields}: {@code code, name, level, parent_code, population,
 * targets} and Chinese aliases 代码/编码, 名称/街道/乡/县, 级别, 上级代码, 人口, 目标) or by the caller's field → column
 * mapping; planning targets come from a {@code targets} JSON object and from {@code target_<key>} columns. When
 * there is no code column, a stable code is generated from the names ({@code "n"} and 12 hex digits of the SHA-256
 * of "parent name/name"). With {@link Options#parentNameField()} the reader also builds the areas one level up from
 * that column's values (e.g. the 县 of a township file): each parent's boundary is the union of its children's and
 * its population their sum (unknown when a child's is unknown).
 *
 * <p>Invalid polygons are repaired with {@link PolygonRepair} and each repair is a warning; a self-intersecting
 * ring is repaired, not refused. A missing, empty or non-polygonal geometry is an error. Features that share code
 * and name (one area split into several records) are merged, with a warning; a code used by two different names is
 * an error naming both features. Instances are immutable and thread-safe.
 */
public final class DistrictFileReader {
    /** The default upload limit: 100 MiB. */
    public static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;

    private static final String GEOMETRY = "geometry";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Options options;

    /**
     * What to read and how.
     *
     * @param regionCode the region every area is put in; required
     * @param crs the coordinate system of the file's longitude/latitude; required
     * @param format GEOJSON or SHAPEFILE_ZIP, or null to detect it
     * @param charset the encoding of GeoJSON text or of the Shapefile's DBF (overrides the .cpg), or null to detect
     * @param maxBytes larger uploads are refused before parsing with {@link FileTooLargeException}; a Shapefile
     *     archive may expand to at most 20 times this
     * @param maxProblems at most this many errors (and, separately, warnings) are listed; the rest are counted
     * @param level the level of the file's areas when there is no level column, or null to infer it from the name
     *     column (乡 → subdistrict, 县 → district …)
     * @param columns explicit field → column choices that win over the aliases, e.g. {@code name → 乡,
     *     population → worldpop_pop}; may be empty
     * @param parentNameField a column naming each area's parent (e.g. 县), from which the parent areas are built; null
     *     for none
     */
    public record Options(
            String regionCode,
            CoordinateSystem crs,
            FileFormat format,
            Charset charset,
            long maxBytes,
            int maxProblems,
            AreaLevel level,
            Map<String, String> columns,
            String parentNameField) {
        public Options {
            if (regionCode == null || regionCode.isBlank()) {
                throw new IllegalArgumentException("regionCode is required");
            }
            Objects.requireNonNull(crs, "crs");
            if (format == FileFormat.CSV || format == FileFormat.XLSX) {
                throw new IllegalArgumentException(
                        "format " + format + " cannot hold boundaries; expected GEOJSON or SHAPEFILE_ZIP");
            }
            if (maxBytes < 1) {
                throw new IllegalArgumentException("maxBytes " + maxBytes + " must be positive");
            }
            if (maxProblems < 1) {
                throw new IllegalArgumentException("maxProblems " + maxProblems + " must be positive");
            }
            columns = Map.copyOf(columns);
            if (parentNameField != null && parentNameField.isBlank()) {
                parentNameField = null;
            }
        }

        /** Defaults: detect format and encoding, 100 MiB, 200 problems, level inferred, no parents built. */
        public static Options of(String regionCode, CoordinateSystem crs) {
            return new Options(
                    regionCode, crs, null, null, DEFAULT_MAX_BYTES, Problems.DEFAULT_CAP, null, Map.of(), null);
        }

        public Options withFormat(FileFormat newFormat) {
            return new Options(
                    regionCode, crs, newFormat, charset, maxBytes, maxProblems, level, columns, parentNameField);
        }

        public Options withCharset(Charset newCharset) {
            return new Options(
                    regionCode, crs, format, newCharset, maxBytes, maxProblems, level, columns, parentNameField);
        }

        public Options withMaxBytes(long newMaxBytes) {
            return new Options(
                    regionCode, crs, format, charset, newMaxBytes, maxProblems, level, columns, parentNameField);
        }

        public Options withMaxProblems(int newMaxProblems) {
            return new Options(
                    regionCode, crs, format, charset, maxBytes, newMaxProblems, level, columns, parentNameField);
        }

        public Options withLevel(AreaLevel newLevel) {
            return new Options(
                    regionCode, crs, format, charset, maxBytes, maxProblems, newLevel, columns, parentNameField);
        }

        public Options withColumns(Map<String, String> newColumns) {
            return new Options(
                    regionCode, crs, format, charset, maxBytes, maxProblems, level, newColumns, parentNameField);
        }

        public Options withParentNameField(String newParentNameField) {
            return new Options(
                    regionCode, crs, format, charset, maxBytes, maxProblems, level, columns, newParentNameField);
        }
    }

    /**
     * What was read.
     *
     * @param features the file's own areas, with their feature numbers, errors and warnings
     * @param derivedParents the areas built one level up from {@link Options#parentNameField()}, in order of first
     *     appearance; empty when none were asked for or the file has errors that prevent it
     */
    public record Result(ParsedFile<District> features, List<District> derivedParents) {
        public Result {
            Objects.requireNonNull(features, "features");
            derivedParents = List.copyOf(derivedParents);
        }

        /** Whether any error was found. */
        public boolean hasErrors() {
            return features.hasErrors();
        }

        /** Parents first, then the file's areas: an order in which every parent precedes its children. */
        public List<District> all() {
            List<District> out = new ArrayList<>(derivedParents);
            out.addAll(features.values());
            return out;
        }
    }

    public DistrictFileReader(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Reads a file; its size is checked before it is read.
     *
     * @throws FileTooLargeException when it is larger than {@link Options#maxBytes()}
     */
    public Result read(Path file) {
        return read(Uploads.readLimited(file, options.maxBytes()), String.valueOf(file.getFileName()));
    }

    /**
     * Reads an upload; at most {@link Options#maxBytes()} are read from the stream.
     *
     * @throws FileTooLargeException when the stream holds more than {@link Options#maxBytes()}
     */
    public Result read(InputStream in, String fileName) {
        return read(Uploads.readLimited(in, fileName == null ? "upload" : fileName, options.maxBytes()), fileName);
    }

    /**
     * Reads a file held in memory.
     *
     * @throws FileTooLargeException when it is larger than {@link Options#maxBytes()}
     */
    public Result read(byte[] bytes, String fileName) {
        Uploads.checkSize(bytes, fileName, options.maxBytes());
        Problems problems = new Problems(options.maxProblems());
        FileFormat format = options.format() != null ? options.format() : FileFormat.detect(fileName, bytes);
        RawTable table;
        if (format == FileFormat.GEOJSON) {
            table = GeoJsonTables.read(bytes, options.charset(), problems);
        } else if (format == FileFormat.SHAPEFILE_ZIP) {
            table = ShapefileTables.read(
                    bytes, options.charset(), ShapefileTables.EXPANSION_FACTOR * options.maxBytes(), problems);
        } else {
            problems.error(
                    0,
                    null,
                    "district boundaries must be GeoJSON or a zipped Shapefile; this file looks like "
                            + format.name().toLowerCase(Locale.ROOT));
            return new Result(problems.toFile("feature", List.of()), List.of());
        }
        if (problems.hasFileError()) {
            return new Result(problems.toFile("feature", List.of()), List.of());
        }
        SourceCrs sourceCrs = SourceCrs.resolve(table, format, options.crs(), problems);
        Map<String, Integer> targetColumns = targetColumns(table);
        Set<String> reserved = new HashSet<>();
        for (int i : targetColumns.values()) {
            reserved.add(table.header().get(i));
        }
        if (options.parentNameField() != null) {
            reserved.add(options.parentNameField());
        }
        Map<String, Integer> columns = DistrictFields.SCHEMA.match(table, options.columns(), reserved, problems);
        int parentColumn = -1;
        if (options.parentNameField() != null) {
            parentColumn = columnIndex(table, options.parentNameField());
            if (parentColumn < 0) {
                problems.error(
                        0,
                        options.parentNameField(),
                        "the parent name column '" + options.parentNameField()
                                + "' is not in the file; its columns are: " + String.join(", ", table.header()));
            }
        }
        if (!columns.containsKey(DistrictFields.NAME)) {
            problems.error(
                    0,
                    DistrictFields.NAME,
                    "the file has no name column (名称, 街道, 乡, 县 …); choose one with"
                            + " a field mapping; its columns are: " + String.join(", ", table.header()));
        }
        AreaLevel fileLevel = options.level();
        if (fileLevel == null && columns.containsKey(DistrictFields.NAME)) {
            fileLevel = DistrictFields.levelOfNameColumn(table.header().get(columns.get(DistrictFields.NAME)));
        }
        if (fileLevel == null && !columns.containsKey(DistrictFields.LEVEL)) {
            problems.error(
                    0,
                    DistrictFields.LEVEL,
                    "the level of the areas is unknown: add a level column (级别),"
                            + " name the level in the options, or use a name column such as 县, 乡 or 社区");
        }
        if (options.parentNameField() != null && fileLevel == AreaLevel.DISTRICT) {
            problems.error(
                    0,
                    options.parentNameField(),
                    "the areas are districts, the top level: there is no level above them to build from '"
                            + options.parentNameField() + "'");
        }
        if (problems.hasFileError() || sourceCrs == null) {
            return new Result(problems.toFile("feature", List.of()), List.of());
        }

        List<Feature> features = new ArrayList<>();
        for (RawTable.RawRow raw : table.rows()) {
            Feature f = feature(raw, columns, targetColumns, parentColumn, fileLevel, sourceCrs, problems);
            if (f != null) {
                features.add(f);
            }
        }
        features = mergeSplitAreas(features, problems);
        List<District> parents =
                options.parentNameField() == null || problems.hasErrors() ? List.of() : parents(features, problems);
        List<ParsedRow<District>> rows = new ArrayList<>();
        for (Feature f : features) {
            District d = build(f, problems);
            if (d != null) {
                rows.add(new ParsedRow<>(f.row, d));
            }
        }
        ParsedFile<District> file = problems.toFile("feature", rows);
        return new Result(file, file.hasErrors() ? List.of() : parents);
    }

    /** A feature's values before the District is built. */
    private static final class Feature {
        final int row;
        String code;
        boolean codeGenerated;
        final String name;
        final AreaLevel level;
        String parentCode;
        final String parentName;
        Long population;
        Map<String, Double> targets = Map.of();
        MultiPolygon boundary;

        Feature(int row, String code, String name, AreaLevel level, String parentCode, String parentName) {
            this.row = row;
            this.code = code;
            this.name = name;
            this.level = level;
            this.parentCode = parentCode;
            this.parentName = parentName;
        }
    }

    private Feature feature(
            RawTable.RawRow raw,
            Map<String, Integer> columns,
            Map<String, Integer> targetColumns,
            int parentColumn,
            AreaLevel fileLevel,
            SourceCrs sourceCrs,
            Problems p) {
        int row = raw.row();
        String name = Cells.cell(raw, columns, DistrictFields.NAME);
        if (name == null) {
            p.error(row, DistrictFields.NAME, "the name is missing");
        }
        AreaLevel level = fileLevel;
        String levelText = Cells.cell(raw, columns, DistrictFields.LEVEL);
        if (levelText != null) {
            try {
                level = AreaLevel.parse(levelText);
            } catch (IllegalArgumentException e) {
                p.error(row, DistrictFields.LEVEL, e.getMessage());
            }
        } else if (level == null) {
            p.error(row, DistrictFields.LEVEL, "the level is missing");
        }
        String parentName = parentColumn < 0 ? null : raw.cell(parentColumn);
        if (parentColumn >= 0 && parentName == null) {
            p.error(row, options.parentNameField(), "the parent name is missing");
        }
        String code = Cells.cell(raw, columns, DistrictFields.CODE);
        boolean generated = false;
        if (code == null && name != null && !columns.containsKey(DistrictFields.CODE)) {
            code = generatedCode(parentName == null ? name : parentName + "/" + name);
            generated = true;
        } else if (code == null) {
            p.error(row, DistrictFields.CODE, "the code is missing");
        }
        String parentCode = Cells.cell(raw, columns, DistrictFields.PARENT_CODE);
        Long population = population(Cells.cell(raw, columns, DistrictFields.POPULATION), row, p);
        Map<String, Double> targets = targets(raw, columns, targetColumns, p);
        MultiPolygon boundary = boundary(raw, sourceCrs, p);
        if (p.rowHasError(row)) {
            return null;
        }
        Feature f = new Feature(row, code, name, level, parentCode, parentName);
        f.codeGenerated = generated;
        f.population = population;
        f.targets = targets;
        f.boundary = boundary;
        return f;
    }

    private static Long population(String text, int row, Problems p) {
        if (text == null) {
            return null;
        }
        BigDecimal value = Cells.number(text);
        if (value == null) {
            p.error(row, DistrictFields.POPULATION, "population '" + text + "' is not a number");
            return null;
        }
        if (value.signum() < 0) {
            p.error(row, DistrictFields.POPULATION, "population " + text + " is negative");
            return null;
        }
        try {
            return value.setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            p.error(row, DistrictFields.POPULATION, "population " + text + " is too large");
            return null;
        }
    }

    /** The columns named {@code target_<key>}, by key. */
    private static Map<String, Integer> targetColumns(RawTable table) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < table.header().size(); i++) {
            String n = ColumnSchema.normalize(table.header().get(i));
            if (n.startsWith(DistrictFields.TARGET_PREFIX) && n.length() > DistrictFields.TARGET_PREFIX.length()) {
                out.put(n.substring(DistrictFields.TARGET_PREFIX.length()), i);
            }
        }
        return out;
    }

    /** Targets from the JSON object of the targets column, then from the target_ columns. */
    private static Map<String, Double> targets(
            RawTable.RawRow raw, Map<String, Integer> columns, Map<String, Integer> targetColumns, Problems p) {
        int row = raw.row();
        Map<String, Double> out = new LinkedHashMap<>();
        String json = Cells.cell(raw, columns, DistrictFields.TARGETS);
        if (json != null) {
            try {
                JsonNode node = JSON.readTree(json);
                if (node == null || !node.isObject()) {
                    throw new IllegalArgumentException("not an object");
                }
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    if (!e.getValue().isNumber()) {
                        throw new IllegalArgumentException("'" + e.getKey() + "' is not a number");
                    }
                    out.put(e.getKey(), e.getValue().doubleValue());
                }
            } catch (JsonProcessingException | IllegalArgumentException e) {
                p.error(
                        row,
                        DistrictFields.TARGETS,
                        "targets '" + json + "' must be a JSON object of numbers, e.g. {\"min_stations\": 5} ("
                                + e.getMessage() + ")");
            }
        }
        for (Map.Entry<String, Integer> e : targetColumns.entrySet()) {
            String text = raw.cell(e.getValue());
            if (text == null) {
                continue;
            }
            BigDecimal value = Cells.number(text);
            if (value == null) {
                p.error(row, DistrictFields.TARGET_PREFIX + e.getKey(), "target '" + text + "' is not a number");
            } else {
                out.put(e.getKey(), value.doubleValue());
            }
        }
        return out;
    }

    private MultiPolygon boundary(RawTable.RawRow raw, SourceCrs sourceCrs, Problems p) {
        int row = raw.row();
        Geometry g = raw.geometry();
        if (g == null && p.rowHasError(row)) {
            return null; // the geometry was unreadable, and that was reported
        }
        if (g == null) {
            p.error(row, GEOMETRY, "the feature has no geometry");
            return null;
        }
        if (g.isEmpty()) {
            p.error(row, GEOMETRY, "the geometry is empty");
            return null;
        }
        if (!isPolygonal(g)) {
            p.error(row, GEOMETRY, "an area must be a Polygon or MultiPolygon, not " + g.getGeometryType());
            return null;
        }
        Geometry lonLat;
        if (sourceCrs.kind() == SourceCrs.Kind.PROJECTED) {
            lonLat = Geometries.factory().createGeometry(sourceCrs.reproject(g));
        } else {
            Envelope e = g.getEnvelopeInternal();
            if (e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -90 || e.getMaxY() > 90) {
                p.error(
                        row,
                        GEOMETRY,
                        String.format(
                                Locale.ROOT,
                                "coordinates %s..%s, %s..%s are not longitude/"
                                        + "latitude degrees (a projected file without its .prj?)",
                                Cells.plain(e.getMinX()),
                                Cells.plain(e.getMaxX()),
                                Cells.plain(e.getMinY()),
                                Cells.plain(e.getMaxY())));
                return null;
            }
            CoordinateSystem crs = options.crs();
            if ((crs == CoordinateSystem.GCJ02 || crs == CoordinateSystem.BD09)
                    && !(CoordinateSystem.insideChina(e.getMinX(), e.getMinY())
                            && CoordinateSystem.insideChina(e.getMaxX(), e.getMaxY()))) {
                p.error(
                        row,
                        GEOMETRY,
                        "the area reaches outside China, but " + crs.code()
                                + " coordinates exist only in China; check the declared coordinate system");
                return null;
            }
            lonLat = crs.toWgs84(g);
        }
        try {
            PolygonRepair.Repaired repaired = PolygonRepair.repair(lonLat);
            if (repaired.changed()) {
                p.warning(row, GEOMETRY, "the polygon was invalid and has been repaired: " + repaired.reason());
            }
            return repaired.geometry();
        } catch (IllegalArgumentException e) {
            p.error(row, GEOMETRY, e.getMessage());
            return null;
        }
    }

    private static boolean isPolygonal(Geometry g) {
        if (g instanceof Polygonal) {
            return true;
        }
        if (g.getClass() != org.locationtech.jts.geom.GeometryCollection.class) {
            return false;
        }
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (!(g.getGeometryN(i) instanceof Polygonal)) {
                return false;
            }
        }
        return true;
    }

    /** Merges features with equal code and name; reports a code shared by different names. */
    private static List<Feature> mergeSplitAreas(List<Feature> features, Problems p) {
        Map<String, Feature> byCode = new LinkedHashMap<>();
        Map<String, List<Feature>> clashes = new LinkedHashMap<>();
        for (Feature f : features) {
            Feature first = byCode.get(f.code);
            if (first == null) {
                byCode.put(f.code, f);
            } else if (first.name.equals(f.name)
                    && Objects.equals(first.parentName, f.parentName)
                    && first.level == f.level) {
                first.boundary = union(List.of(first.boundary, f.boundary));
                first.population =
                        first.population != null && f.population != null ? first.population + f.population : null;
                p.warning(
                        f.row,
                        DistrictFields.CODE,
                        "feature " + f.row + " repeats the code '" + f.code + "' and name '" + f.name + "' of feature "
                                + first.row + "; merged into one area");
            } else {
                clashes.computeIfAbsent(f.code, k -> new ArrayList<>(List.of(first)))
                        .add(f);
            }
        }
        for (Map.Entry<String, List<Feature>> e : clashes.entrySet()) {
            List<String> who = new ArrayList<>();
            for (Feature f : e.getValue()) {
                who.add("feature " + f.row + " '" + f.name + "'");
            }
            for (Feature f : e.getValue()) {
                p.error(
                        f.row,
                        DistrictFields.CODE,
                        (f.codeGenerated ? "the generated code '" : "the code '")
                                + e.getKey() + "' is used by " + String.join(" and ", who)
                                + (f.codeGenerated ? " (same name and parent)" : ""));
            }
        }
        return new ArrayList<>(byCode.values());
    }

    /** Builds the parent areas and links the features to them. */
    private List<District> parents(List<Feature> features, Problems p) {
        Map<String, List<Feature>> byParent = new LinkedHashMap<>();
        for (Feature f : features) {
            byParent.computeIfAbsent(f.parentName, k -> new ArrayList<>()).add(f);
        }
        List<District> out = new ArrayList<>();
        for (Map.Entry<String, List<Feature>> e : byParent.entrySet()) {
            String parentName = e.getKey();
            List<Feature> children = e.getValue();
            AreaLevel childLevel = children.get(0).level;
            String code = null;
            for (Feature child : children) {
                if (child.level != childLevel || childLevel.parent() == null) {
                    p.error(
                            child.row,
                            DistrictFields.LEVEL,
                            "areas under '" + parentName + "' have different levels"
                                    + " or no level above them; a parent cannot be built");
                    return List.of();
                }
                if (child.parentCode != null) {
                    if (code != null && !code.equals(child.parentCode)) {
                        p.error(
                                child.row,
                                DistrictFields.PARENT_CODE,
                                "parent '" + parentName + "' has the code '" + code + "' in an earlier feature but '"
                                        + child.parentCode + "' here");
                        return List.of();
                    }
                    code = child.parentCode;
                }
            }
            if (code == null) {
                code = generatedCode(parentName);
            }
            List<Geometry> parts = new ArrayList<>();
            long population = 0;
            boolean populationKnown = true;
            for (Feature child : children) {
                child.parentCode = code;
                parts.add(child.boundary);
                if (child.population == null) {
                    populationKnown = false;
                } else {
                    population += child.population;
                }
            }
            if (!populationKnown) {
                p.warning(
                        0,
                        DistrictFields.POPULATION,
                        "the population of '" + parentName + "' is left unknown: some of its areas have none");
            }
            out.add(new District(
                    options.regionCode(),
                    code,
                    parentName,
                    childLevel.parent(),
                    null,
                    populationKnown ? population : null,
                    Map.of(),
                    union(parts)));
        }
        return out;
    }

    private District build(Feature f, Problems p) {
        try {
            return new District(
                    options.regionCode(), f.code, f.name, f.level, f.parentCode, f.population, f.targets, f.boundary);
        } catch (IllegalArgumentException e) {
            p.error(f.row, null, e.getMessage());
            return null;
        }
    }

    private static MultiPolygon union(List<? extends Geometry> parts) {
        Geometry u = UnaryUnionOp.union(new ArrayList<Geometry>(parts));
        return PolygonRepair.repair(u).geometry();
    }

    private static int columnIndex(RawTable table, String name) {
        for (int i = 0; i < table.header().size(); i++) {
            if (ColumnSchema.normalize(table.header().get(i)).equals(ColumnSchema.normalize(name))) {
                return i;
            }
        }
        return -1;
    }

    /** "n" and the first 12 hex digits of the SHA-256 of the UTF-8 key: stable across imports. */
    static String generatedCode(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "n" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
