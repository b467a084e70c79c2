package dev.outpost.democity;

import dev.outpost.democity.AdminAreas.AdminArea;
import dev.outpost.democity.CityConfig.Area;
import dev.outpost.democity.CityPlan.Zone;
import dev.outpost.democity.RoadNetwork.RoadPoint;
import dev.outpost.democity.RoadNetwork.Spot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Places the existing stations and the candidate host sites along the streets of the demo city, by rules a planner
 * might follow: a Party-mass service centre in every subdistrict, driver homes by the logistics parks and expressway
 * ramps, rider stations around the restaurant clusters, warm-bee stations where people are — many in the old town,
 * few beyond the river and almost none in the quiet outskirts, so that coverage gaps remain to be found. Not
 * thread-safe; use once.
 */
final class SitePlanner {
    /** Station kinds in output order. */
    static final List<String> KINDS =
            List.of("warm_bee_station", "driver_home", "party_service_center", "partner_site", "other");

    /** Service codes in their canonical order. */
    static final List<String> SERVICES = List.of(
            "drinking_water",
            "food_heating",
            "phone_charging",
            "ebike_charging",
            "battery_swap",
            "toilet",
            "rest_seats",
            "shower",
            "truck_parking",
            "first_aid",
            "wifi",
            "books",
            "legal_aid",
            "discount_meals");

    /** The only opening-hours strings the generator writes (OSM opening_hours syntax). */
    static final List<String> OPENING_HOURS = List.of(
            "24/7",
            "Mo-Su 07:00-22:00",
            "Mo-Su 08:00-20:00",
            "Mo-Sa 09:00-21:00",
            "Mo-Fr 08:00-20:00",
            "Mo-Fr 09:00-18:00; PH off",
            "Mo-Fr 08:30-12:00,14:00-17:30; PH off",
            "Mo-Su 18:00-02:00");

    static final List<String> CANDIDATE_KINDS =
            List.of("gas_station", "convenience_store", "community_centre", "caring_merchant");

    /** An existing (or planned, or closed) station; position in local metres. */
    record Station(
            String id,
            String kind,
            String name,
            String address,
            String operator,
            String districtCode,
            List<String> services,
            String openingHours,
            int seats,
            String status,
            double x,
            double y) {
        Station {
            services = List.copyOf(services);
            require("kind", kind, KINDS.contains(kind), "expected one of " + KINDS);
            require("opening hours", openingHours, OPENING_HOURS.contains(openingHours), "not a documented form");
            require("services", services, !services.isEmpty() && SERVICES.containsAll(services), "unknown or none");
            require("status", status, List.of("open", "planned", "closed").contains(status), "unknown status");
            require("seats", seats, seats > 0, "must be positive");
        }
    }

    /** A candidate host site; cost in 万元 (10,000 CNY); position in local metres. */
    record Candidate(String id, String kind, String name, String districtCode, double costWan, double x, double y) {
        Candidate {
            require("kind", kind, CANDIDATE_KINDS.contains(kind), "expected one of " + CANDIDATE_KINDS);
            require("cost", costWan, costWan > 0, "must be positive (万元)");
        }
    }

    static void require(String field, Object value, boolean ok, String reason) {
        if (!ok) {
            throw new IllegalArgumentException(field + " '" + value + "': " + reason);
        }
    }

    private record Placed(RoadPoint road, double x, double y, AdminArea subdistrict, boolean leftSide) {}

    private final CityPlan plan;
    private final AdminAreas areas;
    private final RoadNetwork network;
    private final List<Spot> restaurantClusters;
    private final Random random;
    private final SpacingGrid stationGrid = new SpacingGrid(250);
    private final SpacingGrid candidateGrid = new SpacingGrid(250);
    private final Map<String, Integer> branchCounters = new TreeMap<>();

    SitePlanner(CityPlan plan, AdminAreas areas, RoadNetwork network, List<Spot> restaurantClusters, long seed) {
        this.plan = plan;
        this.areas = areas;
        this.network = network;
        this.restaurantClusters = List.copyOf(restaurantClusters);
        this.random = Seeds.random(seed, "sites");
    }

