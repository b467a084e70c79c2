package dev.outpost.dataio;

import dev.outpost.common.Problem;
import dev.outpost.common.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a reader made of a file: the valid rows with their row numbers, the errors (rows left out, or the whole file
 * refused) and the warnings (accepted with a change or an ignored column). Readers check every row and collect every
 * problem; when there are more than the cap, the lists hold the first ones and {@code omitted*} counts the rest.
 * Problems about the file as a whole (empty, unreadable, missing columns) have row 0. Immutable.
 *
 * @param rowLabel how rows are named in messages: "row" (CSV, XLSX) or "feature" (GeoJSON, Shapefile)
 * @param rows the valid rows, in file order
 * @param errors problems that left a row (or the whole file) out, in file order, at most the cap
 * @param omittedErrors how many further errors were found but not listed
 * @param warnings problems that did not leave anything out, at most the cap
 * @param omittedWarnings how many further warnings were found but not listed
 */
public record ParsedFile<T>(
        String rowLabel,
        List<ParsedRow<T>> rows,
        List<Problem> errors,
        int omittedErrors,
        List<Problem> warnings,
        int omittedWarnings) {
    public ParsedFile {
        Objects.requireNonNull(rowLabel, "rowLabel");
        rows = List.copyOf(rows);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        if (omittedErrors < 0 || omittedWarnings < 0) {
            throw new IllegalArgumentException("omitted counts must not be negative");
        }
    }

    /** Whether any error was found (some row, or the whole file, was refused). */
    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The number of errors found, listed or not. */
    public int errorCount() {
        return errors.size() + omittedErrors;
    }

    /** The valid values in file order. */
    public List<T> values() {
        List<T> out = new ArrayList<>(rows.size());
        for (ParsedRow<T> r : rows) {
            out.add(r.value());
        }
        return out;
    }

    /** The values when there is no error at all; otherwise throws {@link #toValidationException()}. */
    public List<T> valuesOrThrow() {
        if (hasErrors()) {
            throw toValidationException();
        }
        return values();
    }

    /**
     * All errors as one exception; when errors were omitted the last problem says "and N more errors".
     *
     * @throws IllegalStateException when there are no errors
     */
    public ValidationException toValidationException() {
        if (!hasErrors()) {
            throw new IllegalStateException("no errors");
        }
        List<Problem> all = new ArrayList<>(errors);
        if (omittedErrors > 0) {
            all.add(new Problem(0, null, "and " + omittedErrors + " more errors"));
        }
        return new ValidationException(all);
    }

    /** The errors as sentences, e.g. "row 7, field 'kind': unknown station kind 'xyz'", then "and N more". */
    public List<String> errorMessages() {
        return messages(errors, omittedErrors, "errors");
    }

    /** The warnings as sentences, then "and N more" when some were omitted. */
    public List<String> warningMessages() {
        return messages(warnings, omittedWarnings, "warnings");
    }

    /** One problem as a sentence naming the row (or "file") and field. */
    public String describe(Problem p) {
        StringBuilder sb = new StringBuilder();
        sb.append(p.row() > 0 ? rowLabel + " " + p.row() : "file");
        if (p.field() != null) {
            sb.append(", field '").append(p.field()).append('\'');
        }
        return sb.append(": ").append(p.reason()).toString();
    }

    private List<String> messages(List<Problem> problems, int omitted, String noun) {
        List<String> out = new ArrayList<>();
        for (Problem p : problems) {
            out.add(describe(p));
        }
        if (omitted > 0) {
            out.add(String.format(Locale.ROOT, "and %d more %s", omitted, noun));
        }
        return out;
    }
}
