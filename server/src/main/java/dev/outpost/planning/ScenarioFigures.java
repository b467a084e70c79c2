package dev.outpost.planning;

import java.util.List;

/**
 * Coverage of the whole demand layer before and after a scenario's new sites, overall and per district. Weights are
 * the layer's unit; covered means within T minutes of an existing serving station (before) or of one of them or a
 * new site (after), direction to the station. Immutable.
 *
 * @param totalDemand all demand
 * @param coveredBefore covered by existing stations
 * @param coveredAfter covered by existing stations and new sites
 * @param cellCount demand cells
 * @param cellsCoveredBefore cells covered before
 * @param cellsCoveredAfter cells covered after
 * @param offNetworkDemand demand of cells too far from any road to be reached at all
 * @param districts per district, ordered by code (cells outside every district count only in the totals)
 */
public record ScenarioFigures(
        double totalDemand,
        double coveredBefore,
        double coveredAfter,
        int cellCount,
        int cellsCoveredBefore,
        int cellsCoveredAfter,
        double offNetworkDemand,
        List<AreaFigures> districts) {
    public ScenarioFigures {
        districts = List.copyOf(districts);
    }

    public double fractionBefore() {
        return totalDemand == 0 ? 1 : coveredBefore / totalDemand;
    }

    public double fractionAfter() {
        return totalDemand == 0 ? 1 : coveredAfter / totalDemand;
    }

    /** Demand the new sites add. */
    public double newlyCovered() {
        return coveredAfter - coveredBefore;
    }
}
