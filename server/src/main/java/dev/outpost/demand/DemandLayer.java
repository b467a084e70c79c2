package dev.outpost.demand;

import dev.outpost.geo.HexGrid;
import dev.outpost.geo.LatLon;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The demand of one worker group on the H3 grid of one resolution: cells in strictly increasing id order, each
 * with a weight (a relative amount of demand, e.g. orders per day, drivers, residents; ≥ 0 and finite). Immutable
 * and thread-safe: the arrays are copied in and out.
 */
public final class DemandLayer {
    private final WorkerGroup group;
    private final int resolution;
    private final long[] cells;
    private final double[] weights;
    private final double totalWeight;

    /**
     * @param cells H3 cells of {@code resolution}, strictly increasing (as signed longs)
     * @param weights one per cell, finite and not negative
     * @throws IllegalArgumentException naming the first bad cell or weight
     */
    public DemandLayer(WorkerGroup group, int resolution, long[] cells, double[] weights) {
        this.group = Objects.requireNonNull(group, "group");
        HexGrid grid = new HexGrid(resolution);
        this.resolution = resolution;
        if (cells.length != weights.length) {
            throw new IllegalArgumentException(
                    "demand layer has " + cells.length + " cells but " + weights.length + " weights");
        }
        double total = 0;
        for (int i = 0; i < cells.length; i++) {
            if (i > 0 && cells[i] <= cells[i - 1]) {
                throw new IllegalArgumentException(
                        "demand layer cells must be strictly increasing: cell " + HexGrid.address(cells[i])
                                + " at position " + i + " follows " + HexGrid.address(cells[i - 1]));
            }
            if (!grid.isCell(cells[i])) {
                throw new IllegalArgumentException("demand layer cell " + Long.toHexString(cells[i]) + " at position "
                        + i + " is not an H3 cell of resolution " + resolution);
            }
            if (!Double.isFinite(weights[i]) || weights[i] < 0) {
                throw new IllegalArgumentException("demand layer weight " + weights[i] + " of cell "
                        + HexGrid.address(cells[i]) + " must be finite and not negative");
            }
            total += weights[i];
        }
        this.cells = cells.clone();
        this.weights = weights.clone();
        this.totalWeight = total;
    }

    /** An empty layer. */
    public static DemandLayer empty(WorkerGroup group, int resolution) {
        return new DemandLayer(group, resolution, new long[0], new double[0]);
    }

    public WorkerGroup group() {
        return group;
    }

    public int resolution() {
        return resolution;
    }

    /** The grid of this layer's resolution. */
    public HexGrid grid() {
        return new HexGrid(resolution);
    }

    /** Number of cells. */
    public int size() {
        return cells.length;
    }

    public long cell(int index) {
        return cells[index];
    }

    public double weight(int index) {
        return weights[index];
    }

    /** Copy of the cells, increasing. */
    public long[] cells() {
        return cells.clone();
    }

    /** Copy of the weights, parallel to {@link #cells()}. */
    public double[] weights() {
        return weights.clone();
    }

    /** Sum of all weights. */
    public double totalWeight() {
        return totalWeight;
    }

    /** The position of a cell in this layer, or -1 when it is not in it. */
    public int indexOf(long cell) {
        int k = Arrays.binarySearch(cells, cell);
        return k >= 0 ? k : -1;
    }

    /** The cell centres in cell order, WGS 84: the demand points of network searches. */
    public List<LatLon> centres() {
        HexGrid grid = grid();
        List<LatLon> out = new ArrayList<>(cells.length);
        for (long c : cells) {
            out.add(grid.centre(c));
        }
        return out;
    }

    /** This layer with every weight multiplied by {@code factor} (finite, not negative). */
    public DemandLayer scaled(double factor) {
        if (!Double.isFinite(factor) || factor < 0) {
            throw new IllegalArgumentException("scale factor " + factor + " must be finite and not negative");
        }
        double[] w = weights.clone();
        for (int i = 0; i < w.length; i++) {
            w[i] *= factor;
        }
        return new DemandLayer(group, resolution, cells, w);
    }

    @Override
    public String toString() {
        return "DemandLayer[" + group.code() + ", resolution " + resolution + ", " + cells.length + " cells, total "
                + totalWeight + "]";
    }
}
