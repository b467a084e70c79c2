package dev.outpost.common;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The caller's input is well-formed but wrong (HTTP 422), with every problem found, so that an upload can be
 * corrected in one go. The message lists the first problems; {@link #problems()} has them all.
 */
public class ValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final int PROBLEMS_IN_MESSAGE = 10;

    private final transient List<Problem> problems;

    /** @param problems at least one problem; copied */
    public ValidationException(List<Problem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** A single problem outside any row. */
    public static ValidationException of(String field, String reason) {
        return new ValidationException(List.of(Problem.of(field, reason)));
    }

    /** Every problem, in the order found; unmodifiable. */
    public List<Problem> problems() {
        return problems;
    }

    private static String message(List<Problem> problems) {
        if (problems == null || problems.isEmpty()) {
            throw new IllegalArgumentException("a validation exception needs at least one problem");
        }
        String shown = problems.stream()
                .limit(PROBLEMS_IN_MESSAGE)
                .map(Problem::toString)
                .collect(Collectors.joining("; "));
        if (problems.size() == 1) {
            return shown;
        }
        String more = problems.size() > PROBLEMS_IN_MESSAGE
                ? "; and " + (problems.size() - PROBLEMS_IN_MESSAGE) + " more"
                : "";
        return problems.size() + " problems: " + shown + more;
    }
}
