package dev.outpost.store;

import static dev.outpost.store.jooq.Tables.COVERAGE_AREA;
import static dev.outpost.store.jooq.Tables.COVERAGE_CELL;
import static dev.outpost.store.jooq.Tables.COVERAGE_RUN;
import static dev.outpost.store.jooq.Tables.COVERAGE_STATION;
import static dev.outpost.store.jooq.Tables.NETWORK_VERSION;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.coverage.AreaCoverage;
import dev.outpost.coverage.CellOutcome;
import dev.outpost.coverage.CellStatus;
import dev.outpost.coverage.CoverageBreakdown;
import dev.outpost.coverage.CoverageRepository;
import dev.outpost.coverage.CoverageResult;
import dev.outpost.coverage.CoverageRunInfo;
import dev.outpost.coverage.CoverageSettings;
import dev.outpost.coverage.CoverageTotals;
import dev.outpost.coverage.NetworkVersion;
import dev.outpost.coverage.StationCoverage;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.district.AreaLevel;
import dev.outpost.network.NetworkInfo;
import dev.outpost.network.TravelMode;
import dev.outpost.store.jooq.tables.records.CoverageAreaRecord;
import dev.outpost.store.jooq.tables.records.CoverageRunRecord;
import dev.outpost.store.jooq.tables.records.NetworkVersionRecord;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * Network versions and coverage runs in PostGIS. A run's cells and per-station figures are written with one
 * array-unnesting insert each; everything of one run in one transaction. Thread-safe.
 */
public final class JooqCoverageRepository implements CoverageRepository {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int CHUNK = 50_000;

    private final DSLContext dsl;

    public JooqCoverageRepository(Database database) {
        this.dsl = database.dsl();
    }

    // ---------------------------------------------------------------------------------------------------------
    // network versions

