package dev.outpost.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The per-cell cover counts of a scenario: how many existing stations and how many proposed sites reach each demand
 * cell within T. Adding, moving or removing a site only touches the cells of its reach row, and the figures are sums
 * over the counts, so a what-if edit costs O(cells + row) with no search and no re-solve.
 *
 * <p>Not thread-safe: {@link ScenarioService} confines each instance to one scenario's lock and edits a
 * {@link #copy()}.
 */
final class CoverState {
    private final int resolution;
    private final long[] cell;
    private final double[] weight;
    private final boolean[] offNetwork;
    private final int[] districtOf;
    private final List<ScenarioInputs.DistrictName> districts;
    private final int[] byStations;
    private final int[] bySites;
    private final Map<Integer, int[]> siteCells;

    private CoverState(
            int resolution,
            long[] cell,
            double[] weight,
            boolean[] offNetwork,
            int[] districtOf,
            List<ScenarioInputs.DistrictName> districts,
            int[] byStations,
            int[] bySites,
            Map<Integer, int[]> siteCells) {
        this.resolution = resolution;
        this.cell = cell;
        this.weight = weight;
        this.offNetwork = offNetwork;
        this.districtOf = districtOf;
        this.districts = districts;
        this.byStations = byStations;
        this.bySites = bySites;
        this.siteCells = siteCells;
    }

    /**
     * @param resolution the H3 resolution of the demand layer
     * @param cell the H3 cell of each demand cell (the layer's order)
     * @param weight per demand cell
     * @param offNetwork per demand cell
     * @param districtOf per demand cell, the index into {@code districts}, or -1
     * @param stationRows the cells each existing station reaches
     */
    static CoverState of(
            int resolution,
            long[] cell,
            double[] weight,
            boolean[] offNetwork,
            int[] districtOf,
            List<ScenarioInputs.DistrictName> districts,
            List<int[]> stationRows) {
        int m = weight.length;
        if (cell.length != m || offNetwork.length != m || districtOf.length != m) {
            throw new IllegalArgumentException("cover state arrays differ in length");
        }
        int[] byStations = new int[m];
        for (int[] row : stationRows) {
            for (int i : row) {
                byStations[i]++;
            }
        }
        return new CoverState(
                resolution,
                cell.clone(),
                weight.clone(),
                offNetwork.clone(),
                districtOf.clone(),
                List.copyOf(districts),
                byStations,
                new int[m],
                new LinkedHashMap<>());
    }

    /** An independent copy (the arrays that never change are shared). */
    CoverState copy() {
        return new CoverState(
                resolution,
                cell,
                weight,
                offNetwork,
                districtOf,
                districts,
                byStations,
                bySites.clone(),
                new LinkedHashMap<>(siteCells));
    }

    int cellCount() {
        return weight.length;
    }

    void add(int siteId, int[] cells) {
        if (siteCells.containsKey(siteId)) {
            throw new IllegalStateException("site " + siteId + " is already in the cover state");
        }
        int[] c = cells.clone();
        for (int i : c) {
            bySites[i]++;
        }
        siteCells.put(siteId, c);
    }

    void remove(int siteId) {
        int[] c = siteCells.remove(siteId);
        if (c == null) {
            throw new IllegalStateException("site " + siteId + " is not in the cover state");
        }
        for (int i : c) {
            bySites[i]--;
        }
    }

    /** The cells of every site, by site id (unmodifiable view; arrays must not be changed). */
    Map<Integer, int[]> siteCells() {
        return Collections.unmodifiableMap(siteCells);
    }

    /**
     * Reached, new (not covered by stations) and exclusive (covered by nothing else) demand of one site.
     *
     * @return {reached, new, exclusive}
     */
    double[] siteFigures(int siteId) {
        int[] cells = siteCells.get(siteId);
        if (cells == null) {
            throw new IllegalStateException("site " + siteId + " is not in the cover state");
        }
        double reached = 0;
        double fresh = 0;
        double exclusive = 0;
        for (int i : cells) {
            reached += weight[i];
            if (byStations[i] == 0) {
                fresh += weight[i];
                if (bySites[i] == 1) {
                    exclusive += weight[i];
                }
            }
        }
        return new double[] {reached, fresh, exclusive};
    }

    /** The sites with their current figures. */
    List<ProposedSite> refigure(List<ProposedSite> sites) {
        List<ProposedSite> out = new ArrayList<>(sites.size());
        for (ProposedSite s : sites) {
            double[] f = siteFigures(s.siteId());
            out.add(s.withFigures(f[0], f[1], f[2]));
        }
        return out;
    }

    /** Coverage before (stations) and after (stations and sites), overall and per district. */
    ScenarioFigures figures(List<ProposedSite> sites) {
        int k = districts.size();
        double[] demand = new double[k];
        double[] before = new double[k];
        double[] after = new double[k];
        int[] newSites = new int[k];
        double total = 0;
        double coveredBefore = 0;
        double coveredAfter = 0;
        double off = 0;
        int cellsBefore = 0;
        int cellsAfter = 0;
        for (int i = 0; i < weight.length; i++) {
            double w = weight[i];
            int d = districtOf[i];
            total += w;
            if (offNetwork[i]) {
                off += w;
            }
            boolean b = byStations[i] > 0;
            boolean a = b || bySites[i] > 0;
            if (b) {
                coveredBefore += w;
                cellsBefore++;
            }
            if (a) {
                coveredAfter += w;
                cellsAfter++;
            }
            if (d >= 0) {
                demand[d] += w;
                before[d] += b ? w : 0;
                after[d] += a ? w : 0;
            }
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int d = 0; d < k; d++) {
            index.put(districts.get(d).code(), d);
        }
        for (ProposedSite s : sites) {
            Integer d = s.districtCode() == null ? null : index.get(s.districtCode());
            if (d != null) {
                newSites[d]++;
            }
        }
        List<AreaFigures> areas = new ArrayList<>(k);
        for (int d = 0; d < k; d++) {
            areas.add(new AreaFigures(
                    districts.get(d).code(), districts.get(d).name(), demand[d], before[d], after[d], newSites[d]));
        }
        return new ScenarioFigures(
                total, coveredBefore, coveredAfter, weight.length, cellsBefore, cellsAfter, off, areas);
    }

    /**
     * Every cell of positive weight in the given states, in the layer's cell order, with the best-ranked site (lowest
     * rank, then lowest id) among those that newly cover it.
     */
    List<ScenarioCell> cells(List<ProposedSite> sites, Set<ScenarioCell.State> states) {
        int m = weight.length;
        int[] bySite = new int[m];
        int[] rankOf = new int[m];
        List<ProposedSite> ordered = new ArrayList<>(sites);
        ordered.sort(Comparator.comparingInt(ProposedSite::rank).thenComparingInt(ProposedSite::siteId));
        for (ProposedSite s : ordered) {
            int[] cells = siteCells.get(s.siteId());
            if (cells == null) {
                throw new IllegalStateException("site " + s.siteId() + " is not in the cover state");
            }
            for (int i : cells) {
                if (byStations[i] == 0 && bySite[i] == 0) {
                    bySite[i] = s.siteId();
                    rankOf[i] = s.rank();
                }
            }
        }
        List<ScenarioCell> out = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            if (weight[i] <= 0) {
                continue;
            }
            ScenarioCell.State state = byStations[i] > 0
                    ? ScenarioCell.State.COVERED
                    : bySites[i] > 0 ? ScenarioCell.State.NEW : ScenarioCell.State.UNCOVERED;
            if (states.contains(state)) {
                boolean fresh = state == ScenarioCell.State.NEW;
                out.add(new ScenarioCell(
                        cell[i],
                        weight[i],
                        state,
                        offNetwork[i],
                        fresh ? Integer.valueOf(bySite[i]) : null,
                        fresh ? Integer.valueOf(rankOf[i]) : null));
            }
        }
        return out;
    }

    int resolution() {
        return resolution;
    }

    @Override
    public String toString() {
        return "CoverState[" + weight.length + " cells, " + siteCells.size() + " sites, stations reach "
                + Arrays.stream(byStations).filter(c -> c > 0).count() + " cells]";
    }
}
