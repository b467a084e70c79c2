package dev.outpost.planning;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The planner's side constraints on new sites. Immutable.
 *
 * @param budgetWanYuan the most the new sites may cost together, in 万元; null for no budget
 * @param defaultCostWanYuan the cost assumed for candidates of unknown cost; null for none (then every candidate
 *     needs a cost when a budget is given)
 * @param districtLimits per district, the least and most new sites; empty for none; districts distinct
 * @param minSpacingMeters no two new sites closer than this (great-circle metres); null for none
 * @param capacity capacity of stations and candidates; null for uncapacitated
 */
public record SiteConstraints(
        Double budgetWanYuan,
        Double defaultCostWanYuan,
        List<DistrictLimit> districtLimits,
        Double minSpacingMeters,
        CapacityRule capacity) {
    public SiteConstraints {
        if (budgetWanYuan != null && (!Double.isFinite(budgetWanYuan) || budgetWanYuan < 0)) {
            throw new IllegalArgumentException("budget " + budgetWanYuan + " 万元 must be a number, 0 or more");
        }
        if (defaultCostWanYuan != null && (!Double.isFinite(defaultCostWanYuan) || defaultCostWanYuan < 0)) {
            throw new IllegalArgumentException("defaultCost " + defaultCostWanYuan + " 万元 must be a number, 0 or more");
        }
        districtLimits = districtLimits == null ? List.of() : List.copyOf(districtLimits);
        Set<String> seen = new HashSet<>();
        for (DistrictLimit l : districtLimits) {
            if (!seen.add(l.districtCode())) {
                throw new IllegalArgumentException("district '" + l.districtCode() + "' has two limits");
            }
        }
        if (minSpacingMeters != null && (!Double.isFinite(minSpacingMeters) || minSpacingMeters < 0)) {
            throw new IllegalArgumentException("minSpacingMeters " + minSpacingMeters + " must be 0 or more");
        }
    }

    public static SiteConstraints none() {
        return new SiteConstraints(null, null, List.of(), null, null);
    }

    /** Whether any constraint is set. */
    public boolean any() {
        return budgetWanYuan != null || !districtLimits.isEmpty() || minSpacingMeters != null || capacity != null;
    }
}
