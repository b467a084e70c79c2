package dev.outpost.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.outpost.common.ConflictException;
import dev.outpost.common.NotFoundException;
import dev.outpost.common.ValidationException;
import dev.outpost.demand.DemandSource;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.geo.LatLon;
import dev.outpost.network.TravelMode;
import dev.outpost.siting.ProblemKind;
import dev.outpost.siting.SolveStatus;
import java.io.IOException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The planning service end to end on the line city (see {@link PlanningFixture}): answers worked out by hand from the
 * chain positions, since within 2 minutes a site at cell k reaches exactly cells k - 1, k and k + 1.
 *
 * <p>Uncovered demand after the station at cell 0 (weights 5, 1 there): cells 2..11 weigh 1, 4, 1, 2, 6, 2, 1, 1, 8, 2.
 * New demand a candidate adds alone: C2 5, C3 6, C4 7, C5 9, C6 10, C7 9, planned 8: 4, C9 10, C10 11, C11 10.
 */
class ScenarioServiceTest {
    static PlanningFixture f;

    @BeforeAll
    static void start() throws IOException {
        f = new PlanningFixture("scenario_service");
    }

    @AfterAll
    static void stop() throws IOException {
        if (f != null) {
            f.close();
        }
    }

    static ScenarioRequest mclp(int p, SolverChoice solver) {
        return ScenarioRequest.mclp("两个新站", WorkerGroup.RIDER, p).withMinutes(2).withSolver(solver, 20);
    }

    static List<String> candidates(Scenario s) {
        return s.sites().stream().map(ProposedSite::candidateId).toList();
    }

