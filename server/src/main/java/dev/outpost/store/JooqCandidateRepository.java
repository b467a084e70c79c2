package dev.outpost.store;

import static dev.outpost.store.jooq.Tables.CANDIDATE;

import dev.outpost.geo.Geometries;
import dev.outpost.geo.LatLon;
import dev.outpost.planning.Candidate;
import dev.outpost.planning.CandidateKind;
import dev.outpost.planning.CandidateRepository;
import dev.outpost.planning.CandidateSource;
import dev.outpost.store.jooq.tables.records.CandidateRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.locationtech.jts.geom.Point;

/**
 * Stored candidates (imports and OSM host sites) in PostGIS: a replacement deletes the source's rows and inserts the
 * new ones in chunks, in one transaction, with one audit row. Thread-safe.
 */
public final class JooqCandidateRepository implements CandidateRepository {
    private static final int CHUNK = 1_000;

    private final DSLContext dsl;

    public JooqCandidateRepository(Database database) {
        this.dsl = database.dsl();
    }

    @Override
    public void replace(String regionCode, CandidateSource source, List<Candidate> candidates) {
        if (!source.stored()) {
            throw new IllegalArgumentException("candidates of source '" + source.code() + "' are not stored");
        }
        for (Candidate c : candidates) {
            if (!c.regionCode().equals(regionCode) || c.source() != source) {
                throw new IllegalArgumentException("candidate '" + c.id() + "' is of region '" + c.regionCode()
                        + "' and source '" + c.source().code() + "', not '" + regionCode + "' and '" + source.code()
                        + "'");
            }
        }
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            int deleted = tx.deleteFrom(CANDIDATE)
                    .where(CANDIDATE.REGION_CODE.eq(regionCode), CANDIDATE.SOURCE.eq(source.code()))
                    .execute();
            for (int from = 0; from < candidates.size(); from += CHUNK) {
                List<CandidateRecord> records = new ArrayList<>();
                for (Candidate c : candidates.subList(from, Math.min(candidates.size(), from + CHUNK))) {
                    CandidateRecord r = new CandidateRecord();
                    r.setRegionCode(regionCode);
                    r.setCandidateId(c.id());
                    r.setSource(source.code());
                    r.setKind(c.kind().code());
                    r.setName(c.name());
                    r.setDistrictCode(c.districtCode());
                    r.setCostWanYuan(c.costWanYuan());
                    r.setCapacitySeats(c.capacitySeats());
                    r.setGeom(Geometries.point(c.position()));
                    records.add(r);
                }
                tx.batchInsert(records).execute();
            }
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("source", source.code());
            after.put("count", candidates.size());
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("source", source.code());
            before.put("count", deleted);
            AuditWriter.write(tx, regionCode, "import", "candidates", source.code(), before, after);
        });
    }

    @Override
    public List<Candidate> find(String regionCode, CandidateSource source) {
        return dsl.selectFrom(CANDIDATE)
                .where(CANDIDATE.REGION_CODE.eq(regionCode), CANDIDATE.SOURCE.eq(source.code()))
                .orderBy(CANDIDATE.CANDIDATE_ID)
                .fetch(JooqCandidateRepository::toCandidate);
    }

    private static Candidate toCandidate(CandidateRecord r) {
        Point p = (Point) r.getGeom();
        return new Candidate(
                r.getCandidateId(),
                r.getRegionCode(),
                CandidateSource.parse(r.getSource()),
                CandidateKind.parse(r.getKind()),
                r.getName(),
                r.getDistrictCode(),
                r.getCostWanYuan(),
                r.getCapacitySeats(),
                new LatLon(p.getY(), p.getX()));
    }
}
