package dev.outpost.account;

import java.util.Map;
import java.util.Set;

/**
 * The rows a user may see, by area: whole regions, and per region the codes of their districts and every area
 * below them. Immutable.
 *
 * @param wholeRegions regions the user answers for entirely; copied
 * @param areaCodes per region, the codes of areas the user answers for (sub-areas included); copied
 */
public record AreaFilter(Set<String> wholeRegions, Map<String, Set<String>> areaCodes) {
    public AreaFilter {
        wholeRegions = Set.copyOf(wholeRegions);
        Map<String, Set<String>> copy = new java.util.HashMap<>();
        areaCodes.forEach((region, codes) -> copy.put(region, Set.copyOf(codes)));
        areaCodes = Map.copyOf(copy);
    }

    /** True when nothing is visible. */
    public boolean isEmpty() {
        return wholeRegions.isEmpty() && areaCodes.values().stream().allMatch(Set::isEmpty);
    }
}
