package dev.outpost.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.demand.DemandLayer;
import dev.outpost.demand.DemandLayerBuilder;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.geo.HexGrid;
import dev.outpost.geo.LatLon;
import dev.outpost.network.NetworkSettings;
import dev.outpost.network.TravelMode;
import dev.outpost.network.graphhopper.GraphHopperNetwork;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coverage results keep their cells and stations placed on the network, so that a station change places only that
 * station. On the demo city (geodata/demo-city: its 40 stations, the rider demand of {@code demand.csv} on the H3
 * grid): chains of incremental changes, with the kept placings, must equal full recomputations, also when a
 * station is added between others by id, and a calculator on a reloaded network (which cannot use the kept placings)
 * must give the same results.
 */
class PreparedCoverageTest {
    @TempDir
    static Path cache;

    static Path roads;
    static GraphHopperNetwork network;
    static CoverageCalculator calculator;
    static DemandLayer layer;
    static List<ServingStation> stations;

    @BeforeAll
    static void load() throws IOException {
        Path city = Path.of(System.getProperty("outpost.root", "..")).resolve("geodata/demo-city");
        roads = city.resolve("roads.osm");
        Assumptions.assumeTrue(Files.isRegularFile(roads), "demo city road network " + roads + " is absent");
        network = GraphHopperNetwork.importOsm(roads, cache, NetworkSettings.defaults());
        calculator = new CoverageCalculator(network);
        stations = new ArrayList<>();
        List<String> lines = Files.readAllLines(city.resolve("stations.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            LatLon at = new LatLon(Double.parseDouble(f[f.length - 1]), Double.parseDouble(f[f.length - 2]));
            stations.add(new ServingStation(10 * (stations.size() + 1), at));
        }
        DemandLayerBuilder b = new DemandLayerBuilder(WorkerGroup.RIDER, HexGrid.defaultGrid());
        List<String> cells = Files.readAllLines(city.resolve("demand.csv"), StandardCharsets.UTF_8);
        for (String line : cells.subList(1, cells.size())) {
            String[] f = line.split(",");
            if (f[0].equals("rider")) {
                b.add(new LatLon(Double.parseDouble(f[2]), Double.parseDouble(f[1])), Double.parseDouble(f[3]));
            }
        }
        layer = b.build();
        assertThat(stations).hasSize(40);
        assertThat(layer.size()).isGreaterThan(300);
    }

    @AfterAll
    static void close() {
        if (network != null) {
            network.close();
        }
    }

    static CoverageResult full(CoverageCalculator calc, List<ServingStation> serving) {
        return calc.compute(WorkerGroup.RIDER, TravelMode.EBIKE, layer, serving, CoverageSettings.defaults());
    }

    @Test
    void chainsOfChangesOnKeptPlacingsEqualFullRecomputations() {
        List<ServingStation> current = new ArrayList<>(stations);
        // three stations out, one by one (ids 50, 200, 310: the kept stations are cut each time)
        ServingStation a = current.remove(4);
        ServingStation b = current.remove(18);
        ServingStation c = current.remove(28);
        CoverageResult r = full(calculator, stations);
        r = calculator.withStationRemoved(r, a.stationId());
        r = calculator.withStationRemoved(r, b.stationId());
        r = calculator.withStationRemoved(r, c.stationId());
        assertSameFigures(r, full(calculator, current));
        // back in another order: each lands between others by id, so the kept stations are joined and reordered
        r = calculator.withStationAdded(r, b);
        current.add(b);
        assertSameFigures(r, full(calculator, current));
        r = calculator.withStationAdded(r, c);
        r = calculator.withStationAdded(r, a);
        assertSameFigures(r, full(calculator, stations));
        // the kept placings were used all along: the result still carries this network's cells and stations
        assertThat(network.owns(r.preparedCentres())).isTrue();
        assertThat(network.owns(r.preparedStations())).isTrue();
        assertThat(r.preparedStations().points())
                .isEqualTo(stations.stream().map(ServingStation::location).toList());
        // then removals again on what the additions kept, and a move
        r = calculator.withStationRemoved(r, b.stationId());
        ServingStation moved =
                new ServingStation(a.stationId(), stations.get(30).location());
        r = calculator.withStationMoved(r, moved);
        List<ServingStation> expected = new ArrayList<>(stations);
        expected.remove(b);
        expected.set(expected.indexOf(a), moved);
        assertSameFigures(r, full(calculator, expected));
        // an added station off the network (3 km south of the city) is reported as such
        ServingStation off = new ServingStation(5, new LatLon(22.533, 113.93));
        CoverageResult withOff = calculator.withStationAdded(r, off);
        assertThat(withOff.offNetworkStationIds()).contains(5L);
        expected.add(off);
        assertSameFigures(withOff, full(calculator, expected));
        assertSameFigures(calculator.withStationRemoved(withOff, 5), r);
    }

    @Test
    void aCalculatorOnAReloadedNetworkPlacesThePointsAgainWithTheSameResults(@TempDir Path otherCache) {
        CoverageResult r = full(calculator, stations.subList(0, 39));
        ServingStation last = stations.get(39);
        ServingStation first = stations.get(0);
        try (GraphHopperNetwork reloaded = GraphHopperNetwork.importOsm(roads, cache, NetworkSettings.defaults())) {
            assertThat(reloaded.loadedFromCache()).isTrue();
            CoverageCalculator other = new CoverageCalculator(reloaded);
            assertThat(reloaded.owns(r.preparedCentres())).isFalse();
            CoverageResult here = calculator.withStationAdded(r, last);
            CoverageResult there = other.withStationAdded(r, last);
            assertSameFigures(there, here);
            assertThat(reloaded.owns(there.preparedCentres())).isTrue();
            assertSameFigures(other.withStationRemoved(r, first.stationId()), calculator.withStationRemoved(r, 10));
            // and the result made on the reloaded network goes on with its own placings
            assertSameFigures(other.withStationRemoved(there, first.stationId()), full(other, stations.subList(1, 40)));
        }
    }

    /** Times, statuses, reach rows within the limit, off-network stations and totals equal (ties may name others). */
    static void assertSameFigures(CoverageResult actual, CoverageResult expected) {
        assertThat(actual.stations()).isEqualTo(expected.stations());
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.seconds(i)).as("seconds of cell %d", i).isEqualTo(expected.seconds(i));
            assertThat(actual.status(i)).as("status of cell %d", i).isEqualTo(expected.status(i));
        }
        for (ServingStation s : expected.stations()) {
            assertThat(actual.reachWithinLimit(s.stationId()).demandIndices())
                    .as("cells within the limit of station %d", s.stationId())
                    .isEqualTo(expected.reachWithinLimit(s.stationId()).demandIndices());
            assertThat(actual.reachWithinLimit(s.stationId()).travelTimesSeconds())
                    .isEqualTo(expected.reachWithinLimit(s.stationId()).travelTimesSeconds());
        }
        assertThat(actual.offNetworkStationIds()).isEqualTo(expected.offNetworkStationIds());
        assertThat(actual.totals()).isEqualTo(expected.totals());
    }
}
