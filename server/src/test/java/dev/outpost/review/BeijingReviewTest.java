package dev.outpost.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.outpost.common.NotFoundException;
import dev.outpost.coverage.CoverageService;
import dev.outpost.coverage.CoverageSettings;
import dev.outpost.coverage.ServingRules;
import dev.outpost.demand.DemandLayers;
import dev.outpost.demand.DemandSource;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.district.AreaLevel;
import dev.outpost.district.District;
import dev.outpost.district.Region;
import dev.outpost.geo.CoordinateSystem;
import dev.outpost.geo.HexGrid;
import dev.outpost.geo.LatLon;
import dev.outpost.geo.SharedData;
import dev.outpost.imports.DistrictFileOptions;
import dev.outpost.imports.ImportReport;
import dev.outpost.imports.ImportService;
import dev.outpost.network.NetworkSettings;
import dev.outpost.network.RoadNetwork;
import dev.outpost.network.graphhopper.GraphHopperNetwork;
import dev.outpost.station.Station;
import dev.outpost.station.StationKind;
import dev.outpost.station.StationStatus;
import dev.outpost.store.JooqCoverageRepository;
import dev.outpost.store.JooqDemandRepository;
import dev.outpost.store.JooqDistrictRepository;
import dev.outpost.store.JooqImportStore;
import dev.outpost.store.JooqRegionRepository;
import dev.outpost.store.JooqStationRepository;
import dev.outpost.store.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reviews on real Beijing data: the 331 subdistricts imported with their districts derived from the county field,
 * population demand on the H3 grid (resolution 8), the real road network of three Haidian pockets, and stations in
 * and outside them. Every district's subdistricts add up to it; station use and proposals come from hand-made
 * sources whose answers are worked out below.
 */
class BeijingReviewTest {
    static TestDatabase db;
    static GraphHopperNetwork network;
    static ReviewService reviews;
    static JooqDistrictRepository districts;
    static Map<String, Long> stationIds = new HashMap<>();
    static String haidian;

    /** 2026-11-20 12:00 in Beijing: the usage window is 2026-10-23 … 2026-11-19. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T04:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path graphs;

    @BeforeAll
    static void setUp() throws Exception {
        Path boundaries = SharedData.require("geodata/boundaries/beijing-subdistricts-wgs84.geojson");
        Path osm = SharedData.require("geodata/osm/beijing-haidian-3campus.osm.pbf");
        db = TestDatabase.create("review_beijing");
        JooqRegionRepository regions = new JooqRegionRepository(db.database());
        regions.upsert(new Region("beijing", "北京市", "Beijing", false));
        districts = new JooqDistrictRepository(db.database());
        ImportService imports = new ImportService(new JooqImportStore(db.database()), districts, 50L * 1024 * 1024);
        ImportReport r = imports.importDistricts(
                "beijing",
                "beijing.geojson",
                Files.readAllBytes(boundaries),
                CoordinateSystem.WGS84,
                false,
                "test",
                new DistrictFileOptions(null, "乡", null, "worldpop_pop", "县"));
        assertThat(r.ok()).as("%s", r.errors()).isTrue();
        haidian = districts.find("beijing", AreaLevel.DISTRICT).stream()
                .filter(d -> d.name().equals("海淀区"))
                .findFirst()
                .orElseThrow()
                .code();

        JooqDemandRepository demand = new JooqDemandRepository(db.database());
        List<District> subs = districts.find("beijing", AreaLevel.SUBDISTRICT);
        for (WorkerGroup g : WorkerGroup.values()) {
            demand.save(
                    "beijing",
                    DemandLayers.fromPopulation(g, new HexGrid(8), subs, 1.0),
                    DemandSource.POPULATION,
                    "population at resolution 8");
        }
        JooqStationRepository stations = new JooqStationRepository(db.database());
        // five open stations in the Haidian pockets (on the road network), three elsewhere (off it), one planned
        add(stations, "BUPT", StationKind.WARM_BEE_STATION, StationStatus.OPEN, new LatLon(39.9580, 116.3520));
        add(stations, "PKU", StationKind.WARM_BEE_STATION, StationStatus.OPEN, new LatLon(40.0000, 116.3150));
        add(stations, "THU", StationKind.PARTNER_SITE, StationStatus.OPEN, new LatLon(40.0060, 116.3220));
        add(stations, "CAU", StationKind.PARTY_SERVICE_CENTER, StationStatus.OPEN, new LatLon(40.0030, 116.3500));
        add(stations, "CAU2", StationKind.DRIVER_HOME, StationStatus.OPEN, new LatLon(40.0050, 116.3520));
        add(stations, "Chaoyang", StationKind.WARM_BEE_STATION, StationStatus.OPEN, new LatLon(39.9219, 116.4436));
        add(stations, "Dongcheng", StationKind.WARM_BEE_STATION, StationStatus.OPEN, new LatLon(39.9289, 116.4160));
        add(stations, "Fengtai", StationKind.PARTNER_SITE, StationStatus.OPEN, new LatLon(39.8585, 116.2870));
        add(stations, "PlannedHD", StationKind.WARM_BEE_STATION, StationStatus.PLANNED, new LatLon(39.9800, 116.3000));

        network = GraphHopperNetwork.importOsm(osm, graphs, NetworkSettings.defaults());
        CoverageService coverage = new CoverageService(
                region -> region.equals("beijing") ? Optional.<RoadNetwork>of(network) : Optional.empty(),
                stations,
                districts,
                demand,
                new JooqCoverageRepository(db.database()),
                ServingRules.defaults(),
                CoverageSettings.defaults(),
                CLOCK);
        reviews = new ReviewService(
                coverage,
                stations,
                districts,
                regions,
                new FixedUsage(),
                new FixedProposals(),
                ReviewSettings.defaults(),
                CLOCK);
    }

    static void add(JooqStationRepository repo, String name, StationKind kind, StationStatus status, LatLon at) {
        Station s = repo.insert(
                new Station(null, "beijing", name, kind, name, null, null, null, null, null, null, status, at));
        stationIds.put(name, s.id());
    }

    /**
     * Over the 28 days: BUPT 10/day, PKU 0, THU 2/day, CAU 4/day, CAU2 20/day, Chaoyang 6/day, Dongcheng 8/day,
     * Fengtai 30/day. Sorted: 0, 2, 4, 6, 8, 10, 20, 30; the first quartile by nearest rank (⌈8/4⌉ = 2nd) is 2.
     * Visits outside the window must be ignored.
     */
    static final class FixedUsage implements StationUsage {
        @Override
        public boolean recordsUse() {
            return true;
        }

