package dev.outpost.siting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.outpost.geo.LatLon;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Small instances whose optimum is worked out by hand in the comments, solved by both solvers.
 *
 * <pre>
 * Covering toy: demand points 1..6 with weights 10, 20, 30, 40, 50, 60 (total 210)
 *   A covers {1,2}   B covers {2,3,4}   C covers {4,5}   D covers {5,6}   E covers {1,6}
 * Pairs (p = 2): AB 100, AC 120, AD 140, AE 90, BC 140, BD 200, BE 160, CC -, CD 150, CE 160, DE 120
 * The unique best pair is B + D (200).
 * </pre>
 */
class ToyProblemsTest {
    static final List<String> SITES = List.of("A", "B", "C", "D", "E");
    static final List<String> POINTS = List.of("1", "2", "3", "4", "5", "6");
    static final double[] WEIGHTS = {10, 20, 30, 40, 50, 60};

    static CoverageMatrix toy() {
        return CoverageMatrix.of(
                SITES,
                POINTS,
                WEIGHTS,
                List.of(new int[] {0, 1}, new int[] {1, 2, 3}, new int[] {3, 4}, new int[] {4, 5}, new int[] {0, 5}));
    }

    static final SitingSolver GREEDY = new GreedySwapSolver();
    static final SitingSolver EXACT = new CpSatSolver();
    static final SolveOptions OPTIONS = SolveOptions.defaults().withTimeLimitSeconds(20);

    static SitingResult[] both(SitingProblem problem) {
        return new SitingResult[] {GREEDY.solve(problem, OPTIONS), EXACT.solve(problem, OPTIONS)};
    }

    @Test
    void maximalCoveringPicksBAndD() {
        for (SitingResult r : both(MaximalCoveringProblem.from(toy(), 2))) {
            assertThat(r.status()).as(r.solver()).isEqualTo(SolveStatus.OPTIMAL);
            assertThat(r.chosenSites()).containsExactlyInAnyOrder("B", "D");
            assertThat(r.objective()).isEqualTo(200);
            assertThat(r.coveredDemandCount()).isEqualTo(5); // all but point 1
            assertThat(r.coveredFraction()).isCloseTo(200.0 / 210, within(1e-12));
        }
    }

    @Test
    void greedyListsSitesInOrderWithGainsAndRunnerUps() {
        // Greedy: D first (110), then B (+90). Swapping D for E gives B+E = 160, for C gives 140, for A gives 100:
        // runner-up of D is E (160). Swapping B: AD 140, CD 150, DE 120 -> C (150).
        SitingResult r = GREEDY.solve(MaximalCoveringProblem.from(toy(), 2), OPTIONS);
        assertThat(r.chosenSites()).containsExactly("D", "B");
        assertThat(r.siteDetails().get(0)).isEqualTo(new ChosenSite("D", 110, "E", 160));
        assertThat(r.siteDetails().get(1)).isEqualTo(new ChosenSite("B", 90, "C", 150));
        // Bound at the start: the two largest single gains, 110 + 90 = 200, which proves optimality.
        assertThat(r.bestBound()).isEqualTo(200);
    }

    @Test
    void fixedSiteChangesTheAnswer() {
        // C (4,5 = 90) exists. New pairs among A,B,D,E add: AB 60, AD 90, AE 90, BD 110, BE 120, DE 70: B + E, 210.
        MaximalCoveringProblem p = MaximalCoveringProblem.from(toy(), 2).withFixedSites(List.of("C"));
        for (SitingResult r : both(p)) {
            assertThat(r.status()).isEqualTo(SolveStatus.OPTIMAL);
            assertThat(r.chosenSites()).containsExactlyInAnyOrder("B", "E");
            assertThat(r.fixedSites()).containsExactly("C");
            assertThat(r.objective()).isEqualTo(210);
            assertThat(r.coveredDemandCount()).isEqualTo(6);
        }
    }

