package dev.outpost.siting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * p-center (Hakimi 1965): open exactly {@code p} new sites so that the largest cost from a demand point to its nearest
 * open site (new or fixed) is the least. Weights do not enter the objective (as in spopt); every demand point counts,
 * including those of weight 0. Missing pairs ({@code +∞}) cannot be used. Immutable and thread-safe.
 */
public final class PCenterProblem implements SitingProblem {
    private final CostMatrix matrix;
    private final int p;
    private final boolean[] fixed;

    private PCenterProblem(CostMatrix matrix, int p, boolean[] fixed) {
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

    /** Exactly {@code p} new sites, with the matrix's weights. */
    public static PCenterProblem from(CostMatrix matrix, int p) {
        return new PCenterProblem(matrix, p, new boolean[matrix.candidateCount()]);
    }

    /** Exactly {@code p} new sites, with other weights (one per demand point, in matrix order). */
    public static PCenterProblem from(CostMatrix matrix, double[] weights, int p) {
        return from(matrix.withWeights(weights), p);
    }

    /** Existing sites: open, not counted in p. Replaces earlier fixed sites. */
    public PCenterProblem withFixedSites(Collection<String> existing) {
        boolean[] f = new boolean[matrix.candidateCount()];
        for (String name : existing) {
            f[matrix.getCandidate(name)] = true;
        }
        return new PCenterProblem(matrix, p, f);
    }

    /** The same problem with another number of new sites. */
    public PCenterProblem withP(int newP) {
        return new PCenterProblem(matrix, newP, fixed);
    }

    public CostMatrix matrix() {
        return matrix;
    }

    /** The number of new sites. */
    public int p() {
        return p;
    }

    @Override
    public ProblemKind kind() {
        return ProblemKind.P_CENTER;
    }

    @Override
    public List<String> candidateNames() {
        return matrix.candidateNames();
    }

    @Override
    public List<String> demandNames() {
        return matrix.demandNames();
    }

    @Override
    public List<String> fixedSites() {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < fixed.length; j++) {
            if (fixed[j]) {
                out.add(matrix.candidateNames().get(j));
            }
        }
        return List.copyOf(out);
    }

    @Override
    public double totalWeight() {
        return matrix.totalWeight();
    }

    boolean isFixed(int candidate) {
        return fixed[candidate];
    }

    @Override
    public String toString() {
        return "PCenter[p=" + p + ", " + matrix + ", fixed=" + fixedSites() + "]";
    }
}
