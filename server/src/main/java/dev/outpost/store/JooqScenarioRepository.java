package dev.outpost.store;

import static dev.outpost.store.jooq.Tables.PROPOSAL_DECISION;
import static dev.outpost.store.jooq.Tables.SCENARIO;
import static dev.outpost.store.jooq.Tables.SCENARIO_SITE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.outpost.geo.Geometries;
import dev.outpost.geo.LatLon;
import dev.outpost.planning.CandidateKind;
import dev.outpost.planning.CandidateSource;
import dev.outpost.planning.CurveSummary;
import dev.outpost.planning.ProposedSite;
import dev.outpost.planning.Scenario;
import dev.outpost.planning.ScenarioFigures;
import dev.outpost.planning.ScenarioInputs;
import dev.outpost.planning.ScenarioRepository;
import dev.outpost.planning.ScenarioRequest;
import dev.outpost.planning.ScenarioStatus;
import dev.outpost.planning.SiteOrigin;
import dev.outpost.planning.SolveSummary;
import dev.outpost.store.jooq.tables.records.ScenarioRecord;
import dev.outpost.store.jooq.tables.records.ScenarioSiteRecord;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.locationtech.jts.geom.Point;

/**
 * Scenarios in PostGIS: the request, inputs, solve summary, figures and curve as JSON columns (NaN written as the
 * string {@code "NaN"}), one {@code scenario_site} row per proposed site with its reached cells in
 * {@link ReachCodec}'s form. Every write is one transaction with an audit row. Thread-safe.
 */
public final class JooqScenarioRepository implements ScenarioRepository {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final DSLContext dsl;

    public JooqScenarioRepository(Database database) {
        this.dsl = database.dsl();
    }

    /** The per-site values kept as JSON. */
    record Details(
            double marginalGain,
            String runnerUpCandidateId,
            String runnerUpName,
            double runnerUpObjective,
            double reachedDemand,
            double newDemand,
            double exclusiveDemand,
            double overlapShare) {}

