package dev.outpost.store;

import static dev.outpost.store.jooq.Tables.AUDIT_LOG;

import dev.outpost.account.AreaFilter;
import dev.outpost.account.AuditEntry;
import dev.outpost.account.AuditQuery;
import dev.outpost.account.AuditTrail;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Reads {@code audit_log}, newest first, limited by region, entity and the reader's areas. Thread-safe. */
public final class JooqAuditTrail implements AuditTrail {
    /** The area of a row: the changed thing's {@code districtCode}, or the code of a changed district. */
    static final Field<String> DISTRICT_CODE = DSL.field(
            "coalesce({0} ->> 'districtCode', {1} ->> 'districtCode', CASE WHEN {2} = 'district' THEN {3} END)",
            String.class, AUDIT_LOG.AFTER, AUDIT_LOG.BEFORE, AUDIT_LOG.ENTITY, AUDIT_LOG.ENTITY_ID);

    private final DSLContext dsl;

    public JooqAuditTrail(Database database) {
        this.dsl = database.dsl();
    }

    @Override
    public List<AuditEntry> find(AuditQuery q) {
        List<Condition> where = new ArrayList<>();
        if (q.regionCode() != null) {
            where.add(AUDIT_LOG.REGION_CODE.eq(q.regionCode()));
        }
        if (q.entity() != null) {
            where.add(AUDIT_LOG.ENTITY.eq(q.entity()));
        }
        if (q.entityId() != null) {
            where.add(AUDIT_LOG.ENTITY_ID.eq(q.entityId()));
        }
        if (q.visible() != null) {
            where.add(visible(q.visible()));
        }
        return dsl.select(
                        AUDIT_LOG.AUDIT_ID,
                        AUDIT_LOG.REGION_CODE,
                        AUDIT_LOG.AT,
                        AUDIT_LOG.ACTOR,
                        AUDIT_LOG.ACTION,
                        AUDIT_LOG.ENTITY,
                        AUDIT_LOG.ENTITY_ID,
                        DISTRICT_CODE,
                        AUDIT_LOG.BEFORE,
                        AUDIT_LOG.AFTER)
                .from(AUDIT_LOG)
                .where(where)
                .orderBy(AUDIT_LOG.AT.desc(), AUDIT_LOG.AUDIT_ID.desc())
                .limit(q.limit())
                .fetch(r -> new AuditEntry(
                        r.value1(),
                        r.value2(),
                        r.value3().toInstant(),
                        r.value4(),
                        r.value5(),
                        r.value6(),
                        r.value7(),
                        r.value8(),
                        r.value9() == null ? null : r.value9().data(),
                        r.value10() == null ? null : r.value10().data()));
    }

    private static Condition visible(AreaFilter f) {
        Condition c = DSL.falseCondition();
        if (!f.wholeRegions().isEmpty()) {
            c = c.or(AUDIT_LOG.REGION_CODE.in(f.wholeRegions()));
        }
        for (Map.Entry<String, Set<String>> e : f.areaCodes().entrySet()) {
            if (!e.getValue().isEmpty()) {
                c = c.or(AUDIT_LOG.REGION_CODE.eq(e.getKey()).and(DISTRICT_CODE.in(e.getValue())));
            }
        }
        return c;
    }
}
