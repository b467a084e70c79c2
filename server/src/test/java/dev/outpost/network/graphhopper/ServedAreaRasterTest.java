package dev.outpost.network.graphhopper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;

class ServedAreaRasterTest {
    private static final GeometryFactory GF = new GeometryFactory();

    @Test
    void aSegmentBecomesAStadium() {
        ServedAreaRaster raster = new ServedAreaRaster(100);
        raster.addSegment(0, 0, 1000, 0);
        MultiPolygon area = raster.toPolygon(GF);
        // 2 * 100 * 1000 + pi * 100^2 = 231,416 m²; cells are 50 m, so the edge is within about 25 m
        assertThat(area.getArea()).isCloseTo(231_416, within(0.05 * 231_416));
        assertThat(area.isValid()).isTrue();
        assertThat(contains(area, 500, 70)).isTrue();
        assertThat(contains(area, -60, 0)).isTrue();
        assertThat(contains(area, 500, 135)).isFalse();
        assertThat(contains(area, 1135, 0)).isFalse();
    }

    @Test
    void separateRoadsGiveSeparatePolygonsAndEnclosedGapsBecomeHoles() {
        ServedAreaRaster raster = new ServedAreaRaster(50);
        // a 1 km square ring road, and a point far away
        raster.addSegment(0, 0, 1000, 0);
        raster.addSegment(1000, 0, 1000, 1000);
        raster.addSegment(1000, 1000, 0, 1000);
        raster.addSegment(0, 1000, 0, 0);
        raster.addSegment(5000, 5000, 5000, 5000);
        MultiPolygon area = raster.toPolygon(GF);
        assertThat(area.getNumGeometries()).isEqualTo(2);
        assertThat(contains(area, 500, 500)).isFalse(); // the middle of the ring is a hole
        assertThat(contains(area, 500, 30)).isTrue();
        assertThat(contains(area, 5000, 5020)).isTrue();
        assertThat(area.isValid()).isTrue();
    }

    @Test
    void nothingGivesAnEmptyArea() {
        assertThat(new ServedAreaRaster(100).toPolygon(GF).isEmpty()).isTrue();
    }

    private static boolean contains(MultiPolygon area, double x, double y) {
        return area.contains(GF.createPoint(new Coordinate(x, y)));
    }
}