    @Override
    public NetworkVersion recordNetworkVersion(String regionCode, NetworkInfo info) {
        Objects.requireNonNull(info, "info");
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            tx.insertInto(NETWORK_VERSION)
                    .set(NETWORK_VERSION.REGION_CODE, regionCode)
                    .set(NETWORK_VERSION.SOURCE_FILE, info.sourceFileName())
                    .set(NETWORK_VERSION.SHA256, info.sourceSha256())
                    .set(NETWORK_VERSION.IMPORTED_AT, info.importedAt().atOffset(ZoneOffset.UTC))
                    .set(NETWORK_VERSION.SETTINGS, json(info.settings()))
                    .set(NETWORK_VERSION.NODE_COUNT, info.nodeCount())
                    .set(NETWORK_VERSION.EDGE_COUNT, info.edgeCount())
                    .onConflict(NETWORK_VERSION.REGION_CODE, NETWORK_VERSION.SHA256, NETWORK_VERSION.IMPORTED_AT)
                    .doNothing()
                    .execute();
            return tx.selectFrom(NETWORK_VERSION)
                    .where(
                            NETWORK_VERSION.REGION_CODE.eq(regionCode),
                            NETWORK_VERSION.SHA256.eq(info.sourceSha256()),
                            NETWORK_VERSION.IMPORTED_AT.eq(info.importedAt().atOffset(ZoneOffset.UTC)))
                    .fetchSingle(JooqCoverageRepository::toVersion);
        });
    }

    @Override
    public Optional<NetworkVersion> findNetworkVersion(String regionCode, long networkVersionId) {
        return dsl.selectFrom(NETWORK_VERSION)
                .where(
                        NETWORK_VERSION.REGION_CODE.eq(regionCode),
                        NETWORK_VERSION.NETWORK_VERSION_ID.eq(networkVersionId))
                .fetchOptional(JooqCoverageRepository::toVersion);
    }

    @Override
    public List<NetworkVersion> networkVersions(String regionCode) {
        return dsl.selectFrom(NETWORK_VERSION)
                .where(NETWORK_VERSION.REGION_CODE.eq(regionCode))
                .orderBy(NETWORK_VERSION.IMPORTED_AT.desc(), NETWORK_VERSION.NETWORK_VERSION_ID.desc())
                .fetch(JooqCoverageRepository::toVersion);
    }

    private static NetworkVersion toVersion(NetworkVersionRecord r) {
        return new NetworkVersion(
                r.getNetworkVersionId(),
                r.getRegionCode(),
                r.getSourceFile(),
                r.getSha256(),
                r.getImportedAt().toInstant(),
                map(r.getSettings()),
                r.getNodeCount(),
                r.getEdgeCount(),
                r.getRecordedAt().toInstant());
    }

    // ---------------------------------------------------------------------------------------------------------
    // runs

    @Override
    public CoverageRunInfo saveRun(
            String regionCode,
            long networkVersionId,
            long demandLayerId,
            CoverageResult result,
            List<CoverageBreakdown> breakdowns,
            Map<String, String> parameters) {
        Objects.requireNonNull(result, "result");
        CoverageTotals totals = result.totals();
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            CoverageRunRecord run = tx.newRecord(COVERAGE_RUN);
            run.setRegionCode(regionCode);
            run.setWorkerGroup(result.group().code());
            run.setTravelMode(result.mode().code());
            run.setLimitMinutes((short) result.settings().limitMinutes());
            run.setSearchLimitMinutes((short) result.settings().searchLimitMinutes());
            run.setNetworkVersionId(networkVersionId);
            run.setDemandLayerId(demandLayerId);
            run.setParameters(json(parameters == null ? Map.of() : parameters));
            run.setStationCount(totals.stationCount());
            run.setCellCount(totals.cellCount());
            run.setDemandTotal(totals.demand());
            run.setCovered_5(totals.covered5());
            run.setCovered_10(totals.covered10());
            run.setCovered_15(totals.covered15());
            run.setCovered_20(totals.covered20());
            run.setCoveredLimit(totals.coveredWithinLimit());
            run.setUnreachableDemand(totals.unreachableDemand());
            run.setOffNetworkDemand(totals.offNetworkDemand());
            run.store();
            run.refresh();
            long runId = run.getCoverageRunId();
            insertCells(tx, regionCode, runId, result);
            insertStations(tx, regionCode, runId, result.stationCoverage());
            for (CoverageBreakdown b : breakdowns) {
                for (AreaCoverage a : b.areas()) {
                    CoverageAreaRecord r = tx.newRecord(COVERAGE_AREA);
                    r.setRegionCode(regionCode);
                    r.setCoverageRunId(runId);
                    r.setLevel(a.level().code());
                    r.setDistrictCode(a.code());
                    r.setParentCode(a.parentCode());
                    r.setName(a.name());
                    CoverageTotals t = a.totals();
                    r.setCellCount(t.cellCount());
                    r.setStationCount(t.stationCount());
                    r.setDemandTotal(t.demand());
                    r.setCovered_5(t.covered5());
                    r.setCovered_10(t.covered10());
                    r.setCovered_15(t.covered15());
                    r.setCovered_20(t.covered20());
                    r.setCoveredLimit(t.coveredWithinLimit());
                    r.setUnreachableDemand(t.unreachableDemand());
                    r.setOffNetworkDemand(t.offNetworkDemand());
                    r.store();
                }
            }
            return toRun(run);
        });
    }

    private static void insertCells(DSLContext tx, String regionCode, long runId, CoverageResult r) {
        int n = r.size();
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            Long[] cells = new Long[to - from];
            Double[] weights = new Double[to - from];
            Integer[] seconds = new Integer[to - from];
            Long[] stations = new Long[to - from];
            String[] status = new String[to - from];
            for (int i = from; i < to; i++) {
                CellOutcome o = CellOutcome.of(r, i);
                int k = i - from;
                cells[k] = o.cell();
                weights[k] = o.weight();
                seconds[k] = o.travelSeconds();
                stations[k] = o.stationId();
                status[k] = o.status().code();
            }
            tx.execute(
                    "INSERT INTO coverage_cell (region_code, coverage_run_id, h3_cell, weight, travel_seconds,"
                            + " station_id, status) SELECT {0}, {1}, c, w, s, st, x FROM unnest({2}::bigint[],"
                            + " {3}::float8[], {4}::integer[], {5}::bigint[], {6}::text[]) AS t(c, w, s, st, x)",
                    DSL.val(regionCode),
                    DSL.val(runId),
                    DSL.val(cells),
                    DSL.val(weights),
                    DSL.val(seconds),
                    DSL.val(stations),
                    DSL.val(status));
        }
    }

    private static void insertStations(DSLContext tx, String regionCode, long runId, List<StationCoverage> list) {
        if (list.isEmpty()) {
            return;
        }
        int n = list.size();
        Long[] ids = new Long[n];
        Boolean[] on = new Boolean[n];
        Double[] within = new Double[n];
        Integer[] withinCells = new Integer[n];
        Double[] catchment = new Double[n];
        Double[] catchmentCovered = new Double[n];
        Integer[] catchmentCells = new Integer[n];
        for (int i = 0; i < n; i++) {
            StationCoverage s = list.get(i);
            ids[i] = s.stationId();
            on[i] = s.onNetwork();
            within[i] = s.demandWithinLimit();
            withinCells[i] = s.cellsWithinLimit();
            catchment[i] = s.catchmentDemand();
            catchmentCovered[i] = s.catchmentCoveredDemand();
            catchmentCells[i] = s.catchmentCells();
        }
        tx.execute(
                "INSERT INTO coverage_station (region_code, coverage_run_id, station_id, on_network,"
                        + " demand_within_limit, cells_within_limit, catchment_demand, catchment_covered,"
                        + " catchment_cells) SELECT {0}, {1}, a, b, c, d, e, f, g FROM unnest({2}::bigint[],"
                        + " {3}::boolean[], {4}::float8[], {5}::integer[], {6}::float8[], {7}::float8[],"
                        + " {8}::integer[]) AS t(a, b, c, d, e, f, g)",
                DSL.val(regionCode),
                DSL.val(runId),
                DSL.val(ids),
                DSL.val(on),
                DSL.val(within),
                DSL.val(withinCells),
                DSL.val(catchment),
                DSL.val(catchmentCovered),
                DSL.val(catchmentCells));
    }

    @Override
    public Optional<CoverageRunInfo> findRun(String regionCode, long runId) {
        return dsl.selectFrom(COVERAGE_RUN)
                .where(COVERAGE_RUN.REGION_CODE.eq(regionCode), COVERAGE_RUN.COVERAGE_RUN_ID.eq(runId))
                .fetchOptional(JooqCoverageRepository::toRun);
    }

    @Override
    public Optional<CoverageRunInfo> deleteRun(String regionCode, long runId) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            Optional<CoverageRunInfo> run = tx.selectFrom(COVERAGE_RUN)
                    .where(COVERAGE_RUN.REGION_CODE.eq(regionCode), COVERAGE_RUN.COVERAGE_RUN_ID.eq(runId))
                    .forUpdate()
                    .fetchOptional(JooqCoverageRepository::toRun);
            if (run.isEmpty()) {
                return run;
            }
            // cells, areas and stations go by ON DELETE CASCADE
            tx.deleteFrom(COVERAGE_RUN)
                    .where(COVERAGE_RUN.REGION_CODE.eq(regionCode), COVERAGE_RUN.COVERAGE_RUN_ID.eq(runId))
                    .execute();
            AuditWriter.write(
                    tx, regionCode, "delete", "coverage_run", Long.toString(runId), auditView(run.get()), null);
            return run;
        });
    }

    /** A deleted run as the audit log keeps it: its inputs and region-wide figures. */
    private static Map<String, Object> auditView(CoverageRunInfo r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", r.group().code());
        m.put("mode", r.mode().code());
        m.put("limitMinutes", r.settings().limitMinutes());
        m.put("searchLimitMinutes", r.settings().searchLimitMinutes());
        m.put("networkVersionId", r.networkVersionId());
        m.put("demandLayerId", r.demandLayerId());
        m.put("createdAt", r.createdAt());
        m.put("parameters", r.parameters());
        CoverageTotals t = r.totals();
        m.put("stationCount", t.stationCount());
        m.put("cellCount", t.cellCount());
        m.put("demand", t.demand());
        m.put("covered15", t.covered15());
        m.put("coveredWithinLimit", t.coveredWithinLimit());
        return m;
    }

    @Override
    public Optional<CoverageRunInfo> latestRun(String regionCode, WorkerGroup group) {
        return runs(regionCode, group, 1).stream().findFirst();
    }

    @Override
    public List<CoverageRunInfo> runs(String regionCode, WorkerGroup group, int limit) {
        if (limit < 1 || limit > 1_000) {
            throw new IllegalArgumentException("run limit " + limit + " is out of range 1..1000");
        }
        return dsl.selectFrom(COVERAGE_RUN)
                .where(COVERAGE_RUN.REGION_CODE.eq(regionCode), COVERAGE_RUN.WORKER_GROUP.eq(group.code()))
                .orderBy(COVERAGE_RUN.CREATED_AT.desc(), COVERAGE_RUN.COVERAGE_RUN_ID.desc())
                .limit(limit)
                .fetch(JooqCoverageRepository::toRun);
    }

    private static CoverageRunInfo toRun(CoverageRunRecord r) {
        CoverageTotals totals = new CoverageTotals(
                r.getCellCount(),
                r.getStationCount(),
                r.getDemandTotal(),
                r.getCovered_5(),
                r.getCovered_10(),
                r.getCovered_15(),
                r.getCovered_20(),
                r.getCoveredLimit(),
                gap(r.getDemandTotal(), r.getCoveredLimit(), r.getUnreachableDemand(), r.getOffNetworkDemand()),
                r.getUnreachableDemand(),
                r.getOffNetworkDemand());
        return new CoverageRunInfo(
                r.getCoverageRunId(),
                r.getRegionCode(),
                WorkerGroup.parse(r.getWorkerGroup()),
                TravelMode.parse(r.getTravelMode()),
                new CoverageSettings(r.getLimitMinutes(), r.getSearchLimitMinutes()),
                r.getNetworkVersionId(),
                r.getDemandLayerId(),
                map(r.getParameters()),
                r.getCreatedAt().toInstant(),
                totals);
    }

    /** Gap demand is not stored: it is the rest of the demand (never below 0 by rounding). */
    private static double gap(double demand, double covered, double unreachable, double offNetwork) {
        return Math.max(0, demand - covered - unreachable - offNetwork);
    }

    @Override
    public List<AreaCoverage> runAreas(String regionCode, long runId, AreaLevel level) {
        return dsl.selectFrom(COVERAGE_AREA)
                .where(
                        COVERAGE_AREA.REGION_CODE.eq(regionCode),
                        COVERAGE_AREA.COVERAGE_RUN_ID.eq(runId),
                        COVERAGE_AREA.LEVEL.eq(level.code()))
                .orderBy(COVERAGE_AREA.DISTRICT_CODE)
                .fetch(r -> new AreaCoverage(
                        r.getDistrictCode(),
                        r.getName(),
                        level,
                        r.getParentCode(),
                        new CoverageTotals(
                                r.getCellCount(),
                                r.getStationCount(),
                                r.getDemandTotal(),
                                r.getCovered_5(),
                                r.getCovered_10(),
                                r.getCovered_15(),
                                r.getCovered_20(),
                                r.getCoveredLimit(),
                                gap(
                                        r.getDemandTotal(),
                                        r.getCoveredLimit(),
                                        r.getUnreachableDemand(),
                                        r.getOffNetworkDemand()),
                                r.getUnreachableDemand(),
                                r.getOffNetworkDemand())));
    }

    @Override
    public List<CellOutcome> runCells(String regionCode, long runId) {
        return dsl.selectFrom(COVERAGE_CELL)
                .where(COVERAGE_CELL.REGION_CODE.eq(regionCode), COVERAGE_CELL.COVERAGE_RUN_ID.eq(runId))
                .orderBy(COVERAGE_CELL.H3_CELL)
                .fetch(r -> new CellOutcome(
                        r.getH3Cell(),
                        r.getWeight(),
                        r.getTravelSeconds(),
                        r.getStationId(),
                        CellStatus.parse(r.getStatus())));
    }

    @Override
    public List<StationCoverage> runStations(String regionCode, long runId) {
        return dsl.selectFrom(COVERAGE_STATION)
                .where(COVERAGE_STATION.REGION_CODE.eq(regionCode), COVERAGE_STATION.COVERAGE_RUN_ID.eq(runId))
                .orderBy(COVERAGE_STATION.STATION_ID)
                .fetch(r -> new StationCoverage(
                        r.getStationId(),
                        r.getOnNetwork(),
                        r.getDemandWithinLimit(),
                        r.getCellsWithinLimit(),
                        r.getCatchmentDemand(),
                        r.getCatchmentCovered(),
                        r.getCatchmentCells()));
    }

    // ---------------------------------------------------------------------------------------------------------

    private static JSONB json(Map<String, String> map) {
        try {
            return JSONB.valueOf(MAPPER.writeValueAsString(map));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static Map<String, String> map(JSONB json) {
        if (json == null) {
            return Map.of();
        }
        try {
            Map<String, Object> raw =
                    MAPPER.readValue(json.data(), new TypeReference<LinkedHashMap<String, Object>>() {});
            Map<String, String> out = new LinkedHashMap<>();
            raw.forEach((k, v) -> out.put(k, v == null ? null : v.toString()));
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not an object: " + json.data(), e);
        }
    }
}
