package dev.outpost.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

class HexGridTest {
    private final HexGrid grid = HexGrid.defaultGrid();

    @Test
    void theH3DocumentationExampleCell() {
        // H3's documentation: latLngToCell(37.7752702151959, -122.418307270836, 9) = 8928308280fffff
        long cell = grid.cell(new LatLon(37.7752702151959, -122.418307270836));
        assertThat(HexGrid.address(cell)).isEqualTo("8928308280fffff");
        assertThat(HexGrid.parseCell("8928308280fffff")).isEqualTo(cell);
        assertThat(HexGrid.parseCell(Long.toString(cell))).isEqualTo(cell);
        assertThat(HexGrid.resolutionOf(cell)).isEqualTo(9);
    }

    @Test
    void centreBoundaryNeighboursAndArea() {
        long cell = grid.cell(new LatLon(22.5431, 114.0579));
        LatLon centre = grid.centre(cell);
        assertThat(grid.cell(centre)).isEqualTo(cell);
        Polygon hex = grid.boundary(cell);
        assertThat(hex.getSRID()).isEqualTo(4326);
        assertThat(hex.getNumPoints()).isEqualTo(7); // six corners, closed
        assertThat(hex.contains(Geometries.point(centre))).isTrue();
        // resolution 9: about 0.1 km² (the average is 105,333 m²)
        assertThat(grid.areaSquareMeters(cell)).isBetween(90_000.0, 120_000.0);
        long[] around = grid.neighbours(cell);
        assertThat(around).hasSize(6).doesNotContain(cell);
        for (long n : around) {
            // neighbours' centres lie about 300 m away (√3 × the 174 m edge)
            assertThat(centre.distanceMeters(grid.centre(n))).isBetween(250.0, 360.0);
            assertThat(grid.boundary(n).intersects(hex)).isTrue();
        }
    }

    @Test
    void unionOfACellAndItsRingIsOnePolygonWithoutSlivers() {
        long cell = grid.cell(new LatLon(39.99, 116.32));
        List<Long> seven = new ArrayList<>();
        seven.add(cell);
        for (long n : grid.neighbours(cell)) {
            seven.add(n);
        }
        MultiPolygon union = grid.union(seven);
        assertThat(union.getNumGeometries()).isEqualTo(1);
        assertThat(((Polygon) union.getGeometryN(0)).getNumInteriorRing()).isZero();
        assertThat(union.isValid()).isTrue();
        double sum = seven.stream().mapToDouble(c -> grid.boundary(c).getArea()).sum();
        assertThat(union.getArea()).isCloseTo(sum, within(sum * 1e-9));

        // the ring without its centre has a hole; two far-apart cells are two polygons
        MultiPolygon ring = grid.union(seven.subList(1, 7));
        assertThat(ring.getNumGeometries()).isEqualTo(1);
        assertThat(((Polygon) ring.getGeometryN(0)).getNumInteriorRing()).isEqualTo(1);
        long far = grid.cell(new LatLon(40.05, 116.40));
        assertThat(grid.union(List.of(cell, far)).getNumGeometries()).isEqualTo(2);
        assertThat(grid.union(List.of()).isEmpty()).isTrue();
    }

    @Test
    void cellsWithCentreInAPolygonAndParents() {
        long cell = grid.cell(new LatLon(39.99, 116.32));
        // the hexagon itself contains exactly one centre: its own
        assertThat(grid.cellsWithCentreIn(grid.boundary(cell))).containsExactly(cell);
        HexGrid fine = new HexGrid(11);
        long child = fine.cell(grid.centre(cell));
        assertThat(grid.containing(child)).isEqualTo(cell);
        assertThatThrownBy(() -> fine.containing(cell))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("coarser");
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> new HexGrid(16)).hasMessageContaining("16").hasMessageContaining("0..15");
        assertThatThrownBy(() -> HexGrid.parseCell("zz-not-a-cell")).hasMessageContaining("'zz-not-a-cell'");
        assertThatThrownBy(() -> HexGrid.parseCell("8928308280fffee")).hasMessageContaining("not a valid H3 cell");
        assertThatThrownBy(() -> grid.centre(123L)).hasMessageContaining("not a valid cell of resolution 9");
    }
}
