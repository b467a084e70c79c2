package dev.outpost.coverage;

import dev.outpost.district.AreaLevel;
import java.util.Objects;

/**
 * Coverage figures of one administrative area. Immutable.
 *
 * @param code the area's code
 * @param name the area's name (Chinese as stored)
 * @param level its level
 * @param parentCode the enclosing area's code, null for districts or when unknown
 * @param totals figures over the cells whose centres lie in the area, and the serving stations located in it
 */
public record AreaCoverage(String code, String name, AreaLevel level, String parentCode, CoverageTotals totals) {
    public AreaCoverage {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(totals, "totals");
    }
}
