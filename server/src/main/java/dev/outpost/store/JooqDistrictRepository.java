package dev.outpost.store;

import static dev.outpost.store.jooq.Tables.DISTRICT;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.district.AreaLevel;
import dev.outpost.district.District;
import dev.outpost.district.DistrictRepository;
import dev.outpost.geo.Geometries;
import dev.outpost.store.jooq.tables.records.DistrictRecord;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/** Administrative areas in PostGIS. Writes are audited. Thread-safe. */
public final class JooqDistrictRepository implements DistrictRepository {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final DSLContext dsl;

    public JooqDistrictRepository(Database database) {
        this.dsl = database.dsl();
    }

    @Override
    public List<District> find(String regionCode, AreaLevel levelOrNull) {
        var q = dsl.selectFrom(DISTRICT).where(DISTRICT.REGION_CODE.eq(regionCode));
        if (levelOrNull != null) {
            q = q.and(DISTRICT.LEVEL.eq(levelOrNull.code()));
        }
        return q.orderBy(
                        DSL.case_(DISTRICT.LEVEL)
                                .when("district", 1)
                                .when("subdistrict", 2)
                                .else_(3),
                        DISTRICT.CODE)
                .fetch(JooqDistrictRepository::toDistrict);
    }

    @Override
    public Optional<District> findByCode(String regionCode, String code) {
        return dsl.selectFrom(DISTRICT)
                .where(DISTRICT.REGION_CODE.eq(regionCode), DISTRICT.CODE.eq(code))
                .fetchOptional(JooqDistrictRepository::toDistrict);
    }

    @Override
    public void upsertAll(String regionCode, List<District> districts) {
        dsl.transaction(cfg -> upsert(DSL.using(cfg), regionCode, districts, null));
    }

    /** Inserts or updates each area; returns {created, updated, unchanged}. */
    static int[] upsert(DSLContext tx, String regionCode, List<District> districts, Long batchId) {
        int[] counts = new int[3];
        for (District d : districts) {
            if (!d.regionCode().equals(regionCode)) {
                throw new IllegalArgumentException(
                        "area " + d.code() + " belongs to region '" + d.regionCode() + "', not '" + regionCode + "'");
            }
            Optional<DistrictRecord> existing = tx.selectFrom(DISTRICT)
                    .where(DISTRICT.REGION_CODE.eq(regionCode), DISTRICT.CODE.eq(d.code()))
                    .forUpdate()
                    .fetchOptional();
            if (existing.isEmpty()) {
                DistrictRecord r = tx.newRecord(DISTRICT);
                fill(r, d);
                r.setBatchId(batchId);
                r.store();
                AuditWriter.write(tx, regionCode, "create", "district", d.code(), null, auditView(d));
                counts[0]++;
            } else {
                District before = toDistrict(existing.get());
                if (sameContent(before, d)) {
                    counts[2]++;
                    continue;
                }
                DistrictRecord r = existing.get();
                fill(r, d);
                if (batchId != null) {
                    r.setBatchId(batchId);
                }
                r.setUpdatedAt(OffsetDateTime.now());
                r.store();
                AuditWriter.write(tx, regionCode, "update", "district", d.code(), auditView(before), auditView(d));
                counts[1]++;
            }
        }
        return counts;
    }

    static boolean sameContent(District a, District b) {
        return a.name().equals(b.name())
                && a.level() == b.level()
                && java.util.Objects.equals(a.parentCode(), b.parentCode())
                && java.util.Objects.equals(a.population(), b.population())
                && a.targets().equals(b.targets())
                && a.boundary().equalsExact(b.boundary(), 1e-9);
    }

    private static void fill(DistrictRecord r, District d) {
        r.setRegionCode(d.regionCode());
        r.setCode(d.code());
        r.setName(d.name());
        r.setLevel(d.level().code());
        r.setParentCode(d.parentCode());
        r.setPopulation(d.population());
        r.setTargets(AuditWriter.json(d.targets()));
        r.setBoundary(d.boundary());
    }

    static District toDistrict(DistrictRecord r) {
        return new District(
                r.getRegionCode(),
                r.getCode(),
                r.getName(),
                AreaLevel.parse(r.getLevel()),
                r.getParentCode(),
                r.getPopulation(),
                targets(r.getTargets()),
                multi(r.getBoundary()));
    }

    private static Map<String, Double> targets(JSONB json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(json.data(), new TypeReference<LinkedHashMap<String, Double>>() {});
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable district targets " + json.data(), e);
        }
    }

    private static MultiPolygon multi(Geometry g) {
        if (g instanceof MultiPolygon mp) {
            return mp;
        }
        MultiPolygon mp = Geometries.factory().createMultiPolygon(new Polygon[] {(Polygon) g});
        return mp;
    }

    private static Map<String, Object> auditView(District d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", d.code());
        m.put("name", d.name());
        m.put("level", d.level().code());
        m.put("parentCode", d.parentCode());
        m.put("population", d.population());
        m.put("targets", d.targets());
        m.put("areaKm2", Math.round(d.boundary().getArea() * 111.32 * 111.32 * 100) / 100.0);
        return m;
    }
}
