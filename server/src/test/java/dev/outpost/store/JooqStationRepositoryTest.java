package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.common.NotFoundException;
import dev.outpost.district.Region;
import dev.outpost.geo.BBox;
import dev.outpost.geo.LatLon;
import dev.outpost.station.OpeningHours;
import dev.outpost.station.Station;
import dev.outpost.station.StationKind;
import dev.outpost.station.StationQuery;
import dev.outpost.station.StationService;
import dev.outpost.station.StationStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The station repository on the real PostGIS, checked against {@link StationQuery#matchesIgnoringHours}. */
class JooqStationRepositoryTest {
    static TestDatabase db;
    static JooqStationRepository repo;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.create("stations");
        JooqRegionRepository regions = new JooqRegionRepository(db.database());
        regions.upsert(new Region("a", "甲市", null, false));
        regions.upsert(new Region("b", "乙市", null, false));
        repo = new JooqStationRepository(db.database());
        // a 5 x 4 grid of stations 0.01° apart, kinds and services cycling, in region a; one station in region b
        StationKind[] kinds = StationKind.values();
        StationService[] services = StationService.values();
        for (int i = 0; i < 20; i++) {
            Set<StationService> sv = EnumSet.of(services[i % services.length], services[(i + 1) % services.length]);
            repo.insert(new Station(
                    null,
                    "a",
                    "S" + i,
                    kinds[i % kinds.length],
                    "站点" + i,
                    null,
                    null,
                    null,
                    sv,
                    OpeningHours.parse(i % 2 == 0 ? "24/7" : "Mo-Fr 09:00-18:00"),
                    i,
                    i % 3 == 0 ? StationStatus.PLANNED : StationStatus.OPEN,
                    new LatLon(22.50 + (i / 5) * 0.01, 114.00 + (i % 5) * 0.01)));
        }
        repo.insert(new Station(
                null,
                "b",
                "S0",
                StationKind.OTHER,
                "别的城市",
                null,
                null,
                null,
                Set.of(),
                null,
                null,
                StationStatus.OPEN,
                new LatLon(22.5, 114.0)));
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void everyFilterCombinationMatchesTheReferencePredicate() {
        List<Station> all = repo.find(StationQuery.all("a").withLimit(10_000));
        assertThat(all).hasSize(20);
        List<StationQuery> queries = List.of(
                StationQuery.all("a").withBbox(new BBox(114.005, 22.505, 114.025, 22.525)),
                StationQuery.all("a").withKinds(Set.of(StationKind.DRIVER_HOME, StationKind.OTHER)),
                StationQuery.all("a").withServices(Set.of(StationService.values()[3])),
                StationQuery.all("a").withStatuses(Set.of(StationStatus.PLANNED)),
                StationQuery.all("a")
                        .withBbox(new BBox(113.9, 22.4, 114.035, 22.6))
                        .withKinds(Set.of(StationKind.WARM_BEE_STATION, StationKind.PARTNER_SITE))
                        .withStatuses(Set.of(StationStatus.OPEN)));
        for (StationQuery q : queries) {
            List<Station> expected =
                    all.stream().filter(q::matchesIgnoringHours).toList();
            assertThat(expected).as("query %s selects something", q).isNotEmpty();
            assertThat(repo.find(q)).as("query %s", q).isEqualTo(expected);
        }
        // the bbox query is a 3 x 3 block minus what falls outside: hand-count 2 columns x 2 rows
        assertThat(repo.find(queries.get(0))).hasSize(4);
    }

    @Test
    void regionsNeverSeeEachOther() {
        assertThat(repo.find(StationQuery.all("b"))).extracting(Station::name).containsExactly("别的城市");
        long bId = repo.findByExternalId("b", "S0").orElseThrow().id();
        assertThat(repo.findById("a", bId)).isEmpty();
        assertThat(repo.delete("a", bId)).isFalse();
        assertThat(repo.findById("b", bId)).isPresent();
    }

    @Test
    void updateAndDeleteAreAuditedWithBeforeAndAfter() {
        Station s = repo.insert(new Station(
                null,
                "a",
                "T1",
                StationKind.WARM_BEE_STATION,
                "临时站",
                null,
                null,
                null,
                Set.of(StationService.TOILET),
                null,
                4,
                StationStatus.PLANNED,
                new LatLon(22.6, 114.1)));
        Station changed = repo.update(s.withStatus(StationStatus.OPEN));
        assertThat(changed.status()).isEqualTo(StationStatus.OPEN);
        assertThat(repo.delete("a", s.id())).isTrue();
        var rows = db.database()
                .dsl()
                .fetch(
                        "SELECT action, before->>'status' AS b, after->>'status' AS a FROM audit_log"
                                + " WHERE entity = 'station' AND entity_id = ? ORDER BY audit_id",
                        String.valueOf(s.id()));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("action", String.class)).isEqualTo("create");
        assertThat(rows.get(1).get("b", String.class)).isEqualTo("planned");
        assertThat(rows.get(1).get("a", String.class)).isEqualTo("open");
        assertThat(rows.get(2).get("action", String.class)).isEqualTo("delete");
        assertThat(rows.get(2).get("a", String.class)).isNull();
        assertThatThrownBy(() -> repo.update(s)).isInstanceOf(NotFoundException.class);
    }
}