    /** Restaurant clusters: street places drawn by squared density, at least {@code spacing} apart. */
    static List<Spot> restaurantClusters(CityPlan plan, RoadNetwork network, long seed) {
        Random random = Seeds.random(seed, "restaurants");
        List<RoadPoint> pool = network.roadPoints;
        double[] cumulative = cumulative(pool, p -> {
            double d = plan.relativeDensity(p.x(), p.y());
            return d * d;
        });
        double spacing = plan.config.sizeName().equals("small") ? 600 : 1_000;
        List<Spot> clusters = new ArrayList<>();
        SpacingGrid grid = new SpacingGrid(500);
        for (int tries = 0; tries < 100_000 && clusters.size() < plan.config.restaurantClusters(); tries++) {
            RoadPoint p = pool.get(sample(cumulative, random));
            if (!grid.hasWithin(p.x(), p.y(), spacing)) {
                grid.add(p.x(), p.y());
                clusters.add(new Spot(p.x(), p.y()));
            }
        }
        return clusters;
    }

    // ---- stations ----

    List<Station> stations() {
        List<Station> stations = new ArrayList<>();
        CityConfig c = plan.config;
        double spacing = c.stationSpacingMeters();

        Map<String, List<RoadPoint>> bySubdistrict = new TreeMap<>();
        for (RoadPoint p : network.roadPoints) {
            areas.findSubdistrict(p.x(), p.y()).ifPresent(s -> bySubdistrict
                    .computeIfAbsent(s.code(), k -> new ArrayList<>())
                    .add(p));
        }
        for (AdminArea sub : areas.subdistricts) {
            Placed p = placeNear(sub, bySubdistrict.getOrDefault(sub.code(), new ArrayList<>()));
            stations.add(station("party_service_center", p));
        }
        ToDoubleFunction<RoadPoint> nearFreight = p -> arterial(p) ? StrictMath.exp(-freightDistance(p) / 1_500) : 0;
        addStations(stations, "driver_home", c.driverHomes(), nearFreight, 2 * spacing);
        ToDoubleFunction<RoadPoint> nearFood = p -> plan.relativeDensity(p.x(), p.y())
                * StrictMath.exp(-sq(nearest(restaurantClusters, p.x(), p.y())) / (2 * 500.0 * 500.0));
        addStations(stations, "partner_site", c.partnerSites(), nearFood, spacing);
        addStations(stations, "other", c.otherStations(), p -> plan.relativeDensity(p.x(), p.y()), spacing);
        ToDoubleFunction<RoadPoint> warmBee = p -> {
            double d = plan.relativeDensity(p.x(), p.y());
            double beyondRiver = plan.westOfRiver(p.x(), p.y()) ? 1 : 0.35;
            double quiet = plan.zone(p.x(), p.y()) == Zone.QUIET ? 0.05 : 1;
            return StrictMath.pow(d, 1.6) * beyondRiver * quiet;
        };
        addStations(stations, "warm_bee_station", c.warmBeeStations(), warmBee, spacing);

        guaranteeStatus(stations, "planned", 2);
        guaranteeStatus(stations, "closed", 1);
        List<Station> sorted = new ArrayList<>(stations);
        sorted.sort(Comparator.comparing(Station::districtCode)
                .thenComparing(s -> KINDS.indexOf(s.kind()))
                .thenComparing(s -> -StrictMath.round(s.y()))
                .thenComparing(s -> StrictMath.round(s.x())));
        List<Station> numbered = new ArrayList<>();
        for (int k = 0; k < sorted.size(); k++) {
            Station s = sorted.get(k);
            numbered.add(new Station(
                    String.format(Locale.ROOT, "ST-%04d", k + 1),
                    s.kind(),
                    s.name(),
                    s.address(),
                    s.operator(),
                    s.districtCode(),
                    s.services(),
                    s.openingHours(),
                    s.seats(),
                    s.status(),
                    s.x(),
                    s.y()));
        }
        return numbered;
    }

