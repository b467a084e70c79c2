package dev.outpost.account;

/**
 * Which audit rows to read, newest first. Immutable.
 *
 * @param regionCode only this region; null for all regions
 * @param entity only this kind of thing; null for all
 * @param entityId only this thing (with {@code entity}); null for all
 * @param visible only rows within these areas; null for no limit (an admin's view)
 * @param limit at most this many rows, 1 to {@link #MAX_LIMIT}
 */
public record AuditQuery(String regionCode, String entity, String entityId, AreaFilter visible, int limit) {
    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("parameter 'limit': " + limit + " is out of range 1.." + MAX_LIMIT);
        }
        if (entityId != null && entity == null) {
            throw new IllegalArgumentException("parameter 'entityId' needs parameter 'entity'");
        }
    }
}
