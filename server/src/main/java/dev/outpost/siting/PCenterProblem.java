package dev.outpost.siting;

import java.util.Collection;
import java.util.List;

/**
 * p-center (Hakimi 1965): open exactly {@code p} new sites so that the largest cost from a demand point to its nearest
 * open site (new or fixed) is the least. Weights do not enter the objective (as in spopt); every demand point counts,
 * including those of weight 0. Missing pairs ({@code +∞}) cannot be used. Immutable and thread-safe.
 */
public final class PCenterProblem implements SitingProblem {
    private final AssignmentSites sites;

    private PCenterProblem(AssignmentSites sites) {
        this.sites = sites;
    }

    /** Exactly {@code p} new sites, with the matrix's weights. */
    public static PCenterProblem from(CostMatrix matrix, int p) {
        return new PCenterProblem(AssignmentSites.of(matrix, p));
    }

    /** Exactly {@code p} new sites, with other weights (one per demand point, in matrix order). */
    public static PCenterProblem from(CostMatrix matrix, double[] weights, int p) {
        return from(matrix.withWeights(weights), p);
    }

    /** Existing sites: open, not counted in p. Replaces earlier fixed sites. */
    public PCenterProblem withFixedSites(Collection<String> existing) {
        return new PCenterProblem(sites.withFixedSites(existing));
    }

    /** The same problem with another number of new sites. */
    public PCenterProblem withP(int newP) {
        return new PCenterProblem(sites.withP(newP));
    }

    public CostMatrix matrix() {
        return sites.matrix();
    }

    /** The number of new sites. */
    public int p() {
        return sites.p();
    }

    @Override
    public ProblemKind kind() {
        return ProblemKind.P_CENTER;
    }

    @Override
    public List<String> candidateNames() {
        return sites.matrix().candidateNames();
    }

    @Override
    public List<String> demandNames() {
        return sites.matrix().demandNames();
    }

    @Override
    public List<String> fixedSites() {
        return sites.fixedSites();
    }

    @Override
    public double totalWeight() {
        return sites.matrix().totalWeight();
    }

    boolean isFixed(int candidate) {
        return sites.isFixed(candidate);
    }

    @Override
    public String toString() {
        return "PCenter[" + sites + "]";
    }
}