    private void addStations(
            List<Station> stations, String kind, int count, ToDoubleFunction<RoadPoint> weight, double spacing) {
        List<RoadPoint> pool = network.roadPoints;
        double[] cumulative = cumulative(pool, weight);
        for (int n = 0; n < count; n++) {
            Optional<Placed> placed = place(pool, cumulative, spacing, stationGrid, null, 0);
            for (double relaxed = spacing * 0.7; placed.isEmpty() && relaxed > 20; relaxed *= 0.7) {
                placed = place(pool, cumulative, relaxed, stationGrid, null, 0);
            }
            if (placed.isEmpty()) {
                throw new IllegalStateException("no room for another " + kind + " after " + n);
            }
            stations.add(station(kind, placed.get()));
        }
    }

    private Placed placeNear(AdminArea sub, List<RoadPoint> inside) {
        inside.sort(Comparator.comparingDouble(p -> StrictMath.hypot(p.x() - sub.seat().x, p.y() - sub.seat().y)));
        for (RoadPoint p : inside) {
            for (int tries = 0; tries < 8; tries++) {
                Optional<Placed> placed = offsetFrom(p, 150, stationGrid, null, 0);
                if (placed.isPresent() && placed.get().subdistrict() == sub) {
                    stationGrid.add(placed.get().x(), placed.get().y());
                    return placed.get();
                }
            }
        }
        throw new IllegalStateException("no street place for the office of " + sub.nameZh());
    }

    private Station station(String kind, Placed p) {
        AdminArea sub = p.subdistrict();
        AdminArea district = areas.district(sub.parentCode());
        Names.Stem stem = p.road().name().stem();
        String operator;
        String name;
        List<String> services;
        String hours;
        int seats;
        switch (kind) {
            case "party_service_center":
                operator = sub.nameZh() + "党工委";
                name = sub.nameZh() + "党群服务中心";
                services = services(
                        List.of("drinking_water", "phone_charging", "rest_seats", "toilet", "wifi"),
                        "books",
                        0.8,
                        "legal_aid",
                        0.7,
                        "first_aid",
                        0.6,
                        "food_heating",
                        0.6);
                hours = choose(
                        new String[] {
                            "Mo-Fr 08:30-12:00,14:00-17:30; PH off", "Mo-Fr 09:00-18:00; PH off", "Mo-Fr 08:00-20:00"
                        },
                        0.5,
                        0.3,
                        0.2);
                seats = 10 + random.nextInt(31);
                break;
            case "driver_home":
                operator = choose(new String[] {"中国石化", "中国石油", "物流园管委会", "区交通运输局", "区总工会"}, 0.35, 0.25, 0.2, 0.1, 0.1);
                name = district.nameZh() + "司机之家(" + branch("driver", stem) + "站)";
                services = services(
                        List.of(
                                "drinking_water",
                                "food_heating",
                                "phone_charging",
                                "rest_seats",
                                "toilet",
                                "shower",
                                "truck_parking"),
                        "wifi",
                        0.8,
                        "discount_meals",
                        0.6,
                        "first_aid",
                        0.6);
                hours = choose(new String[] {"24/7", "Mo-Su 07:00-22:00"}, 0.7, 0.3);
                seats = 20 + random.nextInt(41);
                break;
            case "partner_site":
                operator = choose(new String[] {"美团", "饿了么", "麦当劳", "肯德基", "达达快送"}, 0.3, 0.25, 0.2, 0.15, 0.1);
                name = operator + "骑手驿站(" + branch("partner-" + operator, stem) + "店)";
                services = services(
                        List.of("drinking_water", "phone_charging", "rest_seats"),
                        "ebike_charging",
                        0.7,
                        "battery_swap",
                        0.5,
                        "food_heating",
                        0.5,
                        "toilet",
                        0.3,
                        "discount_meals",
                        0.4,
                        "wifi",
                        0.5);
                hours = choose(new String[] {"Mo-Su 07:00-22:00", "24/7", "Mo-Su 18:00-02:00"}, 0.5, 0.3, 0.2);
                seats = 4 + random.nextInt(9);
                break;
            case "other":
                operator = choose(new String[] {"区图书馆", "公园管理处", "区总工会", "中国邮政"}, 0.3, 0.3, 0.2, 0.2);
                name = branch("other", stem) + "户外劳动者服务站";
                services = services(
                        List.of("drinking_water", "rest_seats"),
                        "toilet",
                        0.7,
                        "phone_charging",
                        0.7,
                        "books",
                        0.4,
                        "wifi",
                        0.5,
                        "first_aid",
                        0.3);
                hours = choose(
                        new String[] {"Mo-Sa 09:00-21:00", "Mo-Su 08:00-20:00", "Mo-Fr 09:00-18:00; PH off"},
                        0.4,
                        0.4,
                        0.2);
                seats = 2 + random.nextInt(9);
                break;
            case "warm_bee_station":
                operator = choose(
                        new String[] {
                            "美宜佳便利店", "中国石化", "中国石油", "中国邮政", "顺丰速运", "街道办", "社区工作站", "中国工商银行", "中国建设银行", "区总工会"
                        },
                        0.2,
                        0.12,
                        0.08,
                        0.08,
                        0.08,
                        0.14,
                        0.12,
                        0.06,
                        0.06,
                        0.06);
                name = district.nameZh() + "暖蜂驿站(" + branch("warm-" + district.code(), stem) + "店)";
                services = services(
                        List.of("drinking_water", "food_heating", "phone_charging", "rest_seats"),
                        "toilet",
                        0.6,
                        "wifi",
                        0.7,
                        "first_aid",
                        0.5,
                        "ebike_charging",
                        0.35,
                        "books",
                        0.3,
                        "discount_meals",
                        0.15,
                        "battery_swap",
                        0.1);
                hours = choose(
                        new String[] {
                            "24/7", "Mo-Su 07:00-22:00", "Mo-Su 08:00-20:00", "Mo-Su 18:00-02:00", "Mo-Sa 09:00-21:00"
                        },
                        0.25,
                        0.35,
                        0.25,
                        0.05,
                        0.1);
                seats = 4 + random.nextInt(17);
                break;
            default:
                throw new IllegalArgumentException("unknown station kind '" + kind + "'; expected one of " + KINDS);
        }
        String status = "open";
        if (!kind.equals("party_service_center")) {
            double r = random.nextDouble();
            status = r < 0.86 ? "open" : r < 0.96 ? "planned" : "closed";
        }
        return new Station(
                "", kind, name, address(p), operator, district.code(), services, hours, seats, status, p.x(), p.y());
    }

