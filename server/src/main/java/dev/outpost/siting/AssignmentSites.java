package dev.outpost.siting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What p-median and p-center share: a cost matrix, exactly {@code p} new sites, and the fixed (existing) sites that
 * are open and not counted in {@code p}. Checked in the constructor. Immutable and thread-safe.
 */
final class AssignmentSites {
    private final CostMatrix matrix;
    private final int p;
    private final boolean[] fixed;

    private AssignmentSites(CostMatrix matrix, int p, boolean[] fixed) {
        this.matrix = Objects.requireNonNull(matrix, "matrix");
        this.fixed = fixed;
        int fixedCount = 0;
        for (boolean f : fixed) {
            if (f) {
                fixedCount++;
            }
        }
        int free = matrix.candidateCount() - fixedCount;
        if (p < 0 || p > free || p + fixedCount == 0) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "p = %d new sites is out of range: there are %d candidates, %d of them fixed, so %d..%d",
                    p,
                    matrix.candidateCount(),
                    fixedCount,
                    fixedCount == 0 ? 1 : 0,
                    free));
        }
        this.p = p;
    }

    /** Exactly {@code p} new sites and no fixed ones. */
    static AssignmentSites of(CostMatrix matrix, int p) {
        return new AssignmentSites(matrix, p, new boolean[matrix.candidateCount()]);
    }

    /** The same with these existing sites fixed (replacing earlier ones). */
    AssignmentSites withFixedSites(Collection<String> existing) {
        boolean[] f = new boolean[matrix.candidateCount()];
        for (String name : existing) {
            f[matrix.getCandidate(name)] = true;
        }
        return new AssignmentSites(matrix, p, f);
    }

    AssignmentSites withP(int newP) {
        return new AssignmentSites(matrix, newP, fixed);
    }

    CostMatrix matrix() {
        return matrix;
    }

    int p() {
        return p;
    }

    List<String> fixedSites() {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < fixed.length; j++) {
            if (fixed[j]) {
                out.add(matrix.candidateNames().get(j));
            }
        }
        return List.copyOf(out);
    }

    boolean isFixed(int candidate) {
        return fixed[candidate];
    }

    @Override
    public String toString() {
        return "p=" + p + ", " + matrix + ", fixed=" + fixedSites();
    }
}
