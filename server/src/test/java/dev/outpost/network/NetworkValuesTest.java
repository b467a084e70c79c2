package dev.outpost.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.geo.LatLon;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

class NetworkValuesTest {
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    @Test
    void travelModesParseTheirCodes() {
        for (TravelMode mode : TravelMode.values()) {
            assertThat(TravelMode.parse(mode.code())).isEqualTo(mode);
        }
        assertThat(TravelMode.parse(" EBike ")).isEqualTo(TravelMode.EBIKE);
        assertThatThrownBy(() -> TravelMode.parse(null)).hasMessageContaining("unknown travel mode 'null'");
        assertThatThrownBy(() -> TravelMode.parse("scooter"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown travel mode 'scooter'; expected one of ebike, car, truck, foot");
    }

    @Test
    void directionsParse() {
        assertThat(Direction.parse("to_origin")).isEqualTo(Direction.TO_ORIGIN);
        assertThat(Direction.parse("FROM")).isEqualTo(Direction.FROM_ORIGIN);
        assertThatThrownBy(() -> Direction.parse("sideways")).hasMessageContaining("'sideways'");
    }

    @Test
    void settingsAreChecked() {
        NetworkSettings defaults = NetworkSettings.defaults();
        assertThat(defaults.ebikeMaxSpeedKmh()).isEqualTo(18);
        assertThat(defaults.maxSnapDistanceMeters()).isEqualTo(500);
        assertThatThrownBy(() -> defaults.withEbikeMaxSpeedKmh(90))
                .hasMessageContaining("'ebikeMaxSpeedKmh' = 90.0 is out of range 5.0..45.0");
        assertThatThrownBy(() -> defaults.withSearchThreads(0)).hasMessageContaining("searchThreads");
        assertThatThrownBy(() -> defaults.withMaxSnapDistanceMeters(Double.NaN))
                .hasMessageContaining("maxSnapDistanceMeters");
        assertThat(defaults.importSettings()).doesNotContainKey("maxSnapDistanceMeters");
        assertThat(defaults.asMap()).containsKeys("maxSnapDistanceMeters", "ebikeMaxSpeedKmh");
        assertThat(defaults.withSearchThreads(1).importSettings()).isEqualTo(defaults.importSettings());
        assertThat(defaults.withEbikeMaxSpeedKmh(20).importSettings()).isNotEqualTo(defaults.importSettings());
    }

    @Test
    void reachRowsAreSortedAndCopied() {
        int[] indices = {2, 5, 9};
        int[] seconds = {30, 0, 900};
        ReachRow row = new ReachRow(indices, seconds);
        indices[0] = 7;
        assertThat(row.demandIndex(0)).isEqualTo(2);
        assertThat(row.secondsFor(5)).hasValue(0);
        assertThat(row.secondsFor(6)).isEmpty();
        assertThatThrownBy(() -> new ReachRow(new int[] {3, 3}, new int[] {1, 1}))
                .hasMessageContaining("increasing");
        assertThatThrownBy(() -> new ReachRow(new int[] {1}, new int[] {-4})).hasMessageContaining("-4 s");
        assertThatThrownBy(() -> new ReachMatrix(
                        TravelMode.CAR,
                        Direction.TO_ORIGIN,
                        600,
                        List.of(new ReachRow(new int[] {4}, new int[] {60})),
                        new double[] {1},
                        new boolean[] {true},
                        new double[] {1, 2},
                        new boolean[] {true, true}))
                .hasMessageContaining("demand point 4 but there are only 2");
    }

    @Test
    void nearestFacilityResultsAreConsistent() {
        NearestFacilityResult result = new NearestFacilityResult(
                TravelMode.EBIKE,
                900,
                new ReachStatus[] {ReachStatus.REACHED, ReachStatus.UNREACHED, ReachStatus.OFF_NETWORK},
                new int[] {1, -1, -1},
                new int[] {120, -1, -1},
                new double[] {3.5, 10, Double.NaN},
                List.of(4));
        assertThat(result.count(ReachStatus.REACHED)).isEqualTo(1);
        assertThat(result.travelTimesSeconds()).containsExactly(120, -1, -1);
        assertThat(result.offNetworkFacilities()).containsExactly(4);
        assertThatThrownBy(() -> new NearestFacilityResult(
                        TravelMode.EBIKE,
                        900,
                        new ReachStatus[] {ReachStatus.REACHED},
                        new int[] {0},
                        new int[] {901},
                        new double[] {0},
                        List.of()))
                .hasMessageContaining("901 s (limit 900 s)");
    }

    @Test
    void isochroneBandsMustIncrease() {
        IsochroneBand five = new IsochroneBand(5, WGS84.createMultiPolygon());
        IsochroneBand ten = new IsochroneBand(10, WGS84.createMultiPolygon());
        Isochrone iso =
                new Isochrone(new LatLon(39.9, 116.4), 3, TravelMode.CAR, Direction.FROM_ORIGIN, List.of(five, ten));
        assertThat(iso.band(10)).isSameAs(ten);
        assertThatThrownBy(() -> iso.band(15)).hasMessageContaining("no 15-minute band; it has 5, 10");
        assertThatThrownBy(() -> new Isochrone(
                        new LatLon(39.9, 116.4), 3, TravelMode.CAR, Direction.FROM_ORIGIN, List.of(ten, five)))
                .hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> new IsochroneBand(0, WGS84.createMultiPolygon()))
                .hasMessageContaining("0 minutes");
        assertThatThrownBy(() -> new IsochroneBand(5, new GeometryFactory().createMultiPolygon()))
                .hasMessageContaining("SRID 0");
    }

    @Test
    void pointNotOnNetworkNamesTheDistance() {
        PointNotOnNetworkException far =
                new PointNotOnNetworkException("origin", new LatLon(39.9, 116.4), TravelMode.FOOT, 812.4, 500);
        assertThat(far.getMessage())
                .isEqualTo("origin 39.9000000,116.4000000 is not on the road network: the nearest road usable by "
                        + "foot is 812 m away (limit 500 m)");
        assertThat(far.distanceToNearestRoadMeters()).hasValue(812.4);
        PointNotOnNetworkException none =
                new PointNotOnNetworkException("origin", new LatLon(39.9, 116.4), TravelMode.FOOT, Double.NaN, 500);
        assertThat(none.distanceToNearestRoadMeters()).isEmpty();
        assertThat(none.getMessage()).contains("no road usable by foot near it");
    }
}