    /** Makes sure at least {@code count} warm-bee stations have the status (the last ones placed). */
    private static void guaranteeStatus(List<Station> stations, String status, int count) {
        long have = stations.stream().filter(s -> s.status().equals(status)).count();
        for (int k = stations.size() - 1; k >= 0 && have < count; k--) {
            Station s = stations.get(k);
            if (s.kind().equals("warm_bee_station") && s.status().equals("open")) {
                stations.set(
                        k,
                        new Station(
                                s.id(),
                                s.kind(),
                                s.name(),
                                s.address(),
                                s.operator(),
                                s.districtCode(),
                                s.services(),
                                s.openingHours(),
                                s.seats(),
                                status,
                                s.x(),
                                s.y()));
                have++;
            }
        }
    }

    private List<String> services(List<String> always, Object... optional) {
        List<String> chosen = new ArrayList<>(always);
        for (int k = 0; k < optional.length; k += 2) {
            if (random.nextDouble() < (Double) optional[k + 1]) {
                chosen.add((String) optional[k]);
            }
        }
        chosen.sort(Comparator.comparingInt(SERVICES::indexOf));
        return chosen;
    }

    private String choose(String[] options, double... weights) {
        return Seeds.pick(random, List.of(options), weights);
    }

    /** 桂花, then 桂花二, 桂花三 … for further branches of the same kind on streets with the same stem. */
    private String branch(String key, Names.Stem stem) {
        int n = branchCounters.merge(key + "|" + stem.zh(), 1, Integer::sum);
        return stem.zh() + Names.branchOrdinal(n);
    }

    private String address(Placed p) {
        AdminArea sub = p.subdistrict();
        AdminArea district = areas.district(sub.parentCode());
        long k = StrictMath.round(p.road().alongMeters() / 24.0);
        long number = 2 * k + (p.leftSide() ? 1 : 2);
        return "示范市" + district.nameZh() + sub.nameZh() + p.road().name().zh() + number + "号";
    }

