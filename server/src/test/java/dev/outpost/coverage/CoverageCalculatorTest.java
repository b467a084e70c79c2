package dev.outpost.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.outpost.demand.DemandLayer;
import dev.outpost.demand.DemandLayerBuilder;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.district.AreaLevel;
import dev.outpost.district.District;
import dev.outpost.geo.Geometries;
import dev.outpost.geo.LatLon;
import dev.outpost.network.Direction;
import dev.outpost.network.NetworkSettings;
import dev.outpost.network.ReachMatrix;
import dev.outpost.network.ReachRow;
import dev.outpost.network.TravelMode;
import dev.outpost.network.graphhopper.GraphHopperNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Coverage on a generated city whose streets join the centres of neighbouring H3 cells (about 300 m, 60 s by e-bike
 * at 18 km/h = 5 m/s), cut by an east–west river with one bridge at the east end, and with every seventh street
 * one-way. Expected times come from an independent Dijkstra over the same streets.
 */
class CoverageCalculatorTest {
    static final double EBIKE_METERS_PER_SECOND = 5.0;
    static final LatLon MIDDLE = new LatLon(22.55, 114.05);

    static Path dir;
    static LatticeCity city;
    static GraphHopperNetwork network;
    static CoverageCalculator calculator;
    static DemandLayer layer;
    /** A demand cell 3 km south of the city, far from every street. */
    static long farCell;

    @BeforeAll
    static void buildCity() throws IOException {
        dir = Files.createTempDirectory("coverage-test");
        double riverLat = HexGridCentreLat() + 0.0007;
        city = new LatticeCity(MIDDLE, 8, riverLat, 1, 7);
        Path osm = city.writeOsm(dir.resolve("lattice.osm"));
        network = GraphHopperNetwork.importOsm(
                osm, dir.resolve("graphs"), NetworkSettings.defaults().withMinNetworkSize(0));
        calculator = new CoverageCalculator(network);
        DemandLayerBuilder b = new DemandLayerBuilder(WorkerGroup.RIDER, city.grid);
        for (int i = 0; i < city.cells.size(); i++) {
            b.addCell(city.cells.get(i), 1 + i % 3);
        }
        farCell = city.grid.cell(new LatLon(MIDDLE.lat() - 0.05, MIDDLE.lon()));
        b.addCell(farCell, 10);
        layer = b.build();
    }

    private static double HexGridCentreLat() {
        return dev.outpost.geo.HexGrid.defaultGrid()
                .centre(dev.outpost.geo.HexGrid.defaultGrid().cell(MIDDLE))
                .lat();
    }

    @AfterAll
    static void close() throws IOException {
        network.close();
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    /** Pairs (south cell, north cell) of neighbours whose street the river cuts, from west to east. */
    static List<int[]> cutCrossings() {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < city.cells.size(); i++) {
            if (city.north(city.cells.get(i))) {
                continue;
            }
            for (long n : city.grid.neighbours(city.cells.get(i))) {
                Integer j = city.index.get(n);
                if (j != null
                        && city.north(n)
                        && !(city.bridgeEnds.contains(n) && city.bridgeEnds.contains(city.cells.get(i)))) {
                    out.add(new int[] {i, j});
                }
            }
        }
        out.sort(java.util.Comparator.comparingDouble(p -> city.centre(p[0]).lon()));
        return out;
    }

    /** The western-most cut crossing. */
    static int[] westernCrossing() {
        return cutCrossings().get(0);
    }

    static ServingStation stationAt(long id, int cellIndex) {
        return new ServingStation(id, city.centre(cellIndex));
    }

    static CoverageResult run(List<ServingStation> stations, CoverageSettings settings) {
        return calculator.compute(WorkerGroup.RIDER, TravelMode.EBIKE, layer, stations, settings);
    }

    @Test
    void theCityIsWhatTheTestsAssume() {
        assertThat(city.cells).hasSize(217);
        assertThat(city.bridgeEnds).hasSize(2);
        assertThat(city.oneWayCount()).isGreaterThan(50);
        int[] crossing = westernCrossing();
        double straight = city.centre(crossing[0]).distanceMeters(city.centre(crossing[1]));
        assertThat(straight).isBetween(250.0, 400.0);
    }

