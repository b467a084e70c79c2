package dev.outpost.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.outpost.common.ConflictException;
import dev.outpost.common.NotFoundException;
import dev.outpost.demand.DemandLayer;
import dev.outpost.demand.DemandLayerBuilder;
import dev.outpost.demand.DemandLayerInfo;
import dev.outpost.demand.DemandSource;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.district.AreaLevel;
import dev.outpost.district.District;
import dev.outpost.district.Region;
import dev.outpost.geo.BBox;
import dev.outpost.geo.HexGrid;
import dev.outpost.geo.LatLon;
import dev.outpost.network.Direction;
import dev.outpost.network.Isochrone;
import dev.outpost.network.NetworkSettings;
import dev.outpost.network.PointNotOnNetworkException;
import dev.outpost.network.RoadNetwork;
import dev.outpost.network.TravelMode;
import dev.outpost.network.graphhopper.GraphHopperNetwork;
import dev.outpost.station.Station;
import dev.outpost.station.StationKind;
import dev.outpost.station.StationStatus;
import dev.outpost.store.JooqCoverageRepository;
import dev.outpost.store.JooqDemandRepository;
import dev.outpost.store.JooqDistrictRepository;
import dev.outpost.store.JooqRegionRepository;
import dev.outpost.store.JooqStationRepository;
import dev.outpost.store.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The coverage service over the real PostGIS store and a GraphHopper network of the lattice test city. */
class CoverageServiceTest {
    static final LatLon MIDDLE = new LatLon(30.25, 120.15);

