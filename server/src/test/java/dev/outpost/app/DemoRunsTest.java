package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.coverage.CoverageRunInfo;
import dev.outpost.coverage.CoverageSummary;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.district.AreaLevel;
import dev.outpost.review.AreaReview;
import dev.outpost.review.GroupReview;
import dev.outpost.station.Station;
import dev.outpost.station.StationKind;
import dev.outpost.station.StationQuery;
import dev.outpost.station.StationStatus;
import dev.outpost.store.Database;
import dev.outpost.store.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The demo loader leaves one stored coverage run per worker group behind, so the leaders' review has a trend from the
 * first start; later starts on the same database store nothing new until an input (here: the stations) changes.
 */
class DemoRunsTest {
    static final String REGION = "demo";
    /** 河西区 of the demo city. */
    static final String HEXI = "449901";

    static Map<WorkerGroup, List<Long>> runIds(Components c) {
        Map<WorkerGroup, List<Long>> out = new EnumMap<>(WorkerGroup.class);
        for (WorkerGroup g : WorkerGroup.values()) {
            out.put(
                    g,
                    c.coverage().runs(REGION, g, 1_000).stream()
                            .map(CoverageRunInfo::id)
                            .toList());
        }
        return out;
    }

    @Test
    void theFirstStartStoresOneRunPerGroupAndLaterStartsOnlyWhenTheInputsChanged() {
        Config config = Config.fromEnvironment(Map.of(
                "PORT",
                "0",
                "OUTPOST_VAR",
                TestApp.repoRoot().resolve("server/target/test-var").toString()));
        Path dir = config.demoCityDir();
        Assumptions.assumeTrue(
                Files.isRegularFile(dir.resolve("demand.csv")), "skipped: the demo city is absent from " + dir);
        try (TestDatabase db = TestDatabase.create("demo_runs")) {
            Map<WorkerGroup, List<Long>> first;
            try (Components c = new Components(config, db.database(), Clock.systemUTC())) {
                new DemoLoader(c).load(dir);
                first = runIds(c);
                for (WorkerGroup g : WorkerGroup.values()) {
                    // demand.csv has all three groups: one run each, on the group's demo layer
                    assertThat(first.get(g)).as(g.code()).hasSize(1);
                    CoverageRunInfo run = c.coverage().runs(REGION, g, 1).get(0);
                    assertThat(run.demandLayerId())
                            .isEqualTo(c.demand().list(REGION).stream()
                                    .filter(l -> l.group() == g)
                                    .findFirst()
                                    .orElseThrow()
                                    .id());
                    // the figures in memory are that run's
                    CoverageSummary now = c.coverage().summary(REGION, g, AreaLevel.DISTRICT);
                    assertThat(now.runId()).isEqualTo(run.id());
                    assertThat(now.overall().cellCount()).isEqualTo(run.totals().cellCount());
                    assertThat(now.overall().stationCount())
                            .isEqualTo(run.totals().stationCount());
                    assertThat(now.overall().covered15()).isEqualTo(run.totals().covered15());
                    assertThat(now.overall().demand()).isEqualTo(run.totals().demand());
                }
                // the review's trend has the stored run from the start
                AreaReview review = c.review().review(REGION, HEXI, WorkerGroup.RIDER);
                GroupReview rider = review.groups().stream()
                        .filter(g -> g.group() == WorkerGroup.RIDER)
                        .findFirst()
                        .orElseThrow();
                assertThat(rider.trend()).hasSize(1);
                assertThat(rider.trend().get(0).runId())
                        .isEqualTo(first.get(WorkerGroup.RIDER).get(0));

                // loading again in the same process stores nothing
                new DemoLoader(c).load(dir);
                assertThat(runIds(c)).isEqualTo(first);
            }

            // a restart: new components on the same database
            String url = db.jdbcUrl() + "?user=" + db.user() + "&password=" + db.password();
            try (Components c = new Components(config, Database.connect(url), Clock.systemUTC())) {
                new DemoLoader(c).load(dir);
                assertThat(runIds(c)).isEqualTo(first);

                // closing an open warm-bee station changes the stations riders and ride-hailing drivers are served by,
                // not those of truck drivers (driver homes only)
                Station warmBee = c.stations().find(StationQuery.all(REGION).withLimit(StationQuery.MAX_LIMIT)).stream()
                        .filter(s -> s.kind() == StationKind.WARM_BEE_STATION && s.status() == StationStatus.OPEN)
                        .findFirst()
                        .orElseThrow();
                c.stations().delete(REGION, warmBee.id());
                new DemoLoader(c).load(dir);
                Map<WorkerGroup, List<Long>> after = runIds(c);
                assertThat(after.get(WorkerGroup.RIDER)).hasSize(2);
                assertThat(after.get(WorkerGroup.RIDE_HAILING)).hasSize(2);
                assertThat(after.get(WorkerGroup.TRUCK)).isEqualTo(first.get(WorkerGroup.TRUCK));
                CoverageRunInfo newest =
                        c.coverage().runs(REGION, WorkerGroup.RIDER, 1).get(0);
                assertThat(newest.totals().stationCount())
                        .isEqualTo(c.coverage()
                                        .runs(REGION, WorkerGroup.RIDER, 2)
                                        .get(1)
                                        .totals()
                                        .stationCount()
                                - 1);
            }
        }
    }
}
