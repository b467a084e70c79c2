package dev.outpost.imports;

import dev.outpost.common.Problem;
import java.util.List;

/**
 * The outcome of an import or a dry run. Immutable.
 *
 * @param dataset {@code "stations"} or {@code "districts"}
 * @param dryRun true when nothing was written
 * @param ok false when the file was refused (then nothing changed and {@code errors} says why)
 * @param rowLabel how rows are named: "row" or "feature"
 * @param created rows that are (or would be) new
 * @param updated rows that change (or would change) a stored record
 * @param unchanged rows equal to what is stored
 * @param errors why the file was refused; empty when ok
 * @param omittedErrors further errors found but not listed
 * @param warnings accepted with a remark (a repaired polygon, an unknown extra column)
 * @param batchId the import batch recorded, or null (dry run, refused, or nothing changed)
 */
public record ImportReport(
        String dataset,
        boolean dryRun,
        boolean ok,
        String rowLabel,
        int created,
        int updated,
        int unchanged,
        List<Problem> errors,
        int omittedErrors,
        List<Problem> warnings,
        Long batchId) {
    public ImportReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }
}
