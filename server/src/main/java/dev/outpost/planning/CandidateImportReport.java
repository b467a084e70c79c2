package dev.outpost.planning;

import java.util.List;

/**
 * What a candidate import did (or, in a dry run, would do). Immutable.
 *
 * @param source the source replaced
 * @param dryRun whether nothing was stored
 * @param created ids not in the previous list
 * @param updated ids whose kind, name, district, cost, seats or position changed
 * @param unchanged ids kept as they were
 * @param deleted ids of the previous list missing from the new one
 * @param notes sentences about what was read, e.g. OSM features skipped
 */
public record CandidateImportReport(
        CandidateSource source,
        boolean dryRun,
        int created,
        int updated,
        int unchanged,
        int deleted,
        List<String> notes) {
    public CandidateImportReport {
        notes = List.copyOf(notes);
    }
}