    @Test
    void aCellJustAcrossTheRiverIsAGapThoughItIsWithinTwoAndAHalfKilometres() {
        // the first crossing from the west whose detour by the bridge takes 16 to 29 minutes
        int south = -1;
        int north = -1;
        double[] reference = null;
        for (int[] c : cutCrossings()) {
            double[] ref = city.secondsToNearest(List.of(city.cells.get(c[0])), EBIKE_METERS_PER_SECOND);
            if (ref[c[1]] > 16 * 60 && ref[c[1]] < 29 * 60) {
                south = c[0];
                north = c[1];
                reference = ref;
                break;
            }
        }
        assertThat(south).as("a crossing with a 16–29 minute detour").isNotNegative();
        CoverageResult r = run(List.of(stationAt(1, south)), CoverageSettings.defaults());

        int stationCell = r.indexOf(city.cells.get(south));
        int across = r.indexOf(city.cells.get(north));
        // the station's own cell: 0 s, covered
        assertThat(r.seconds(stationCell)).isZero();
        assertThat(r.status(stationCell)).isEqualTo(CellStatus.COVERED);
        assertThat(r.stationId(stationCell)).hasValue(1);

        // across the river: ~300 m in a straight line, far less than the 2.5 km a 15-minute circle drawn with a
        // compass would cover at 10 km/h, but the way goes round by the bridge at the east end
        assertThat(city.centre(south).distanceMeters(city.centre(north))).isLessThan(400);
        assertThat(r.status(across)).isEqualTo(CellStatus.GAP);
        assertThat((double) r.seconds(across)).isCloseTo(reference[north], within(1.0));
        assertThat(r.minutes(across)).isGreaterThan(16).isLessThan(29);
        assertThat(r.stationId(across)).hasValue(1);

        // every cell of the city: the exact network time (rounded to whole seconds) or unreachable beyond 30 min
        assertEveryCellMatches(r, reference);
        // the far cell is reported, not dropped
        int far = r.indexOf(farCell);
        assertThat(r.status(far)).isEqualTo(CellStatus.OFF_NETWORK);
        assertThat(r.seconds(far)).isEqualTo(-1);
        assertThat(r.totals().offNetworkDemand()).isEqualTo(10);
        assertThat(r.totals().cellCount()).isEqualTo(218);
    }

    @Test
    void fromTheWesternEndTheDetourExceedsTheSearchLimit() {
        int[] c = westernCrossing();
        double[] reference = city.secondsToNearest(List.of(city.cells.get(c[0])), EBIKE_METERS_PER_SECOND);
        assertThat(reference[c[1]]).isGreaterThan(31 * 60);
        CoverageResult r = run(List.of(stationAt(1, c[0])), CoverageSettings.defaults());
        int across = r.indexOf(city.cells.get(c[1]));
        assertThat(r.status(across)).isEqualTo(CellStatus.UNREACHABLE);
        assertThat(r.minutes(across)).isNaN();
        assertThat(r.stationId(across)).isEmpty();
        assertEveryCellMatches(r, reference);
        // with a 60-minute search the same cell gets its minutes
        CoverageResult wide = run(List.of(stationAt(1, c[0])), new CoverageSettings(15, 60));
        assertThat((double) wide.seconds(across)).isCloseTo(reference[c[1]], within(1.0));
        assertThat(wide.status(across)).isEqualTo(CellStatus.GAP);
    }

    static void assertEveryCellMatches(CoverageResult r, double[] reference) {
        int limit = r.settings().searchLimitSeconds();
        for (int c = 0; c < city.cells.size(); c++) {
            int i = r.indexOf(city.cells.get(c));
            if (reference[c] <= limit - 1) {
                assertThat((double) r.seconds(i)).as("cell %d", c).isCloseTo(reference[c], within(1.0));
                assertThat(r.status(i)).isEqualTo(r.seconds(i) <= 900 ? CellStatus.COVERED : CellStatus.GAP);
            } else if (reference[c] > limit + 1) {
                assertThat(r.status(i)).as("cell %d", c).isEqualTo(CellStatus.UNREACHABLE);
                assertThat(r.seconds(i)).isEqualTo(-1);
                assertThat(r.stationId(i)).isEmpty();
            }
        }
    }

