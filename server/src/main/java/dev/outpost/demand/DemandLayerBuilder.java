package dev.outpost.demand;

import dev.outpost.geo.HexGrid;
import dev.outpost.geo.LatLon;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Collects weighted positions and cells into a {@link DemandLayer}: weights falling into the same cell are added up.
 * Cells whose total weight is zero are left out of the layer. Not thread-safe; use one builder per thread.
 */
public final class DemandLayerBuilder {
    private final WorkerGroup group;
    private final HexGrid grid;
    private final Map<Long, Double> weights = new HashMap<>();

    public DemandLayerBuilder(WorkerGroup group, HexGrid grid) {
        this.group = Objects.requireNonNull(group, "group");
        this.grid = Objects.requireNonNull(grid, "grid");
    }

    public WorkerGroup group() {
        return group;
    }

    public HexGrid grid() {
        return grid;
    }

    /** Adds {@code weight} to the cell containing {@code position}. */
    public DemandLayerBuilder add(LatLon position, double weight) {
        return addCell(grid.cell(position), weight);
    }

    /**
     * Adds {@code weight} to a cell of the builder's resolution, or to the cell containing a finer cell.
     *
     * @throws IllegalArgumentException when the cell is invalid or coarser than the grid, or the weight is negative or
     *     not finite
     */
    public DemandLayerBuilder addCell(long cell, double weight) {
        if (!Double.isFinite(weight) || weight < 0) {
            throw new IllegalArgumentException("weight " + weight + " must be finite and not negative");
        }
        long target = grid.containing(cell);
        weights.merge(target, weight, Double::sum);
        return this;
    }

    /** Adds every cell of another layer of the same group (scaled by {@code factor}). */
    public DemandLayerBuilder addLayer(DemandLayer layer, double factor) {
        if (layer.group() != group) {
            throw new IllegalArgumentException(
                    "cannot add a " + layer.group().code() + " layer to a " + group.code() + " layer");
        }
        for (int i = 0; i < layer.size(); i++) {
            addCell(layer.cell(i), layer.weight(i) * factor);
        }
        return this;
    }

    /** Number of distinct cells so far (including cells whose weight is still zero). */
    public int cellCount() {
        return weights.size();
    }

    /** The layer of everything added so far; the builder stays usable. */
    public DemandLayer build() {
        long[] cells = weights.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .mapToLong(Map.Entry::getKey)
                .toArray();
        Arrays.sort(cells);
        double[] w = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            w[i] = weights.get(cells[i]);
        }
        return new DemandLayer(group, grid.resolution(), cells, w);
    }
}
