package dev.outpost.planning;

import dev.outpost.network.ReachMatrix;
import dev.outpost.network.ReachRow;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A stored-or-storable reach matrix: for each site (in id order), the demand cells (indices into the demand layer,
 * ascending) from which it is reached within the key's minutes, direction to the site, with the seconds. Immutable
 * and thread-safe (arrays are never handed out unless copied). Memory: 8 bytes per (site, cell) pair.
 */
public final class SiteReach {
    private final long id;
    private final MatrixKey key;
    private final List<String> siteIds;
    private final Map<String, Integer> index;
    private final int[][] cells;
    private final int[][] seconds;
    private final boolean[] onNetwork;
    private final int demandCount;
    private final boolean[] demandOffNetwork;
    private final long buildMillis;

    /**
     * @param id the stored matrix id, or 0 when not stored
     * @param cells per site, strictly increasing cell indices below {@code demandCount}
     * @param seconds per site, aligned with {@code cells}, each 0 to the key's minutes × 60
     * @param demandOffNetwork per demand cell, whether it could not be placed on the network
     */
    public SiteReach(
            long id,
            MatrixKey key,
            List<String> siteIds,
            int[][] cells,
            int[][] seconds,
            boolean[] onNetwork,
            boolean[] demandOffNetwork,
            long buildMillis) {
        this.id = id;
        this.key = Objects.requireNonNull(key, "key");
        this.siteIds = List.copyOf(siteIds);
        int n = this.siteIds.size();
        if (cells.length != n || seconds.length != n || onNetwork.length != n) {
            throw new IllegalArgumentException("reach matrix has " + n + " sites but " + cells.length + " rows");
        }
        this.demandCount = demandOffNetwork.length;
        Map<String, Integer> ix = new HashMap<>(n * 2);
        int limit = key.minutes() * 60;
        for (int s = 0; s < n; s++) {
            if (ix.put(this.siteIds.get(s), s) != null) {
                throw new IllegalArgumentException("site '" + this.siteIds.get(s) + "' appears twice");
            }
            if (cells[s].length != seconds[s].length) {
                throw new IllegalArgumentException("site '" + this.siteIds.get(s) + "': cells and seconds differ");
            }
            for (int k = 0; k < cells[s].length; k++) {
                if (cells[s][k] < 0
                        || cells[s][k] >= demandCount
                        || (k > 0 && cells[s][k] <= cells[s][k - 1])
                        || seconds[s][k] < 0
                        || seconds[s][k] > limit) {
                    throw new IllegalArgumentException("site '" + this.siteIds.get(s) + "': bad reach entry " + k
                            + " (cell " + cells[s][k] + ", " + seconds[s][k] + " s)");
                }
            }
        }
        this.index = Collections.unmodifiableMap(ix);
        this.cells = cells;
        this.seconds = seconds;
        this.onNetwork = onNetwork.clone();
        this.demandOffNetwork = demandOffNetwork.clone();
        this.buildMillis = buildMillis;
    }

    /** A matrix from the rows of a network search over {@code siteIds} (in that order). */
    static SiteReach of(MatrixKey key, List<String> siteIds, ReachMatrix m, long buildMillis) {
        int n = m.originCount();
        int[][] cells = new int[n][];
        int[][] seconds = new int[n][];
        boolean[] on = new boolean[n];
        for (int s = 0; s < n; s++) {
            ReachRow row = m.row(s);
            cells[s] = row.demandIndices();
            seconds[s] = row.travelTimesSeconds();
            on[s] = m.originOnNetwork(s);
        }
        boolean[] off = new boolean[m.demandCount()];
        for (int d = 0; d < off.length; d++) {
            off[d] = !m.demandOnNetwork(d);
        }
        return new SiteReach(0, key, siteIds, cells, seconds, on, off, buildMillis);
    }

    /** The same matrix with its stored id. */
    public SiteReach withId(long newId) {
        return new SiteReach(newId, key, siteIds, cells, seconds, onNetwork, demandOffNetwork, buildMillis);
    }

    /** The stored id, 0 when not stored. */
    public long id() {
        return id;
    }

    public MatrixKey key() {
        return key;
    }

    /** Site ids in row order (sorted). */
    public List<String> siteIds() {
        return siteIds;
    }

    public int siteCount() {
        return siteIds.size();
    }

    public int demandCount() {
        return demandCount;
    }

    public OptionalInt findSite(String siteId) {
        Integer k = index.get(siteId);
        return k == null ? OptionalInt.empty() : OptionalInt.of(k);
    }

    /**
     * One site's row.
     *
     * @param onNetwork whether the site was placed on the network
     * @param cells the reached cell indices, ascending
     */
    public record Row(boolean onNetwork, int[] cells) {}

    /** Row {@code s} (its cells copied). */
    public Row row(int s) {
        return new Row(onNetwork[s], cells[s].clone());
    }

    /** A copy of the reached cell indices of row {@code s}. */
    public int[] cells(int s) {
        return cells[s].clone();
    }

    /** A copy of the seconds of row {@code s}, aligned with {@link #cells(int)}. */
    public int[] seconds(int s) {
        return seconds[s].clone();
    }

    int[] rawCells(int s) {
        return cells[s];
    }

    int[] rawSeconds(int s) {
        return seconds[s];
    }

    public boolean onNetwork(int s) {
        return onNetwork[s];
    }

    public boolean demandOffNetwork(int d) {
        return demandOffNetwork[d];
    }

    /** Indices of the demand cells off the network, ascending. */
    public int[] demandOffNetworkIndices() {
        int k = 0;
        for (boolean b : demandOffNetwork) {
            k += b ? 1 : 0;
        }
        int[] out = new int[k];
        k = 0;
        for (int d = 0; d < demandOffNetwork.length; d++) {
            if (demandOffNetwork[d]) {
                out[k++] = d;
            }
        }
        return out;
    }

    /** (site, cell) pairs within the limit. */
    public long pairCount() {
        long p = 0;
        for (int[] c : cells) {
            p += c.length;
        }
        return p;
    }

    /** How long the network searches took, milliseconds (0 when unknown). */
    public long buildMillis() {
        return buildMillis;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SiteReach r)) {
            return false;
        }
        return key.equals(r.key)
                && siteIds.equals(r.siteIds)
                && Arrays.deepEquals(cells, r.cells)
                && Arrays.deepEquals(seconds, r.seconds)
                && Arrays.equals(onNetwork, r.onNetwork)
                && Arrays.equals(demandOffNetwork, r.demandOffNetwork);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, siteIds, Arrays.deepHashCode(cells));
    }

    @Override
    public String toString() {
        return "SiteReach[" + siteIds.size() + " sites x " + demandCount + " cells, " + pairCount() + " pairs, "
                + key.minutes() + " min, id " + id + "]";
    }
}
