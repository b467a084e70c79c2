package dev.outpost.coverage;

/**
 * What one station contributes to coverage. Weights are in the demand layer's units. Immutable.
 *
 * @param stationId the station
 * @param onNetwork false when the station could not be placed on the road network (it then covers nothing)
 * @param demandWithinLimit weight of the cells within the limit of the station (its service circle on the network),
 *     whether or not it is their nearest station
 * @param cellsWithinLimit number of those cells
 * @param catchmentDemand weight of the cells for which this station is the nearest (its exclusive catchment, up to
 *     the search limit)
 * @param catchmentCoveredDemand the part of the catchment within the limit
 * @param catchmentCells number of cells in the catchment
 */
public record StationCoverage(
        long stationId,
        boolean onNetwork,
        double demandWithinLimit,
        int cellsWithinLimit,
        double catchmentDemand,
        double catchmentCoveredDemand,
        int catchmentCells) {
    public StationCoverage {
        if (stationId <= 0 || cellsWithinLimit < 0 || catchmentCells < 0) {
            throw new IllegalArgumentException("station coverage of station " + stationId + ": counts must be ≥ 0");
        }
        if (!(demandWithinLimit >= 0) || !(catchmentDemand >= 0) || !(catchmentCoveredDemand >= 0)) {
            throw new IllegalArgumentException("station coverage of station " + stationId + ": weights must be ≥ 0");
        }
    }
}
