package dev.outpost.siting;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of siting problem, with the short code used on the command line and in JSON. */
public enum ProblemKind {
    /** Maximal covering (MCLP): at most p new sites covering the most demand weight. Maximise. */
    MAXIMAL_COVERING("mclp", true),
    /** Location set covering (LSCP): the fewest new sites covering every demand point. Minimise. */
    SET_COVERING("lscp", false),
    /** Partial set covering: the fewest new sites covering a target fraction of the demand weight. Minimise. */
    PARTIAL_COVERING("partial", false),
    /** p-median: p new sites minimising the weighted cost from each demand point to its nearest open site. */
    P_MEDIAN("pmedian", false),
    /** p-center: p new sites minimising the largest cost from a demand point to its nearest open site. */
    P_CENTER("pcenter", false);

    private final String code;
    private final boolean maximise;

    ProblemKind(String code, boolean maximise) {
        this.code = code;
        this.maximise = maximise;
    }

    /** The short code: {@code mclp}, {@code lscp}, {@code partial}, {@code pmedian} or {@code pcenter}. */
    public String code() {
        return code;
    }

    /** Whether the objective is maximised (only maximal covering). */
    public boolean maximise() {
        return maximise;
    }

    /** The kind for a short code (case-insensitive); throws {@link IllegalArgumentException} listing the codes. */
    public static ProblemKind fromCode(String code) {
        for (ProblemKind k : values()) {
            if (k.code.equalsIgnoreCase(code == null ? "" : code.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown problem type '" + code + "'; expected one of "
                + Arrays.stream(values()).map(k -> k.code).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return code.toLowerCase(Locale.ROOT);
    }
}
