package dev.outpost.store;

import static dev.outpost.store.jooq.Tables.PROPOSAL_DECISION;
import static dev.outpost.store.jooq.Tables.SCENARIO;

import dev.outpost.planning.ProposalDecision;
import dev.outpost.planning.ProposalRepository;
import dev.outpost.planning.ProposalStep;
import dev.outpost.planning.ScenarioStatus;
import dev.outpost.station.Station;
import dev.outpost.store.jooq.tables.records.ProposalDecisionRecord;
import dev.outpost.store.jooq.tables.records.ScenarioRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The proposal workflow in PostGIS: the area and submitter on {@code scenario}, the history in {@code
 * proposal_decision}. Each step locks the scenario row ({@code FOR UPDATE}), checks its status, and writes the status,
 * the decision and an audit row ({@code update} of entity {@code scenario}, with the area as {@code districtCode} so
 * that the area's leaders see it) in one transaction; an approval also inserts its stations through the same code as
 * any station creation (audited). Thread-safe.
 */
public final class JooqProposalRepository implements ProposalRepository {
    private final DSLContext dsl;

    public JooqProposalRepository(Database database) {
        this.dsl = database.dsl();
    }

    @Override
    public Optional<Header> header(String regionCode, long scenarioId) {
        return dsl.select(
                        SCENARIO.STATUS,
                        SCENARIO.AREA_CODE,
                        SCENARIO.SUBMITTED_BY,
                        SCENARIO.SUBMITTED_AT,
                        SCENARIO.CREATED_BY)
                .from(SCENARIO)
                .where(SCENARIO.REGION_CODE.eq(regionCode), SCENARIO.SCENARIO_ID.eq(scenarioId))
                .fetchOptional(r -> new Header(
                        ScenarioStatus.parse(r.value1()),
                        r.value2(),
                        r.value3(),
                        r.value4() == null ? null : r.value4().toInstant(),
                        r.value5()));
    }

    @Override
    public List<ProposalDecision> decisions(String regionCode, long scenarioId) {
        return dsl.selectFrom(PROPOSAL_DECISION)
                .where(PROPOSAL_DECISION.REGION_CODE.eq(regionCode), PROPOSAL_DECISION.SCENARIO_ID.eq(scenarioId))
                .orderBy(PROPOSAL_DECISION.DECISION_ID)
                .fetch(JooqProposalRepository::toDecision);
    }

    @Override
    public List<Long> find(String regionCode, ScenarioStatus status, Set<String> areaCodes, int limit) {
        List<Condition> where = new ArrayList<>();
        where.add(SCENARIO.REGION_CODE.eq(regionCode));
        where.add(SCENARIO.STATUS.eq(status.code()));
        if (areaCodes != null) {
            where.add(SCENARIO.AREA_CODE.in(areaCodes));
        }
        return dsl.select(SCENARIO.SCENARIO_ID)
                .from(SCENARIO)
                .where(where)
                .orderBy(SCENARIO.SUBMITTED_AT.desc().nullsLast(), SCENARIO.SCENARIO_ID.desc())
                .limit(limit)
                .fetch(r -> r.value1());
    }

    @Override
    public Optional<ProposalDecision> submit(ProposalDecision d, ScenarioStatus expected, int editCount) {
        requireStep(d, ProposalStep.SUBMITTED);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            Optional<ScenarioRecord> r = lock(tx, d, expected).filter(x -> x.getEditCount() == editCount);
            if (r.isEmpty()) {
                return Optional.empty();
            }
            ScenarioRecord s = r.get();
            s.setSubmittedBy(d.actor());
            s.setSubmittedAt(d.at().atOffset(ZoneOffset.UTC));
            return Optional.of(step(tx, s, d, List.of()));
        });
    }

    @Override
    public Optional<ProposalDecision> sendBack(ProposalDecision d) {
        requireStep(d, ProposalStep.RETURNED);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            return lock(tx, d, ScenarioStatus.SUBMITTED).map(s -> step(tx, s, d, List.of()));
        });
    }

    @Override
    public Optional<Approval> approve(ProposalDecision d, List<Station> stations, int editCount) {
        requireStep(d, ProposalStep.APPROVED);
        for (Station st : stations) {
            if (!st.regionCode().equals(d.regionCode())) {
                throw new IllegalArgumentException("station '" + st.name() + "' is of region '" + st.regionCode()
                        + "', not of the proposal's region '" + d.regionCode() + "'");
            }
        }
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            Optional<ScenarioRecord> r =
                    lock(tx, d, ScenarioStatus.SUBMITTED).filter(x -> x.getEditCount() == editCount);
            if (r.isEmpty()) {
                return Optional.<Approval>empty();
            }
            List<Station> saved = new ArrayList<>();
            for (Station st : stations) {
                saved.add(JooqStationRepository.insert(tx, st, null));
            }
            ProposalDecision stored =
                    step(tx, r.get(), d, saved.stream().map(Station::id).toList());
            return Optional.of(new Approval(stored, saved));
        });
    }

    private static void requireStep(ProposalDecision d, ProposalStep step) {
        Objects.requireNonNull(d, "decision");
        if (d.step() != step) {
            throw new IllegalArgumentException(
                    "decision step " + d.step().code() + " given where " + step.code() + " is expected");
        }
    }

    /** The scenario row, locked, when it exists and has status {@code expected}. */
    private static Optional<ScenarioRecord> lock(DSLContext tx, ProposalDecision d, ScenarioStatus expected) {
        return tx.selectFrom(SCENARIO)
                .where(SCENARIO.REGION_CODE.eq(d.regionCode()), SCENARIO.SCENARIO_ID.eq(d.scenarioId()))
                .forUpdate()
                .fetchOptional()
                .filter(s -> s.getStatus().equals(expected.code()));
    }

    /** Sets the status and area, writes the decision (with the given extra station ids) and the audit row. */
    private static ProposalDecision step(DSLContext tx, ScenarioRecord s, ProposalDecision d, List<Long> created) {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("status", s.getStatus());
        before.put("districtCode", s.getAreaCode());
        ScenarioStatus after = d.step().leadsTo();
        s.setStatus(after.code());
        s.setAreaCode(d.areaCode());
        s.setUpdatedAt(d.at().atOffset(ZoneOffset.UTC));
        s.update();
        List<Long> ids = new ArrayList<>(d.stationIds());
        ids.addAll(created);
        ProposalDecisionRecord r = tx.newRecord(PROPOSAL_DECISION);
        r.setRegionCode(d.regionCode());
        r.setScenarioId(d.scenarioId());
        r.setStep(d.step().code());
        r.setStatusBefore(d.statusBefore().code());
        r.setActor(d.actor());
        r.setComment(d.comment());
        r.setAreaCode(d.areaCode());
        r.setStationIds(ids.toArray(new Long[0]));
        r.setAt(d.at().atOffset(ZoneOffset.UTC));
        r.store();
        Map<String, Object> afterView = new LinkedHashMap<>();
        afterView.put("status", after.code());
        afterView.put("step", d.step().code());
        afterView.put("comment", d.comment());
        afterView.put("districtCode", d.areaCode());
        afterView.put("stationIds", ids);
        afterView.put("decisionId", r.getDecisionId());
        AuditWriter.write(tx, d.regionCode(), "update", "scenario", Long.toString(d.scenarioId()), before, afterView);
        return toDecision(r);
    }

    private static ProposalDecision toDecision(ProposalDecisionRecord r) {
        OffsetDateTime at = r.getAt();
        return new ProposalDecision(
                r.getDecisionId(),
                r.getRegionCode(),
                r.getScenarioId(),
                ProposalStep.parse(r.getStep()),
                ScenarioStatus.parse(r.getStatusBefore()),
                r.getActor(),
                r.getComment(),
                r.getAreaCode(),
                Arrays.asList(r.getStationIds()),
                at.toInstant());
    }
}