    @Test
    void oneStationOnEachBankCoversBothBanksAndTheTotalsAddUp() {
        int[] crossing = westernCrossing();
        CoverageResult r =
                run(List.of(stationAt(1, crossing[0]), stationAt(2, crossing[1])), CoverageSettings.defaults());
        int across = r.indexOf(city.cells.get(crossing[1]));
        assertThat(r.seconds(across)).isZero();
        assertThat(r.stationId(across)).hasValue(2);

        CoverageTotals t = r.totals();
        assertThat(t.demand()).isEqualTo(layer.totalWeight());
        assertThat(t.coveredWithinLimit()).isEqualTo(t.covered15());
        assertThat(t.covered5()).isLessThanOrEqualTo(t.covered10());
        assertThat(t.covered10()).isLessThanOrEqualTo(t.covered15());
        assertThat(t.covered15()).isLessThanOrEqualTo(t.covered20());
        assertThat(t.coveredWithinLimit() + t.gapDemand() + t.unreachableDemand() + t.offNetworkDemand())
                .isCloseTo(t.demand(), within(1e-9));
        // hand check of the 5-minute band: exactly the cells whose reference time is ≤ 300 s
        double[] ref = city.secondsToNearest(
                List.of(city.cells.get(crossing[0]), city.cells.get(crossing[1])), EBIKE_METERS_PER_SECOND);
        double expected5 = 0;
        for (int c = 0; c < city.cells.size(); c++) {
            if (Math.round(ref[c]) <= 300) {
                expected5 += layer.weight(layer.indexOf(city.cells.get(c)));
            }
        }
        assertThat(t.covered5()).isEqualTo(expected5);
        assertThat(t.stationCount()).isEqualTo(2);
    }

    /** Six stations spread over the city (cell indices in the sorted cell list). */
    static List<ServingStation> sixStations() {
        int n = city.cells.size();
        List<ServingStation> out = new ArrayList<>();
        int[] picks = {3, n / 5, 2 * n / 5, 3 * n / 5, 4 * n / 5, n - 4};
        for (int k = 0; k < picks.length; k++) {
            out.add(stationAt(100 + k, picks[k]));
        }
        return out;
    }

    @Test
    void theMultiSourceResultEqualsOneSearchPerStation() {
        List<ServingStation> stations = sixStations();
        CoverageSettings settings = CoverageSettings.defaults();
        CoverageResult r = run(stations, settings);
        for (int i = 0; i < r.size(); i += 5) {
            int best = -1;
            List<Long> bestStations = new ArrayList<>();
            for (ServingStation s : stations) {
                ReachMatrix one = network.reachableFrom(
                        s.location(),
                        List.of(r.centre(i)),
                        TravelMode.EBIKE,
                        settings.searchLimitSeconds(),
                        Direction.TO_ORIGIN);
                var t = one.row(0).secondsFor(0);
                if (t.isPresent()) {
                    if (best < 0 || t.getAsInt() < best) {
                        best = t.getAsInt();
                        bestStations.clear();
                    }
                    if (t.getAsInt() == best) {
                        bestStations.add(s.stationId());
                    }
                }
            }
            assertThat(r.seconds(i)).as("cell %d", i).isEqualTo(best);
            if (best >= 0) {
                assertThat(bestStations).contains(r.stationId(i).getAsLong());
            }
        }
        // and per station, the cells within the limit are those a single search finds
        for (ServingStation s : stations) {
            ReachMatrix one = network.reachableFrom(
                    s.location(), r.centres(), TravelMode.EBIKE, settings.limitSeconds(), Direction.TO_ORIGIN);
            assertThat(r.reachWithinLimit(s.stationId()).demandIndices())
                    .containsExactly(one.row(0).demandIndices());
        }
    }

