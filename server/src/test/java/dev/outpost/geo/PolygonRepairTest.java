package dev.outpost.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class PolygonRepairTest {
    private final WKTReader wkt = new WKTReader(Geometries.factory());

    /**
     * A bow-tie: the ring 0 0 → 2 2 → 2 0 → 0 2 crosses itself at (1 1). It is two triangles, (0 0, 1 1, 0 2) and
     * (1 1, 2 2, 2 0), each of base 2 and height 1, so area 1 each, 2 in all (the signed ring area is 0).
     */
    @Test
    void bowTieBecomesTwoTrianglesOfTotalAreaTwo() throws ParseException {
        Geometry bowTie = wkt.read("POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))");
        assertThat(bowTie.isValid()).isFalse();

        PolygonRepair.Repaired r = PolygonRepair.repair(bowTie);

        assertThat(r.changed()).isTrue();
        assertThat(r.reason()).isEqualTo("self-intersection at (1.0000000 1.0000000)");
        assertThat(r.geometry().isValid()).isTrue();
        assertThat(r.geometry().getNumGeometries()).isEqualTo(2);
        assertThat(r.geometry().getArea()).isCloseTo(2.0, within(1e-12));
        assertThat(r.geometry().getGeometryN(0).getArea()).isCloseTo(1.0, within(1e-12));
        assertThat(r.geometry().getGeometryN(1).getArea()).isCloseTo(1.0, within(1e-12));
        assertThat(r.geometry().getSRID()).isEqualTo(4326);
        assertThat(r.geometry().covers(wkt.read("POINT (0.2 1)"))).isTrue();
        assertThat(r.geometry().covers(wkt.read("POINT (1.8 1)"))).isTrue();
        assertThat(r.geometry().covers(wkt.read("POINT (1 0.2)"))).isFalse();
    }

    @Test
    void validPolygonIsWrappedUnchanged() throws ParseException {
        PolygonRepair.Repaired r = PolygonRepair.repair(wkt.read("POLYGON ((0 0, 3 0, 3 2, 0 2, 0 0))"));
        assertThat(r.changed()).isFalse();
        assertThat(r.reason()).isNull();
        assertThat(r.geometry().getGeometryType()).isEqualTo("MultiPolygon");
        assertThat(r.geometry().getArea()).isEqualTo(6.0);
    }

    @Test
    void overlappingPartsOfAMultiPolygonAreMerged() throws ParseException {
        // Two 2 x 2 squares overlapping in a 1 x 2 strip: union area 4 + 4 - 2 = 6.
        Geometry g = wkt.read("MULTIPOLYGON (((0 0, 2 0, 2 2, 0 2, 0 0)), ((1 0, 3 0, 3 2, 1 2, 1 0)))");
        PolygonRepair.Repaired r = PolygonRepair.repair(g);
        assertThat(r.changed()).isTrue();
        assertThat(r.reason()).startsWith("self-intersection at (");
        assertThat(r.geometry().isValid()).isTrue();
        assertThat(r.geometry().getArea()).isCloseTo(6.0, within(1e-12));
    }

    @Test
    void nonPolygonalAndCollapsedInputIsRejected() throws ParseException {
        assertThatThrownBy(() -> PolygonRepair.repair(wkt.read("LINESTRING (0 0, 1 1)")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LineString is not polygonal");
        assertThatThrownBy(() -> PolygonRepair.repair(wkt.read("POLYGON ((0 0, 1 1, 2 2, 0 0))")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("collapses");
        assertThatThrownBy(() -> PolygonRepair.repair(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
