package dev.outpost.store;

import static dev.outpost.store.jooq.Tables.CANDIDATE_MATRIX;
import static dev.outpost.store.jooq.Tables.CANDIDATE_REACH;
import static dev.outpost.store.jooq.Tables.DEMAND_LAYER;
import static dev.outpost.store.jooq.Tables.SCENARIO;

import dev.outpost.network.TravelMode;
import dev.outpost.planning.MatrixKey;
import dev.outpost.planning.SiteReach;
import dev.outpost.planning.SiteReachRepository;
import dev.outpost.store.jooq.tables.records.CandidateMatrixRecord;
import dev.outpost.store.jooq.tables.records.CandidateReachRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Result;
import org.jooq.impl.DSL;

/**
 * Reach matrices in PostGIS: one {@code candidate_matrix} row per key and one {@code candidate_reach} row per site
 * with its cells and seconds in {@link ReachCodec}'s compact form, written in one transaction. Thread-safe.
 */
public final class JooqSiteReachRepository implements SiteReachRepository {
    private static final int CHUNK = 500;

    private final DSLContext dsl;

    public JooqSiteReachRepository(Database database) {
        this.dsl = database.dsl();
    }

    @Override
    public Optional<SiteReach> find(MatrixKey key) {
        return dsl.selectFrom(CANDIDATE_MATRIX)
                .where(
                        CANDIDATE_MATRIX.REGION_CODE.eq(key.regionCode()),
                        CANDIDATE_MATRIX.NETWORK_VERSION_ID.eq(key.networkVersionId()),
                        CANDIDATE_MATRIX.DEMAND_LAYER_ID.eq(key.demandLayerId()),
                        CANDIDATE_MATRIX.TRAVEL_MODE.eq(key.mode().code()),
                        CANDIDATE_MATRIX.MINUTES.eq((short) key.minutes()),
                        CANDIDATE_MATRIX.SITE_SET_SHA256.eq(key.siteSetSha256()))
                .fetchOptional()
                .map(r -> load(dsl, r));
    }

    @Override
    public Optional<SiteReach> findById(String regionCode, long matrixId) {
        return dsl.selectFrom(CANDIDATE_MATRIX)
                .where(CANDIDATE_MATRIX.REGION_CODE.eq(regionCode), CANDIDATE_MATRIX.MATRIX_ID.eq(matrixId))
                .fetchOptional()
                .map(r -> load(dsl, r));
    }

    @Override
    public Optional<SiteReach.Row> findRow(String regionCode, long matrixId, String siteId) {
        return dsl.select(CANDIDATE_REACH.ON_NETWORK, CANDIDATE_REACH.REACH)
                .from(CANDIDATE_REACH)
                .where(
                        CANDIDATE_REACH.REGION_CODE.eq(regionCode),
                        CANDIDATE_REACH.MATRIX_ID.eq(matrixId),
                        CANDIDATE_REACH.SITE_ID.eq(siteId))
                .fetchOptional()
                .map(r -> new SiteReach.Row(r.value1(), ReachCodec.cells(r.value2())));
    }

    private static SiteReach load(DSLContext dsl, CandidateMatrixRecord m) {
        MatrixKey key = new MatrixKey(
                m.getRegionCode(),
                m.getNetworkVersionId(),
                m.getDemandLayerId(),
                TravelMode.parse(m.getTravelMode()),
                m.getMinutes(),
                m.getSiteSetSha256());
        Result<CandidateReachRecord> rows = dsl.selectFrom(CANDIDATE_REACH)
                .where(CANDIDATE_REACH.REGION_CODE.eq(m.getRegionCode()), CANDIDATE_REACH.MATRIX_ID.eq(m.getMatrixId()))
                .orderBy(CANDIDATE_REACH.POSITION)
                .fetch();
        int n = rows.size();
        List<String> ids = new ArrayList<>(n);
        int[][] cells = new int[n][];
        int[][] seconds = new int[n][];
        boolean[] on = new boolean[n];
        for (int s = 0; s < n; s++) {
            CandidateReachRecord r = rows.get(s);
            if (r.getPosition() != s) {
                throw new IllegalStateException("reach matrix " + m.getMatrixId() + " misses row " + s);
            }
            ids.add(r.getSiteId());
            cells[s] = ReachCodec.cells(r.getReach());
            seconds[s] = ReachCodec.seconds(r.getReach());
            on[s] = r.getOnNetwork();
        }
        boolean[] off = new boolean[m.getDemandCount()];
        for (Integer i : m.getDemandOffNetwork()) {
            off[i] = true;
        }
        return new SiteReach(m.getMatrixId(), key, ids, cells, seconds, on, off, m.getBuildMillis());
    }

