package dev.outpost.store;

import static dev.outpost.store.jooq.Tables.REGION;

import dev.outpost.district.Region;
import dev.outpost.district.RegionRepository;
import dev.outpost.geo.BBox;
import dev.outpost.store.jooq.tables.records.RegionRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record4;

/** Regions in PostGIS. Thread-safe. */
public final class JooqRegionRepository implements RegionRepository {
    private final DSLContext dsl;

    public JooqRegionRepository(Database database) {
        this.dsl = database.dsl();
    }

    @Override
    public List<Region> findAll() {
        return dsl.selectFrom(REGION).orderBy(REGION.REGION_CODE).fetch(JooqRegionRepository::toRegion);
    }

    @Override
    public Optional<Region> find(String code) {
        return dsl.selectFrom(REGION).where(REGION.REGION_CODE.eq(code)).fetchOptional(JooqRegionRepository::toRegion);
    }

    @Override
    public Optional<BBox> extent(String code) {
        Record4<Double, Double, Double, Double> r = dsl.resultQuery(
                        "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(g) AS e FROM ("
                                + " SELECT boundary AS g FROM district WHERE region_code = {0}"
                                + " UNION ALL SELECT geom FROM station WHERE region_code = {0}) u) x",
                        org.jooq.impl.DSL.val(code))
                .coerce(
                        org.jooq.impl.DSL.field("a", Double.class),
                        org.jooq.impl.DSL.field("b", Double.class),
                        org.jooq.impl.DSL.field("c", Double.class),
                        org.jooq.impl.DSL.field("d", Double.class))
                .fetchOne();
        if (r == null || r.value1() == null) {
            return Optional.empty();
        }
        return Optional.of(new BBox(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    @Override
    public void upsert(Region region) {
        dsl.insertInto(REGION)
                .set(REGION.REGION_CODE, region.code())
                .set(REGION.NAME, region.name())
                .set(REGION.NAME_EN, region.nameEn())
                .set(REGION.SYNTHETIC, region.synthetic())
                .onConflict(REGION.REGION_CODE)
                .doUpdate()
                .set(REGION.NAME, region.name())
                .set(REGION.NAME_EN, region.nameEn())
                .set(REGION.SYNTHETIC, region.synthetic())
                .execute();
    }

    private static Region toRegion(RegionRecord r) {
        return new Region(r.getRegionCode(), r.getName(), r.getNameEn(), r.getSynthetic());
    }
}
