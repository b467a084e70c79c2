package dev.outpost.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A login session as stored: never the raw token, only its SHA-256. Immutable.
 *
 * @param idHash lower-case hex SHA-256 of the session token (64 characters)
 * @param userName the user logged in
 * @param createdAt when the session began (at login)
 * @param lastSeenAt when the session was last used (updated at most once a minute)
 * @param expiresAt absolute end of the session, however active it is
 * @param csrfToken the synchronizer token the page must send with every state-changing request of this session
 * @param revokedAt when the session was ended (logout, renewal at login, user disabled); null while not revoked
 * @param clientIp the address the login came from; null when unknown
 */
public record Session(
        String idHash,
        String userName,
        Instant createdAt,
        Instant lastSeenAt,
        Instant expiresAt,
        String csrfToken,
        Instant revokedAt,
        String clientIp) {
    public Session {
        if (idHash == null || !idHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("session id hash must be 64 lower-case hex characters");
        }
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (csrfToken == null || csrfToken.length() < 32) {
            throw new IllegalArgumentException("csrf token must have at least 32 characters");
        }
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException(
                    "session expires at " + expiresAt + ", not after its start " + createdAt);
        }
    }

    /** True when not revoked, not past its absolute end and used within {@code idleTimeout} before {@code now}. */
    public boolean isActiveAt(Instant now, Duration idleTimeout) {
        return revokedAt == null && now.isBefore(expiresAt) && now.isBefore(lastSeenAt.plus(idleTimeout));
    }
}
