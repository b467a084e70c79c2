package dev.outpost.account;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the audit log: who changed what, when, with the state before and after. Immutable.
 *
 * @param id increasing within a region
 * @param regionCode the region of the change; {@link AuditTrail#GLOBAL_REGION} for changes that belong to no region
 *     (accounts)
 * @param at when the change was committed
 * @param actor the user name, {@code cli}, {@code system} or {@code anonymous}
 * @param action {@code create}, {@code update}, {@code delete}, {@code import}, ...
 * @param entity what kind of thing changed, e.g. {@code station}, {@code district}, {@code user}
 * @param entityId its id within the region
 * @param districtCode the area the changed thing belongs to, when known (from its {@code districtCode}, or the code
 *     of a changed district); null otherwise
 * @param beforeJson the thing before the change as JSON text; null for a creation
 * @param afterJson the thing after the change as JSON text; null for a deletion
 */
public record AuditEntry(
        long id,
        String regionCode,
        Instant at,
        String actor,
        String action,
        String entity,
        String entityId,
        String districtCode,
        String beforeJson,
        String afterJson) {
    public AuditEntry {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(entityId, "entityId");
    }
}
