package dev.outpost.planning;

import java.util.Locale;

/** Which solver a scenario uses. */
public enum SolverChoice {
    /** {@code siting.GreedySwapSolver}: lazy greedy plus swap search, with a proven bound; for interactive use. */
    GREEDY("greedy"),
    /** {@code siting.CpSatSolver}: CP-SAT within the time limit, warm-started by the heuristic; proves a bound. */
    EXACT("exact"),
    /** {@code siting.AutoSolver}: exact when the model is small enough, else the heuristic. */
    AUTO("auto");

    private final String code;

    SolverChoice(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** @throws IllegalArgumentException naming the value */
    public static SolverChoice parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (SolverChoice s : values()) {
            if (s.code.equals(t)) {
                return s;
            }
        }
        if (t.equals("heuristic") || t.equals("greedy-swap")) {
            return GREEDY;
        }
        if (t.equals("cp-sat") || t.equals("cpsat")) {
            return EXACT;
        }
        throw new IllegalArgumentException("unknown solver '" + text + "'; expected one of greedy, exact, auto");
    }
}