        @Override
        public List<DailyVisits> dailyVisits(String regionCode, LocalDate from, LocalDate to) {
            assertThat(from).isEqualTo(LocalDate.of(2026, 10, 23));
            assertThat(to).isEqualTo(LocalDate.of(2026, 11, 19));
            Map<String, Integer> perDay =
                    Map.of("BUPT", 10, "THU", 2, "CAU", 4, "CAU2", 20, "Chaoyang", 6, "Dongcheng", 8, "Fengtai", 30);
            List<DailyVisits> out = new ArrayList<>();
            for (Map.Entry<String, Integer> e : perDay.entrySet()) {
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    out.add(new DailyVisits(stationIds.get(e.getKey()), d, e.getValue()));
                }
            }
            // today and before the window: not counted
            out.add(new DailyVisits(stationIds.get("PKU"), to.plusDays(1), 1_000));
            out.add(new DailyVisits(stationIds.get("THU"), from.minusDays(1), 1_000));
            return out;
        }
    }

    /** One proposed site at the centre of Haidian's largest rider gap, found lazily. */
    static final class FixedProposals implements ProposalSource {
        static volatile LatLon site;

        @Override
        public List<ProposedSite> proposedSites(String regionCode, String areaCode, WorkerGroup group) {
            if (site == null || !areaCode.equals(haidian)) {
                return List.of();
            }
            return List.of(new ProposedSite(7, "海淀补点方案", "海淀新站", site, "submitted", null));
        }
    }

    @AfterAll
    static void tearDown() {
        if (network != null) {
            network.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void everyDistrictsSubdistrictsAddUpToIt() {
        List<District> all = districts.find("beijing", AreaLevel.DISTRICT);
        assertThat(all).hasSizeGreaterThanOrEqualTo(16);
        int children = 0;
        for (District d : all) {
            AreaReview r = reviews.review("beijing", d.code(), WorkerGroup.RIDER);
            assertThat(r.area().name()).isEqualTo(d.name());
            assertThat(r.childLevel()).isEqualTo(AreaLevel.SUBDISTRICT);
            children += RollUp.check(r);
        }
        assertThat(children).isEqualTo(331);
        // the district list for the choropleth carries the same figures
        List<AreaHeadline> list = reviews.areas("beijing", AreaLevel.DISTRICT, null);
        assertThat(list).hasSize(all.size());
        AreaHeadline hd =
                list.stream().filter(h -> h.code().equals(haidian)).findFirst().orElseThrow();
        AreaReview review = reviews.review("beijing", haidian, WorkerGroup.RIDER);
        assertThat(hd.coverage().get(WorkerGroup.RIDER).covered15())
                .isEqualTo(review.area().coverage().get(WorkerGroup.RIDER).covered15());
        assertThat(reviews.areas("beijing", AreaLevel.SUBDISTRICT, haidian))
                .extracting(AreaHeadline::code)
                .containsExactlyElementsOf(
                        review.children().stream().map(AreaHeadline::code).toList());
    }

    @Test
    void haidianHasItsStationsCoverageInItsPocketsAndLittleUsedStationsFlagged() {
        AreaReview r = reviews.review("beijing", haidian, WorkerGroup.RIDER);
        // 5 open in the pockets + the planned one are in Haidian
        assertThat(r.area().stations().withStatus(StationStatus.OPEN)).isEqualTo(5);
        assertThat(r.area().stations().withStatus(StationStatus.PLANNED)).isEqualTo(1);
        assertThat(r.area().stations().count(StationKind.WARM_BEE_STATION, StationStatus.OPEN))
                .isEqualTo(2);
        GroupReview rider = r.group(WorkerGroup.RIDER).orElseThrow();
        assertThat(rider.available()).isTrue();
        // riders are covered only inside the pockets: some, but a small share of the district
        assertThat(rider.totals().covered15()).isPositive();
        assertThat(rider.share(15)).isLessThan(0.2);
        assertThat(rider.share(5)).isLessThanOrEqualTo(rider.share(10));
        assertThat(rider.share(10)).isLessThanOrEqualTo(rider.share(15));

        UsageReview u = r.usage();
        assertThat(u.recorded()).isTrue();
        assertThat(u.bottomQuartileVisitsPerDay()).isEqualTo(2.0);
        Map<String, StationUse> byName = new HashMap<>();
        u.stations().forEach(s -> byName.put(s.name(), s));
        assertThat(byName.keySet()).containsExactlyInAnyOrder("BUPT", "PKU", "THU", "CAU", "CAU2");
        assertThat(byName.get("PKU").visitsPerDay()).isEqualTo(0.0);
        assertThat(byName.get("THU").visitsPerDay()).isEqualTo(2.0);
        assertThat(byName.get("CAU").visitsPerDay()).isEqualTo(4.0);
        assertThat(byName.get("PKU").reasons()).containsExactly(StationUse.BELOW_THRESHOLD, StationUse.BOTTOM_QUARTILE);
        assertThat(byName.get("THU").reasons()).containsExactly(StationUse.BELOW_THRESHOLD, StationUse.BOTTOM_QUARTILE);
        assertThat(byName.get("CAU").littleUsed()).isFalse();
        assertThat(byName.get("BUPT").littleUsed()).isFalse();
        assertThat(u.littleUsed()).extracting(StationUse::name).containsExactly("PKU", "THU");
        // riders are not served by driver homes: no circle figures for CAU2
        assertThat(byName.get("CAU2").demandWithinLimit()).isNull();
        // PKU and THU are about 1 km apart on connected streets: their circles share demand
        assertThat(byName.get("PKU").sharedDemand()).isPositive();
        assertThat(byName.get("PKU").sharedDemand())
                .isLessThanOrEqualTo(byName.get("PKU").demandWithinLimit());
        // BUPT's pocket has no other rider station: it shares nothing
        assertThat(byName.get("BUPT").sharedDemand()).isEqualTo(0.0);
    }

    @Test
    void gapsInHaidianAreRankedByTheirDemandInsideAndMatchProposedSites() {
        AreaReview r = reviews.review("beijing", haidian, WorkerGroup.RIDER);
        assertThat(r.gaps())
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(ReviewSettings.defaults().gapCount());
        for (int i = 1; i < r.gaps().size(); i++) {
            assertThat(r.gaps().get(i).demandInArea())
                    .isLessThanOrEqualTo(r.gaps().get(i - 1).demandInArea());
        }
        GapReview first = r.gaps().get(0);
        assertThat(first.rank()).isEqualTo(1);
        assertThat(first.demandInArea()).isPositive().isLessThanOrEqualTo(first.demand() + 1e-9);
        assertThat(first.proposedSites()).isEmpty();
        // a gap's in-area demand never exceeds what Haidian leaves uncovered
        double uncovered = r.area().coverage().get(WorkerGroup.RIDER).demand()
                - r.area().coverage().get(WorkerGroup.RIDER).coveredWithinLimit();
        assertThat(r.gaps().stream().mapToDouble(GapReview::demandInArea).sum()).isLessThanOrEqualTo(uncovered + 1e-6);

        FixedProposals.site = first.centre();
        try {
            AreaReview again = reviews.review("beijing", haidian, WorkerGroup.RIDER);
            assertThat(again.gaps().get(0).proposedSites())
                    .extracting(ProposedSite::siteName)
                    .containsExactly("海淀新站");
            assertThat(again.gaps().get(0).demandInArea()).isCloseTo(first.demandInArea(), within(1e-9));
        } finally {
            FixedProposals.site = null;
        }
    }

    @Test
    void unknownAreaAndRegionAreNotFound() {
        assertThatThrownBy(() -> reviews.review("beijing", "no-such-area", WorkerGroup.RIDER))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no-such-area");
        assertThatThrownBy(() -> reviews.review("atlantis", haidian, WorkerGroup.RIDER))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("atlantis");
    }

    @Test
    void bottomQuartileIsTheNearestRankValue() {
        assertThat(ReviewService.bottomQuartile(List.of(30.0, 0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 20.0), 8))
                .isEqualTo(2.0);
        // 9 values: ⌈9/4⌉ = 3rd smallest
        assertThat(ReviewService.bottomQuartile(List.of(9.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0), 8))
                .isEqualTo(3.0);
        assertThat(ReviewService.bottomQuartile(List.of(1.0, 2.0, 3.0), 8)).isNull();
    }
}
