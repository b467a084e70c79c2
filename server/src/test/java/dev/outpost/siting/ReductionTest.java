package dev.outpost.siting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Model reduction: counts on a hand-made instance, and the same optimum with and without reduction on random
 * instances built to have repeated rows and dominated candidates.
 *
 * <pre>
 * A covers {1,2,3}   B covers {1,2}   C covers {3,4}
 * rows 1 and 2 are both covered by exactly {A,B}: merged (weights summed)
 * B covers a subset of A at no greater cost: dominated, dropped
 * </pre>
 */
class ReductionTest {
    static CoverageMatrix abc() {
        return CoverageMatrix.of(
                List.of("A", "B", "C"),
                List.of("1", "2", "3", "4"),
                new double[] {1, 2, 3, 4},
                List.of(new int[] {0, 1, 2}, new int[] {0, 1}, new int[] {2, 3}));
    }

    @Test
    void mergesRowsAndDropsDominatedCandidates() {
        CoverModel model = CoverModel.reduce(abc(), SiteRules.none(3));
        assertThat(model.reduction).isEqualTo(new Reduction(3, 2, 4, 3, 1, 0, 0, 1));
        assertThat(model.original).containsExactly(0, 2); // A and C remain
        assertThat(model.weight).containsExactly(3, 3, 4); // rows {1,2} merged, 3, 4
    }

    @Test
    void dropsRowsCoveredByFixedSites() {
        MaximalCoveringProblem p = MaximalCoveringProblem.from(abc(), 1).withFixedSites(List.of("C"));
        CoverModel model = CoverModel.reduce(p.matrix(), p.rules());
        // rows 3 and 4 are covered by C (weight 7, kept as a constant); rows 1 and 2 merge; C leaves with its rows and
        // B is dominated by A: only A is left.
        assertThat(model.reduction).isEqualTo(new Reduction(3, 1, 4, 1, 1, 2, 0, 2));
        assertThat(model.constantWeight).isEqualTo(7);
        SitingResult r = new CpSatSolver().solve(p, SolveOptions.defaults());
        assertThat(r.objective()).isEqualTo(10);
        assertThat(r.chosenSites()).containsExactly("A");
        assertThat(r.reduction()).isEqualTo(model.reduction);
    }

    @Test
    void keepsCandidatesThatRulesDistinguish() {
        // B is cheaper than A: not dominated. C is in a group with a minimum: kept.
        MaximalCoveringProblem p = MaximalCoveringProblem.from(abc(), 2)
                .withSiteCosts(Map.of("A", 5.0, "B", 1.0, "C", 1.0), 10)
                .withGroupLimit(new GroupLimit("g", List.of("C"), 1, 1));
        CoverModel model = CoverModel.reduce(p.matrix(), p.rules());
        assertThat(model.reduction.candidatesDominated()).isZero();
        // With capacities nothing is dominated and fixed sites keep their rows.
        MaximalCoveringProblem q = MaximalCoveringProblem.from(abc(), 1)
                .withFixedSites(List.of("C"))
                .withCapacities(Map.of("A", 10.0, "B", 10.0, "C", 1.0));
        CoverModel capModel = CoverModel.reduce(q.matrix(), q.rules());
        assertThat(capModel.reduction.candidatesDominated()).isZero();
        assertThat(capModel.reduction.demandsCoveredByFixedSites()).isZero();
        // C (capacity 1) serves 1 of row 4; A serves rows 1, 2 and 3 (1 + 2 + 3): 7 served. B instead would serve 4.
        SitingResult r = new CpSatSolver().solve(q, SolveOptions.defaults());
        assertThat(r.objective()).isEqualTo(7);
    }

    @Test
    void reducedAndUnreducedOptimaAgree() {
        Random rnd = new Random(99L);
        SitingSolver exact = new CpSatSolver();
        int merged = 0;
        for (int t = 0; t < 30; t++) {
            // few candidates and many demand points: repeated coverage sets are frequent
            RandomAgreementTest.Instance in = RandomAgreementTest.randomInstance(rnd, false);
            int p = 1 + rnd.nextInt(Math.min(3, in.n - 1));
            MaximalCoveringProblem problem = in.mclp(p);
            SitingResult a = exact.solve(problem, SolveOptions.defaults());
            SitingResult b = exact.solve(problem, SolveOptions.defaults().withReduce(false));
            assertThat(a.status()).isEqualTo(b.status());
            if (a.status().hasSolution()) {
                assertThat(a.objective()).as("instance " + t).isEqualTo(b.objective());
                assertThat(b.reduction()).isEqualTo(Reduction.none(in.n, in.m));
            }
            merged += a.reduction().demandsMerged();
            SetCoveringProblem cover = in.lscp(0.8);
            SitingResult c = exact.solve(cover, SolveOptions.defaults());
            SitingResult d = exact.solve(cover, SolveOptions.defaults().withReduce(false));
            assertThat(c.status()).as("instance " + t).isEqualTo(d.status());
            if (c.status().hasSolution()) {
                assertThat(c.objective()).as("instance " + t).isEqualTo(d.objective());
            }
        }
        assertThat(merged).isPositive();
    }
}
