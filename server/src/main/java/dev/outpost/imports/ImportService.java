package dev.outpost.imports;

import dev.outpost.common.Problem;
import dev.outpost.dataio.DistrictFileReader;
import dev.outpost.dataio.FileTooLargeException;
import dev.outpost.dataio.ParsedFile;
import dev.outpost.dataio.ParsedRow;
import dev.outpost.dataio.StationFileReader;
import dev.outpost.district.AreaLevel;
import dev.outpost.district.District;
import dev.outpost.district.DistrictRepository;
import dev.outpost.geo.CoordinateSystem;
import dev.outpost.station.Station;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports station and district files all-or-nothing. The file is read and every row validated first; a file with
 * any error is refused whole with the list of problems, and nothing changes. Otherwise it is applied in one
 * transaction (or rolled back, for a dry run). Re-importing the same file changes nothing. Thread-safe.
 */
public final class ImportService {
    private final ImportStore store;
    private final DistrictRepository districts;
    private final long maxBytes;

    public ImportService(ImportStore store, DistrictRepository districts, long maxBytes) {
        this.store = store;
        this.districts = districts;
        this.maxBytes = maxBytes;
    }

    /**
     * Imports a station file (CSV, XLSX or GeoJSON; format from the name or content).
     *
     * @throws FileTooLargeException when the file is over the limit
     */
    public ImportReport importStations(
            String regionCode, String fileName, byte[] bytes, CoordinateSystem crs, boolean dryRun, String actor) {
        StationFileReader.Options options = StationFileReader.Options.of(regionCode, crs)
                .withMaxBytes(maxBytes)
                .withDistrictCodes(districtCodes(regionCode));
        ParsedFile<Station> parsed = new StationFileReader(options).read(bytes, fileName);
        if (parsed.hasErrors()) {
            return refused("stations", dryRun, parsed);
        }
        List<Station> rows = parsed.rows().stream().map(ParsedRow::value).toList();
        ImportStore.Outcome o =
                store.applyStations(regionCode, batch(fileName, bytes, crs, actor, parsed), rows, dryRun);
        return report("stations", dryRun, parsed, o, List.of());
    }

    /** Imports a district file (GeoJSON or zipped Shapefile). */
    public ImportReport importDistricts(
            String regionCode, String fileName, byte[] bytes, CoordinateSystem crs, boolean dryRun, String actor) {
        return importDistricts(regionCode, fileName, bytes, crs, dryRun, actor, DistrictFileOptions.DEFAULT);
    }

    /** Imports a district file with explicit field choices (e.g. a parent-name field that derives the districts). */
    public ImportReport importDistricts(
            String regionCode,
            String fileName,
            byte[] bytes,
            CoordinateSystem crs,
            boolean dryRun,
            String actor,
            DistrictFileOptions fieldOptions) {
        Map<String, String> columns = new LinkedHashMap<>();
        putIfSet(columns, "code", fieldOptions.codeField());
        putIfSet(columns, "name", fieldOptions.nameField());
        putIfSet(columns, "level", fieldOptions.levelField());
        putIfSet(columns, "population", fieldOptions.populationField());
        DistrictFileReader.Options options = DistrictFileReader.Options.of(regionCode, crs)
                .withMaxBytes(maxBytes)
                .withColumns(columns)
                .withParentNameField(fieldOptions.parentNameField());
        DistrictFileReader.Result result = new DistrictFileReader(options).read(bytes, fileName);
        ParsedFile<District> parsed = result.features();
        if (result.hasErrors()) {
            return refused("districts", dryRun, parsed);
        }
        List<District> rows = result.all();
        ImportStore.Outcome o =
                store.applyDistricts(regionCode, batch(fileName, bytes, crs, actor, parsed), rows, dryRun);
        return report("districts", dryRun, parsed, o, List.of());
    }

    /** Whether the newest import of {@code dataset} in the region was a file with exactly these bytes. */
    public boolean alreadyImported(String regionCode, String dataset, byte[] bytes) {
        return store.latestSha256(regionCode, dataset)
                .map(sha256(bytes)::equals)
                .orElse(false);
    }

    private static void putIfSet(Map<String, String> m, String field, String column) {
        if (column != null && !column.isBlank()) {
            m.put(field, column);
        }
    }

    /** District names and codes (both as keys) → code, so a station file may name its district either way. */
    private Map<String, String> districtCodes(String regionCode) {
        Map<String, String> m = new LinkedHashMap<>();
        for (District d : districts.find(regionCode, AreaLevel.DISTRICT)) {
            m.put(d.code(), d.code());
            m.putIfAbsent(d.name(), d.code());
        }
        return m;
    }

    private static ImportStore.Batch batch(
            String fileName, byte[] bytes, CoordinateSystem crs, String actor, ParsedFile<?> parsed) {
        List<String> warnings = new ArrayList<>();
        for (Problem p : parsed.warnings()) {
            warnings.add(parsed.describe(p));
        }
        return new ImportStore.Batch(
                fileName == null || fileName.isBlank() ? "upload" : fileName,
                sha256(bytes),
                crs.code(),
                actor,
                warnings);
    }

    private static ImportReport refused(String dataset, boolean dryRun, ParsedFile<?> parsed) {
        return new ImportReport(
                dataset,
                dryRun,
                false,
                parsed.rowLabel(),
                0,
                0,
                0,
                parsed.errors(),
                parsed.omittedErrors(),
                parsed.warnings(),
                null);
    }

    private static ImportReport report(
            String dataset, boolean dryRun, ParsedFile<?> parsed, ImportStore.Outcome o, List<Problem> extra) {
        List<Problem> warnings = new ArrayList<>(parsed.warnings());
        warnings.addAll(extra);
        return new ImportReport(
                dataset,
                dryRun,
                true,
                parsed.rowLabel(),
                o.created(),
                o.updated(),
                o.unchanged(),
                List.of(),
                0,
                warnings,
                o.batchId());
    }

    /** Hex SHA-256 of the bytes, as recorded with import batches. */
    public static String sha256Hex(byte[] bytes) {
        return sha256(bytes);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
