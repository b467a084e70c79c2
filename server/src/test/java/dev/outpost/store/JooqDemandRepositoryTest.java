package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.common.NotFoundException;
import dev.outpost.demand.DemandLayer;
import dev.outpost.demand.DemandLayerBuilder;
import dev.outpost.demand.DemandLayerInfo;
import dev.outpost.demand.DemandSource;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.district.Region;
import dev.outpost.geo.HexGrid;
import dev.outpost.geo.LatLon;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JooqDemandRepositoryTest {
    static TestDatabase db;
    static JooqDemandRepository repo;

    @BeforeAll
    static void start() {
        db = TestDatabase.create("demand_repo");
        new JooqRegionRepository(db.database()).upsert(new Region("demo", "演示市", "Demo city", true));
        new JooqRegionRepository(db.database()).upsert(new Region("other", "别市", null, true));
        repo = new JooqDemandRepository(db.database());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void aLayerRoundTripsExactlyAndTheLatestPerGroupWins() {
        HexGrid grid = HexGrid.defaultGrid();
        DemandLayerBuilder b = new DemandLayerBuilder(WorkerGroup.RIDER, grid);
        for (int i = 0; i < 3000; i++) {
            b.add(new LatLon(22.50 + (i % 60) * 0.003, 114.00 + (i / 60) * 0.003), 1 + i % 7 + 0.125);
        }
        DemandLayer layer = b.build();
        DemandLayerInfo first = repo.save("demo", layer, DemandSource.POINTS, "demand.csv");
        assertThat(first.cellCount()).isEqualTo(layer.size());
        assertThat(first.totalWeight()).isEqualTo(layer.totalWeight());
        assertThat(first.group()).isEqualTo(WorkerGroup.RIDER);
        assertThat(first.resolution()).isEqualTo(9);

        DemandLayer back = repo.load("demo", first.id());
        assertThat(back.cells()).containsExactly(layer.cells());
        assertThat(back.weights()).containsExactly(layer.weights());
        assertThat(back.group()).isEqualTo(WorkerGroup.RIDER);

        DemandLayerInfo second = repo.save("demo", layer.scaled(2), DemandSource.OSM, null);
        assertThat(second.description()).isEmpty();
        assertThat(repo.latest("demo", WorkerGroup.RIDER))
                .map(DemandLayerInfo::id)
                .contains(second.id());
        assertThat(repo.latest("demo", WorkerGroup.TRUCK)).isEmpty();
        assertThat(repo.latest("other", WorkerGroup.RIDER)).isEmpty();
        assertThat(repo.list("demo")).extracting(DemandLayerInfo::id).startsWith(second.id(), first.id());

        assertThat(repo.delete("demo", second.id())).isTrue();
        assertThat(repo.delete("demo", second.id())).isFalse();
        assertThat(repo.find("demo", second.id())).isEmpty();
        assertThatThrownBy(() -> repo.load("demo", second.id()))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no demand layer " + second.id());
        // another region never sees the layer
        assertThatThrownBy(() -> repo.load("other", first.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anEmptyLayerIsStoredToo() {
        DemandLayerInfo info =
                repo.save("other", DemandLayer.empty(WorkerGroup.TRUCK, 8), DemandSource.POPULATION, "none");
        assertThat(repo.load("other", info.id()).size()).isZero();
        assertThat(repo.load("other", info.id()).resolution()).isEqualTo(8);
    }
}
