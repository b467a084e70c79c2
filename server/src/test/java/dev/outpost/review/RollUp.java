package dev.outpost.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.outpost.coverage.CoverageTotals;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.station.StationKind;
import dev.outpost.station.StationStatus;

/** Asserts that the subareas of a review add up to the area's figures. */
final class RollUp {
    private RollUp() {}

    /** Checks stations by kind and status, population and every group's coverage; returns the number of children. */
    static int check(AreaReview r) {
        AreaHeadline a = r.area();
        assertThat(r.children()).as("subareas of %s", a.name()).isNotEmpty();
        StationTally sum = StationTally.of(java.util.List.of());
        long population = 0;
        for (AreaHeadline c : r.children()) {
            assertThat(c.parentCode()).isEqualTo(a.code());
            sum = sum.plus(c.stations());
            population += c.population() == null ? 0 : c.population();
        }
        for (StationKind k : StationKind.values()) {
            for (StationStatus s : StationStatus.values()) {
                assertThat(sum.count(k, s))
                        .as("%s: %s %s stations in subareas", a.name(), k.code(), s.code())
                        .isEqualTo(a.stations().count(k, s));
            }
        }
        if (a.population() != null) {
            assertThat(population).as("%s population", a.name()).isEqualTo(a.population());
        }
        for (WorkerGroup g : a.coverage().keySet()) {
            CoverageTotals t = a.coverage().get(g);
            double demand = 0;
            double c5 = 0;
            double c10 = 0;
            double c15 = 0;
            int cells = 0;
            int stations = 0;
            for (AreaHeadline c : r.children()) {
                CoverageTotals ct = c.coverage().get(g);
                demand += ct.demand();
                c5 += ct.covered5();
                c10 += ct.covered10();
                c15 += ct.covered15();
                cells += ct.cellCount();
                stations += ct.stationCount();
            }
            double eps = 1e-9 * Math.max(1, t.demand());
            assertThat(cells).as("%s %s cells", a.name(), g.code()).isEqualTo(t.cellCount());
            assertThat(stations)
                    .as("%s %s serving stations", a.name(), g.code())
                    .isEqualTo(t.stationCount());
            assertThat(demand).as("%s %s demand", a.name(), g.code()).isCloseTo(t.demand(), within(eps));
            assertThat(c5).as("%s %s 5 min", a.name(), g.code()).isCloseTo(t.covered5(), within(eps));
            assertThat(c10).as("%s %s 10 min", a.name(), g.code()).isCloseTo(t.covered10(), within(eps));
            assertThat(c15).as("%s %s 15 min", a.name(), g.code()).isCloseTo(t.covered15(), within(eps));
        }
        return r.children().size();
    }
}
