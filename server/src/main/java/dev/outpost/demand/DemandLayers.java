package dev.outpost.demand;

import dev.outpost.district.District;
import dev.outpost.geo.Geometries;
import dev.outpost.geo.HexGrid;
import dev.outpost.geo.LatLon;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Builds {@link DemandLayer}s from the sources a planner can hand over: weighted points, OpenStreetMap proxies and
 * district population. Stateless and thread-safe.
 */
public final class DemandLayers {
    private static final double SQUARE_METERS_PER_HECTARE = 10_000;
    private static final double METERS_PER_DEGREE_LAT = 110_574;
    private static final double METERS_PER_DEGREE_LON_AT_EQUATOR = 111_320;

    private DemandLayers() {}

    /**
     * The points of {@code group} binned into cells, weights added up; points of other groups are ignored.
     */
    public static DemandLayer fromPoints(WorkerGroup group, HexGrid grid, List<WeightedPoint> points) {
        DemandLayerBuilder b = new DemandLayerBuilder(group, grid);
        for (WeightedPoint p : points) {
            if (p.group() == group) {
                b.add(p.location(), p.weight());
            }
        }
        return b.build();
    }

    /**
     * OSM proxies weighted for the group (see {@link PoiWeights}): features count at their location, land-use areas
     * per hectare spread over the cells whose centres they contain (or, when they contain none, the cell of their
     * location).
     */
    public static DemandLayer fromPois(HexGrid grid, List<Poi> pois, PoiWeights weights) {
        DemandLayerBuilder b = new DemandLayerBuilder(weights.group(), grid);
        for (Poi poi : pois) {
            if (poi.footprint() != null && poi.tagKey().equals("landuse")) {
                double perHectare = weights.perHectare(poi.category());
                if (perHectare > 0) {
                    double hectares = areaSquareMeters(poi.footprint()) / SQUARE_METERS_PER_HECTARE;
                    spread(b, grid, poi.footprint(), poi.location(), perHectare * hectares, false);
                }
            } else {
                double w = weights.perFeature(poi.category());
                if (w > 0) {
                    b.add(poi.location(), w);
                }
            }
        }
        return b.build();
    }

    /**
     * The fallback layer: each area's population times {@code weightPerResident}, spread over the cells whose centres
     * lie inside the area in proportion to cell area (an area containing no cell centre puts everything into the cell
     * of a point inside it). Areas without population are skipped. Pass areas of one level only, or population is
     * counted twice.
     *
     * @param weightPerResident finite, positive, e.g. 1 to weigh residents, or riders per resident
     */
    public static DemandLayer fromPopulation(
            WorkerGroup group, HexGrid grid, List<District> areas, double weightPerResident) {
        if (!Double.isFinite(weightPerResident) || weightPerResident <= 0) {
            throw new IllegalArgumentException("weight per resident " + weightPerResident + " must be finite and > 0");
        }
        DemandLayerBuilder b = new DemandLayerBuilder(group, grid);
        for (District d : areas) {
            if (d.population() == null || d.population() == 0) {
                continue;
            }
            Point inside = d.boundary().getInteriorPoint();
            spread(b, grid, d.boundary(), Geometries.latLon(inside), d.population() * weightPerResident, true);
        }
        return b.build();
    }

    /** Puts {@code total} into the cells whose centres lie in {@code area}, evenly or by cell area. */
    private static void spread(
            DemandLayerBuilder b, HexGrid grid, Geometry area, LatLon fallback, double total, boolean byCellArea) {
        Objects.requireNonNull(area, "area");
        long[] cells = cellsIn(grid, area);
        if (cells.length == 0) {
            b.add(fallback, total);
            return;
        }
        double[] share = new double[cells.length];
        double sum = 0;
        for (int i = 0; i < cells.length; i++) {
            share[i] = byCellArea ? grid.areaSquareMeters(cells[i]) : 1;
            sum += share[i];
        }
        for (int i = 0; i < cells.length; i++) {
            b.addCell(cells[i], total * share[i] / sum);
        }
    }

    /** The cells whose centres lie inside a polygon or multipolygon, each once, increasing. */
    static long[] cellsIn(HexGrid grid, Geometry area) {
        java.util.TreeSet<Long> out = new java.util.TreeSet<>();
        for (int i = 0; i < area.getNumGeometries(); i++) {
            Geometry part = area.getGeometryN(i);
            if (part instanceof Polygon p && !p.isEmpty()) {
                out.addAll(grid.cellsWithCentreIn(p));
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** Approximate area of a WGS 84 polygon in square metres (equirectangular at its centroid; fine below ~50 km). */
    static double areaSquareMeters(Geometry area) {
        if (area.isEmpty()) {
            return 0;
        }
        double lat = area.getCentroid().getY();
        return area.getArea()
                * METERS_PER_DEGREE_LAT
                * METERS_PER_DEGREE_LON_AT_EQUATOR
                * Math.cos(Math.toRadians(lat));
    }
}
