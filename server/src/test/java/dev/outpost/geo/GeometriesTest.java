package dev.outpost.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;

class GeometriesTest {
    @Test
    void pointPutsLongitudeInXAndCarriesSrid4326() {
        Point p = Geometries.point(new LatLon(22.54, 114.05));
        assertThat(p.getX()).isEqualTo(114.05);
        assertThat(p.getY()).isEqualTo(22.54);
        assertThat(p.getSRID()).isEqualTo(4326);
        assertThat(Geometries.latLon(p)).isEqualTo(new LatLon(22.54, 114.05));
    }

    @Test
    void requireWgs84RejectsOtherSrids() {
        Point p = Geometries.point(114.05, 22.54);
        assertThat(Geometries.requireWgs84(p, "location")).isSameAs(p);
        p.setSRID(0);
        assertThatThrownBy(() -> Geometries.requireWgs84(p, "station 7 location"))
                .hasMessage("station 7 location has SRID 0; expected 4326");
        assertThatThrownBy(() -> Geometries.point(200, 22)).hasMessageContaining("longitude 200.0");
    }
}