    static Path dir;
    static LatticeCity city;
    static GraphHopperNetwork network;
    static TestDatabase db;
    static JooqStationRepository stations;
    static JooqDemandRepository demand;
    static JooqCoverageRepository runs;
    static JooqDistrictRepository districts;
    static CoverageService service;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("coverage-service-test");
        double riverLat =
                HexGrid.defaultGrid().centre(HexGrid.defaultGrid().cell(MIDDLE)).lat() + 0.0007;
        city = new LatticeCity(MIDDLE, 6, riverLat, 1, 0);
        network = GraphHopperNetwork.importOsm(
                city.writeOsm(dir.resolve("city.osm")),
                dir.resolve("graphs"),
                NetworkSettings.defaults().withMinNetworkSize(0));
        db = TestDatabase.create("coverage_service");
        new JooqRegionRepository(db.database()).upsert(new Region("hz", "测试市", "Test city", true));
        new JooqRegionRepository(db.database()).upsert(new Region("empty", "空市", null, true));
        stations = new JooqStationRepository(db.database());
        demand = new JooqDemandRepository(db.database());
        runs = new JooqCoverageRepository(db.database());
        districts = new JooqDistrictRepository(db.database());
        districts.upsertAll("hz", quarters());
        service = new CoverageService(
                region -> region.equals("hz") || region.equals("empty")
                        ? Optional.of((RoadNetwork) network)
                        : Optional.empty(),
                stations,
                districts,
                demand,
                runs,
                ServingRules.defaults(),
                CoverageSettings.defaults(),
                Clock.fixed(Instant.parse("2026-10-01T04:00:00Z"), ZoneOffset.UTC));
        DemandLayerBuilder b = new DemandLayerBuilder(WorkerGroup.RIDER, city.grid);
        for (int i = 0; i < city.cells.size(); i++) {
            b.addCell(city.cells.get(i), 1 + i % 4);
        }
        demand.save("hz", b.build(), DemandSource.CELLS, "lattice");
        // three rider stations, a driver home (trucks only) and a planned station (serves nobody)
        add("南站", StationKind.WARM_BEE_STATION, StationStatus.OPEN, 5);
        add("中站", StationKind.PARTY_SERVICE_CENTER, StationStatus.OPEN, city.cells.size() / 2);
        add("北站", StationKind.PARTNER_SITE, StationStatus.OPEN, city.cells.size() - 6);
        add("司机之家", StationKind.DRIVER_HOME, StationStatus.OPEN, 20);
        add("规划站", StationKind.WARM_BEE_STATION, StationStatus.PLANNED, 40);
    }

    @AfterAll
    static void stop() throws IOException {
        db.close();
        network.close();
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    static Station add(String name, StationKind kind, StationStatus status, int cellIndex) {
        return stations.insert(station(null, name, kind, status, city.centre(cellIndex)));
    }

    static Station station(Long id, String name, StationKind kind, StationStatus status, LatLon at) {
        return new Station(id, "hz", null, kind, name, null, null, null, null, null, null, status, at);
    }

    static List<District> quarters() {
        double m = MIDDLE.lon();
        double r = city.riverLat;
        return List.of(
                CoverageCalculatorTest.area("hz", "W", "西区", AreaLevel.DISTRICT, null, m - 0.05, r - 0.04, m, r + 0.04),
                CoverageCalculatorTest.area("hz", "E", "东区", AreaLevel.DISTRICT, null, m, r - 0.04, m + 0.05, r + 0.04),
                CoverageCalculatorTest.area("hz", "WN", "西北", AreaLevel.SUBDISTRICT, "W", m - 0.05, r, m, r + 0.04),
                CoverageCalculatorTest.area("hz", "WS", "西南", AreaLevel.SUBDISTRICT, "W", m - 0.05, r - 0.04, m, r),
                CoverageCalculatorTest.area("hz", "EN", "东北", AreaLevel.SUBDISTRICT, "E", m, r, m + 0.05, r + 0.04),
                CoverageCalculatorTest.area("hz", "ES", "东南", AreaLevel.SUBDISTRICT, "E", m, r - 0.04, m + 0.05, r));
    }

    @Test
    void aRunIsStoredWithItsFiguresAndReadBackExactly() {
        CoverageSummary s = service.run("hz", WorkerGroup.RIDER, AreaLevel.SUBDISTRICT);
        assertThat(s.runId()).isNotNull();
        assertThat(s.basedOnRunId()).isEqualTo(s.runId());
        assertThat(s.mode()).isEqualTo(TravelMode.EBIKE);
        assertThat(s.overall().stationCount()).isEqualTo(3);
        assertThat(s.overall().cellCount()).isEqualTo(city.cells.size());
        assertThat(s.breakdown().areas()).extracting(AreaCoverage::code).containsExactly("EN", "ES", "WN", "WS");
        assertThat(s.breakdown().unassigned().cellCount()).isZero();

        CoverageRunInfo info = runs.findRun("hz", s.runId()).orElseThrow();
        assertThat(info.totals()).isEqualTo(s.overall());
        assertThat(info.parameters()).containsEntry("resolution", "9");
        assertThat(runs.findNetworkVersion("hz", info.networkVersionId())
                        .orElseThrow()
                        .sha256())
                .isEqualTo(network.info().sourceSha256());
        assertThat(service.storedSummary("hz", s.runId(), AreaLevel.SUBDISTRICT)
                        .breakdown()
                        .areas())
                .isEqualTo(s.breakdown().areas());
        CoverageSummary byDistrict = service.storedSummary("hz", s.runId(), AreaLevel.DISTRICT);
        assertThat(byDistrict.breakdown().areas())
                .extracting(AreaCoverage::code)
                .containsExactly("E", "W");
        assertThat(byDistrict.breakdown().unassigned().demand()).isZero();

        List<CellOutcome> stored = runs.runCells("hz", s.runId());
        assertThat(stored).isEqualTo(service.cells("hz", WorkerGroup.RIDER, null));
        assertThat(runs.runStations("hz", s.runId())).isEqualTo(service.stationCoverage("hz", WorkerGroup.RIDER));
        assertThat(service.runs("hz", WorkerGroup.RIDER, 10))
                .extracting(CoverageRunInfo::id)
                .contains(s.runId());
        // the same network is recorded once
        assertThat(runs.recordNetworkVersion("hz", network.info()).id()).isEqualTo(info.networkVersionId());
    }

    @Test
    void stationChangesAreAppliedIncrementallyAndEqualAFreshRun() {
        service.run("hz", WorkerGroup.RIDER, AreaLevel.DISTRICT);
        // a new open station in the north-west
        Station added = add("新站", StationKind.WARM_BEE_STATION, StationStatus.OPEN, city.cells.size() - 30);
        service.stationSaved(added);
        CoverageSummary afterAdd = service.summary("hz", WorkerGroup.RIDER, AreaLevel.DISTRICT);
        assertThat(afterAdd.runId()).isNull();
        assertThat(afterAdd.basedOnRunId()).isNotNull();
        assertThat(afterAdd.stationChanges()).isEqualTo(1);
        assertThat(afterAdd.overall().stationCount()).isEqualTo(4);
        List<CellOutcome> incremental = service.cells("hz", WorkerGroup.RIDER, null);

        CoverageSummary fresh = service.run("hz", WorkerGroup.RIDER, AreaLevel.DISTRICT);
        assertThat(fresh.overall()).isEqualTo(afterAdd.overall());
        assertTimesEqual(incremental, service.cells("hz", WorkerGroup.RIDER, null));

        // moved, then closed (no longer serves), then deleted: each equals a fresh run
        Station moved = stations.update(added.withLocation(city.centre(3)));
        service.stationSaved(moved);
        CoverageTotals afterMove =
                service.summary("hz", WorkerGroup.RIDER, AreaLevel.DISTRICT).overall();
        assertThat(service.run("hz", WorkerGroup.RIDER, AreaLevel.DISTRICT).overall())
                .isEqualTo(afterMove);

        Station closed = stations.update(moved.withStatus(StationStatus.CLOSED));
        service.stationSaved(closed);
        CoverageTotals afterClose =
                service.summary("hz", WorkerGroup.RIDER, AreaLevel.DISTRICT).overall();
        assertThat(afterClose.stationCount()).isEqualTo(3);
        assertThat(service.run("hz", WorkerGroup.RIDER, AreaLevel.DISTRICT).overall())
                .isEqualTo(afterClose);

        Station reopened = stations.update(closed.withStatus(StationStatus.OPEN));
        service.stationSaved(reopened);
        assertThat(service.summary("hz", WorkerGroup.RIDER, AreaLevel.DISTRICT)
                        .overall()
                        .stationCount())
                .isEqualTo(4);
        stations.delete("hz", reopened.id());
        service.stationDeleted("hz", reopened.id());
        CoverageTotals afterDelete =
                service.summary("hz", WorkerGroup.RIDER, AreaLevel.DISTRICT).overall();
        assertThat(afterDelete.stationCount()).isEqualTo(3);
        assertThat(service.run("hz", WorkerGroup.RIDER, AreaLevel.DISTRICT).overall())
                .isEqualTo(afterDelete);
    }

    static void assertTimesEqual(List<CellOutcome> a, List<CellOutcome> b) {
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).cell()).isEqualTo(b.get(i).cell());
            assertThat(a.get(i).travelSeconds()).isEqualTo(b.get(i).travelSeconds());
            assertThat(a.get(i).status()).isEqualTo(b.get(i).status());
        }
    }

    @Test
    void trucksFallBackOnPopulationAndAreServedOnlyByDriverHomes() {
        List<District> withPopulation = new ArrayList<>();
        for (District d : quarters()) {
            withPopulation.add(new District(
                    d.regionCode(),
                    d.code(),
                    d.name(),
                    d.level(),
                    d.parentCode(),
                    d.level() == AreaLevel.SUBDISTRICT ? 1_000L : 2_000L,
                    null,
                    d.boundary()));
        }
        districts.upsertAll("hz", withPopulation);
        try {
            CoverageSummary trucks = service.summary("hz", WorkerGroup.TRUCK, AreaLevel.SUBDISTRICT);
            assertThat(trucks.mode()).isEqualTo(TravelMode.TRUCK);
            assertThat(trucks.overall().stationCount()).isEqualTo(1);
            DemandLayerInfo layer = demand.latest("hz", WorkerGroup.TRUCK).orElseThrow();
            assertThat(layer.source()).isEqualTo(DemandSource.POPULATION);
            assertThat(layer.description()).contains("4 subdistrict");
            // the four subdistricts' 4,000 residents, minus those of cells whose centres lie outside the boxes: none
            assertThat(trucks.overall().demand()).isCloseTo(4_000, within(1e-6));
            for (AreaCoverage a : trucks.breakdown().areas()) {
                assertThat(a.totals().demand()).isCloseTo(1_000, within(1e-6));
            }
        } finally {
            districts.upsertAll("hz", quarters());
        }
    }

    @Test
    void aRegionWithoutDemandOrPopulationIsAClearConflict() {
        assertThatThrownBy(() -> service.summary("empty", WorkerGroup.RIDER, AreaLevel.DISTRICT))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("no demand layer for rider in region 'empty'");
        assertThatThrownBy(() -> service.summary("nowhere", WorkerGroup.RIDER, AreaLevel.DISTRICT))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no road network is loaded for region 'nowhere'");
    }

    @Test
    void cellsGapsRoutesAndServiceCircles() {
        service.run("hz", WorkerGroup.RIDER, AreaLevel.DISTRICT);
        List<CellOutcome> all = service.cells("hz", WorkerGroup.RIDER, null);
        LatLon c = city.centre(0);
        BBox small = new BBox(c.lon() - 0.001, c.lat() - 0.001, c.lon() + 0.001, c.lat() + 0.001);
        assertThat(service.cells("hz", WorkerGroup.RIDER, small))
                .extracting(CellOutcome::cell)
                .containsExactly(city.cells.get(0));
        assertThat(all).hasSize(city.cells.size());

        List<GapArea> gaps = service.gaps("hz", WorkerGroup.RIDER, 3);
        assertThat(gaps.size()).isLessThanOrEqualTo(3);

        CellOutcome far = all.stream()
                .filter(o -> o.travelSeconds() != null && o.travelSeconds() > 120)
                .findFirst()
                .orElseThrow();
        CellRoute route = service.cellRoute("hz", WorkerGroup.RIDER, far.cell());
        assertThat(route.stationId()).isEqualTo(far.stationId());
        assertThat(route.route().travelTimeSeconds()).isCloseTo(far.travelSeconds(), within(1.5));
        assertThat(route.route().geometry().getNumPoints()).isGreaterThan(2);
        long notDemand = city.grid.cell(new LatLon(MIDDLE.lat() + 0.3, MIDDLE.lon()));
        assertThatThrownBy(() -> service.cellRoute("hz", WorkerGroup.RIDER, notDemand))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("is not a demand cell of rider");

        Station south = stations.find(dev.outpost.station.StationQuery.all("hz")).stream()
                .filter(s -> s.name().equals("南站"))
                .findFirst()
                .orElseThrow();
        ServiceArea area = service.serviceArea("hz", south.id(), 15, null);
        assertThat(area.mode()).isEqualTo(TravelMode.EBIKE);
        assertThat(area.area().contains(dev.outpost.geo.Geometries.point(south.location())))
                .isTrue();
        assertThat(area.demandWithin()).isPositive();
        assertThat(area.catchmentDemand()).isPositive();
        assertThat(service.serviceArea("hz", south.id(), 10, TravelMode.CAR).demandWithin())
                .isNull();
        assertThatThrownBy(() -> service.serviceArea("hz", 999_999, 15, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.serviceArea("hz", south.id(), 0, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minutes: 0 is out of range 1..120");

        Isochrone iso =
                service.isochrone("hz", city.centre(10), TravelMode.EBIKE, List.of(5, 10), Direction.FROM_ORIGIN);
        assertThat(iso.bands()).hasSize(2);
        assertThatThrownBy(() -> service.isochrone(
                        "hz",
                        new LatLon(MIDDLE.lat() + 1, MIDDLE.lon()),
                        TravelMode.EBIKE,
                        List.of(5),
                        Direction.FROM_ORIGIN))
                .isInstanceOf(PointNotOnNetworkException.class);
        assertThatThrownBy(() -> service.isochrone("hz", c, TravelMode.EBIKE, List.of(121), Direction.TO_ORIGIN))
                .hasMessageContaining("121 is out of range");
    }

    @Test
    void demandImportedLaterReplacesTheResultInMemory() {
        DemandLayer two = new DemandLayerBuilder(WorkerGroup.RIDE_HAILING, city.grid)
                .addCell(city.cells.get(7), 1)
                .addCell(city.cells.get(8), 1)
                .build();
        demand.save("hz", two, DemandSource.CELLS, "two cells");
        assertThat(service.summary("hz", WorkerGroup.RIDE_HAILING, AreaLevel.DISTRICT)
                        .overall()
                        .cellCount())
                .isEqualTo(2);
        DemandLayer one = new DemandLayerBuilder(WorkerGroup.RIDE_HAILING, city.grid)
                .addCell(city.cells.get(7), 42)
                .build();
        demand.save("hz", one, DemandSource.CELLS, "one cell");
        CoverageSummary s = service.summary("hz", WorkerGroup.RIDE_HAILING, AreaLevel.DISTRICT);
        assertThat(s.overall().demand()).isEqualTo(42);
        assertThat(s.overall().cellCount()).isEqualTo(1);
        assertThat(s.mode()).isEqualTo(TravelMode.CAR);
    }
}
