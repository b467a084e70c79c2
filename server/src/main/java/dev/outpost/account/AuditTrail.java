package dev.outpost.account;

import java.util.List;

/** The read side of the audit log (written by the repositories of each domain), implemented in {@code store}. */
public interface AuditTrail {
    /** Region code of audit rows that belong to no region, such as account changes. */
    String GLOBAL_REGION = "*";

    /**
     * Rows matching the query, newest first. A row belongs to an area through its {@code districtCode}: the JSON
     * field {@code districtCode} of the after (else before) state, or the id of a changed district. Rows without an
     * area are visible only to whole-region readers and admins.
     */
    List<AuditEntry> find(AuditQuery query);
}
