package dev.outpost.democity;

import dev.outpost.democity.DemandSampler.DemandPoint;
import dev.outpost.democity.SitePlanner.Candidate;
import dev.outpost.democity.SitePlanner.Station;
import java.util.List;

/** A generated demo city held in memory (local metres), ready to be written. Immutable. */
record DemoCity(
        DemoCitySize size,
        long seed,
        CityPlan plan,
        AdminAreas areas,
        RoadNetwork network,
        List<Station> stations,
        List<Candidate> candidates,
        List<DemandPoint> demand) {

    static final String GENERATOR = "dev.outpost.democity.DemoCityGenerator";

    /** The source label written into every GeoJSON feature and the OSM header. */
    static final String SOURCE = "SYNTHETIC: Outpost demo city generator (" + GENERATOR + "); fictional, not real data";

    DemoCity {
        stations = List.copyOf(stations);
        candidates = List.copyOf(candidates);
        demand = List.copyOf(demand);
    }

    static DemoCity generate(DemoCitySize size, long seed) {
        CityPlan plan = new CityPlan(size.config(), seed);
        AdminAreas areas = new AdminAreaBuilder(plan, seed).build();
        RoadNetwork network = new RoadNetworkBuilder(plan, seed).build();
        List<RoadNetwork.Spot> clusters = SitePlanner.restaurantClusters(plan, network, seed);
        SitePlanner sites = new SitePlanner(plan, areas, network, clusters, seed);
        List<Station> stations = sites.stations();
        List<Candidate> candidates = sites.candidates();
        List<DemandPoint> demand = new DemandSampler(plan, network, clusters, seed).sample();
        return new DemoCity(size, seed, plan, areas, network, stations, candidates, demand);
    }
}
