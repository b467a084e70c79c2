package dev.outpost.planning;

import java.util.List;

/**
 * The demand cells of a scenario in some states, with the tallies of every cell of positive weight per state (whatever
 * the filter), as the scenario stands now (after any edits). The tallies are consistent with the scenario's figures:
 * {@code fresh.weight()} equals {@code figures.coveredAfter − figures.coveredBefore} and {@code covered.weight()}
 * equals {@code figures.coveredBefore} (up to floating-point summation order). Immutable.
 *
 * @param scenarioId the scenario
 * @param editCount the scenario's edit count the cells describe
 * @param resolution the H3 resolution of the cells
 * @param cells the cells asked for, in the demand layer's order
 * @param covered cells covered by existing stations
 * @param fresh cells newly covered by the proposed sites
 * @param uncovered cells covered by nothing
 */
public record ScenarioCells(
        long scenarioId,
        int editCount,
        int resolution,
        List<ScenarioCell> cells,
        Tally covered,
        Tally fresh,
        Tally uncovered) {
    public ScenarioCells {
        cells = List.copyOf(cells);
    }

    /**
     * A count of cells and their summed weight.
     *
     * @param cells number of cells (of positive weight)
     * @param weight their demand weight
     */
    public record Tally(int cells, double weight) {
        public static Tally of(List<ScenarioCell> cells, ScenarioCell.State state) {
            int n = 0;
            double w = 0;
            for (ScenarioCell c : cells) {
                if (c.state() == state) {
                    n++;
                    w += c.weight();
                }
            }
            return new Tally(n, w);
        }
    }
}
