package dev.outpost.siting;

import dev.outpost.geo.LatLon;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Maximal covering location problem (MCLP, Church and ReVelle 1974): open at most {@code p} new sites so that the
 * weight of the demand points within the radius of an open site (new or fixed) is the largest.
 *
 * <p>"At most": a site that would cover nothing more is not opened, so a result may list fewer than {@code p} new
 * sites; it then also covers everything coverable. Optional constraints: fixed (existing) sites, site costs with a
 * budget, limits on new sites per group (district), spacing conflicts between new sites, and capacities (a site serves
 * at most its capacity of demand weight; demand may be split between sites).
 *
 * <p>Built by the static factories and refined with the {@code with} methods, each returning a new problem.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * var problem = MaximalCoveringProblem.from(CoverageMatrix.fromCosts(costs, 5000), 4)
 *         .withFixedSites(List.of("Store_3"));
 * SitingResult result = new CpSatSolver().solve(problem, SolveOptions.defaults());
 * }</pre>
 */
public final class MaximalCoveringProblem implements SitingProblem {
    private final CoverageMatrix matrix;
    private final int p;
    private final SiteRules rules;

    private MaximalCoveringProblem(CoverageMatrix matrix, int p, SiteRules rules) {
        this.matrix = Objects.requireNonNull(matrix, "matrix");
        this.rules = rules;
        int free = matrix.candidateCount() - rules.fixedCount();
        if (p < 0 || p > free) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "p = %d new sites is out of range: there are %d candidates, %d of them fixed, so 0..%d",
                    p,
                    matrix.candidateCount(),
                    rules.fixedCount(),
                    free));
        }
        this.p = p;
    }

    /** At most {@code p} new sites, with the matrix's weights. */
    public static MaximalCoveringProblem from(CoverageMatrix matrix, int p) {
        return new MaximalCoveringProblem(matrix, p, SiteRules.none(matrix.candidateCount()));
    }

    /** At most {@code p} new sites, with other weights (one per demand point, in matrix order). */
    public static MaximalCoveringProblem from(CoverageMatrix matrix, double[] weights, int p) {
        return from(matrix.withWeights(weights), p);
    }

    /** The same problem with another number of new sites. */
    public MaximalCoveringProblem withP(int newP) {
        return new MaximalCoveringProblem(matrix, newP, rules);
    }

    /** Existing sites: open, free, not counted in p. Replaces earlier fixed sites. */
    public MaximalCoveringProblem withFixedSites(Collection<String> existing) {
        return new MaximalCoveringProblem(matrix, p, rules.withFixed(existing, matrix::getCandidate));
    }

    /**
     * A cost per candidate and a budget for the new sites. Every non-fixed candidate needs a cost (fixed sites cost
     * nothing).
     *
     * @param budget the most the new sites may cost together, in the unit of the costs; {@code +∞} for no limit
     */
    public MaximalCoveringProblem withSiteCosts(Map<String, Double> costs, double budget) {
        return new MaximalCoveringProblem(matrix, p, rules.withCosts(costs, budget, matrix.candidateNames()));
    }

    /** Adds a limit on the number of new sites among a group of candidates. */
    public MaximalCoveringProblem withGroupLimit(GroupLimit limit) {
        return new MaximalCoveringProblem(matrix, p, rules.withGroup(limit, matrix::getCandidate));
    }

    /** Adds pairs of candidates that may not both be opened as new sites. */
    public MaximalCoveringProblem withConflicts(Collection<SitePair> pairs) {
        return new MaximalCoveringProblem(matrix, p, rules.withConflicts(pairs, matrix::getCandidate));
    }

    /** Adds a conflict for every pair of candidates closer than {@code spacing} by the given distance. */
    public MaximalCoveringProblem withMinSpacing(double spacing, CandidateDistance distance) {
        return withConflicts(SiteRules.spacingConflicts(matrix.candidateNames(), spacing, distance));
    }

    /**
     * Adds a conflict for every pair of candidates closer than {@code spacingMeters} on the great circle.
     *
     * @param positions WGS 84 position of every candidate
     */
    public MaximalCoveringProblem withMinSpacingMeters(double spacingMeters, Map<String, LatLon> positions) {
        return withMinSpacing(spacingMeters, SiteRules.greatCircle(positions));
    }

    /**
     * A capacity per candidate (fixed ones included), in demand-weight units; {@code +∞} for unlimited. Every candidate
     * needs one. Demand may be split between open sites.
     */
    public MaximalCoveringProblem withCapacities(Map<String, Double> capacities) {
        return new MaximalCoveringProblem(matrix, p, rules.withCapacities(capacities, matrix.candidateNames()));
    }

    public CoverageMatrix matrix() {
        return matrix;
    }

    /** The largest number of new sites. */
    public int p() {
        return p;
    }

    @Override
    public ProblemKind kind() {
        return ProblemKind.MAXIMAL_COVERING;
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
        return rules.fixedNames(matrix.candidateNames());
    }

    @Override
    public double totalWeight() {
        return matrix.totalWeight();
    }

    /** The budget for new sites, when site costs were given. */
    public OptionalDouble budget() {
        return rules.costs == null ? OptionalDouble.empty() : OptionalDouble.of(rules.budget);
    }

    /** The cost of a candidate (0 without site costs, and for fixed sites). */
    public double siteCost(String candidate) {
        return rules.cost(matrix.getCandidate(candidate));
    }

    public List<GroupLimit> groupLimits() {
        return rules.groupLimits(matrix.candidateNames());
    }

    public List<SitePair> conflicts() {
        return rules.conflictPairs(matrix.candidateNames());
    }

    /** The capacity of a candidate, when capacities were given. */
    public Optional<Double> capacity(String candidate) {
        return rules.capacities == null
                ? Optional.empty()
                : Optional.of(rules.capacities[matrix.getCandidate(candidate)]);
    }

    SiteRules rules() {
        return rules;
    }

    @Override
    public String toString() {
        return "MCLP[p=" + p + ", " + matrix + ", fixed=" + fixedSites() + "]";
    }
}
