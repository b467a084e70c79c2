package dev.outpost.siting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatricesTest {
    @Test
    void builderKeepsNamesInOrderOfFirstAppearance() {
        CostMatrix m = CostMatrix.builder()
                .add("Store_2", "t1", 5)
                .add("Store_10", "t1", 7)
                .add("Store_2", "t2", 1)
                .add("Store_10", "t2", 3)
                .weight("t1", 4)
                .weight("t2", 6)
                .build(false);
        // names, not sorted positions: Store_2 stays first although "Store_10" < "Store_2" as text
        assertThat(m.candidateNames()).containsExactly("Store_2", "Store_10");
        assertThat(m.cost(m.getCandidate("Store_10"), m.getDemand("t2"))).isEqualTo(3);
        assertThat(m.weights()).containsExactly(4, 6);
        assertThat(m.totalWeight()).isEqualTo(10);
    }

    @Test
    void builderRejectsBadRows() {
        assertThatThrownBy(() -> CostMatrix.builder().add("a", "d", 1).add("a", "d", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("candidate 'a' and demand 'd' appear twice");
        assertThatThrownBy(() -> CostMatrix.builder().add("a", "d", -1))
                .hasMessageContaining("cost -1.0 for candidate 'a' and demand 'd' must be finite and non-negative");
        assertThatThrownBy(() -> CostMatrix.builder().add("a", "d", Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> CostMatrix.builder().add("", "d", 1)).hasMessage("candidate name is empty");
        assertThatThrownBy(() ->
                        CostMatrix.builder().add("a", "d", 1).weight("d", 2).weight("d", 3))
                .hasMessageContaining("weight 2.0 on an earlier row and 3.0");
        assertThatThrownBy(() ->
                        CostMatrix.builder().add("a", "d1", 1).add("b", "d2", 1).build(false))
                .hasMessageContaining("candidate 'a' has no cost for demand 'd2' (2 of 4 pairs present)");
        CostMatrix partial =
                CostMatrix.builder().add("a", "d1", 1).add("b", "d2", 1).build(true);
        assertThat(partial.missingPairCount()).isEqualTo(2);
        assertThat(partial.cost(0, 1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> CostMatrix.builder()
                        .add("a", "d1", 1)
                        .add("a", "d2", 1)
                        .weight("d1", 1)
                        .build(true))
                .hasMessage("demand 'd2' has no weight");
    }

    @Test
    void coverageIncludesTheRadiusAndSkipsMissingPairs() {
        double inf = Double.POSITIVE_INFINITY;
        CostMatrix m = CostMatrix.of(
                List.of("a", "b"), List.of("x", "y", "z"), new double[][] {{5, 5.000001, inf}, {0, inf, 4.9}}, null);
        CoverageMatrix c = CoverageMatrix.fromCosts(m, 5);
        assertThat(c.coveredDemands(0)).containsExactly(0); // exactly at the radius counts, just beyond does not
        assertThat(c.coverCosts(0)).containsExactly(5);
        assertThat(c.coveredDemands(1)).containsExactly(0, 2);
        assertThat(c.coveringCandidates(0)).containsExactly(0, 1);
        assertThat(c.uncoverableDemands()).containsExactly("y");
        assertThat(c.pairCount()).isEqualTo(3);
        assertThat(c.radius()).isEqualTo(5);
        assertThatThrownBy(() -> CoverageMatrix.fromCosts(m, -1)).hasMessageContaining("radius -1.0");
    }

    @Test
    void coverageFromSetsChecksIndicesAndNames() {
        assertThatThrownBy(() -> CoverageMatrix.of(List.of("a"), List.of("x"), null, List.of(new int[] {1})))
                .hasMessage("candidate 'a' covers demand index 1; expected 0..0");
        assertThatThrownBy(() -> CoverageMatrix.of(List.of("a", "a"), List.of("x"), null, List.of()))
                .hasMessageContaining("candidate name 'a' appears twice");
        CoverageMatrix c = CoverageMatrix.of(List.of("a"), List.of("x", "y"), null, List.of(new int[] {1, 0}));
        assertThat(c.coveredDemands(0)).containsExactly(0, 1);
        assertThat(c.withWeights(Map.of("x", 2.0, "y", 3.0)).totalWeight()).isEqualTo(5);
        assertThatThrownBy(() -> c.withWeights(Map.of("x", 2.0))).hasMessage("no weight given for demand point 'y'");
        assertThatThrownBy(() -> c.withWeights(new double[] {1, -1}))
                .hasMessage("weight -1.0 of demand 'y' must be finite and non-negative");
    }

    @Test
    void optionsAndResultsCheckTheirValues() {
        assertThatThrownBy(() -> SolveOptions.defaults().withTimeLimitSeconds(0))
                .hasMessageContaining("time limit");
        assertThatThrownBy(() -> SolveOptions.defaults().withWorkers(0)).hasMessageContaining("workers 0");
        assertThatThrownBy(() -> new GroupLimit("g", List.of("a"), 2, 1)).hasMessageContaining("limits 2..1");
        assertThatThrownBy(() -> new SitePair("a", "a")).hasMessageContaining("same candidate 'a'");
        assertThat(SitingResult.gap(100, 110)).isEqualTo(0.1);
        assertThat(SitingResult.gap(100, 100)).isZero();
        assertThat(SitingResult.gap(100, Double.NaN)).isNaN();
    }
}
