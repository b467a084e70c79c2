package dev.outpost.imports;

import dev.outpost.district.District;
import dev.outpost.station.Station;
import java.util.List;

/**
 * Applies validated rows in one transaction, implemented in {@code store}. On any failure nothing is written. In a
 * dry run the same work is done and rolled back, so the counts are exactly what a real run would do.
 */
public interface ImportStore {
    /** Counts of what an import changed (or would change). */
    record Outcome(int created, int updated, int unchanged, Long batchId) {}

    /**
     * Upserts stations by external id (rows without one match a stored station without one of the same name within
     * 1 m). Stations without a district code get the district (level {@code district}) that contains them.
     * Records an import batch only when something changed.
     */
    Outcome applyStations(String regionCode, Batch batch, List<Station> stations, boolean dryRun);

    /** The checksum of the newest import batch of a dataset in the region, if any. */
    java.util.Optional<String> latestSha256(String regionCode, String dataset);

    /** Upserts districts by code; parents may come after children in the list. */
    Outcome applyDistricts(String regionCode, Batch batch, List<District> districts, boolean dryRun);

    /**
     * Provenance of an import.
     *
     * @param fileName as uploaded
     * @param sha256 hex SHA-256 of the file's bytes
     * @param crs the declared coordinate system code
     * @param importedBy who (user name, "cli", "demo")
     * @param warnings remarks to keep with the batch
     */
    record Batch(String fileName, String sha256, String crs, String importedBy, List<String> warnings) {
        public Batch {
            warnings = List.copyOf(warnings);
        }
    }
}