    // ---- candidates ----

    List<Candidate> candidates() {
        int total = plan.config.candidates();
        int gas = total / 10;
        int community = total * 15 / 100;
        int caring = total * 30 / 100;
        int convenience = total - gas - community - caring;
        List<Candidate> out = new ArrayList<>();
        addCandidates(out, "gas_station", gas, p -> arterial(p) ? 1 + plan.relativeDensity(p.x(), p.y()) : 0, 600);
        addCandidates(
                out,
                "convenience_store",
                convenience,
                p -> StrictMath.pow(plan.relativeDensity(p.x(), p.y()), 1.3),
                60);
        addCandidates(out, "community_centre", community, p -> plan.relativeDensity(p.x(), p.y()), 300);
        addCandidates(
                out,
                "caring_merchant",
                caring,
                p -> plan.relativeDensity(p.x(), p.y())
                        * (0.2 + StrictMath.exp(-sq(nearest(restaurantClusters, p.x(), p.y())) / (2 * 600.0 * 600.0))),
                50);
        List<Candidate> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparing(Candidate::districtCode)
                .thenComparing(c -> CANDIDATE_KINDS.indexOf(c.kind()))
                .thenComparing(c -> -StrictMath.round(c.y()))
                .thenComparing(c -> StrictMath.round(c.x())));
        List<Candidate> numbered = new ArrayList<>();
        for (int k = 0; k < sorted.size(); k++) {
            Candidate c = sorted.get(k);
            numbered.add(new Candidate(
                    String.format(Locale.ROOT, "CA-%05d", k + 1),
                    c.kind(),
                    c.name(),
                    c.districtCode(),
                    c.costWan(),
                    c.x(),
                    c.y()));
        }
        return numbered;
    }

    private void addCandidates(
            List<Candidate> out, String kind, int count, ToDoubleFunction<RoadPoint> weight, double spacing) {
        List<RoadPoint> pool = network.roadPoints;
        double[] cumulative = cumulative(pool, weight);
        for (int n = 0; n < count; n++) {
            Optional<Placed> placed = place(pool, cumulative, spacing, candidateGrid, stationGrid, 30);
            for (double relaxed = spacing * 0.7; placed.isEmpty() && relaxed > 15; relaxed *= 0.7) {
                placed = place(pool, cumulative, relaxed, candidateGrid, stationGrid, 30);
            }
            if (placed.isEmpty()) {
                throw new IllegalStateException("no room for another " + kind + " candidate after " + n);
            }
            Placed p = placed.get();
            Names.Stem stem = p.road().name().stem();
            String name;
            double cost;
            switch (kind) {
                case "gas_station":
                    String brand = choose(new String[] {"中国石化", "中国石油", "中海油", "壳牌"}, 0.45, 0.35, 0.1, 0.1);
                    name = brand + branch("gas-" + brand, stem) + "加油站";
                    cost = Seeds.uniform(random, 10, 30);
                    break;
                case "convenience_store":
                    String shop = choose(new String[] {"美宜佳", "天福便利", "易捷便利", "全家", "罗森"}, 0.4, 0.2, 0.15, 0.15, 0.1);
                    name = shop + "(" + branch("shop-" + shop, stem) + "店)";
                    cost = Seeds.uniform(random, 3, 8);
                    break;
                case "community_centre":
                    name = branch("community", stem) + "社区服务中心";
                    cost = Seeds.uniform(random, 1, 4);
                    break;
                default:
                    String eatery = Names.eatery(random);
                    name = eatery + "(" + branch("eatery-" + eatery, stem) + "店)";
                    cost = Seeds.uniform(random, 2, 6);
                    break;
            }
            out.add(new Candidate(
                    "", kind, name, p.subdistrict().parentCode(), StrictMath.round(cost * 10) / 10.0, p.x(), p.y()));
        }
    }

    // ---- placement machinery ----

    private Optional<Placed> place(
            List<RoadPoint> pool,
            double[] cumulative,
            double spacing,
            SpacingGrid grid,
            SpacingGrid avoid,
            double avoidMeters) {
        for (int tries = 0; tries < 300; tries++) {
            RoadPoint p = pool.get(sample(cumulative, random));
            Optional<Placed> placed = offsetFrom(p, spacing, grid, avoid, avoidMeters);
            if (placed.isPresent()) {
                grid.add(placed.get().x(), placed.get().y());
                return placed;
            }
        }
        return Optional.empty();
    }

    /** A spot 8–20 m from the street place, clear of the river, the city edge and area boundaries. */
    private Optional<Placed> offsetFrom(
            RoadPoint p, double spacing, SpacingGrid grid, SpacingGrid avoid, double avoidMeters) {
        double angle = random.nextDouble() * 2 * StrictMath.PI;
        double distance = Seeds.uniform(random, 8, 20);
        double x = p.x() + distance * StrictMath.cos(angle);
        double y = p.y() + distance * StrictMath.sin(angle);
        if (!plan.insideCity(x, y, 10) || plan.nearRiver(x, y, 15)) {
            return Optional.empty();
        }
        if (grid.hasWithin(x, y, spacing) || (avoid != null && avoid.hasWithin(x, y, avoidMeters))) {
            return Optional.empty();
        }
        Optional<AdminArea> sub = areas.findSubdistrictWithClearance(x, y, 5);
        return sub.map(s -> new Placed(p, x, y, s, StrictMath.sin(angle) + StrictMath.cos(angle) > 0));
    }

    private boolean arterial(RoadPoint p) {
        return p.highway().equals("primary") || p.highway().equals("secondary");
    }

    private double freightDistance(RoadPoint p) {
        double best = nearest(network.rampJunctions, p.x(), p.y());
        for (Area park : plan.config.logisticsParks()) {
            double dx =
                    StrictMath.max(0, StrictMath.max(park.u0() * plan.width - p.x(), p.x() - park.u1() * plan.width));
            double dy =
                    StrictMath.max(0, StrictMath.max(park.v0() * plan.height - p.y(), p.y() - park.v1() * plan.height));
            best = StrictMath.min(best, StrictMath.hypot(dx, dy));
        }
        return best;
    }

    static double nearest(List<Spot> spots, double x, double y) {
        double best = Double.MAX_VALUE;
        for (Spot s : spots) {
            best = StrictMath.min(best, StrictMath.hypot(s.x() - x, s.y() - y));
        }
        return best;
    }

    private static double sq(double v) {
        return v * v;
    }

    static double[] cumulative(List<RoadPoint> pool, ToDoubleFunction<RoadPoint> weight) {
        double[] c = new double[pool.size()];
        double sum = 0;
        for (int k = 0; k < c.length; k++) {
            sum += StrictMath.max(0, weight.applyAsDouble(pool.get(k)));
            c[k] = sum;
        }
        if (sum <= 0) {
            throw new IllegalStateException("no street place has a positive weight");
        }
        return c;
    }

    static int sample(double[] cumulative, Random random) {
        double r = random.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Points on a square grid of buckets, for "anything within d metres?" questions. Lookup only, never iterated. */
    static final class SpacingGrid {
        private final double cell;
        private final Map<Long, List<double[]>> buckets = new HashMap<>();

        SpacingGrid(double cellMeters) {
            this.cell = cellMeters;
        }

        void add(double x, double y) {
            buckets.computeIfAbsent(
                            key((long) StrictMath.floor(x / cell), (long) StrictMath.floor(y / cell)),
                            k -> new ArrayList<>())
                    .add(new double[] {x, y});
        }

        boolean hasWithin(double x, double y, double distance) {
            long cx = (long) StrictMath.floor(x / cell);
            long cy = (long) StrictMath.floor(y / cell);
            long reach = (long) StrictMath.ceil(distance / cell);
            for (long i = cx - reach; i <= cx + reach; i++) {
                for (long j = cy - reach; j <= cy + reach; j++) {
                    List<double[]> bucket = buckets.get(key(i, j));
                    if (bucket == null) {
                        continue;
                    }
                    for (double[] p : bucket) {
                        if (StrictMath.hypot(p[0] - x, p[1] - y) < distance) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        private static long key(long i, long j) {
            return (i << 32) ^ (j & 0xFFFFFFFFL);
        }
    }
}
