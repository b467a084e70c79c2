package dev.outpost.siting;

import dev.outpost.geo.LatLon;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Location set covering (LSCP, Toregas et al. 1971): the fewest new sites such that every demand point lies within the
 * radius of an open site (new or fixed); or, in the partial form, such that the covered weight reaches a target
 * fraction of the total weight.
 *
 * <p>The full form ignores weights (every demand point counts, even one of weight 0) unless capacities are given: then
 * every demand point's weight must be served. A demand point that no candidate covers makes the full form infeasible.
 * The same optional constraints as {@link MaximalCoveringProblem} apply; the objective stays the number of new sites
 * (site costs only feed the budget).
 *
 * <p>Immutable and thread-safe.
 */
public final class SetCoveringProblem implements SitingProblem {
    private final CoverageMatrix matrix;
    private final double targetFraction; // NaN: full covering
    private final SiteRules rules;

    private SetCoveringProblem(CoverageMatrix matrix, double targetFraction, SiteRules rules) {
        this.matrix = Objects.requireNonNull(matrix, "matrix");
        if (!Double.isNaN(targetFraction) && !(targetFraction > 0 && targetFraction <= 1)) {
            throw new IllegalArgumentException("target fraction " + targetFraction + " must be in (0, 1]");
        }
        this.targetFraction = targetFraction;
        this.rules = rules;
    }

    /** Fewest new sites covering every demand point. */
    public static SetCoveringProblem from(CoverageMatrix matrix) {
        return new SetCoveringProblem(matrix, Double.NaN, SiteRules.none(matrix.candidateCount()));
    }

    /**
     * Fewest new sites covering at least {@code targetFraction} of the total demand weight.
     *
     * @param targetFraction in (0, 1], e.g. 0.95
     */
    public static SetCoveringProblem partial(CoverageMatrix matrix, double targetFraction) {
        if (Double.isNaN(targetFraction)) {
            throw new IllegalArgumentException("target fraction is NaN; expected a value in (0, 1]");
        }
        return new SetCoveringProblem(matrix, targetFraction, SiteRules.none(matrix.candidateCount()));
    }

    public SetCoveringProblem withFixedSites(Collection<String> existing) {
        return new SetCoveringProblem(matrix, targetFraction, rules.withFixed(existing, matrix::getCandidate));
    }

    /** Site costs and a budget for the new sites; see {@link MaximalCoveringProblem#withSiteCosts}. */
    public SetCoveringProblem withSiteCosts(Map<String, Double> costs, double budget) {
        return new SetCoveringProblem(matrix, targetFraction, rules.withCosts(costs, budget, matrix.candidateNames()));
    }

    public SetCoveringProblem withGroupLimit(GroupLimit limit) {
        return new SetCoveringProblem(matrix, targetFraction, rules.withGroup(limit, matrix::getCandidate));
    }

    public SetCoveringProblem withConflicts(Collection<SitePair> pairs) {
        return new SetCoveringProblem(matrix, targetFraction, rules.withConflicts(pairs, matrix::getCandidate));
    }

    public SetCoveringProblem withMinSpacing(double spacing, CandidateDistance distance) {
        return withConflicts(SiteRules.spacingConflicts(matrix.candidateNames(), spacing, distance));
    }

    public SetCoveringProblem withMinSpacingMeters(double spacingMeters, Map<String, LatLon> positions) {
        return withMinSpacing(spacingMeters, SiteRules.greatCircle(positions));
    }

    /** Capacities in demand-weight units; see {@link MaximalCoveringProblem#withCapacities}. */
    public SetCoveringProblem withCapacities(Map<String, Double> capacities) {
        return new SetCoveringProblem(
                matrix, targetFraction, rules.withCapacities(capacities, matrix.candidateNames()));
    }

    public CoverageMatrix matrix() {
        return matrix;
    }

    /** The target fraction of the total weight, empty for full covering. */
    public OptionalDouble targetFraction() {
        return Double.isNaN(targetFraction) ? OptionalDouble.empty() : OptionalDouble.of(targetFraction);
    }

    public boolean isPartial() {
        return !Double.isNaN(targetFraction);
    }

    @Override
    public ProblemKind kind() {
        return isPartial() ? ProblemKind.PARTIAL_COVERING : ProblemKind.SET_COVERING;
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

    public OptionalDouble budget() {
        return rules.costs == null ? OptionalDouble.empty() : OptionalDouble.of(rules.budget);
    }

    public List<GroupLimit> groupLimits() {
        return rules.groupLimits(matrix.candidateNames());
    }

    public List<SitePair> conflicts() {
        return rules.conflictPairs(matrix.candidateNames());
    }

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
        return (isPartial() ? "PartialCovering[target=" + targetFraction + ", " : "SetCovering[") + matrix + ", fixed="
                + fixedSites() + "]";
    }
}
