package dev.outpost.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.outpost.common.Actor;
import dev.outpost.common.ConflictException;
import dev.outpost.common.NotFoundException;
import dev.outpost.coverage.ServingRules;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.station.Station;
import dev.outpost.station.StationKind;
import dev.outpost.station.StationListener;
import dev.outpost.station.StationStatus;
import dev.outpost.store.DbSnapshot;
import dev.outpost.store.JooqProposalRepository;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The proposal workflow on the line city ({@link PlanningFixture}: districts W, cells 0–6, and E, cells 7–12) on a
 * real PostGIS. With one new site and T = 2 minutes the solver picks C10 (cells 9, 10, 11: 11 workers), a community
 * centre in E ({@code kinds[10 % 4]} of the fixture's file), which becomes a planned Party-mass service centre.
 */
class ProposalServiceTest {
    static PlanningFixture f;
    static ProposalService proposals;
    static JooqProposalRepository repository;
    static final List<Station> told = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        f = new PlanningFixture("proposal_service");
        repository = new JooqProposalRepository(f.db.database());
        proposals = new ProposalService(
                f.scenarioRepository,
                repository,
                f.districts,
                f.stations,
                ServingRules.defaults(),
                new StationListener() {
                    @Override
                    public void saved(Station station) {
                        told.add(station);
                    }

                    @Override
                    public void deleted(String regionCode, long stationId) {}
                },
                Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws IOException {
        if (f != null) {
            f.close();
        }
    }

    static Scenario solve(String name, int p) {
        return f.scenarios.create(
                "line",
                ScenarioRequest.mclp(name, WorkerGroup.RIDER, p).withMinutes(2).withSolver(SolverChoice.GREEDY, 20),
                "planner-li");
    }

    static <T> T as(String actor, java.util.function.Supplier<T> work) {
        return Actor.as(actor, work);
    }

    DSLContext sql() {
        return f.db.database().dsl();
    }

    /** The audit rows of a scenario, oldest first: actor and the after-state's step. */
    List<String> scenarioAudit(long id) {
        return sql().fetch(
                        "SELECT actor, after ->> 'step' AS step, after ->> 'districtCode' AS area FROM audit_log"
                                + " WHERE region_code = 'line' AND entity = 'scenario' AND entity_id = ?"
                                + " AND jsonb_exists(after, 'step') ORDER BY audit_id",
                        Long.toString(id))
                .map(r -> r.get("actor", String.class) + ":" + r.get("step", String.class) + ":"
                        + r.get("area", String.class));
    }

    @Test
    void aSubmittedProposalIsApprovedAndItsSitesBecomePlannedStationsInTheRegister() {
        Scenario s = solve("东区一个新站", 1);
        assertThat(s.sites()).extracting(ProposedSite::candidateId).containsExactly("C10");
        ProposedSite c10 = s.sites().get(0);
        // add the register's planned station at cell 8 (also in E): it must not be duplicated
        Scenario withPlanned =
                f.scenarios.addSite("line", s.id(), SiteEdit.candidate(CandidateService.registerId(f.planned.id())));
        assertThat(withPlanned.sites()).hasSize(2);

        Proposal submitted = as("planner-li", () -> proposals.submit("line", s.id(), null, "东区缺口最大", "planner-li"));
        assertThat(submitted.status()).isEqualTo(ScenarioStatus.SUBMITTED);
        assertThat(submitted.areaCode()).as("the district both sites lie in").isEqualTo("E");
        assertThat(submitted.areaName()).isEqualTo("东区");
        assertThat(submitted.submittedBy()).isEqualTo("planner-li");
        assertThat(submitted.decisions()).singleElement().satisfies(d -> {
            assertThat(d.step()).isEqualTo(ProposalStep.SUBMITTED);
            assertThat(d.statusBefore()).isEqualTo(ScenarioStatus.DRAFT);
            assertThat(d.comment()).isEqualTo("东区缺口最大");
        });
        // a submitted scenario is no longer editable
        assertThatThrownBy(() -> f.scenarios.removeSite("line", s.id(), 1))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("is submitted");

        int stationsBefore =
                f.stations.find(dev.outpost.station.StationQuery.all("line")).size();
        told.clear();
        Proposal approved = as("leader-east", () -> proposals.approve("line", s.id(), "同意", "leader-east"));
        assertThat(approved.status()).isEqualTo(ScenarioStatus.APPROVED);
        assertThat(approved.decisions())
                .extracting(ProposalDecision::step)
                .containsExactly(ProposalStep.SUBMITTED, ProposalStep.APPROVED);
        ProposalDecision d = approved.decisions().get(1);
        assertThat(d.actor()).isEqualTo("leader-east");
        assertThat(d.comment()).isEqualTo("同意");
        assertThat(d.areaCode()).isEqualTo("E");

        // exactly one new station, planned, named and placed like the site; the planned register station is reused
        List<Station> all = f.stations.find(dev.outpost.station.StationQuery.all("line"));
        assertThat(all).hasSize(stationsBefore + 1);
        Station created = f.stations
                .findByExternalId("line", "proposal-" + s.id() + "-" + c10.siteId())
                .orElseThrow();
        assertThat(created.status()).isEqualTo(StationStatus.PLANNED);
        assertThat(created.name()).isEqualTo("候选点10号");
        assertThat(created.kind()).as("a community centre").isEqualTo(StationKind.PARTY_SERVICE_CENTER);
        assertThat(created.districtCode()).isEqualTo("E");
        assertThat(created.location()).isEqualTo(c10.position());
        assertThat(created.location().lat()).isCloseTo(f.city.centre(10).lat(), within(1e-9));
        assertThat(created.location().lon()).isCloseTo(f.city.centre(10).lon(), within(1e-9));
        assertThat(d.stationIds()).containsExactlyInAnyOrder(f.planned.id(), created.id());
        assertThat(told).as("the register's listeners heard of the new station").containsExactly(created);

        // every step is in the audit log, with the area so that its leaders see it; the station's creation too
        assertThat(scenarioAudit(s.id())).containsExactly("planner-li:submitted:E", "leader-east:approved:E");
        Record stationAudit = sql().fetchOne(
                        "SELECT actor, action, after ->> 'status' AS status FROM audit_log WHERE region_code = 'line'"
                                + " AND entity = 'station' AND entity_id = ?",
                        Long.toString(created.id()));
        assertThat(stationAudit).isNotNull();
        assertThat(stationAudit.get("actor", String.class)).isEqualTo("leader-east");
        assertThat(stationAudit.get("action", String.class)).isEqualTo("create");
        assertThat(stationAudit.get("status", String.class)).isEqualTo("planned");
        // and the history reads back the same
        assertThat(proposals.get("line", s.id()).decisions()).isEqualTo(approved.decisions());
    }

    @Test
    void aReturnedProposalCarriesTheCommentIsEditableAndCanBeSubmittedAgain() {
        Scenario s = solve("退回再交", 1);
        as("planner-li", () -> proposals.submit("line", s.id(), "E", null, "planner-li"));
        assertThat(proposals.list("line", ScenarioStatus.SUBMITTED, java.util.Set.of("E"), 100))
                .extracting(Proposal::id)
                .contains(s.id());
        assertThat(proposals.list("line", ScenarioStatus.SUBMITTED, java.util.Set.of("W"), 100))
                .extracting(Proposal::id)
                .doesNotContain(s.id());
        Proposal back = as("leader-east", () -> proposals.sendBack("line", s.id(), "  请补充成本测算 ", "leader-east"));
        assertThat(back.status()).isEqualTo(ScenarioStatus.RETURNED);
        assertThat(back.decisions().get(1).comment()).isEqualTo("请补充成本测算");
        assertThat(back.areaCode()).isEqualTo("E");
        // editable again: the planner moves the site and submits once more
        f.scenarios.moveSite("line", s.id(), 1, SiteEdit.candidate("C11"));
        Proposal again = as("planner-li", () -> proposals.submit("line", s.id(), null, "已补充", "planner-li"));
        assertThat(again.decisions())
                .extracting(x -> x.step().code() + "/" + x.statusBefore().code())
                .containsExactly("submitted/draft", "returned/submitted", "submitted/returned");
        assertThat(scenarioAudit(s.id()))
                .containsExactly("planner-li:submitted:E", "leader-east:returned:E", "planner-li:submitted:E");
    }

    @Test
    void anAreaNamedOnSubmissionMustExistAndContainEverySite() {
        Scenario twoDistricts = solve("两区两站", 2); // C10 in E, C6 in W
        assertThat(twoDistricts.sites()).extracting(ProposedSite::candidateId).containsExactly("C10", "C6");
        unchanged(
                () -> proposals.submit("line", twoDistricts.id(), null, null, "planner-li"),
                IllegalArgumentException.class,
                "the sites lie in 2 districts (E: sites [1]; W: sites [2])");
        unchanged(
                () -> proposals.submit("line", twoDistricts.id(), "E", null, "planner-li"),
                IllegalArgumentException.class,
                "1 of 2 sites lie outside 东区 (E): [site 2 '候选点6号' (in W)]");
        unchanged(
                () -> proposals.submit("line", twoDistricts.id(), "NOWHERE", null, "planner-li"),
                IllegalArgumentException.class,
                "area: unknown district 'NOWHERE' in region 'line'; known districts: [E 东区, W 西区]");
        // sites checked before an edit that came first are not submitted
        Map<String, String> before = DbSnapshot.of(f.db.database());
        ProposalDecision d = new ProposalDecision(
                0,
                "line",
                twoDistricts.id(),
                ProposalStep.SUBMITTED,
                ScenarioStatus.DRAFT,
                "planner-li",
                null,
                "E",
                List.of(),
                java.time.Instant.now());
        assertThat(repository.submit(d, ScenarioStatus.DRAFT, twoDistricts.editCount() + 1))
                .isEmpty();
        assertThat(repository.submit(d, ScenarioStatus.RETURNED, twoDistricts.editCount()))
                .isEmpty();
        assertThat(DbSnapshot.of(f.db.database())).isEqualTo(before);
    }

    @Test
    void badDecisionsAreRefusedClearlyAndChangeNothing() {
        Scenario s = solve("坏请求", 1);
        String tooLong = "长".repeat(ProposalService.MAX_COMMENT_LENGTH + 1);
        unchanged(
                () -> proposals.approve("line", s.id(), null, "leader-east"),
                ConflictException.class,
                "scenario " + s.id() + " is draft; only submitted proposals can be approved or sent back");
        unchanged(
                () -> proposals.submit("line", s.id(), null, tooLong, "planner-li"),
                IllegalArgumentException.class,
                "comment: 2001 characters; at most 2000 allowed");
        unchanged(
                () -> proposals.submit("line", 999_999, null, null, "planner-li"),
                NotFoundException.class,
                "scenario 999999 not found in region 'line'");
        as("planner-li", () -> proposals.submit("line", s.id(), null, null, "planner-li"));
        unchanged(
                () -> proposals.submit("line", s.id(), null, null, "planner-li"),
                ConflictException.class,
                "is submitted; only draft and returned scenarios can be submitted");
        for (String blank : new String[] {null, "", "   \n"}) {
            unchanged(
                    () -> proposals.sendBack("line", s.id(), blank, "leader-east"),
                    IllegalArgumentException.class,
                    "comment: required when sending a proposal back");
        }
        unchanged(
                () -> proposals.sendBack("line", s.id(), tooLong, "leader-east"),
                IllegalArgumentException.class,
                "comment: 2001 characters; at most 2000 allowed");
        unchanged(
                () -> proposals.approve("line", s.id(), tooLong, "leader-east"),
                IllegalArgumentException.class,
                "comment: 2001 characters");
        // exactly 2,000 characters are accepted
        Proposal ok = as(
                "leader-east",
                () -> proposals.approve("line", s.id(), "好".repeat(ProposalService.MAX_COMMENT_LENGTH), "leader-east"));
        assertThat(ok.status()).isEqualTo(ScenarioStatus.APPROVED);
        unchanged(
                () -> proposals.approve("line", s.id(), null, "leader-east"),
                ConflictException.class,
                "is approved; only submitted proposals can be approved or sent back");
        unchanged(
                () -> proposals.sendBack("line", s.id(), "再看看", "leader-east"), ConflictException.class, "is approved");
        unchanged(
                () -> proposals.submit("line", s.id(), null, null, "planner-li"),
                ConflictException.class,
                "is approved; only draft and returned scenarios can be submitted");
    }

    @Test
    void anApprovalThatCannotCreateEveryStationChangesNothing() {
        Scenario s = solve("冲突", 1);
        as("planner-li", () -> proposals.submit("line", s.id(), null, null, "planner-li"));
        // the external id the site's station would take is already used: refused before anything is written
        Station squatter = f.stations.insert(new Station(
                null,
                "line",
                "proposal-" + s.id() + "-1",
                StationKind.OTHER,
                "占用编号",
                null,
                null,
                null,
                null,
                null,
                null,
                StationStatus.CLOSED,
                f.city.centre(3)));
        unchanged(
                () -> proposals.approve("line", s.id(), null, "leader-east"),
                ConflictException.class,
                "external id 'proposal-" + s.id() + "-1' of site 1 is already used by station " + squatter.id());
        f.stations.delete("line", squatter.id());

        // a failure in the middle of the transaction (the second station breaks the unique external id) rolls back
        // the first station, the status and the decision
        Map<String, String> before = DbSnapshot.of(f.db.database());
        Station one = new Station(
                null,
                "line",
                "dup-1",
                StationKind.WARM_BEE_STATION,
                "一号",
                null,
                null,
                "E",
                null,
                null,
                null,
                StationStatus.PLANNED,
                f.city.centre(10));
        ProposalDecision d = new ProposalDecision(
                0,
                "line",
                s.id(),
                ProposalStep.APPROVED,
                ScenarioStatus.SUBMITTED,
                "leader-east",
                null,
                "E",
                List.of(),
                java.time.Instant.now());
        assertThatThrownBy(() -> as("leader-east", () -> repository.approve(d, List.of(one, one), s.editCount())))
                .isInstanceOf(RuntimeException.class);
        assertThat(DbSnapshot.of(f.db.database())).isEqualTo(before);
        assertThat(proposals.get("line", s.id()).status()).isEqualTo(ScenarioStatus.SUBMITTED);
        // sites read before an edit (sent back, edited, submitted again meanwhile) are not approved
        assertThat(as("leader-east", () -> repository.approve(d, List.of(one), s.editCount() + 1)))
                .isEmpty();
        assertThat(DbSnapshot.of(f.db.database())).isEqualTo(before);
    }

    @Test
    void theStationKindFollowsTheCandidateAndTheGroup() {
        ProposedSite gas = site(CandidateKind.GAS_STATION);
        assertThat(proposals.kindFor(gas, WorkerGroup.RIDER)).isEqualTo(StationKind.WARM_BEE_STATION);
        assertThat(proposals.kindFor(site(CandidateKind.PARTNER_SITE), WorkerGroup.RIDER))
                .isEqualTo(StationKind.PARTNER_SITE);
        assertThat(proposals.kindFor(site(CandidateKind.TOWN_HALL), WorkerGroup.RIDE_HAILING))
                .isEqualTo(StationKind.PARTY_SERVICE_CENTER);
        // only driver homes serve truck drivers
        assertThat(proposals.kindFor(gas, WorkerGroup.TRUCK)).isEqualTo(StationKind.DRIVER_HOME);
    }

    static ProposedSite site(CandidateKind kind) {
        return new ProposedSite(
                1,
                1,
                SiteOrigin.SOLVER,
                "X",
                CandidateSource.IMPORT,
                kind,
                "某点",
                null,
                null,
                new dev.outpost.geo.LatLon(30.25, 120.15),
                true,
                1,
                null,
                null,
                Double.NaN,
                1,
                1,
                1,
                0);
    }

    /** Runs a refused call: it throws {@code type} with a message containing {@code message}; nothing changes. */
    static void unchanged(Runnable call, Class<? extends Throwable> type, String message) {
        Map<String, String> before = DbSnapshot.of(f.db.database());
        assertThatThrownBy(() -> Actor.as("someone", () -> {
                    call.run();
                    return null;
                }))
                .isInstanceOf(type)
                .hasMessageContaining(message);
        assertThat(DbSnapshot.of(f.db.database()))
                .as("nothing changed after: " + message)
                .isEqualTo(before);
    }
}