    @Test
    void maximalCoveringFindsTheHandComputedOptimumWithBothSolvers() {
        for (SolverChoice solver : List.of(SolverChoice.GREEDY, SolverChoice.EXACT)) {
            Scenario s = f.scenarios.create("line", mclp(2, solver), "tester");
            // C10 adds 11 (cells 9, 10, 11), then C6 adds 10 (cells 5, 6, 7); nothing else reaches 21 with 2 sites
            assertThat(candidates(s)).as(solver.code()).containsExactly("C10", "C6");
            assertThat(s.sites()).extracting(ProposedSite::marginalGain).containsExactly(11.0, 10.0);
            assertThat(s.solve().objective()).isEqualTo(27.0);
            assertThat(s.solve().bestBound()).isGreaterThanOrEqualTo(27.0);
            assertThat(s.figures().totalDemand()).isEqualTo(34.0);
            assertThat(s.figures().coveredBefore()).isEqualTo(6.0);
            assertThat(s.figures().coveredAfter()).isEqualTo(27.0);
            assertThat(s.figures().districts())
                    .extracting(
                            AreaFigures::code,
                            AreaFigures::demand,
                            AreaFigures::coveredBefore,
                            AreaFigures::coveredAfter,
                            AreaFigures::newSites)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("E", 14.0, 0.0, 13.0, 1),
                            org.assertj.core.groups.Tuple.tuple("W", 20.0, 6.0, 14.0, 1));
            ProposedSite c10 = s.sites().get(0);
            assertThat(c10.reachedDemand()).isEqualTo(11.0);
            assertThat(c10.newDemand()).isEqualTo(11.0);
            assertThat(c10.exclusiveDemand()).isEqualTo(11.0);
            assertThat(c10.overlapShare()).isZero();
            assertThat(c10.districtCode()).isEqualTo("E");
            assertThat(c10.name()).isEqualTo("候选点10号");
            // the best replacement of C10 (C9 or C11, 10 each) gives 26
            assertThat(c10.runnerUpCandidateId()).isIn("C9", "C11");
            assertThat(c10.runnerUpObjective()).isEqualTo(26.0);
            assertThat(s.inputs().mode()).isEqualTo(TravelMode.EBIKE);
            assertThat(s.inputs().stations())
                    .extracting(Site::id)
                    .containsExactly(CandidateService.registerId(f.existing.id()));
            assertThat(s.inputs().candidateCount()).isEqualTo(10);
            assertThat(s.curve().points())
                    .extracting(CurveSummary.Point::coveredDemand)
                    .containsExactly(17.0, 27.0);
        }
    }

    @Test
    void heuristicAndExactAgreeAndTheExactBoundIsNeverBelowTheBestKnown() {
        double[] expected = {17, 27, 33, 34};
        for (int p = 1; p <= 4; p++) {
            Scenario g = f.scenarios.create("line", mclp(p, SolverChoice.GREEDY), "tester");
            Scenario e = f.scenarios.create("line", mclp(p, SolverChoice.EXACT), "tester");
            assertThat(e.solve().objective()).as("p = %d", p).isEqualTo(expected[p - 1]);
            assertThat(g.solve().objective())
                    .as("p = %d", p)
                    .isEqualTo(e.solve().objective());
            assertThat(e.solve().status()).isEqualTo(SolveStatus.OPTIMAL);
            assertThat(e.solve().gap()).isZero();
            assertThat(e.solve().bestBound()).isGreaterThanOrEqualTo(g.solve().objective());
            assertThat(g.solve().bestBound()).isGreaterThanOrEqualTo(e.solve().objective());
            assertThat(e.figures().coveredAfter()).isEqualTo(expected[p - 1]);
        }
    }

    @Test
    void partialAndFullSetCoveringFindTheFewestSites() {
        ScenarioRequest base = mclp(1, SolverChoice.EXACT);
        // one site adds at most 11: 17 / 34 = 0.5; two at most 21: 27 / 34 = 0.79; three 33 / 34 = 0.97
        Scenario p75 = f.scenarios.create("line", base.withProblem(ProblemKind.PARTIAL_COVERING, null, 0.75), "t");
        assertThat(p75.sites()).hasSize(2);
        assertThat(p75.solve().objective()).isEqualTo(2.0);
        assertThat(p75.solve().status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(p75.figures().fractionAfter()).isGreaterThanOrEqualTo(0.75);
        Scenario p95 = f.scenarios.create("line", base.withProblem(ProblemKind.PARTIAL_COVERING, null, 0.95), "t");
        assertThat(p95.sites()).hasSize(3);
        assertThat(p95.figures().fractionAfter()).isGreaterThanOrEqualTo(0.95);
        // every cell of 2..12 (12 has weight 0 but is a demand cell): 11 cells, 3 each, so 4
        Scenario all = f.scenarios.create("line", base.withProblem(ProblemKind.SET_COVERING, null, null), "t");
        assertThat(all.sites()).hasSize(4);
        assertThat(all.solve().status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(all.figures().cellsCoveredAfter()).isEqualTo(13);
        Scenario target1 = f.scenarios.create("line", base.withProblem(ProblemKind.PARTIAL_COVERING, null, 1.0), "t");
        assertThat(target1.solve().problem()).isEqualTo(ProblemKind.SET_COVERING);
        assertThat(target1.sites()).hasSize(4);
    }

    @Test
    void anInfeasibleBudgetOrTargetIsAClearMessageAndStoresNothing() {
        int before = f.scenarios.list("line", 1000).size();
        // every candidate costs at least 10 万元: 25 buys two sites, which reach at most 27 / 34 < 0.95
        ScenarioRequest r = mclp(1, SolverChoice.EXACT)
                .withProblem(ProblemKind.PARTIAL_COVERING, null, 0.95)
                .withConstraints(new SiteConstraints(25.0, 10.0, List.of(), null, null));
        assertThatThrownBy(() -> f.scenarios.create("line", r, "t"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("constraints")
                .hasMessageContaining("no feasible answer (infeasible, cp-sat)");
        // the island cell 3 km north cannot be reached by any site: covering everything is impossible
        ScenarioRequest lscp = mclp(1, SolverChoice.GREEDY).withProblem(ProblemKind.SET_COVERING, null, null);
        assertThatThrownBy(() -> f.scenarios.create("iso", lscp, "t"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("no feasible answer");
        assertThat(f.scenarios.list("line", 1000)).hasSize(before);
    }

    @Test
    void budgetDistrictLimitsAndCapacityChangeTheAnswerAsWorkedOut() {
        // east gets no new site: the best two in the west are C6 (10) and C3 (6)
        Scenario west = f.scenarios.create(
                "line",
                mclp(2, SolverChoice.EXACT)
                        .withConstraints(
                                new SiteConstraints(null, null, List.of(new DistrictLimit("E", 0, 0)), null, null)),
                "t");
        assertThat(new HashSet<>(candidates(west))).containsExactlyInAnyOrder("C6", "C3");
        assertThat(west.figures().newlyCovered()).isEqualTo(16.0);
        // 30 万元 cannot buy C10 or C11 (50 each): C6 (10) and C9 (10) add 20; the planned station costs the default 10
        Scenario budget = f.scenarios.create(
                "line",
                mclp(2, SolverChoice.EXACT).withConstraints(new SiteConstraints(30.0, 10.0, List.of(), null, null)),
                "t");
        assertThat(new HashSet<>(candidates(budget))).containsExactlyInAnyOrder("C6", "C9");
        assertThat(budget.figures().newlyCovered()).isEqualTo(20.0);
        assertThat(budget.sites()).extracting(ProposedSite::costWanYuan).containsOnly(10.0);
        // 3 seats of 1 worker each everywhere: the station and each new site serve 3
        Scenario capacity = f.scenarios.create(
                "line",
                mclp(2, SolverChoice.EXACT)
                        .withConstraints(new SiteConstraints(null, null, List.of(), null, new CapacityRule(1, 3))),
                "t");
        assertThat(capacity.solve().objective()).isEqualTo(9.0);
        assertThat(capacity.solve().status()).isEqualTo(SolveStatus.OPTIMAL);
        // spacing: no two new sites closer than the distance of C6 and C10 plus a metre
        double d = f.city.centre(6).distanceMeters(f.city.centre(10)) + 1;
        Scenario spaced = f.scenarios.create(
                "line",
                mclp(2, SolverChoice.EXACT).withConstraints(new SiteConstraints(null, null, List.of(), d, null)),
                "t");
        assertThat(spaced.sites()).hasSize(2);
        assertThat(spaced.sites()
                        .get(0)
                        .position()
                        .distanceMeters(spaced.sites().get(1).position()))
                .isGreaterThanOrEqualTo(d);
        assertThat(spaced.solve().objective()).isLessThan(27.0);
    }

    @Test
    void pMedianAndPCenterAssignEveryReachableCell() {
        CandidateFilter imported = new CandidateFilter(EnumSet.of(CandidateSource.IMPORT), null, null);
        ScenarioRequest base =
                mclp(1, SolverChoice.EXACT).withCandidates(imported).withSearchMinutes(30);
        // in steps of about 91 s: C6 + C10 leave 26 weighted steps, C5 + C10 27, every other pair more
        Scenario median = f.scenarios.create("line", base.withProblem(ProblemKind.P_MEDIAN, 2, null), "t");
        assertThat(new HashSet<>(candidates(median))).containsExactlyInAnyOrder("C6", "C10");
        assertThat(median.solve().status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(median.solve().objectiveUnit()).isEqualTo("weighted_seconds");
        assertThat(median.solve().objective() / 26).isCloseTo(91, within(4.0));
        assertThat(median.inputs().costMatrixIds()).hasSize(2);
        // the farthest cell is 2 steps from C5 + C10 and 3 steps from any other pair
        Scenario center = f.scenarios.create("line", base.withProblem(ProblemKind.P_CENTER, 2, null), "t");
        assertThat(new HashSet<>(candidates(center))).containsExactlyInAnyOrder("C5", "C10");
        assertThat(center.solve().objective()).isBetween(170.0, 195.0);
        // within 2 minutes of the community centres C2, C6, C10 and the station, cells 4 and 8 reach nothing
        ScenarioRequest centres = base.withCandidates(new CandidateFilter(
                        EnumSet.of(CandidateSource.IMPORT), EnumSet.of(CandidateKind.COMMUNITY_CENTRE), null))
                .withSearchMinutes(2)
                .withProblem(ProblemKind.P_MEDIAN, 2, null);
        assertThatThrownBy(() -> f.scenarios.create("line", centres, "t"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("field 'searchMinutes': 2 demand cells (weight 2.00")
                .hasMessageContaining("reach no station or candidate within 2 minutes");
        // every cell reaches some candidate within 2 minutes, but no 2 of them reach all: proven infeasible
        assertThatThrownBy(() -> f.scenarios.create(
                        "line", base.withSearchMinutes(2).withProblem(ProblemKind.P_MEDIAN, 2, null), "t"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("field 'searchMinutes': no feasible answer (infeasible, cp-sat)")
                .hasMessageContaining("reach every demand point");
    }

    @Test
    void whatIfEditsAreIncrementalAndEqualAFullRecomputation() {
        Scenario s = f.scenarios.create("line", mclp(2, SolverChoice.GREEDY), "t");
        // add C2: it reaches cells 1 (station-covered), 2 and 3: 6, of which 1 overlaps the station's circle
        Scenario added = f.scenarios.addSite("line", s.id(), SiteEdit.candidate("C2"));
        ProposedSite c2 = added.findSite(3).orElseThrow();
        assertThat(c2.origin()).isEqualTo(SiteOrigin.ADDED);
        assertThat(c2.reachedDemand()).isEqualTo(6.0);
        assertThat(c2.newDemand()).isEqualTo(5.0);
        assertThat(c2.overlapShare()).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(c2.marginalGain()).isNaN();
        assertThat(added.figures().coveredAfter()).isEqualTo(32.0);
        assertThat(added.editCount()).isEqualTo(1);
        assertSameFigures(added, f.scenarios.recompute("line", s.id()));

        // move C6's site to a point at cell 8 (reaches 7, 8, 9): the west loses 5 and 6, the east gains 7 and 8
        int c6 = added.sites().stream()
                .filter(x -> "C6".equals(x.candidateId()))
                .findFirst()
                .orElseThrow()
                .siteId();
        Scenario moved = f.scenarios.moveSite("line", s.id(), c6, SiteEdit.at(f.city.centre(8), "八号路口"));
        ProposedSite point = moved.findSite(c6).orElseThrow();
        assertThat(point.candidateId()).isNull();
        assertThat(point.origin()).isEqualTo(SiteOrigin.MOVED);
        assertThat(point.districtCode()).isEqualTo("E");
        assertThat(point.reachedDemand()).isEqualTo(4.0);
        assertThat(point.exclusiveDemand()).isEqualTo(3.0); // cell 9 is also C10's
        assertThat(moved.figures().coveredAfter()).isEqualTo(32.0 - 10 + 3);
        assertSameFigures(moved, f.scenarios.recompute("line", s.id()));

        // move C10 onto candidate C11 (reaches 10, 11, 12), then remove C2
        int c10 = moved.sites().stream()
                .filter(x -> "C10".equals(x.candidateId()))
                .findFirst()
                .orElseThrow()
                .siteId();
        Scenario swapped = f.scenarios.moveSite("line", s.id(), c10, SiteEdit.candidate("C11"));
        assertThat(swapped.findSite(c10).orElseThrow().candidateId()).isEqualTo("C11");
        assertSameFigures(swapped, f.scenarios.recompute("line", s.id()));
        Scenario removed = f.scenarios.removeSite("line", s.id(), 3);
        assertThat(removed.sites()).hasSize(2);
        assertThat(removed.editCount()).isEqualTo(4);
        assertSameFigures(removed, f.scenarios.recompute("line", s.id()));
        // stored as edited
        Scenario stored = f.scenarios.get("line", s.id());
        assertThat(stored.figures()).isEqualTo(removed.figures());
        assertThat(stored.sites()).isEqualTo(removed.sites());
        // the solve summary keeps what the solver said
        assertThat(stored.solve()).isEqualTo(s.solve());

        assertThatThrownBy(() -> f.scenarios.addSite("line", s.id(), SiteEdit.candidate("C11")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already site");
        assertThatThrownBy(() -> f.scenarios.addSite("line", s.id(), SiteEdit.candidate("C99")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.scenarios.removeSite("line", s.id(), 42)).isInstanceOf(NotFoundException.class);
    }

    /** Chain position of each listed cell → the rank of the site credited with it (0: none), per state. */
    static java.util.Map<Integer, Integer> byChain(ScenarioCells cells, ScenarioCell.State state) {
        java.util.Map<Integer, Integer> out = new java.util.TreeMap<>();
        for (ScenarioCell c : cells.cells()) {
            if (c.state() == state) {
                out.put(f.city.cells.indexOf(c.cell()), c.siteRank() == null ? 0 : c.siteRank());
            }
        }
        return out;
    }

    @Test
    void theCellsBeforeAndAfterAreTheHandComputedOnesAndFollowEdits() {
        Scenario s = f.scenarios.create("line", mclp(2, SolverChoice.GREEDY), "t");
        // C10 (rank 1) reaches cells 9–11, C6 (rank 2) cells 5–7; the station cells 0 and 1; cell 12 weighs 0
        ScenarioCells all = f.scenarios.cells("line", s.id(), EnumSet.allOf(ScenarioCell.State.class));
        assertThat(byChain(all, ScenarioCell.State.COVERED)).isEqualTo(java.util.Map.of(0, 0, 1, 0));
        assertThat(byChain(all, ScenarioCell.State.NEW))
                .isEqualTo(java.util.Map.of(5, 2, 6, 2, 7, 2, 9, 1, 10, 1, 11, 1));
        assertThat(byChain(all, ScenarioCell.State.UNCOVERED)).isEqualTo(java.util.Map.of(2, 0, 3, 0, 4, 0, 8, 0));
        assertThat(all.covered()).isEqualTo(new ScenarioCells.Tally(2, 6.0));
        assertThat(all.fresh()).isEqualTo(new ScenarioCells.Tally(6, 21.0)); // 27 − 6
        assertThat(all.uncovered()).isEqualTo(new ScenarioCells.Tally(4, 7.0));
        assertThat(all.resolution()).isEqualTo(9);
        assertThat(all.cells()).hasSize(12);
        ScenarioCell nine = all.cells().stream()
                .filter(c -> c.cell() == f.city.cells.get(9))
                .findFirst()
                .orElseThrow();
        assertThat(nine.weight()).isEqualTo(1.0);
        assertThat(nine.coveredBefore()).isFalse();
        assertThat(nine.coveredAfter()).isTrue();
        assertThat(nine.siteId()).isEqualTo(s.sites().get(0).siteId());
        // only the new ones
        assertThat(f.scenarios
                        .cells("line", s.id(), EnumSet.of(ScenarioCell.State.NEW))
                        .cells())
                .hasSize(6);

        // add C2 (rank 3: cells 1–3) and C5 (rank 4: cells 4–6): cells 5 and 6 stay C6's, the better-ranked site
        f.scenarios.addSite("line", s.id(), SiteEdit.candidate("C2"));
        Scenario edited = f.scenarios.addSite("line", s.id(), SiteEdit.candidate("C5"));
        ScenarioCells after = f.scenarios.cells("line", s.id(), EnumSet.allOf(ScenarioCell.State.class));
        assertThat(after.editCount()).isEqualTo(2);
        assertThat(byChain(after, ScenarioCell.State.NEW))
                .isEqualTo(java.util.Map.of(2, 3, 3, 3, 4, 4, 5, 2, 6, 2, 7, 2, 9, 1, 10, 1, 11, 1));
        assertThat(byChain(after, ScenarioCell.State.UNCOVERED)).isEqualTo(java.util.Map.of(8, 0));
        assertThat(after.fresh().weight())
                .isEqualTo(edited.figures().coveredAfter() - edited.figures().coveredBefore())
                .isEqualTo(27.0);
        assertThatThrownBy(() -> f.scenarios.cells("line", 424242, EnumSet.allOf(ScenarioCell.State.class)))
                .isInstanceOf(NotFoundException.class);
    }

    static void assertSameFigures(Scenario incremental, Scenario full) {
        assertThat(incremental.figures()).isEqualTo(full.figures());
        assertThat(incremental.sites()).isEqualTo(full.sites());
    }

    @Test
    void scenariosAreStoredReadBackAndCompared() {
        Scenario a = f.scenarios.create("line", mclp(2, SolverChoice.EXACT), "规划员");
        Scenario b = f.scenarios.create(
                "line",
                mclp(2, SolverChoice.EXACT)
                        .withName("只在西区")
                        .withConstraints(
                                new SiteConstraints(null, null, List.of(new DistrictLimit("E", 0, 0)), null, null)),
                "规划员");
        assertThat(f.scenarios.get("line", a.id())).isEqualTo(a);
        assertThat(f.scenarios.get("line", b.id()).name()).isEqualTo("只在西区");
        assertThat(f.scenarios.list("line", 1000)).extracting(Scenario::id).contains(a.id(), b.id());

        ScenarioComparison c = f.scenarios.compare("line", a.id(), b.id());
        assertThat(c.comparable()).isTrue();
        assertThat(c.notes()).isEmpty();
        assertThat(c.onlyInA()).extracting(ProposedSite::candidateId).containsExactly("C10");
        assertThat(c.onlyInB()).extracting(ProposedSite::candidateId).containsExactly("C3");
        assertThat(c.inBoth())
                .extracting(ScenarioComparison.SharedSite::candidateId)
                .containsExactly("C6");
        assertThat(c.districts())
                .extracting(ScenarioComparison.DistrictSideBySide::code)
                .containsExactly("E", "W");
        assertThat(c.districts().get(0).a().coveredAfter()).isEqualTo(13.0);
        assertThat(c.districts().get(0).b().coveredAfter()).isEqualTo(2.0); // cell 7, reached from C6

        // the status column (issue 6 drives it): a submitted scenario cannot be edited
        assertThat(f.scenarioRepository.changeStatus("line", b.id(), ScenarioStatus.SUBMITTED))
                .isTrue();
        assertThat(f.scenarios.get("line", b.id()).status()).isEqualTo(ScenarioStatus.SUBMITTED);
        assertThatThrownBy(() -> f.scenarios.removeSite("line", b.id(), 1))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("submitted");
        assertThat(f.scenarioRepository.changeStatus("line", 999_999, ScenarioStatus.APPROVED))
                .isFalse();
        assertThatThrownBy(() -> f.scenarios.get("line", 999_999)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.scenarios.get("iso", a.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theReviewSeesEachScenariosSitesWithTheCellsTheyReach() {
        Scenario s = f.scenarios.create("line", mclp(2, SolverChoice.GREEDY).withName("给评审看"), "t");
        ScenarioProposals proposals = new ScenarioProposals(f.scenarioRepository, f.matrices, f.districts, 1000);
        List<dev.outpost.review.ProposedSite> east = proposals.proposedSites("line", "E", WorkerGroup.RIDER).stream()
                .filter(p -> p.scenarioId() == s.id())
                .toList();
        assertThat(east).hasSize(1);
        assertThat(east.get(0).siteName()).isEqualTo("候选点10号");
        assertThat(east.get(0).scenarioName()).isEqualTo("给评审看");
        assertThat(east.get(0).status()).isEqualTo("draft");
        assertThat(east.get(0).coveredCells())
                .containsExactlyInAnyOrder(f.city.cells.get(9), f.city.cells.get(10), f.city.cells.get(11));
        assertThat(proposals.proposedSites("line", "W", WorkerGroup.RIDER).stream()
                        .filter(p -> p.scenarioId() == s.id())
                        .map(dev.outpost.review.ProposedSite::siteName))
                .containsExactly("候选点6号");
        assertThat(proposals.proposedSites("line", "W", WorkerGroup.TRUCK)).isEmpty();
        assertThat(proposals.proposedSites("line", "nowhere", WorkerGroup.RIDER))
                .isEmpty();
    }

    @Test
    void matricesAreBuiltOnceAndNeverReusedUnderAnotherKey() {
        Scenario first = f.scenarios.create("line", mclp(1, SolverChoice.GREEDY), "t");
        Scenario again = f.scenarios.create("line", mclp(1, SolverChoice.GREEDY), "t");
        assertThat(again.inputs().candidateMatrixId()).isEqualTo(first.inputs().candidateMatrixId());
        assertThat(again.inputs().stationMatrixId()).isEqualTo(first.inputs().stationMatrixId());
        ScenarioService.Plan plan = f.scenarios.prepare("line", mclp(1, SolverChoice.GREEDY));
        assertThat(plan.matricesReady()).isTrue();
        // other minutes: another matrix
        Scenario three = f.scenarios.create("line", mclp(1, SolverChoice.GREEDY).withMinutes(3), "t");
        assertThat(three.inputs().candidateMatrixId())
                .isNotEqualTo(first.inputs().candidateMatrixId());
        // another candidate set: another matrix
        Scenario importedOnly = f.scenarios.create(
                "line",
                mclp(1, SolverChoice.GREEDY)
                        .withCandidates(new CandidateFilter(EnumSet.of(CandidateSource.IMPORT), null, null)),
                "t");
        assertThat(importedOnly.inputs().candidateMatrixId())
                .isNotEqualTo(first.inputs().candidateMatrixId());
        assertThat(importedOnly.inputs().candidateSetSha256())
                .isNotEqualTo(first.inputs().candidateSetSha256());
        // a new demand layer: the matrices are not reused
        f.demand.save("line", f.layer(null).scaled(2), DemandSource.CELLS, "doubled");
        try {
            assertThat(f.scenarios.prepare("line", mclp(1, SolverChoice.GREEDY)).matricesReady())
                    .isFalse();
            Scenario doubled = f.scenarios.create("line", mclp(1, SolverChoice.GREEDY), "t");
            assertThat(doubled.inputs().demandLayerId())
                    .isNotEqualTo(first.inputs().demandLayerId());
            assertThat(doubled.inputs().candidateMatrixId())
                    .isNotEqualTo(first.inputs().candidateMatrixId());
            assertThat(doubled.figures().totalDemand()).isEqualTo(68.0);
            // the matrix the stored scenarios refer to is kept
            assertThat(f.reachRepository.findById("line", first.inputs().candidateMatrixId()))
                    .isPresent();
            // and the old scenario still edits on its own layer
            Scenario edited = f.scenarios.addSite("line", first.id(), SiteEdit.candidate("C3"));
            assertThat(edited.figures().totalDemand()).isEqualTo(34.0);
        } finally {
            f.demand.save("line", f.layer(null), DemandSource.CELLS, "line city again");
        }
    }

    @Test
    void aStoredMatrixReadsBackExactly() {
        Scenario s = f.scenarios.create("line", mclp(1, SolverChoice.GREEDY), "t");
        SiteReach stored = f.reachRepository
                .findById("line", s.inputs().candidateMatrixId())
                .orElseThrow();
        PlanningContext ctx = f.matrices.context(
                "line", WorkerGroup.RIDER, TravelMode.EBIKE, s.inputs().demandLayerId());
        List<Site> sites = f.candidates.find("line", WorkerGroup.RIDER, CandidateFilter.defaults()).stream()
                .map(c -> new Site(c.id(), c.position()))
                .toList();
        SiteReach fresh = f.matrices.compute(ctx, sites, 2);
        assertThat(stored).isEqualTo(fresh);
        // cell k of the chain is reached by the candidates at k - 1, k, k + 1 only
        int c10 = stored.findSite("C10").getAsInt();
        Set<Integer> reached = new HashSet<>();
        for (int i : stored.cells(c10)) {
            reached.add(i);
        }
        assertThat(reached).containsExactlyInAnyOrder(f.demandIndex(9), f.demandIndex(10), f.demandIndex(11));
        assertThat(java.util.Arrays.stream(stored.seconds(c10)).boxed().toList())
                .allSatisfy(t -> assertThat(t).isBetween(0, 100));
    }

    @Test
    void badRequestsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> f.scenarios.prepare("line", mclp(11, SolverChoice.GREEDY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("p: 11 new sites is more than the 10 candidates that match; at most 10");
        assertThatThrownBy(() -> f.scenarios.prepare(
                        "line",
                        mclp(2, SolverChoice.GREEDY)
                                .withConstraints(new SiteConstraints(
                                        null, null, List.of(new DistrictLimit("X", 1, 2)), null, null))))
                .hasMessageContaining("unknown district 'X'");
        assertThatThrownBy(() -> f.scenarios.prepare(
                        "line",
                        mclp(2, SolverChoice.GREEDY)
                                .withConstraints(new SiteConstraints(30.0, null, List.of(), null, null))))
                .hasMessageContaining("budget: 1 candidates have no cost");
        assertThatThrownBy(() -> f.scenarios.prepare(
                        "line",
                        mclp(2, SolverChoice.GREEDY)
                                .withCandidates(new CandidateFilter(EnumSet.of(CandidateSource.OSM), null, null))))
                .hasMessageContaining("candidates: none match");
        assertThatThrownBy(() -> ScenarioRequest.mclp("x", WorkerGroup.RIDER, 0))
                .hasMessageContaining("p: problem 'mclp' needs p");
        assertThatThrownBy(() -> mclp(1, SolverChoice.GREEDY).withProblem(ProblemKind.PARTIAL_COVERING, null, 1.5))
                .hasMessageContaining("targetCoverage");
        assertThatThrownBy(() -> mclp(1, SolverChoice.GREEDY)
                        .withProblem(ProblemKind.P_MEDIAN, 1, null)
                        .withConstraints(new SiteConstraints(10.0, 1.0, List.of(), null, null)))
                .hasMessageContaining("takes no budget");
        assertThatThrownBy(() -> f.scenarios.prepare("nowhere-region", mclp(1, SolverChoice.GREEDY)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void greenfieldCandidatesAreEveryDemandCell() {
        Scenario s = f.scenarios.create(
                "line",
                mclp(2, SolverChoice.EXACT)
                        .withCandidates(new CandidateFilter(EnumSet.of(CandidateSource.GREENFIELD), null, null)),
                "t");
        // the same optimum as with the imported candidates: the cells of C10 and C6
        assertThat(s.solve().objective()).isEqualTo(27.0);
        assertThat(candidates(s))
                .containsExactly(
                        "h3:" + dev.outpost.geo.HexGrid.address(f.city.cells.get(10)),
                        "h3:" + dev.outpost.geo.HexGrid.address(f.city.cells.get(6)));
        assertThat(s.sites()).allSatisfy(x -> assertThat(x.kind()).isEqualTo(CandidateKind.DEMAND_CELL));
        assertThat(s.inputs().candidateCount()).isEqualTo(13);
    }

    @Test
    void osmHostSitesAreImportedFromAnExtract() throws IOException {
        java.nio.file.Path osm = f.dir.resolve("hosts.osm");
        LatLon a = f.city.centre(3);
        LatLon b = f.city.centre(9);
        java.nio.file.Files.writeString(
                osm,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\">\n"
                        + node(
                                1,
                                a,
                                "<tag k=\"amenity\" v=\"fuel\"/><tag k=\"name\" v=\"中石化长街站\"/>"
                                        + "<tag k=\"shop\" v=\"convenience\"/>")
                        + node(2, b, "<tag k=\"shop\" v=\"convenience\"/>")
                        + node(3, b, "<tag k=\"amenity\" v=\"restaurant\"/><tag k=\"name\" v=\"面馆\"/>")
                        + "</osm>\n",
                java.nio.charset.StandardCharsets.UTF_8);
        CandidateService withOsm = new CandidateService(
                new dev.outpost.store.JooqCandidateRepository(f.db.database()),
                f.stations,
                f.districts,
                f.demand,
                dev.outpost.coverage.ServingRules.defaults(),
                new dev.outpost.network.graphhopper.OsmPoiSource(1));
        CandidateImportReport dry = withOsm.importOsm("iso", osm, true);
        assertThat(dry.created()).isEqualTo(2);
        assertThat(withOsm.find(
                        "iso", WorkerGroup.RIDER, new CandidateFilter(EnumSet.of(CandidateSource.OSM), null, null)))
                .isEmpty();
        CandidateImportReport r = withOsm.importOsm("iso", osm, false);
        assertThat(r.created()).isEqualTo(2);
        List<Candidate> hosts = withOsm.find(
                "iso", WorkerGroup.RIDER, new CandidateFilter(EnumSet.of(CandidateSource.OSM), null, null));
        assertThat(hosts)
                .extracting(Candidate::id, Candidate::kind, Candidate::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("osm:n1", CandidateKind.GAS_STATION, "中石化长街站"),
                        org.assertj.core.groups.Tuple.tuple("osm:n2", CandidateKind.CONVENIENCE_STORE, "便利店 n2"));
        assertThat(withOsm.importOsm("iso", osm, false).unchanged()).isEqualTo(2);
    }

    private static String node(long id, LatLon at, String tags) {
        return String.format(
                java.util.Locale.ROOT,
                "  <node id=\"%d\" version=\"1\" lat=\"%.9f\" lon=\"%.9f\">%s</node>%n",
                id,
                at.lat(),
                at.lon(),
                tags);
    }

    @Test
    void registerCandidatesAreTheNonServingStationsAndDistrictsAreAssigned() {
        List<Candidate> all = f.candidates.find("line", WorkerGroup.RIDER, CandidateFilter.defaults());
        assertThat(all).hasSize(10);
        Candidate planned = all.stream()
                .filter(c -> c.source() == CandidateSource.REGISTER)
                .findFirst()
                .orElseThrow();
        assertThat(planned.id()).isEqualTo(f.candidateAt(8));
        assertThat(planned.kind()).isEqualTo(CandidateKind.PLANNED_STATION);
        assertThat(planned.districtCode()).isEqualTo("E");
        assertThat(all.stream().filter(c -> "W".equals(c.districtCode())).map(Candidate::id))
                .containsExactlyInAnyOrder("C2", "C3", "C4", "C5", "C6");
        List<Candidate> greenfield = f.candidates.find(
                "line",
                WorkerGroup.RIDER,
                new CandidateFilter(EnumSet.of(CandidateSource.GREENFIELD), null, Set.of("W")));
        assertThat(greenfield).hasSize(7);
        assertThat(greenfield).allSatisfy(c -> assertThat(c.kind()).isEqualTo(CandidateKind.DEMAND_CELL));
        assertThat(f.candidates.findById(
                        "line", WorkerGroup.RIDER, greenfield.get(0).id()))
                .contains(greenfield.get(0));
        LatLon at = f.city.centre(4);
        assertThat(f.candidates.find(
                        "line",
                        WorkerGroup.RIDER,
                        new CandidateFilter(
                                EnumSet.of(CandidateSource.IMPORT), EnumSet.of(CandidateKind.GAS_STATION), null)))
                .extracting(Candidate::id)
                .containsExactly("C4");
        assertThat(f.candidates
                        .findById("line", WorkerGroup.RIDER, "C4")
                        .orElseThrow()
                        .position()
                        .distanceMeters(at))
                .isLessThan(0.001);
    }
}
