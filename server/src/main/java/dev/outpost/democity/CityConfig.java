package dev.outpost.democity;

import java.util.List;

/**
 * The fixed parameters of one size of the demo city. Positions are given as fractions of the city's width
 * ({@code u}, west to east) and height ({@code v}, south to north); lengths are in metres.
 */
record CityConfig(
        String sizeName,
        double originLon,
        double originLat,
        double widthMeters,
        double heightMeters,
        double spacingMeters,
        double riverU,
        double riverAmplitudeMeters,
        double riverWavelengthMeters,
        double riverHalfWidthMeters,
        double expresswayV,
        double baseDensity,
        List<Centre> centres,
        List<Place> hubs,
        List<Area> logisticsParks,
        List<Double> interchangeU,
        List<Double> overpassU,
        List<Double> bridgeV,
        List<DistrictSpec> districts,
        long totalPopulation,
        int peoplePerStation,
        double oldTownRadiusMeters,
        int warmBeeStations,
        int driverHomes,
        int partnerSites,
        int otherStations,
        int candidates,
        int demandPoints,
        int restaurantClusters,
        double stationSpacingMeters,
        double populationGridMeters,
        double shapeNodeProbability) {

    CityConfig {
        if (StrictMath.abs(StrictMath.IEEEremainder(widthMeters, spacingMeters * 10)) > 1e-6
                || StrictMath.abs(StrictMath.IEEEremainder(heightMeters, spacingMeters * 10)) > 1e-6) {
            throw new IllegalArgumentException("size '" + sizeName + "': width " + widthMeters + " and height "
                    + heightMeters + " must be multiples of 10 lattice spacings (" + spacingMeters + " m)");
        }
        centres = List.copyOf(centres);
        hubs = List.copyOf(hubs);
        logisticsParks = List.copyOf(logisticsParks);
        interchangeU = List.copyOf(interchangeU);
        overpassU = List.copyOf(overpassU);
        bridgeV = List.copyOf(bridgeV);
        districts = List.copyOf(districts);
    }

    /** A centre of population: a Gaussian bump of density {@code peak} with standard deviation {@code sigmaMeters}. */
    record Centre(double u, double v, double peak, double sigmaMeters) {}

    /** A named place such as a railway station. */
    record Place(double u, double v, String nameZh, String nameEn) {}

    /** A named rectangle {@code [u0, u1] × [v0, v1]}. */
    record Area(double u0, double u1, double v0, double v1, String nameZh, String nameEn) {}

    /**
     * A district: its two-digit code suffix, names, the macro regions (cut by the river and the expressway) it
     * covers, the seed point that splits a macro region shared with other districts, and its number of subdistricts.
     */
    record DistrictSpec(
            String codeSuffix,
            String nameZh,
            String nameEn,
            List<MacroRegion> regions,
            double seedU,
            double seedV,
            int subdistricts) {
        DistrictSpec {
            regions = List.copyOf(regions);
        }
    }

    /** The four parts of the city cut by the river (west/east) and the expressway (north/south). */
    enum MacroRegion {
        NORTH_WEST,
        NORTH_EAST,
        SOUTH_WEST,
        SOUTH_EAST
    }
}
