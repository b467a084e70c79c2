package dev.outpost.democity;

import dev.outpost.democity.CityConfig.Area;
import dev.outpost.democity.CityConfig.Centre;
import dev.outpost.democity.CityConfig.Place;
import dev.outpost.democity.CityPlan.Zone;
import dev.outpost.democity.RoadNetwork.RoadPoint;
import dev.outpost.democity.RoadNetwork.Spot;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws demand points per worker group: riders around the restaurant clusters and where people live, ride-hailing
 * drivers around the centres and transport hubs, truck drivers around the logistics parks, the expressway ramps and
 * the outer arterials. Points never fall into the river or outside the city. Not thread-safe; use once.
 */
final class DemandSampler {
    static final List<String> GROUPS = List.of("rider", "ride_hailing", "truck");

    /** A demand point in local metres; {@code weight} is the number of workers it stands for (2 decimals). */
    record DemandPoint(String group, double x, double y, double weight) {
        DemandPoint {
            SitePlanner.require("group", group, GROUPS.contains(group), "expected one of " + GROUPS);
            SitePlanner.require("weight", weight, weight > 0, "must be positive");
        }
    }

    private final CityPlan plan;
    private final RoadNetwork network;
    private final List<Spot> restaurantClusters;
    private final Random random;

    DemandSampler(CityPlan plan, RoadNetwork network, List<Spot> restaurantClusters, long seed) {
        this.plan = plan;
        this.network = network;
        this.restaurantClusters = List.copyOf(restaurantClusters);
        this.random = Seeds.random(seed, "demand");
    }

    List<DemandPoint> sample() {
        int total = plan.config.demandPoints();
        int riders = (int) StrictMath.round(total * 0.60);
        int rideHailing = (int) StrictMath.round(total * 0.27);
        int trucks = total - riders - rideHailing;
        List<DemandPoint> points = new ArrayList<>(total);
        for (int k = 0; k < riders; k++) {
            double[] p = random.nextDouble() < 0.55 ? aroundRestaurants() : residential();
            points.add(point("rider", p, 0.5, 3.0));
        }
        List<Centre> centres = plan.config.centres();
        double[] peaks = centres.stream().mapToDouble(Centre::peak).toArray();
        for (int k = 0; k < rideHailing; k++) {
            double r = random.nextDouble();
            double[] p;
            if (r < 0.35) {
                Centre c = Seeds.pick(random, centres, peaks);
                p = around(c.u() * plan.width, c.v() * plan.height, 0.5 * c.sigmaMeters());
            } else if (r < 0.70) {
                Place hub =
                        plan.config.hubs().get(random.nextInt(plan.config.hubs().size()));
                p = around(hub.u() * plan.width, hub.v() * plan.height, 350);
            } else {
                p = residential();
            }
            points.add(point("ride_hailing", p, 0.5, 2.5));
        }
        List<RoadPoint> outerArterials = new ArrayList<>();
        for (RoadPoint rp : network.roadPoints) {
            boolean arterial = rp.highway().equals("primary") || rp.highway().equals("secondary");
            Zone zone = plan.zone(rp.x(), rp.y());
            if (arterial && (zone == Zone.SUBURBAN || zone == Zone.QUIET)) {
                outerArterials.add(rp);
            }
        }
        for (int k = 0; k < trucks; k++) {
            double r = random.nextDouble();
            double[] p;
            if (r < 0.55) {
                p = inLogisticsPark();
            } else if (r < 0.85 || outerArterials.isEmpty()) {
                Spot ramp = network.rampJunctions.get(random.nextInt(network.rampJunctions.size()));
                p = around(ramp.x(), ramp.y(), 350);
            } else {
                RoadPoint rp = outerArterials.get(random.nextInt(outerArterials.size()));
                p = around(rp.x(), rp.y(), 100);
            }
            points.add(point("truck", p, 1.0, 4.0));
        }
        return points;
    }

    private DemandPoint point(String group, double[] p, double minWeight, double maxWeight) {
        double weight = StrictMath.round(Seeds.uniform(random, minWeight, maxWeight) * 100) / 100.0;
        return new DemandPoint(group, p[0], p[1], weight);
    }

    private double[] aroundRestaurants() {
        Spot s = restaurantClusters.get(random.nextInt(restaurantClusters.size()));
        return around(s.x(), s.y(), 250);
    }

    /** Where people live: uniform positions kept with probability equal to the relative density. */
    private double[] residential() {
        while (true) {
            double x = random.nextDouble() * plan.width;
            double y = random.nextDouble() * plan.height;
            if (random.nextDouble() < StrictMath.min(1, plan.relativeDensity(x, y)) && valid(x, y)) {
                return new double[] {x, y};
            }
        }
    }

    private double[] inLogisticsPark() {
        List<Area> parks = plan.config.logisticsParks();
        Area a = parks.get(random.nextInt(parks.size()));
        while (true) {
            double x = Seeds.uniform(random, a.u0(), a.u1()) * plan.width + 150 * random.nextGaussian();
            double y = Seeds.uniform(random, a.v0(), a.v1()) * plan.height + 150 * random.nextGaussian();
            if (valid(x, y)) {
                return new double[] {x, y};
            }
        }
    }

    /** A Gaussian draw around (x, y), redrawn until it lands on land inside the city. */
    private double[] around(double x, double y, double sigmaMeters) {
        for (int tries = 0; tries < 1_000; tries++) {
            double px = x + sigmaMeters * random.nextGaussian();
            double py = y + sigmaMeters * random.nextGaussian();
            if (valid(px, py)) {
                return new double[] {px, py};
            }
        }
        throw new IllegalStateException("no land near " + x + ", " + y);
    }

    private boolean valid(double x, double y) {
        return plan.insideCity(x, y, 1) && !plan.nearRiver(x, y, 10);
    }
}