    @Override
    public SiteReach save(SiteReach matrix) {
        MatrixKey key = matrix.key();
        Optional<SiteReach> stored = dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            int[] off = matrix.demandOffNetworkIndices();
            Integer[] offBoxed = new Integer[off.length];
            for (int k = 0; k < off.length; k++) {
                offBoxed[k] = off[k];
            }
            Optional<Long> id = tx.insertInto(CANDIDATE_MATRIX)
                    .set(CANDIDATE_MATRIX.REGION_CODE, key.regionCode())
                    .set(CANDIDATE_MATRIX.NETWORK_VERSION_ID, key.networkVersionId())
                    .set(CANDIDATE_MATRIX.DEMAND_LAYER_ID, key.demandLayerId())
                    .set(CANDIDATE_MATRIX.TRAVEL_MODE, key.mode().code())
                    .set(CANDIDATE_MATRIX.MINUTES, (short) key.minutes())
                    .set(CANDIDATE_MATRIX.SITE_SET_SHA256, key.siteSetSha256())
                    .set(CANDIDATE_MATRIX.SITE_COUNT, matrix.siteCount())
                    .set(CANDIDATE_MATRIX.DEMAND_COUNT, matrix.demandCount())
                    .set(CANDIDATE_MATRIX.PAIR_COUNT, matrix.pairCount())
                    .set(CANDIDATE_MATRIX.DEMAND_OFF_NETWORK, offBoxed)
                    .set(CANDIDATE_MATRIX.BUILD_MILLIS, matrix.buildMillis())
                    .onConflictDoNothing()
                    .returningResult(CANDIDATE_MATRIX.MATRIX_ID)
                    .fetchOptional()
                    .map(r -> r.value1());
            if (id.isEmpty()) {
                return Optional.<SiteReach>empty();
            }
            for (int from = 0; from < matrix.siteCount(); from += CHUNK) {
                List<CandidateReachRecord> records = new ArrayList<>();
                for (int s = from; s < Math.min(matrix.siteCount(), from + CHUNK); s++) {
                    CandidateReachRecord r = new CandidateReachRecord();
                    r.setRegionCode(key.regionCode());
                    r.setMatrixId(id.get());
                    r.setPosition(s);
                    r.setSiteId(matrix.siteIds().get(s));
                    r.setOnNetwork(matrix.onNetwork(s));
                    int[] cells = matrix.cells(s);
                    r.setCellCount(cells.length);
                    r.setReach(ReachCodec.encode(cells, matrix.seconds(s)));
                    records.add(r);
                }
                tx.batchInsert(records).execute();
            }
            return Optional.of(matrix.withId(id.get()));
        });
        return stored.orElseGet(() -> find(key)
                .orElseThrow(() -> new IllegalStateException("reach matrix " + key + " vanished while being stored")));
    }

    @Override
    public int deleteStale(String regionCode, long currentNetworkVersionId, long currentDemandLayerId) {
        var sameGroup = DSL.select(DEMAND_LAYER.WORKER_GROUP)
                .from(DEMAND_LAYER)
                .where(DEMAND_LAYER.REGION_CODE.eq(regionCode), DEMAND_LAYER.DEMAND_LAYER_ID.eq(currentDemandLayerId));
        var olderLayersOfGroup = DSL.select(DEMAND_LAYER.DEMAND_LAYER_ID)
                .from(DEMAND_LAYER)
                .where(
                        DEMAND_LAYER.REGION_CODE.eq(regionCode),
                        DEMAND_LAYER.WORKER_GROUP.in(sameGroup),
                        DEMAND_LAYER.DEMAND_LAYER_ID.ne(currentDemandLayerId));
        return dsl.deleteFrom(CANDIDATE_MATRIX)
                .where(
                        CANDIDATE_MATRIX.REGION_CODE.eq(regionCode),
                        CANDIDATE_MATRIX
                                .NETWORK_VERSION_ID
                                .ne(currentNetworkVersionId)
                                .or(CANDIDATE_MATRIX.DEMAND_LAYER_ID.in(olderLayersOfGroup)),
                        DSL.notExists(DSL.selectOne()
                                .from(SCENARIO)
                                .where(
                                        SCENARIO.REGION_CODE.eq(regionCode),
                                        SCENARIO.CANDIDATE_MATRIX_ID
                                                .eq(CANDIDATE_MATRIX.MATRIX_ID)
                                                .or(SCENARIO.STATION_MATRIX_ID.eq(CANDIDATE_MATRIX.MATRIX_ID)))))
                .execute();
    }
}