    @Override
    public Scenario insert(Scenario s, Map<Integer, int[]> reach) {
        Objects.requireNonNull(s, "scenario");
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            ScenarioRecord r = tx.newRecord(SCENARIO);
            r.setRegionCode(s.regionCode());
            r.setName(s.name());
            r.setStatus(s.status().code());
            r.setWorkerGroup(s.request().group().code());
            r.setProblem(s.request().problem().code());
            r.setMinutes((short) s.request().minutes());
            r.setNetworkVersionId(s.inputs().networkVersionId());
            r.setDemandLayerId(s.inputs().demandLayerId());
            r.setCandidateMatrixId(s.inputs().candidateMatrixId());
            r.setStationMatrixId(s.inputs().stationMatrixId());
            r.setRequest(json(s.request()));
            r.setInputs(json(s.inputs()));
            r.setSolve(json(s.solve()));
            r.setFigures(json(s.figures()));
            r.setCurve(json(s.curve()));
            r.setEditCount(s.editCount());
            r.setCreatedBy(s.createdBy());
            r.setCreatedAt(s.createdAt().atOffset(ZoneOffset.UTC));
            r.setUpdatedAt(s.updatedAt().atOffset(ZoneOffset.UTC));
            r.store();
            long id = r.getScenarioId();
            insertSites(tx, s.regionCode(), id, s.sites(), reach);
            AuditWriter.write(tx, s.regionCode(), "create", "scenario", Long.toString(id), null, auditView(s));
            return new Scenario(
                    id,
                    s.regionCode(),
                    s.name(),
                    s.status(),
                    s.request(),
                    s.inputs(),
                    s.solve(),
                    s.sites(),
                    s.figures(),
                    s.curve(),
                    s.editCount(),
                    s.createdBy(),
                    s.createdAt(),
                    s.updatedAt());
        });
    }

    private static void insertSites(
            DSLContext tx, String regionCode, long scenarioId, List<ProposedSite> sites, Map<Integer, int[]> reach) {
        for (ProposedSite p : sites) {
            int[] cells = reach.get(p.siteId());
            if (cells == null) {
                throw new IllegalArgumentException("no reach given for site " + p.siteId());
            }
            ScenarioSiteRecord r = tx.newRecord(SCENARIO_SITE);
            r.setRegionCode(regionCode);
            r.setScenarioId(scenarioId);
            r.setSiteId(p.siteId());
            r.setRank(p.rank());
            r.setOrigin(p.origin().code());
            r.setCandidateId(p.candidateId());
            r.setSource(p.source() == null ? null : p.source().code());
            r.setKind(p.kind().code());
            r.setName(p.name());
            r.setDistrictCode(p.districtCode());
            r.setCostWanYuan(p.costWanYuan());
            r.setGeom(Geometries.point(p.position()));
            r.setOnNetwork(p.onNetwork());
            r.setDetails(json(new Details(
                    p.marginalGain(),
                    p.runnerUpCandidateId(),
                    p.runnerUpName(),
                    p.runnerUpObjective(),
                    p.reachedDemand(),
                    p.newDemand(),
                    p.exclusiveDemand(),
                    p.overlapShare())));
            r.setReach(ReachCodec.encode(cells, null));
            r.store();
        }
    }

    @Override
    public Optional<Scenario> find(String regionCode, long scenarioId) {
        Optional<ScenarioRecord> r = dsl.selectFrom(SCENARIO)
                .where(SCENARIO.REGION_CODE.eq(regionCode), SCENARIO.SCENARIO_ID.eq(scenarioId))
                .fetchOptional();
        if (r.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, List<ProposedSite>> sites = sites(dsl, regionCode, List.of(scenarioId));
        return Optional.of(toScenario(r.get(), sites.getOrDefault(scenarioId, List.of())));
    }

    @Override
    public List<Scenario> list(String regionCode, int limit) {
        List<ScenarioRecord> rows = dsl.selectFrom(SCENARIO)
                .where(SCENARIO.REGION_CODE.eq(regionCode))
                .orderBy(SCENARIO.CREATED_AT.desc(), SCENARIO.SCENARIO_ID.desc())
                .limit(limit)
                .fetch();
        List<Long> ids = rows.stream().map(ScenarioRecord::getScenarioId).toList();
        Map<Long, List<ProposedSite>> sites = sites(dsl, regionCode, ids);
        List<Scenario> out = new ArrayList<>();
        for (ScenarioRecord r : rows) {
            out.add(toScenario(r, sites.getOrDefault(r.getScenarioId(), List.of())));
        }
        return out;
    }

    private static Map<Long, List<ProposedSite>> sites(DSLContext dsl, String regionCode, List<Long> scenarioIds) {
        Map<Long, List<ProposedSite>> out = new HashMap<>();
        if (scenarioIds.isEmpty()) {
            return out;
        }
        for (ScenarioSiteRecord r : dsl.selectFrom(SCENARIO_SITE)
                .where(SCENARIO_SITE.REGION_CODE.eq(regionCode), SCENARIO_SITE.SCENARIO_ID.in(scenarioIds))
                .orderBy(SCENARIO_SITE.SCENARIO_ID, SCENARIO_SITE.RANK, SCENARIO_SITE.SITE_ID)
                .fetch()) {
            Details d = read(r.getDetails(), Details.class);
            Point p = (Point) r.getGeom();
            out.computeIfAbsent(r.getScenarioId(), k -> new ArrayList<>())
                    .add(new ProposedSite(
                            r.getSiteId(),
                            r.getRank(),
                            SiteOrigin.parse(r.getOrigin()),
                            r.getCandidateId(),
                            r.getSource() == null ? null : CandidateSource.parse(r.getSource()),
                            CandidateKind.parse(r.getKind()),
                            r.getName(),
                            r.getDistrictCode(),
                            r.getCostWanYuan(),
                            new LatLon(p.getY(), p.getX()),
                            r.getOnNetwork(),
                            d.marginalGain(),
                            d.runnerUpCandidateId(),
                            d.runnerUpName(),
                            d.runnerUpObjective(),
                            d.reachedDemand(),
                            d.newDemand(),
                            d.exclusiveDemand(),
                            d.overlapShare()));
        }
        return out;
    }

    private static Scenario toScenario(ScenarioRecord r, List<ProposedSite> sites) {
        return new Scenario(
                r.getScenarioId(),
                r.getRegionCode(),
                r.getName(),
                ScenarioStatus.parse(r.getStatus()),
                read(r.getRequest(), ScenarioRequest.class),
                read(r.getInputs(), ScenarioInputs.class),
                read(r.getSolve(), SolveSummary.class),
                sites,
                read(r.getFigures(), ScenarioFigures.class),
                read(r.getCurve(), CurveSummary.class),
                r.getEditCount(),
                r.getCreatedBy(),
                r.getCreatedAt().toInstant(),
                r.getUpdatedAt().toInstant());
    }

    @Override
    public boolean saveEdit(Scenario edited, Map<Integer, int[]> reach) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            Optional<ScenarioRecord> current = tx.selectFrom(SCENARIO)
                    .where(SCENARIO.REGION_CODE.eq(edited.regionCode()), SCENARIO.SCENARIO_ID.eq(edited.id()))
                    .forUpdate()
                    .fetchOptional();
            if (current.isEmpty()
                    || current.get().getEditCount() != edited.editCount() - 1
                    || !ScenarioStatus.parse(current.get().getStatus()).editable()) {
                return false; // a concurrent edit, or submitted meanwhile (the proposal workflow)
            }
            ScenarioRecord r = current.get();
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("editCount", r.getEditCount());
            before.put("sites", siteIds(tx, edited.regionCode(), edited.id()));
            r.setFigures(json(edited.figures()));
            r.setEditCount(edited.editCount());
            r.setUpdatedAt(edited.updatedAt().atOffset(ZoneOffset.UTC));
            r.update();
            tx.deleteFrom(SCENARIO_SITE)
                    .where(SCENARIO_SITE.REGION_CODE.eq(edited.regionCode()), SCENARIO_SITE.SCENARIO_ID.eq(edited.id()))
                    .execute();
            insertSites(tx, edited.regionCode(), edited.id(), edited.sites(), reach);
            AuditWriter.write(
                    tx,
                    edited.regionCode(),
                    "update",
                    "scenario",
                    Long.toString(edited.id()),
                    before,
                    auditView(edited));
            return true;
        });
    }

    private static List<String> siteIds(DSLContext tx, String regionCode, long scenarioId) {
        return tx.select(SCENARIO_SITE.SITE_ID, SCENARIO_SITE.CANDIDATE_ID)
                .from(SCENARIO_SITE)
                .where(SCENARIO_SITE.REGION_CODE.eq(regionCode), SCENARIO_SITE.SCENARIO_ID.eq(scenarioId))
                .orderBy(SCENARIO_SITE.SITE_ID)
                .fetch(r -> r.value1() + ":" + (r.value2() == null ? "point" : r.value2()));
    }

    @Override
    public Map<Integer, int[]> siteReach(String regionCode, long scenarioId) {
        Map<Integer, int[]> out = new LinkedHashMap<>();
        dsl.select(SCENARIO_SITE.SITE_ID, SCENARIO_SITE.REACH)
                .from(SCENARIO_SITE)
                .where(SCENARIO_SITE.REGION_CODE.eq(regionCode), SCENARIO_SITE.SCENARIO_ID.eq(scenarioId))
                .orderBy(SCENARIO_SITE.SITE_ID)
                .fetch()
                .forEach(r -> out.put(r.value1(), ReachCodec.cells(r.value2())));
        return out;
    }

    @Override
    public boolean changeStatus(String regionCode, long scenarioId, ScenarioStatus status) {
        Objects.requireNonNull(status, "status");
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            Optional<ScenarioRecord> r = tx.selectFrom(SCENARIO)
                    .where(SCENARIO.REGION_CODE.eq(regionCode), SCENARIO.SCENARIO_ID.eq(scenarioId))
                    .forUpdate()
                    .fetchOptional();
            if (r.isEmpty()) {
                return false;
            }
            String before = r.get().getStatus();
            r.get().setStatus(status.code());
            r.get().setUpdatedAt(java.time.OffsetDateTime.now(ZoneOffset.UTC));
            r.get().update();
            AuditWriter.write(
                    tx,
                    regionCode,
                    "update",
                    "scenario",
                    Long.toString(scenarioId),
                    Map.of("status", before),
                    Map.of("status", status.code()));
            return true;
        });
    }

    @Override
    public Optional<Deletion> deleteUnsubmitted(String regionCode, long scenarioId) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            // FOR UPDATE: a submission (which locks the same row) either committed before and is seen below, or
            // waits and then finds no scenario
            Optional<ScenarioRecord> r = tx.selectFrom(SCENARIO)
                    .where(SCENARIO.REGION_CODE.eq(regionCode), SCENARIO.SCENARIO_ID.eq(scenarioId))
                    .forUpdate()
                    .fetchOptional();
            if (r.isEmpty()) {
                return Optional.<Deletion>empty();
            }
            ScenarioStatus status = ScenarioStatus.parse(r.get().getStatus());
            int decisions = tx.fetchCount(
                    PROPOSAL_DECISION,
                    PROPOSAL_DECISION.REGION_CODE.eq(regionCode),
                    PROPOSAL_DECISION.SCENARIO_ID.eq(scenarioId));
            if (status != ScenarioStatus.DRAFT || decisions > 0) {
                return Optional.of(new Deletion(status, decisions, false));
            }
            Scenario before = toScenario(
                    r.get(), sites(tx, regionCode, List.of(scenarioId)).getOrDefault(scenarioId, List.of()));
            // its sites go by ON DELETE CASCADE; its matrices are shared caches (other scenarios, later solves)
            tx.deleteFrom(SCENARIO)
                    .where(SCENARIO.REGION_CODE.eq(regionCode), SCENARIO.SCENARIO_ID.eq(scenarioId))
                    .execute();
            AuditWriter.write(
                    tx, regionCode, "delete", "scenario", Long.toString(scenarioId), deletedView(before), null);
            return Optional.of(new Deletion(status, 0, true));
        });
    }

    /** A deleted scenario as the audit log keeps it: enough to tell what it was and what it was solved on. */
    private static Map<String, Object> deletedView(Scenario s) {
        Map<String, Object> m = auditView(s);
        m.put("group", s.request().group().code());
        m.put("minutes", s.request().minutes());
        m.put("networkVersionId", s.inputs().networkVersionId());
        m.put("demandLayerId", s.inputs().demandLayerId());
        m.put("candidateMatrixId", s.inputs().candidateMatrixId());
        m.put("stationMatrixId", s.inputs().stationMatrixId());
        m.put("createdBy", s.createdBy());
        m.put("createdAt", s.createdAt());
        m.put("updatedAt", s.updatedAt());
        return m;
    }

    private static Map<String, Object> auditView(Scenario s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("status", s.status().code());
        m.put("problem", s.request().problem().code());
        m.put("editCount", s.editCount());
        List<String> sites = new ArrayList<>();
        for (ProposedSite p : s.sites()) {
            sites.add(p.siteId() + ":" + (p.candidateId() == null ? "point" : p.candidateId()));
        }
        m.put("sites", sites);
        return m;
    }

    static JSONB json(Object value) {
        try {
            return JSONB.valueOf(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write scenario JSON", e);
        }
    }

    static <T> T read(JSONB json, Class<T> type) {
        try {
            return MAPPER.readValue(json.data(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read stored " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
