package dev.outpost.http;

import dev.outpost.district.DistrictRepository;
import dev.outpost.district.RegionRepository;
import dev.outpost.imports.ImportService;
import dev.outpost.station.StationCatalog;
import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The services the HTTP layer calls, wired by hand in {@code app}. Immutable.
 *
 * @param extraRoutes further route groups (made with the shared parameter parser)
 */
public record HttpServices(
        RegionRepository regions,
        StationCatalog stations,
        DistrictRepository districts,
        ImportService imports,
        Clock clock,
        BooleanSupplier ready,
        Function<Params, List<Routes>> extraRoutes) {}
