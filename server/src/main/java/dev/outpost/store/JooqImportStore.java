package dev.outpost.store;

import static dev.outpost.store.jooq.Tables.DISTRICT;
import static dev.outpost.store.jooq.Tables.IMPORT_BATCH;
import static dev.outpost.store.jooq.Tables.STATION;

import dev.outpost.district.District;
import dev.outpost.imports.ImportStore;
import dev.outpost.station.Station;
import dev.outpost.store.jooq.tables.records.StationRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Applies imports in one transaction each; a dry run does the same work and rolls it back. Thread-safe. */
public final class JooqImportStore implements ImportStore {
    private final DSLContext dsl;

    public JooqImportStore(Database database) {
        this.dsl = database.dsl();
    }

    /** Thrown to roll a dry run back, carrying its counts out. */
    private static final class DryRunRollback extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Outcome outcome;

        DryRunRollback(Outcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    private interface Work {
        Outcome run(DSLContext tx);
    }

    private Outcome inTransaction(boolean dryRun, Work work) {
        try {
            return dsl.transactionResult(cfg -> {
                Outcome o = work.run(DSL.using(cfg));
                if (dryRun) {
                    throw new DryRunRollback(new Outcome(o.created(), o.updated(), o.unchanged(), null));
                }
                return o;
            });
        } catch (DryRunRollback r) {
            return r.outcome;
        }
    }

    @Override
    public Outcome applyStations(String regionCode, Batch batch, List<Station> stations, boolean dryRun) {
        return inTransaction(dryRun, tx -> {
            Long batchId = insertBatch(tx, regionCode, "stations", batch, stations.size());
            int created = 0;
            int updated = 0;
            int unchanged = 0;
            for (Station s : stations) {
                Optional<Station> existing = findExisting(tx, regionCode, s);
                Station wanted = s.districtCode() == null ? s.withDistrictCode(districtAt(tx, regionCode, s)) : s;
                if (existing.isEmpty()) {
                    JooqStationRepository.insert(tx, wanted, batchId);
                    created++;
                } else if (sameContent(existing.get(), wanted)) {
                    unchanged++;
                } else {
                    JooqStationRepository.update(
                            tx, wanted.withId(existing.get().id()), batchId);
                    updated++;
                }
            }
            return finish(tx, regionCode, batchId, created, updated, unchanged);
        });
    }

    @Override
    public Optional<String> latestSha256(String regionCode, String dataset) {
        return dsl.select(IMPORT_BATCH.SHA256)
                .from(IMPORT_BATCH)
                .where(IMPORT_BATCH.REGION_CODE.eq(regionCode), IMPORT_BATCH.DATASET.eq(dataset))
                .orderBy(IMPORT_BATCH.BATCH_ID.desc())
                .limit(1)
                .fetchOptional(IMPORT_BATCH.SHA256);
    }

    @Override
    public Outcome applyDistricts(String regionCode, Batch batch, List<District> districts, boolean dryRun) {
        return inTransaction(dryRun, tx -> {
            Long batchId = insertBatch(tx, regionCode, "districts", batch, districts.size());
            int[] c = JooqDistrictRepository.upsert(tx, regionCode, districts, batchId);
            // make the deferred parent checks fire now, so a bad parent code fails this import, not a later one
            tx.execute("SET CONSTRAINTS ALL IMMEDIATE");
            return finish(tx, regionCode, batchId, c[0], c[1], c[2]);
        });
    }

    private static Long insertBatch(DSLContext tx, String regionCode, String dataset, Batch batch, int rows) {
        return tx.insertInto(IMPORT_BATCH)
                .set(IMPORT_BATCH.REGION_CODE, regionCode)
                .set(IMPORT_BATCH.DATASET, dataset)
                .set(IMPORT_BATCH.FILE_NAME, batch.fileName())
                .set(IMPORT_BATCH.SHA256, batch.sha256())
                .set(IMPORT_BATCH.CRS, batch.crs())
                .set(IMPORT_BATCH.IMPORTED_BY, batch.importedBy())
                .set(IMPORT_BATCH.ROWS_TOTAL, rows)
                .set(IMPORT_BATCH.ROWS_CREATED, 0)
                .set(IMPORT_BATCH.ROWS_UPDATED, 0)
                .set(IMPORT_BATCH.ROWS_UNCHANGED, 0)
                .set(IMPORT_BATCH.WARNINGS, AuditWriter.json(batch.warnings()))
                .returningResult(IMPORT_BATCH.BATCH_ID)
                .fetchOne()
                .value1();
    }

    /** Records the counts on the batch, or removes the batch when nothing changed. */
    private static Outcome finish(DSLContext tx, String regionCode, Long batchId, int created, int updated, int same) {
        if (created == 0 && updated == 0) {
            tx.deleteFrom(IMPORT_BATCH)
                    .where(IMPORT_BATCH.REGION_CODE.eq(regionCode), IMPORT_BATCH.BATCH_ID.eq(batchId))
                    .execute();
            return new Outcome(0, 0, same, null);
        }
        tx.update(IMPORT_BATCH)
                .set(IMPORT_BATCH.ROWS_CREATED, created)
                .set(IMPORT_BATCH.ROWS_UPDATED, updated)
                .set(IMPORT_BATCH.ROWS_UNCHANGED, same)
                .where(IMPORT_BATCH.REGION_CODE.eq(regionCode), IMPORT_BATCH.BATCH_ID.eq(batchId))
                .execute();
        AuditWriter.write(
                tx,
                regionCode,
                "import",
                "import_batch",
                String.valueOf(batchId),
                null,
                java.util.Map.of("created", created, "updated", updated, "unchanged", same));
        return new Outcome(created, updated, same, batchId);
    }

    private static Optional<Station> findExisting(DSLContext tx, String regionCode, Station s) {
        Optional<StationRecord> r;
        if (s.externalId() != null) {
            r = tx.selectFrom(STATION)
                    .where(STATION.REGION_CODE.eq(regionCode), STATION.EXTERNAL_ID.eq(s.externalId()))
                    .forUpdate()
                    .fetchOptional();
        } else {
            r = tx.selectFrom(STATION)
                    .where(
                            STATION.REGION_CODE.eq(regionCode),
                            STATION.EXTERNAL_ID.isNull(),
                            STATION.NAME.eq(s.name()),
                            DSL.condition(
                                    "ST_DWithin({0}::geography, ST_SetSRID(ST_MakePoint({1}, {2}), 4326)::geography, 1)",
                                    STATION.GEOM,
                                    DSL.val(s.location().lon()),
                                    DSL.val(s.location().lat())))
                    .limit(1)
                    .forUpdate()
                    .fetchOptional();
        }
        return r.map(JooqStationRepository::toStation);
    }

    private static String districtAt(DSLContext tx, String regionCode, Station s) {
        return tx.select(DISTRICT.CODE)
                .from(DISTRICT)
                .where(
                        DISTRICT.REGION_CODE.eq(regionCode),
                        DISTRICT.LEVEL.eq("district"),
                        DSL.condition(
                                "ST_Intersects({0}, ST_SetSRID(ST_MakePoint({1}, {2}), 4326))",
                                DISTRICT.BOUNDARY,
                                DSL.val(s.location().lon()),
                                DSL.val(s.location().lat())))
                .orderBy(DISTRICT.CODE)
                .limit(1)
                .fetchOptional(DISTRICT.CODE)
                .orElse(null);
    }

    /** Equal in every stored field (positions to about 1 cm). */
    static boolean sameContent(Station a, Station b) {
        return Objects.equals(a.externalId(), b.externalId())
                && a.kind() == b.kind()
                && a.name().equals(b.name())
                && Objects.equals(a.address(), b.address())
                && Objects.equals(a.operator(), b.operator())
                && Objects.equals(a.districtCode(), b.districtCode())
                && a.services().equals(b.services())
                && Objects.equals(
                        a.openingHours() == null ? null : a.openingHours().source(),
                        b.openingHours() == null ? null : b.openingHours().source())
                && Objects.equals(a.capacitySeats(), b.capacitySeats())
                && a.status() == b.status()
                && Math.abs(a.location().lat() - b.location().lat()) < 1e-7
                && Math.abs(a.location().lon() - b.location().lon()) < 1e-7;
    }
}
