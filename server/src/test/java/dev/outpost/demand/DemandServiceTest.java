package dev.outpost.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.outpost.common.ConflictException;
import dev.outpost.common.NotFoundException;
import dev.outpost.district.AreaLevel;
import dev.outpost.district.District;
import dev.outpost.district.DistrictRepository;
import dev.outpost.geo.SharedData;
import dev.outpost.network.graphhopper.OsmPoiSource;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemandServiceTest {
    private final InMemoryDemandRepository layers = new InMemoryDemandRepository();
    private final DemandService service = new DemandService(layers, new NoDistricts(), new OsmPoiSource());

    @Test
    void osmProxiesOfHaidianGiveOneLayerPerGroup() {
        Path file = SharedData.require("geodata/osm/beijing-haidian-3campus.osm.pbf");
        List<DemandLayerInfo> saved =
                service.importOsmProxies("haidian", file, Set.of(WorkerGroup.RIDER, WorkerGroup.TRUCK), 9);
        assertThat(saved).extracting(DemandLayerInfo::group).containsExactly(WorkerGroup.RIDER, WorkerGroup.TRUCK);
        assertThat(saved).allMatch(i -> i.source() == DemandSource.OSM);
        // trucks: two fuel stations (a node and a way) and one industrial building, 1 each; no industrial land
        assertThat(saved.get(1).totalWeight()).isCloseTo(3.0, within(1e-9));
        // riders: at least one per pick-up (71 restaurants, 27 convenience stores, cafés, fast food, other shops)
        List<Poi> pois = new OsmPoiSource().read(file);
        long pickups =
                pois.stream().filter(p -> p.category() == PoiCategory.PICKUP).count();
        assertThat(pickups).isGreaterThan(98);
        assertThat(saved.get(0).totalWeight()).isGreaterThan(pickups);
        assertThat(layers.latest("haidian", WorkerGroup.RIDER))
                .map(DemandLayerInfo::id)
                .contains(saved.get(0).id());
    }

    @Test
    void csvImportStoresALayerPerGroupAndPopulationNeedsDistricts() {
        List<DemandLayerInfo> saved = service.importCsv(
                "demo", "d.csv", new StringReader("group,lon,lat,weight\nrider,114,22.5,2\ntruck,114,22.5,1\n"), 8);
        assertThat(saved).hasSize(2).allMatch(i -> i.resolution() == 8 && i.source() == DemandSource.POINTS);
        assertThatThrownBy(() -> service.importCsv("demo", "empty.csv", new StringReader("group,h3,weight\n"), 9))
                .hasMessageContaining("'empty.csv' has no data rows");
        assertThatThrownBy(() -> service.importPopulation("demo", WorkerGroup.RIDER, 9, 1.0))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("has a population");
        service.delete("demo", saved.get(0).id());
        assertThatThrownBy(() -> service.delete("demo", saved.get(0).id())).isInstanceOf(NotFoundException.class);
        assertThat(service.list("demo")).hasSize(1);
    }

    /** A region without districts. */
    private static final class NoDistricts implements DistrictRepository {
        @Override
        public List<District> find(String regionCode, AreaLevel levelOrNull) {
            return List.of();
        }

        @Override
        public Optional<District> findByCode(String regionCode, String code) {
            return Optional.empty();
        }

        @Override
        public void upsertAll(String regionCode, List<District> districts) {
            throw new UnsupportedOperationException();
        }
    }
}
