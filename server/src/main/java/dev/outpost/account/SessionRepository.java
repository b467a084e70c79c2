package dev.outpost.account;

import java.time.Instant;
import java.util.Optional;

/** Storage of login sessions (shared by every server instance), implemented in {@code store}. Thread-safe. */
public interface SessionRepository {
    void insert(Session session);

    /** The session whose token hashes to {@code idHash}, revoked or not. */
    Optional<Session> find(String idHash);

    /** Sets the last-seen time. */
    void touch(String idHash, Instant at);

    /** Ends the session; returns false when it did not exist or was already revoked. */
    boolean revoke(String idHash, Instant at);

    /** Ends every open session of the user; returns how many. */
    int revokeAllOf(String userName, Instant at);

    /** Deletes sessions that expired or were revoked before {@code cutoff}; returns how many. */
    int deleteEndedBefore(Instant cutoff);
}
