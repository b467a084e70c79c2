package dev.outpost.store;

import static dev.outpost.store.jooq.Tables.COVERAGE_RUN;
import static dev.outpost.store.jooq.Tables.DEMAND_CELL;
import static dev.outpost.store.jooq.Tables.DEMAND_LAYER;

import dev.outpost.common.ConflictException;
import dev.outpost.common.NotFoundException;
import dev.outpost.demand.DemandLayer;
import dev.outpost.demand.DemandLayerInfo;
import dev.outpost.demand.DemandRepository;
import dev.outpost.demand.DemandSource;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.store.jooq.tables.records.DemandLayerRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
            int runs = tx.fetchCount(
                    COVERAGE_RUN,
                    COVERAGE_RUN.REGION_CODE.eq(regionCode).and(COVERAGE_RUN.DEMAND_LAYER_ID.eq(layerId)));
            if (runs > 0) {
                throw new ConflictException("demand layer " + layerId + " of region '" + regionCode + "' is used by "
                        + runs + " stored coverage run(s); delete those first");
            }
            return tx.deleteFrom(DEMAND_LAYER)
                            .where(DEMAND_LAYER.REGION_CODE.eq(regionCode), DEMAND_LAYER.DEMAND_LAYER_ID.eq(layerId))
                            .execute()
                    > 0;
        });
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
