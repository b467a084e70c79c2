package dev.outpost.planning;

/**
 * Coverage of one district before and after a scenario's new sites. Demand is weight (e.g. workers) of the cells
 * whose centres lie in the district; covered means within T minutes of a station or new site. Immutable.
 *
 * @param code the district's code
 * @param name its name (Chinese as stored)
 * @param demand all demand in it
 * @param coveredBefore demand covered by existing stations
 * @param coveredAfter demand covered by existing stations and the new sites
 * @param newSites new sites located in it
 */
public record AreaFigures(
        String code, String name, double demand, double coveredBefore, double coveredAfter, int newSites) {
    public double fractionBefore() {
        return demand == 0 ? 1 : coveredBefore / demand;
    }

    public double fractionAfter() {
        return demand == 0 ? 1 : coveredAfter / demand;
    }
}
