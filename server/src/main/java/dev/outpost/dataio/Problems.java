package dev.outpost.dataio;

import dev.outpost.common.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects errors and warnings up to a cap, remembering which rows had errors. Not thread-safe. */
final class Problems {
    static final int DEFAULT_CAP = 200;

    private final int cap;
    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();
    private final Set<Integer> rowsWithErrors = new HashSet<>();
    private int omittedErrors;
    private int omittedWarnings;

    Problems(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("problem cap " + cap + " must be at least 1");
        }
        this.cap = cap;
    }

    void error(int row, String field, String reason) {
        rowsWithErrors.add(row);
        if (errors.size() < cap) {
            errors.add(new Problem(row, field, reason));
        } else {
            omittedErrors++;
        }
    }

    void warning(int row, String field, String reason) {
        if (warnings.size() < cap) {
            warnings.add(new Problem(row, field, reason));
        } else {
            omittedWarnings++;
        }
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Whether a file-level error (row 0) was recorded. */
    boolean hasFileError() {
        return rowsWithErrors.contains(0);
    }

    boolean rowHasError(int row) {
        return rowsWithErrors.contains(row);
    }

    <T> ParsedFile<T> toFile(String rowLabel, List<ParsedRow<T>> rows) {
        List<ParsedRow<T>> valid = new ArrayList<>();
        if (!hasFileError()) {
            for (ParsedRow<T> r : rows) {
                if (!rowsWithErrors.contains(r.row())) {
                    valid.add(r);
                }
            }
        }
        List<Problem> sorted = new ArrayList<>(errors);
        sorted.sort((a, b) -> Integer.compare(a.row(), b.row()));
        List<Problem> sortedWarnings = new ArrayList<>(warnings);
        sortedWarnings.sort((a, b) -> Integer.compare(a.row(), b.row()));
        return new ParsedFile<>(rowLabel, valid, sorted, omittedErrors, sortedWarnings, omittedWarnings);
    }
}