    @Test
    void budgetLimitsTheChoice() {
        // Costs A1 B5 C2 D4 E1, budget 5: affordable pairs AC 120, AD 140, AE 90, CE 160, DE 120 -> C + E.
        MaximalCoveringProblem p = MaximalCoveringProblem.from(toy(), 2)
                .withSiteCosts(Map.of("A", 1.0, "B", 5.0, "C", 2.0, "D", 4.0, "E", 1.0), 5);
        for (SitingResult r : both(p)) {
            assertThat(r.status().hasSolution()).isTrue();
            assertThat(r.chosenSites()).as(r.solver()).containsExactlyInAnyOrder("C", "E");
            assertThat(r.objective()).isEqualTo(160);
        }
        assertThat(EXACT.solve(p, OPTIONS).status()).isEqualTo(SolveStatus.OPTIMAL);
    }

    @Test
    void groupMinimumForcesASite() {
        // At least one new site in {C}: AC 120, BC 140, CD 150, CE 160 -> C + E.
        MaximalCoveringProblem p =
                MaximalCoveringProblem.from(toy(), 2).withGroupLimit(new GroupLimit("south", List.of("C"), 1, 2));
        for (SitingResult r : both(p)) {
            assertThat(r.chosenSites()).as(r.solver()).containsExactlyInAnyOrder("C", "E");
            assertThat(r.objective()).isEqualTo(160);
        }
    }

