package dev.outpost.store;

import static dev.outpost.store.jooq.Tables.CANDIDATE_MATRIX;
import static dev.outpost.store.jooq.Tables.COVERAGE_RUN;
import static dev.outpost.store.jooq.Tables.DEMAND_CELL;
import static dev.outpost.store.jooq.Tables.DEMAND_LAYER;
import static dev.outpost.store.jooq.Tables.SCENARIO;

import dev.outpost.common.ConflictException;
import dev.outpost.common.NotFoundException;
import dev.outpost.demand.DemandLayer;
import dev.outpost.demand.DemandLayerInfo;
import dev.outpost.demand.DemandRepository;
import dev.outpost.demand.DemandSource;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.store.jooq.tables.records.DemandLayerRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.impl.DSL;

/**
 * Demand layers in PostGIS: one {@code demand_layer} row and one {@code demand_cell} row per cell, written in one
 * transaction with a single array-unnesting insert. Thread-safe.
 */
public final class JooqDemandRepository implements DemandRepository {
    private final DSLContext dsl;

    public JooqDemandRepository(Database database) {
        this.dsl = database.dsl();
    }

    @Override
    public DemandLayerInfo save(String regionCode, DemandLayer layer, DemandSource source, String description) {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(source, "source");
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            DemandLayerRecord r = tx.newRecord(DEMAND_LAYER);
            r.setRegionCode(regionCode);
            r.setWorkerGroup(layer.group().code());
            r.setResolution((short) layer.resolution());
            r.setSource(source.code());
            r.setDescription(description == null ? "" : description);
            r.setCellCount(layer.size());
            r.setTotalWeight(layer.totalWeight());
            r.store();
            r.refresh();
            insertCells(tx, regionCode, r.getDemandLayerId(), layer);
            AuditWriter.write(
                    tx, regionCode, "create", "demand_layer", Long.toString(r.getDemandLayerId()), null, auditView(r));
            return toInfo(r);
        });
    }

    static void insertCells(DSLContext tx, String regionCode, long layerId, DemandLayer layer) {
        long[] cells = layer.cells();
        double[] weights = layer.weights();
        int chunk = 50_000;
        for (int from = 0; from < cells.length; from += chunk) {
            int to = Math.min(cells.length, from + chunk);
            Long[] c = new Long[to - from];
            Double[] w = new Double[to - from];
            for (int i = from; i < to; i++) {
                c[i - from] = cells[i];
                w[i - from] = weights[i];
            }
            tx.execute(
                    "INSERT INTO demand_cell (region_code, demand_layer_id, h3_cell, weight) "
                            + "SELECT {0}, {1}, c, w FROM unnest({2}::bigint[], {3}::float8[]) AS t(c, w)",
                    DSL.val(regionCode), DSL.val(layerId), DSL.val(c), DSL.val(w));
        }
    }

    @Override
    public Optional<DemandLayerInfo> latest(String regionCode, WorkerGroup group) {
        return dsl.selectFrom(DEMAND_LAYER)
                .where(DEMAND_LAYER.REGION_CODE.eq(regionCode), DEMAND_LAYER.WORKER_GROUP.eq(group.code()))
                .orderBy(DEMAND_LAYER.CREATED_AT.desc(), DEMAND_LAYER.DEMAND_LAYER_ID.desc())
                .limit(1)
                .fetchOptional(JooqDemandRepository::toInfo);
    }

    @Override
    public Optional<DemandLayerInfo> find(String regionCode, long layerId) {
        return dsl.selectFrom(DEMAND_LAYER)
                .where(DEMAND_LAYER.REGION_CODE.eq(regionCode), DEMAND_LAYER.DEMAND_LAYER_ID.eq(layerId))
                .fetchOptional(JooqDemandRepository::toInfo);
    }

    @Override
    public DemandLayer load(String regionCode, long layerId) {
        DemandLayerInfo info = find(regionCode, layerId)
                .orElseThrow(
                        () -> new NotFoundException("no demand layer " + layerId + " in region '" + regionCode + "'"));
        Result<Record2<Long, Double>> rows = dsl.select(DEMAND_CELL.H3_CELL, DEMAND_CELL.WEIGHT)
                .from(DEMAND_CELL)
                .where(DEMAND_CELL.REGION_CODE.eq(regionCode), DEMAND_CELL.DEMAND_LAYER_ID.eq(layerId))
                .orderBy(DEMAND_CELL.H3_CELL)
                .fetch();
        long[] cells = new long[rows.size()];
        double[] weights = new double[rows.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = rows.get(i).value1();
            weights[i] = rows.get(i).value2();
        }
        return new DemandLayer(info.group(), info.resolution(), cells, weights);
    }

    @Override
    public List<DemandLayerInfo> list(String regionCode) {
        return dsl.selectFrom(DEMAND_LAYER)
                .where(DEMAND_LAYER.REGION_CODE.eq(regionCode))
                .orderBy(DEMAND_LAYER.CREATED_AT.desc(), DEMAND_LAYER.DEMAND_LAYER_ID.desc())
                .fetch(JooqDemandRepository::toInfo);
    }

    @Override
    public boolean delete(String regionCode, long layerId) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            // FOR UPDATE conflicts with the KEY SHARE lock a referencing insert takes on this row, so no scenario or
            // run can start to use the layer between the checks below and the delete
            DemandLayerRecord existing = tx.selectFrom(DEMAND_LAYER)
                    .where(DEMAND_LAYER.REGION_CODE.eq(regionCode), DEMAND_LAYER.DEMAND_LAYER_ID.eq(layerId))
                    .forUpdate()
                    .fetchOne();
            if (existing == null) {
                return false;
            }
            // scenarios on the layer, or on a reach matrix of the layer (matrices go with the layer, scenarios not)
            List<Long> matrices = tx.select(CANDIDATE_MATRIX.MATRIX_ID)
                    .from(CANDIDATE_MATRIX)
                    .where(CANDIDATE_MATRIX.REGION_CODE.eq(regionCode), CANDIDATE_MATRIX.DEMAND_LAYER_ID.eq(layerId))
                    .fetch(CANDIDATE_MATRIX.MATRIX_ID);
            List<Long> scenarios = tx.select(SCENARIO.SCENARIO_ID)
                    .from(SCENARIO)
                    .where(
                            SCENARIO.REGION_CODE.eq(regionCode),
                            SCENARIO.DEMAND_LAYER_ID
                                    .eq(layerId)
                                    .or(SCENARIO.CANDIDATE_MATRIX_ID.in(matrices))
                                    .or(SCENARIO.STATION_MATRIX_ID.in(matrices)))
                    .orderBy(SCENARIO.SCENARIO_ID)
                    .fetch(SCENARIO.SCENARIO_ID);
            List<Long> runs = tx.select(COVERAGE_RUN.COVERAGE_RUN_ID)
                    .from(COVERAGE_RUN)
                    .where(COVERAGE_RUN.REGION_CODE.eq(regionCode), COVERAGE_RUN.DEMAND_LAYER_ID.eq(layerId))
                    .orderBy(COVERAGE_RUN.COVERAGE_RUN_ID)
                    .fetch(COVERAGE_RUN.COVERAGE_RUN_ID);
            if (!scenarios.isEmpty() || !runs.isEmpty()) {
                throw new ConflictException(inUseMessage(layerId, scenarios, runs));
            }
            boolean deleted = tx.deleteFrom(DEMAND_LAYER)
                            .where(DEMAND_LAYER.REGION_CODE.eq(regionCode), DEMAND_LAYER.DEMAND_LAYER_ID.eq(layerId))
                            .execute()
                    > 0;
            AuditWriter.write(
                    tx, regionCode, "delete", "demand_layer", Long.toString(layerId), auditView(existing), null);
            return deleted;
        });
    }

    /** A layer as the audit log keeps it (its cells are summarised by count and total weight). */
    private static java.util.Map<String, Object> auditView(DemandLayerRecord r) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("group", r.getWorkerGroup());
        m.put("resolution", r.getResolution());
        m.put("source", r.getSource());
        m.put("description", r.getDescription());
        m.put("cellCount", r.getCellCount());
        m.put("totalWeight", r.getTotalWeight());
        m.put("createdAt", r.getCreatedAt());
        return m;
    }

    /** "demand layer 3 is used by scenarios 5, 7 and coverage run 9; delete them first" (at most 10 ids each). */
    static String inUseMessage(long layerId, List<Long> scenarios, List<Long> runs) {
        List<String> parts = new ArrayList<>();
        if (!scenarios.isEmpty()) {
            parts.add((scenarios.size() == 1 ? "scenario " : "scenarios ") + ids(scenarios));
        }
        if (!runs.isEmpty()) {
            parts.add((runs.size() == 1 ? "stored coverage run " : "stored coverage runs ") + ids(runs));
        }
        return "demand layer " + layerId + " is used by " + String.join(" and ", parts) + "; delete "
                + (scenarios.size() + runs.size() == 1 ? "it" : "them") + " first";
    }

    private static String ids(List<Long> ids) {
        int shown = 10;
        String listed = ids.stream().limit(shown).map(String::valueOf).collect(Collectors.joining(", "));
        return ids.size() <= shown ? listed : listed + " and " + (ids.size() - shown) + " more";
    }

    static DemandLayerInfo toInfo(DemandLayerRecord r) {
        return new DemandLayerInfo(
                r.getDemandLayerId(),
                r.getRegionCode(),
                WorkerGroup.parse(r.getWorkerGroup()),
                r.getResolution(),
                DemandSource.parse(r.getSource()),
                r.getDescription(),
                r.getCellCount(),
                r.getTotalWeight(),
                r.getCreatedAt().toInstant());
    }
}