    @Test
    void incrementalUpdatesEqualAFullRecomputation() {
        CoverageSettings settings = CoverageSettings.defaults();
        List<ServingStation> six = sixStations();
        CoverageResult five = run(six.subList(0, 5), settings);

        CoverageResult added = calculator.withStationAdded(five, six.get(5));
        assertSame(added, run(six, settings));

        CoverageResult removed = calculator.withStationRemoved(added, six.get(2).stationId());
        List<ServingStation> withoutThird = new ArrayList<>(six);
        withoutThird.remove(2);
        assertSame(removed, run(withoutThird, settings));

        ServingStation moved = new ServingStation(six.get(0).stationId(), city.centre(city.cells.size() / 2));
        CoverageResult afterMove = calculator.withStationMoved(removed, moved);
        List<ServingStation> movedList = new ArrayList<>(withoutThird);
        movedList.set(0, moved);
        assertSame(afterMove, run(movedList, settings));

        // removing the last station leaves everything on the network unreachable
        CoverageResult none = run(List.of(six.get(0)), settings);
        CoverageResult empty = calculator.withStationRemoved(none, six.get(0).stationId());
        assertSame(empty, run(List.of(), settings));
        assertThat(calculator.withStationRemoved(empty, 999)).isSameAs(empty);
        assertThatThrownBy(() -> calculator.withStationAdded(five, six.get(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("station 100 is already part");
    }

    /** Times equal everywhere; stations equal wherever the nearest one is unique; reach rows equal. */
    static void assertSame(CoverageResult incremental, CoverageResult full) {
        assertThat(incremental.size()).isEqualTo(full.size());
        assertThat(incremental.stations()).isEqualTo(full.stations());
        for (int i = 0; i < full.size(); i++) {
            assertThat(incremental.seconds(i)).as("seconds of cell %d", i).isEqualTo(full.seconds(i));
            assertThat(incremental.status(i)).isEqualTo(full.status(i));
            if (full.stationId(i).isPresent() && !incremental.stationId(i).equals(full.stationId(i))) {
                // a tie: both stations must be equally near
                long a = incremental.stationId(i).getAsLong();
                long b = full.stationId(i).getAsLong();
                assertThat(secondsTo(full, a, i)).as("tie at cell %d", i).isEqualTo(secondsTo(full, b, i));
            }
        }
        for (ServingStation s : full.stations()) {
            assertThat(incremental.reachWithinLimit(s.stationId()).demandIndices())
                    .containsExactly(full.reachWithinLimit(s.stationId()).demandIndices());
            assertThat(incremental.reachWithinLimit(s.stationId()).travelTimesSeconds())
                    .containsExactly(full.reachWithinLimit(s.stationId()).travelTimesSeconds());
        }
        assertThat(incremental.totals()).isEqualTo(full.totals());
        assertThat(incremental.offNetworkStationIds()).isEqualTo(full.offNetworkStationIds());
    }

    private static int secondsTo(CoverageResult r, long stationId, int cell) {
        ServingStation s = r.station(stationId).orElseThrow();
        return network.reachableFrom(
                        s.location(),
                        List.of(r.centre(cell)),
                        r.mode(),
                        r.settings().searchLimitSeconds(),
                        Direction.TO_ORIGIN)
                .row(0)
                .secondsFor(0)
                .orElse(-1);
    }

    @Test
    void districtFiguresRollUpFromSubdistricts() {
        CoverageResult r = run(sixStations(), CoverageSettings.defaults());
        AreaIndex index = new AreaIndex(fourQuarters());
        CoverageBreakdown districts = CoverageBreakdown.of(r, index, AreaLevel.DISTRICT);
        CoverageBreakdown subdistricts = CoverageBreakdown.of(r, index, AreaLevel.SUBDISTRICT);
        assertThat(districts.areas()).extracting(AreaCoverage::code).containsExactly("E", "W");
        assertThat(subdistricts.areas()).extracting(AreaCoverage::code).containsExactly("EN", "ES", "WN", "WS");
        // every cell lies in the box, but the far-off cell lies south of it
        assertThat(districts.unassigned().cellCount()).isEqualTo(1);
        assertThat(subdistricts.unassigned().cellCount()).isEqualTo(1);

        Map<String, double[]> sums = new HashMap<>();
        for (AreaCoverage a : subdistricts.areas()) {
            double[] s = sums.computeIfAbsent(a.parentCode(), k -> new double[8]);
            CoverageTotals t = a.totals();
            s[0] += t.cellCount();
            s[1] += t.demand();
            s[2] += t.covered5();
            s[3] += t.covered10();
            s[4] += t.covered15();
            s[5] += t.covered20();
            s[6] += t.stationCount();
            s[7] += t.gapDemand() + t.unreachableDemand();
        }
        for (AreaCoverage d : districts.areas()) {
            double[] s = sums.get(d.code());
            CoverageTotals t = d.totals();
            assertThat(t.cellCount()).isEqualTo((int) s[0]).isPositive();
            assertThat(t.demand()).isEqualTo(s[1]);
            assertThat(t.covered5()).isEqualTo(s[2]);
            assertThat(t.covered10()).isEqualTo(s[3]);
            assertThat(t.covered15()).isEqualTo(s[4]);
            assertThat(t.covered20()).isEqualTo(s[5]);
            assertThat(t.stationCount()).isEqualTo((int) s[6]);
            assertThat(t.gapDemand() + t.unreachableDemand()).isEqualTo(s[7]);
        }
        // and the districts plus the unassigned cells are the whole region
        double demand = districts.unassigned().demand();
        int stations = districts.unassigned().stationCount();
        for (AreaCoverage d : districts.areas()) {
            demand += d.totals().demand();
            stations += d.totals().stationCount();
        }
        assertThat(demand).isEqualTo(r.totals().demand());
        assertThat(stations).isEqualTo(6);
        // hand check: the west district holds exactly the cells west of the dividing longitude
        double west = 0;
        for (int i = 0; i < r.size(); i++) {
            if (r.centre(i).lon() < MIDDLE.lon() && r.cell(i) != farCell) {
                west += r.weight(i);
            }
        }
        assertThat(districts.areas().get(1).code()).isEqualTo("W");
        assertThat(districts.areas().get(1).totals().demand()).isEqualTo(west);
    }

    /** Two districts split at the middle longitude, each split at the river into two subdistricts. */
    static List<District> fourQuarters() {
        double w = MIDDLE.lon() - 0.05;
        double e = MIDDLE.lon() + 0.05;
        double s = MIDDLE.lat() - 0.04;
        double n = MIDDLE.lat() + 0.04;
        double m = MIDDLE.lon();
        double river = city.riverLat;
        return List.of(
                area("W", "西区", AreaLevel.DISTRICT, null, w, s, m, n),
                area("E", "东区", AreaLevel.DISTRICT, null, m, s, e, n),
                area("WN", "西北街道", AreaLevel.SUBDISTRICT, "W", w, river, m, n),
                area("WS", "西南街道", AreaLevel.SUBDISTRICT, "W", w, s, m, river),
                area("EN", "东北街道", AreaLevel.SUBDISTRICT, "E", m, river, e, n),
                area("ES", "东南街道", AreaLevel.SUBDISTRICT, "E", m, s, e, river));
    }

    static District area(
            String code, String name, AreaLevel level, String parent, double w, double s, double e, double n) {
        return area("demo", code, name, level, parent, w, s, e, n);
    }

    static District area(
            String region,
            String code,
            String name,
            AreaLevel level,
            String parent,
            double w,
            double s,
            double e,
            double n) {
        Polygon box = Geometries.factory().createPolygon(new Coordinate[] {
            new Coordinate(w, s), new Coordinate(e, s), new Coordinate(e, n), new Coordinate(w, n), new Coordinate(w, s)
        });
        MultiPolygon mp = Geometries.factory().createMultiPolygon(new Polygon[] {box});
        return new District(region, code, name, level, parent, null, null, mp);
    }

    @Test
    void gapAreasAreConnectedUncoveredCellsRankedByDemand() {
        int[] crossing = westernCrossing();
        CoverageResult r = run(List.of(stationAt(1, crossing[0])), CoverageSettings.defaults());
        List<GapArea> gaps = GapAreas.find(r);
        assertThat(gaps).isNotEmpty();
        // every uncovered on-network cell is in exactly one gap; the off-network cell in none
        int uncovered = 0;
        for (int i = 0; i < r.size(); i++) {
            if (r.status(i).isGap()) {
                uncovered++;
            }
        }
        assertThat(gaps.stream().mapToInt(GapArea::cellCount).sum()).isEqualTo(uncovered);
        assertThat(gaps).allSatisfy(g -> assertThat(g.cells()).doesNotContain(farCell));
        for (int k = 1; k < gaps.size(); k++) {
            assertThat(gaps.get(k).demand()).isLessThanOrEqualTo(gaps.get(k - 1).demand());
            assertThat(gaps.get(k).rank()).isEqualTo(k + 1);
        }
        GapArea first = gaps.get(0);
        // the cell across the river lies in the largest gap, and its polygon holds every member's centre
        assertThat(first.cells()).contains(city.cells.get(crossing[1]));
        for (long c : first.cells()) {
            assertThat(first.area().contains(Geometries.point(city.grid.centre(c))))
                    .isTrue();
        }
        assertThat(first.minMinutes()).isGreaterThan(15);
        double demand = 0;
        for (long c : first.cells()) {
            demand += layer.weight(layer.indexOf(c));
        }
        assertThat(first.demand()).isEqualTo(demand);
        assertThat(GapAreas.find(r, 1)).hasSize(1);
    }

    @Test
    void stationCoverageSplitsDemandIntoCatchments() {
        CoverageResult r = run(sixStations(), CoverageSettings.defaults());
        List<StationCoverage> per = r.stationCoverage();
        assertThat(per).hasSize(6).allMatch(StationCoverage::onNetwork);
        double catchments =
                per.stream().mapToDouble(StationCoverage::catchmentDemand).sum();
        CoverageTotals t = r.totals();
        assertThat(catchments).isCloseTo(t.demand() - t.unreachableDemand() - t.offNetworkDemand(), within(1e-9));
        assertThat(per.stream()
                        .mapToDouble(StationCoverage::catchmentCoveredDemand)
                        .sum())
                .isCloseTo(t.coveredWithinLimit(), within(1e-9));
        for (StationCoverage s : per) {
            // a circle holds at least the covered part of its own catchment
            assertThat(s.demandWithinLimit()).isGreaterThanOrEqualTo(s.catchmentCoveredDemand() - 1e-9);
        }
        // a station far from every street covers nothing and is reported
        ServingStation lost = new ServingStation(77, new LatLon(MIDDLE.lat() - 0.05, MIDDLE.lon()));
        CoverageResult withLost = calculator.withStationAdded(r, lost);
        assertThat(withLost.offNetworkStationIds()).containsExactly(77L);
        assertThat(withLost.totals()).isEqualTo(r.totals().withStationCount(7));
        assertSame(withLost, run(concat(sixStations(), lost), CoverageSettings.defaults()));
    }

    static List<ServingStation> concat(List<ServingStation> a, ServingStation b) {
        List<ServingStation> out = new ArrayList<>(a);
        out.add(b);
        return out;
    }

    @Test
    void anEmptyLayerStillReportsStationsOffTheNetwork() {
        CoverageResult r = calculator.compute(
                WorkerGroup.RIDER,
                TravelMode.EBIKE,
                DemandLayer.empty(WorkerGroup.RIDER, 9),
                List.of(stationAt(1, 0), new ServingStation(2, new LatLon(MIDDLE.lat() - 0.05, MIDDLE.lon()))),
                CoverageSettings.defaults());
        assertThat(r.size()).isZero();
        assertThat(r.offNetworkStationIds()).containsExactly(2L);
        assertThat(r.totals()).isEqualTo(CoverageTotals.empty(2));
        assertThat(r.stationCoverage()).extracting(StationCoverage::onNetwork).containsExactly(true, false);
        assertThatThrownBy(() -> calculator.compute(
                        WorkerGroup.TRUCK, TravelMode.TRUCK, layer, List.of(), CoverageSettings.defaults()))
                .hasMessageContaining("the demand layer is for rider, not truck");
    }

    @Test
    void reachRowsAreBoundedByTheLimit() {
        CoverageResult r = run(sixStations(), new CoverageSettings(10, 30));
        for (ServingStation s : r.stations()) {
            ReachRow row = r.reachWithinLimit(s.stationId());
            for (int k = 0; k < row.size(); k++) {
                assertThat(row.travelTimeSeconds(k)).isLessThanOrEqualTo(600);
            }
        }
        assertThat(r.totals().coveredWithinLimit()).isEqualTo(r.totals().covered10());
    }
}
