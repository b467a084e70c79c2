package dev.outpost.account;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The record of login attempts that throttling counts, shared by every server instance; implemented in {@code
 * store}. An attempt is stored as failed when it begins and marked successful afterwards, so that concurrent
 * attempts see each other. Thread-safe.
 */
public interface LoginAttemptRepository {
    /** Records an attempt (as failed until {@link #markSucceeded}); returns its id. */
    long begin(String userName, String clientIp, Instant at);

    void markSucceeded(long attemptId);

    /** Removes an attempt that was refused before the password was checked. */
    void forget(long attemptId);

    /**
     * Times of the failed attempts for {@code userName} after {@code since} and after the user's last successful
     * login, oldest first.
     */
    List<Instant> failuresOfUser(String userName, Instant since);

    /** Times of the failed attempts from {@code clientIp} after {@code since}, oldest first. */
    List<Instant> failuresFromIp(String clientIp, Instant since);

    /**
     * Each user's latest successful login still on record: the newest successful attempt or session start (attempts
     * are kept about a day, ended sessions as long; a user whose record is gone is missing from the map).
     */
    Map<String, Instant> lastLogins();

    /** Deletes attempts before {@code cutoff}; returns how many. */
    int deleteBefore(Instant cutoff);
}