    @Test
    void groupMaximumAndConflictsExcludePairs() {
        // B-D and C-E may not both open; then BE 160 is the unique best (BD and CE are gone, CD 150).
        MaximalCoveringProblem p = MaximalCoveringProblem.from(toy(), 2)
                .withConflicts(List.of(new SitePair("B", "D"), new SitePair("C", "E")));
        SitingResult best = EXACT.solve(p, OPTIONS);
        assertThat(best.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(best.chosenSites()).containsExactlyInAnyOrder("B", "E");
        assertThat(best.objective()).isEqualTo(160);
        // The greedy takes D (110), cannot take B, adds C (150); no single swap improves D + C (BC 140, AD 140,
        // AC 120; BD and CE conflict). It is honest about it: feasible, not optimal, bound above 160.
        SitingResult greedy = GREEDY.solve(p, OPTIONS);
        assertThat(greedy.chosenSites()).containsExactly("D", "C");
        assertThat(greedy.objective()).isEqualTo(150);
        assertThat(greedy.status()).isEqualTo(SolveStatus.FEASIBLE);
        assertThat(greedy.bestBound()).isGreaterThanOrEqualTo(160);
        // A group {B, D} with at most 1 new site plus the C-E conflict gives the same answer.
        MaximalCoveringProblem q = MaximalCoveringProblem.from(toy(), 2)
                .withGroupLimit(new GroupLimit("north", List.of("B", "D"), 0, 1))
                .withConflicts(List.of(new SitePair("C", "E")));
        SitingResult exact = EXACT.solve(q, OPTIONS);
        assertThat(exact.chosenSites()).containsExactlyInAnyOrder("B", "E");
        assertThat(exact.status()).isEqualTo(SolveStatus.OPTIMAL);
    }

    @Test
    void spacingFromCoordinatesBecomesConflicts() {
        // D and B are 100 m apart, everything else is kilometres apart: a 500 m spacing forbids B + D.
        var positions = Map.of(
                "A", new LatLon(31.000, 121.000),
                "B", new LatLon(31.100, 121.000),
                "C", new LatLon(31.200, 121.100),
                "D", new LatLon(31.1009, 121.000),
                "E", new LatLon(31.300, 121.200));
        MaximalCoveringProblem p = MaximalCoveringProblem.from(toy(), 2).withMinSpacingMeters(500, positions);
        assertThat(p.conflicts()).containsExactly(new SitePair("B", "D"));
        SitingResult r = EXACT.solve(p, OPTIONS);
        assertThat(r.objective()).isEqualTo(160); // BE or CE
        assertThat(r.chosenSites()).hasSize(2);
        assertThat(r.chosenSites().containsAll(List.of("B", "D"))).isFalse();
    }

    @Test
    void capacityLimitsServedWeight() {
        // Capacity of B is 60, others unlimited. BD serves 60 + 110 = 170; CE 160, CD 150; BE 60 + 70 = 130.
        Map<String, Double> caps = Map.of("A", 1e9, "B", 60.0, "C", 1e9, "D", 1e9, "E", Double.POSITIVE_INFINITY);
        MaximalCoveringProblem p = MaximalCoveringProblem.from(toy(), 2).withCapacities(caps);
        SitingResult exact = EXACT.solve(p, OPTIONS);
        assertThat(exact.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(exact.chosenSites()).containsExactlyInAnyOrder("B", "D");
        assertThat(exact.objective()).isEqualTo(170);
        assertThat(exact.coveredWeight()).isEqualTo(170);
        SitingResult greedy = GREEDY.solve(p, OPTIONS);
        assertThat(greedy.objective()).isLessThanOrEqualTo(170);
        assertThat(greedy.bestBound()).isGreaterThanOrEqualTo(170);
    }

    @Test
    void infeasibleGroupsAreReported() {
        // Groups {A,B} and {B,C} each need 2 new sites, so A, B and C must all open; A and C conflict.
        MaximalCoveringProblem p = MaximalCoveringProblem.from(toy(), 3)
                .withGroupLimit(new GroupLimit("g1", List.of("A", "B"), 2, 2))
                .withGroupLimit(new GroupLimit("g2", List.of("B", "C"), 2, 2))
                .withConflicts(List.of(new SitePair("A", "C")));
        SitingResult exact = EXACT.solve(p, OPTIONS);
        assertThat(exact.status()).isEqualTo(SolveStatus.INFEASIBLE);
        assertThat(exact.message()).contains("group limits").contains("spacing");
        assertThat(exact.chosenSites()).isEmpty();
        assertThat(GREEDY.solve(p, OPTIONS).status()).isIn(SolveStatus.UNKNOWN, SolveStatus.INFEASIBLE);
    }

    @Test
    void obviouslyInfeasibleGroupsNeedNoSearch() {
        MaximalCoveringProblem p =
                MaximalCoveringProblem.from(toy(), 2).withGroupLimit(new GroupLimit("all", SITES, 3, 5));
        for (SitingResult r : both(p)) {
            assertThat(r.status()).isEqualTo(SolveStatus.INFEASIBLE);
            assertThat(r.message()).contains("more than p = 2");
        }
        MaximalCoveringProblem q = MaximalCoveringProblem.from(toy(), 2)
                .withSiteCosts(Map.of("A", 1.0, "B", 5.0, "C", 2.0, "D", 4.0, "E", 1.0), 3)
                .withGroupLimit(new GroupLimit("b", List.of("B"), 1, 1));
        assertThat(GREEDY.solve(q, OPTIONS).message()).contains("over the budget of 3");
    }

    @Test
    void pLargerThanCandidatesIsMalformed() {
        assertThatThrownBy(() -> MaximalCoveringProblem.from(toy(), 6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p = 6")
                .hasMessageContaining("5 candidates");
        assertThatThrownBy(() -> MaximalCoveringProblem.from(toy(), 5).withFixedSites(List.of("A")))
                .hasMessageContaining("1 of them fixed");
        assertThatThrownBy(() -> MaximalCoveringProblem.from(toy(), 1).withFixedSites(List.of("Z")))
                .hasMessageContaining("unknown candidate 'Z'");
    }

    /*
     * Set covering toy: 1..6, A {1,2,3}, B {4,5,6}, C {1,4}, D {2,5}, E {3,6}, F {1,2}.
     * Only A + B covers everything with 2 sites; rows 3 {A,E} and 4 {B,C} share no candidate, so 2 is a lower bound.
     */
    static CoverageMatrix coverToy(double[] weights) {
        return CoverageMatrix.of(
                List.of("A", "B", "C", "D", "E", "F"),
                POINTS,
                weights,
                List.of(
                        new int[] {0, 1, 2},
                        new int[] {3, 4, 5},
                        new int[] {0, 3},
                        new int[] {1, 4},
                        new int[] {2, 5},
                        new int[] {0, 1}));
    }

    @Test
    void setCoveringNeedsAAndB() {
        for (SitingResult r : both(SetCoveringProblem.from(coverToy(null)))) {
            assertThat(r.status()).as(r.solver()).isEqualTo(SolveStatus.OPTIMAL);
            assertThat(r.chosenSites()).containsExactlyInAnyOrder("A", "B");
            assertThat(r.objective()).isEqualTo(2);
            assertThat(r.bestBound()).isEqualTo(2);
            assertThat(r.coveredDemandCount()).isEqualTo(6);
        }
    }

    @Test
    void partialCoveringReachesTheTargetWithOneSite() {
        // Weights 10,10,10,10,10,50: B covers 70, E 60, A 30. 65 % of 100 needs B alone.
        double[] w = {10, 10, 10, 10, 10, 50};
        for (SitingResult r : both(SetCoveringProblem.partial(coverToy(w), 0.65))) {
            assertThat(r.status()).isEqualTo(SolveStatus.OPTIMAL);
            assertThat(r.chosenSites()).containsExactly("B");
            assertThat(r.coveredWeight()).isEqualTo(70);
        }
    }

    @Test
    void setCoveringWithAnUncoverablePointIsInfeasible() {
        CoverageMatrix m = CoverageMatrix.of(
                List.of("A", "B"), List.of("p1", "p2", "lonely"), null, List.of(new int[] {0}, new int[] {1}));
        for (SitingResult r : both(SetCoveringProblem.from(m))) {
            assertThat(r.status()).isEqualTo(SolveStatus.INFEASIBLE);
            assertThat(r.message()).contains("lonely");
            assertThat(r.objective()).isNaN();
        }
        SitingResult partial = EXACT.solve(SetCoveringProblem.partial(m, 0.9), OPTIONS);
        assertThat(partial.status()).isEqualTo(SolveStatus.INFEASIBLE);
        assertThat(partial.message()).contains("66.6667 %");
    }

    /*
     * A line: candidates at x = 0, 4, 6, 10; demand at 0, 1, 5, 9, 10 with weights 2, 1, 3, 1, 1; cost = |x - y|.
     * p = 2: {0,4} 15, {0,6} 11, {0,10} 17, {4,6} 21, {4,10} 15, {6,10} 21 -> x0 + x6 = 11.
     * With x10 fixed and p = 1: {10,0} 17, {10,4} 15, {10,6} 21 -> x4 = 15.
     */
    static CostMatrix line() {
        double[] cand = {0, 4, 6, 10};
        double[] dem = {0, 1, 5, 9, 10};
        double[][] c = new double[4][5];
        for (int j = 0; j < 4; j++) {
            for (int i = 0; i < 5; i++) {
                c[j][i] = Math.abs(cand[j] - dem[i]);
            }
        }
        return CostMatrix.of(
                List.of("x0", "x4", "x6", "x10"), List.of("d0", "d1", "d5", "d9", "d10"), c, new double[] {2, 1, 3, 1, 1
                });
    }

    @Test
    void pMedianOnALine() {
        for (SitingResult r : both(PMedianProblem.from(line(), 2))) {
            assertThat(r.chosenSites()).as(r.solver()).containsExactlyInAnyOrder("x0", "x6");
            assertThat(r.objective()).isEqualTo(11);
        }
        SitingResult exact = EXACT.solve(PMedianProblem.from(line(), 2), OPTIONS);
        assertThat(exact.status()).isEqualTo(SolveStatus.OPTIMAL);
        // marginal gain of a p-median site: what closing it alone would add. Closing x6: 15 (x0 only: 0+1+15+9+10=35)
        assertThat(exact.siteDetails()).extracting(ChosenSite::name).containsExactly("x6", "x0");
        assertThat(exact.siteDetails().get(0).marginalGain()).isEqualTo(35 - 11);
        SitingResult fixed = EXACT.solve(PMedianProblem.from(line(), 1).withFixedSites(List.of("x10")), OPTIONS);
        assertThat(fixed.chosenSites()).containsExactly("x4");
        assertThat(fixed.objective()).isEqualTo(15);
    }

    /*
     * Demand at 0, 10, 20, 30; candidates at 0, 5, 15, 25. p = 2: {5,25} has largest distance 5; every other pair
     * has 10 or more.
     */
    @Test
    void pCenterOnALine() {
        double[] cand = {0, 5, 15, 25};
        double[] dem = {0, 10, 20, 30};
        double[][] c = new double[4][4];
        for (int j = 0; j < 4; j++) {
            for (int i = 0; i < 4; i++) {
                c[j][i] = Math.abs(cand[j] - dem[i]);
            }
        }
        CostMatrix m = CostMatrix.of(List.of("c0", "c5", "c15", "c25"), List.of("d0", "d10", "d20", "d30"), c, null);
        for (SitingResult r : both(PCenterProblem.from(m, 2))) {
            assertThat(r.chosenSites()).as(r.solver()).containsExactlyInAnyOrder("c5", "c25");
            assertThat(r.objective()).isEqualTo(5);
        }
        assertThat(EXACT.solve(PCenterProblem.from(m, 2), OPTIONS).status()).isEqualTo(SolveStatus.OPTIMAL);
    }

    @Test
    void pMedianWithAnUnreachablePointIsInfeasible() {
        double inf = Double.POSITIVE_INFINITY;
        CostMatrix m = CostMatrix.of(
                List.of("a", "b"), List.of("near", "far"), new double[][] {{1, inf}, {2, inf}}, new double[] {1, 1});
        for (SitingResult r : both(PMedianProblem.from(m, 1))) {
            assertThat(r.status()).isEqualTo(SolveStatus.INFEASIBLE);
            assertThat(r.message()).contains("far");
        }
        // Missing pairs are usable where others exist: 'far' reachable only from b.
        CostMatrix m2 = CostMatrix.of(
                List.of("a", "b"), List.of("near", "far"), new double[][] {{1, inf}, {2, 7}}, new double[] {1, 1});
        for (SitingResult r : both(PMedianProblem.from(m2, 1))) {
            assertThat(r.chosenSites()).containsExactly("b");
            assertThat(r.objective()).isEqualTo(9);
        }
    }

    @Test
    void coverageCurveFlattensAfterTwoSites() {
        // Greedy: D 110, B +90 (200), A +10 (210, everything), then nothing. 10 % of 210 = 21.
        CoverageCurve curve = CoverageCurve.greedy(MaximalCoveringProblem.from(toy(), 1), 4, 10);
        assertThat(curve.points())
                .extracting(CoverageCurve.Point::greedyCoveredWeight)
                .containsExactly(110.0, 200.0, 210.0, 210.0);
        assertThat(curve.points()).extracting(CoverageCurve.Point::site).containsExactly("D", "B", "A", null);
        assertThat(curve.points())
                .extracting(CoverageCurve.Point::marginalGain)
                .containsExactly(110.0, 90.0, 10.0, 0.0);
        assertThat(curve.flattensAfter()).hasValue(2);
        assertThat(curve.flattenThresholdWeight()).isCloseTo(21, within(1e-12));

        CoverageCurve exact = CoverageCurve.withExact(MaximalCoveringProblem.from(toy(), 1), 3, 10, EXACT, OPTIONS);
        assertThat(exact.points())
                .extracting(CoverageCurve.Point::exactCoveredWeight)
                .containsExactly(110.0, 200.0, 210.0);
        assertThat(exact.points()).extracting(CoverageCurve.Point::exactStatus).containsOnly(SolveStatus.OPTIMAL);
    }
}
