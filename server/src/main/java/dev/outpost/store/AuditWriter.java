package dev.outpost.store;

import static dev.outpost.store.jooq.Tables.AUDIT_LOG;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.outpost.common.Actor;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/** Appends rows to {@code audit_log} inside the caller's transaction: who, when, what, before and after (JSON). */
final class AuditWriter {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private AuditWriter() {}

    static void write(
            DSLContext tx,
            String regionCode,
            String action,
            String entity,
            String entityId,
            Object before,
            Object after) {
        tx.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.REGION_CODE, regionCode)
                .set(AUDIT_LOG.ACTOR, Actor.current())
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.ENTITY, entity)
                .set(AUDIT_LOG.ENTITY_ID, entityId)
                .set(AUDIT_LOG.BEFORE, json(before))
                .set(AUDIT_LOG.AFTER, json(after))
                .execute();
    }

    static JSONB json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSONB.valueOf(MAPPER.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write audit JSON", e);
        }
    }
}
