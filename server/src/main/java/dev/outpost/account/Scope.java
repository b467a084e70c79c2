package dev.outpost.account;

/** Which of the caller's areas an access rule checks, after the role. Admins pass every scope. */
public enum Scope {
    /** The role alone decides. */
    NONE,
    /** The request's region (parameter {@code region}, or the default region) must contain one of the caller's areas. */
    REGION,
    /**
     * The district the request acts on must lie within one of the caller's areas: the district of the rule's
     * target (resolved by a {@link TargetResolver}) when the rule has one, else the path parameter {@code
     * district}, else the query parameter {@code district} (or {@code area}, as the review calls it). When none is
     * named the request is allowed and the handler must limit what it shows to the caller's areas (as the audit
     * view does).
     */
    DISTRICT
}
