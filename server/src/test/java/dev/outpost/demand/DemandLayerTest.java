package dev.outpost.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.outpost.common.ValidationException;
import dev.outpost.district.AreaLevel;
import dev.outpost.district.District;
import dev.outpost.geo.Geometries;
import dev.outpost.geo.HexGrid;
import dev.outpost.geo.LatLon;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

class DemandLayerTest {
    private final HexGrid grid = HexGrid.defaultGrid();
    private final LatLon here = new LatLon(22.5431, 114.0579);

    @Test
    void workerGroupsParseCodesAndLabels() {
        assertThat(WorkerGroup.parse("rider")).isEqualTo(WorkerGroup.RIDER);
        assertThat(WorkerGroup.parse(" Ride-Hailing ")).isEqualTo(WorkerGroup.RIDE_HAILING);
        assertThat(WorkerGroup.parse("货车司机")).isEqualTo(WorkerGroup.TRUCK);
        assertThat(WorkerGroup.parse("couriers")).isEqualTo(WorkerGroup.RIDER);
        assertThat(WorkerGroup.RIDER.travelModeCode()).isEqualTo("ebike");
        assertThat(WorkerGroup.TRUCK.travelModeCode()).isEqualTo("truck");
        assertThatThrownBy(() -> WorkerGroup.parse("pilot"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'pilot'")
                .hasMessageContaining("rider (外卖骑手/快递员), ride_hailing (网约车司机), truck (货车司机)")
                .hasMessageStartingWith("unknown worker group");
    }

    @Test
    void pointsInOneCellAddUpAndFinerCellsRollUp() {
        long cell = grid.cell(here);
        LatLon centre = grid.centre(cell);
        DemandLayer layer = DemandLayers.fromPoints(
                WorkerGroup.RIDER,
                grid,
                List.of(
                        new WeightedPoint(WorkerGroup.RIDER, here, 2),
                        new WeightedPoint(WorkerGroup.RIDER, centre, 3),
                        new WeightedPoint(WorkerGroup.TRUCK, here, 100),
                        new WeightedPoint(WorkerGroup.RIDER, new LatLon(22.60, 114.10), 0.5)));
        assertThat(layer.size()).isEqualTo(2);
        assertThat(layer.totalWeight()).isEqualTo(5.5);
        assertThat(layer.weight(layer.indexOf(cell))).isEqualTo(5.0);
        assertThat(layer.indexOf(grid.cell(new LatLon(30, 120)))).isEqualTo(-1);
        assertThat(layer.cell(0)).isLessThan(layer.cell(1));

        long child = new HexGrid(12).cell(here);
        DemandLayer rolled = new DemandLayerBuilder(WorkerGroup.RIDER, grid)
                .addCell(child, 1.5)
                .addCell(cell, 1)
                .build();
        assertThat(rolled.cells()).containsExactly(cell);
        assertThat(rolled.weights()).containsExactly(2.5);
    }

    @Test
    void theLayerChecksItsArrays() {
        long a = grid.cell(here);
        long b = grid.neighbours(a)[0];
        long lo = Math.min(a, b);
        long hi = Math.max(a, b);
        assertThatThrownBy(() -> new DemandLayer(WorkerGroup.RIDER, 9, new long[] {hi, lo}, new double[] {1, 1}))
                .hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> new DemandLayer(WorkerGroup.RIDER, 9, new long[] {lo, hi}, new double[] {1, -1}))
                .hasMessageContaining("-1.0")
                .hasMessageContaining("not negative");
        assertThatThrownBy(() -> new DemandLayer(WorkerGroup.RIDER, 8, new long[] {lo}, new double[] {1}))
                .hasMessageContaining("resolution 8");
        assertThatThrownBy(() -> new DemandLayer(WorkerGroup.RIDER, 9, new long[] {lo}, new double[] {1, 2}))
                .hasMessageContaining("1 cells but 2 weights");
    }

    @Test
    void csvOfPointsInTheDemoCityFormat() {
        String csv = "\uFEFFgroup,lon,lat,weight\n"
                + "rider,114.0579,22.5431,3\n"
                + "rider,114.0579,22.5431,1.5\n"
                + "ride_hailing,114.06,22.55,2\n"
                + "truck,114.1,22.6,7\n";
        Map<WorkerGroup, DemandLayer> layers = DemandCsv.read(new StringReader(csv), grid);
        assertThat(layers).containsOnlyKeys(WorkerGroup.RIDER, WorkerGroup.RIDE_HAILING, WorkerGroup.TRUCK);
        assertThat(layers.get(WorkerGroup.RIDER).cells()).containsExactly(grid.cell(here));
        assertThat(layers.get(WorkerGroup.RIDER).totalWeight()).isEqualTo(4.5);
        assertThat(layers.get(WorkerGroup.TRUCK).totalWeight()).isEqualTo(7);
    }

    @Test
    void csvOfCells() {
        long cell = grid.cell(here);
        String csv = "h3,weight,group\n" + HexGrid.address(cell) + ",4,rider\n" + cell + ",1,骑手\n";
        DemandLayer rider = DemandCsv.read(new StringReader(csv), grid).get(WorkerGroup.RIDER);
        assertThat(rider.cells()).containsExactly(cell);
        assertThat(rider.weights()).containsExactly(5.0);
    }

    @Test
    void csvErrorsNameEveryBadRowAndField() {
        String csv = "group,lon,lat,weight\n"
                + "rider,114.0579,22.5431,3\n"
                + "pilot,114.0,22.5,1\n"
                + "rider,abc,22.5,1\n"
                + "rider,114.0,95,1\n"
                + "truck,114.0,22.5,-2\n";
        assertThatThrownBy(() -> DemandCsv.read(new StringReader(csv), grid))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems())
                        .extracting(p -> p.row() + " " + p.field())
                        .containsExactly("2 group", "3 lon", "4 lon/lat", "5 weight"))
                .hasMessageContaining("unknown worker group 'pilot'")
                .hasMessageContaining("'abc' is not a finite number")
                .hasMessageContaining("latitude 95.0");
        assertThatThrownBy(() -> DemandCsv.read(new StringReader("group,x,y,weight\nrider,1,2,3\n"), grid))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("lacks column 'lon'");
    }

    @Test
    void populationIsSpreadOverTheCellsWhoseCentresLieInTheDistrict() {
        long cell = grid.cell(here);
        List<Long> seven = new ArrayList<>();
        seven.add(cell);
        for (long n : grid.neighbours(cell)) {
            seven.add(n);
        }
        MultiPolygon flower = grid.union(seven);
        District d = district("A", flower, 7_000L);
        // a district far smaller than a cell: everything goes to the cell holding a point inside it
        LatLon tinyAt = new LatLon(22.60, 114.10);
        Polygon tiny = (Polygon) Geometries.point(tinyAt).buffer(0.0002);
        District small = district("B", Geometries.factory().createMultiPolygon(new Polygon[] {tiny}), 50L);
        District unknown = district("C", flower, null);

        DemandLayer layer = DemandLayers.fromPopulation(WorkerGroup.RIDER, grid, List.of(d, small, unknown), 1.0);
        assertThat(layer.size()).isEqualTo(8);
        assertThat(layer.totalWeight()).isCloseTo(7_050, within(1e-6));
        for (long c : seven) {
            // equal shares up to the small differences of cell areas
            assertThat(layer.weight(layer.indexOf(c))).isCloseTo(1_000, within(5.0));
        }
        assertThat(layer.weight(layer.indexOf(grid.cell(tinyAt)))).isCloseTo(50, within(1e-9));
        assertThat(DemandLayers.fromPopulation(WorkerGroup.RIDER, grid, List.of(d), 0.01)
                        .totalWeight())
                .isCloseTo(70, within(1e-9));
    }

    @Test
    void osmProxiesAreWeightedPerFeatureAndLandUsePerHectare() {
        long cell = grid.cell(here);
        List<Long> seven = new ArrayList<>();
        seven.add(cell);
        for (long n : grid.neighbours(cell)) {
            seven.add(n);
        }
        MultiPolygon flower = grid.union(seven);
        double hectares = DemandLayers.areaSquareMeters(flower) / 10_000;
        List<Poi> pois = List.of(
                new Poi("n1", PoiCategory.PICKUP, "amenity=restaurant", here, null, "餐馆"),
                new Poi("n2", PoiCategory.PICKUP, "shop=convenience", here, null, null),
                new Poi("w3", PoiCategory.DROPOFF, "landuse=residential", grid.centre(cell), flower, null),
                new Poi("n4", PoiCategory.FREIGHT, "amenity=fuel", new LatLon(22.7, 114.2), null, null));
        DemandLayer riders = DemandLayers.fromPois(grid, pois, PoiWeights.defaults(WorkerGroup.RIDER));
        // 2 pick-ups × 1 + 0.5 per hectare of residential land; no truck proxy
        assertThat(riders.totalWeight()).isCloseTo(2 + 0.5 * hectares, within(1e-9));
        assertThat(hectares).isCloseTo(7 * grid.areaSquareMeters(cell) / 10_000, within(0.05 * hectares));
        assertThat(riders.size()).isEqualTo(7);
        DemandLayer trucks = DemandLayers.fromPois(grid, pois, PoiWeights.defaults(WorkerGroup.TRUCK));
        assertThat(trucks.size()).isEqualTo(1);
        assertThat(trucks.totalWeight()).isEqualTo(1.0);
    }

    @Test
    void hostSitesWeighNothingInAnyGroupsDefaults() {
        List<Poi> hosts = List.of(
                new Poi("n1", PoiCategory.HOST_SITE, "amenity=community_centre", here, null, "社区服务中心"),
                new Poi("n2", PoiCategory.HOST_SITE, "amenity=townhall", new LatLon(22.7, 114.2), null, null));
        for (WorkerGroup g : WorkerGroup.values()) {
            assertThat(DemandLayers.fromPois(grid, hosts, PoiWeights.defaults(g))
                            .size())
                    .as(g.code())
                    .isZero();
        }
    }

    @Test
    void classifierMapsTagsToCategories() {
        assertThat(PoiClassifier.classify(Map.of("amenity", "fast_food")))
                .extracting(PoiClassifier.Match::tag)
                .containsExactly("amenity=fast_food");
        assertThat(PoiClassifier.classify(Map.of("amenity", "fuel", "shop", "convenience")))
                .extracting(PoiClassifier.Match::category)
                .containsExactly(PoiCategory.PICKUP, PoiCategory.FREIGHT);
        assertThat(PoiClassifier.classify(Map.of("building", "apartments")))
                .extracting(PoiClassifier.Match::category)
                .containsExactly(PoiCategory.DROPOFF);
        assertThat(PoiClassifier.classify(Map.of("landuse", "industrial")))
                .extracting(PoiClassifier.Match::category)
                .containsExactly(PoiCategory.FREIGHT);
        assertThat(PoiClassifier.classify(Map.of("amenity", "community_centre", "community_centre", "community_hall")))
                .containsExactly(new PoiClassifier.Match(PoiCategory.HOST_SITE, "amenity=community_centre"));
        assertThat(PoiClassifier.classify(Map.of("amenity", "townhall", "building", "public")))
                .containsExactly(new PoiClassifier.Match(PoiCategory.HOST_SITE, "amenity=townhall"));
        assertThat(PoiClassifier.classify(Map.of("amenity", "community_hall")))
                .containsExactly(new PoiClassifier.Match(PoiCategory.HOST_SITE, "amenity=community_hall"));
        assertThat(PoiClassifier.classify(Map.of("amenity", "social_facility", "social_facility", "nursing_home")))
                .isEmpty();
        assertThat(PoiClassifier.classify(Map.of("shop", "vacant"))).isEmpty();
        assertThat(PoiClassifier.classify(Map.of("highway", "residential"))).isEmpty();
    }

    private static District district(String code, MultiPolygon boundary, Long population) {
        return new District("demo", code, "区" + code, AreaLevel.DISTRICT, null, population, null, boundary);
    }
}
