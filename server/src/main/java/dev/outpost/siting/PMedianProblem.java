package dev.outpost.siting;

import java.util.Collection;
import java.util.List;

/**
 * p-median (Hakimi 1964; ReVelle and Swain 1970): open exactly {@code p} new sites so that the sum over demand points
 * of weight × cost to the nearest open site (new or fixed) is the least.
 *
 * <p>Every demand point must reach some open site: a pair missing from the cost matrix ({@code +∞}) cannot be used,
 * and a demand point that reaches no candidate makes the problem infeasible. Immutable and thread-safe.
 */
public final class PMedianProblem implements SitingProblem {
    private final AssignmentSites sites;

    private PMedianProblem(AssignmentSites sites) {
        this.sites = sites;
    }

    /** Exactly {@code p} new sites, with the matrix's weights. */
    public static PMedianProblem from(CostMatrix matrix, int p) {
        return new PMedianProblem(AssignmentSites.of(matrix, p));
    }

    /** Exactly {@code p} new sites, with other weights (one per demand point, in matrix order). */
    public static PMedianProblem from(CostMatrix matrix, double[] weights, int p) {
        return from(matrix.withWeights(weights), p);
    }

    /** Existing sites: open, not counted in p. Replaces earlier fixed sites. */
    public PMedianProblem withFixedSites(Collection<String> existing) {
        return new PMedianProblem(sites.withFixedSites(existing));
    }

    /** The same problem with another number of new sites. */
    public PMedianProblem withP(int newP) {
        return new PMedianProblem(sites.withP(newP));
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
        return ProblemKind.P_MEDIAN;
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
        return "PMedian[" + sites + "]";
    }
}
