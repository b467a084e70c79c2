package dev.outpost.account;

import java.time.Duration;

/**
 * Session lifetimes and login throttling. Immutable.
 *
 * @param idleTimeout a session unused for this long ends
 * @param absoluteLifetime a session ends this long after login, however active
 * @param maxFailuresPerUser failed logins for one user name within {@code failureWindow} (since its last success)
 *     after which further attempts are refused until the oldest of them leaves the window
 * @param maxFailuresPerIp the same for one client address, whatever the user names
 * @param failureWindow how far back failures count
 * @param minPasswordChars the shortest password accepted when one is set
 */
public record AccountSettings(
        Duration idleTimeout,
        Duration absoluteLifetime,
        int maxFailuresPerUser,
        int maxFailuresPerIp,
        Duration failureWindow,
        int minPasswordChars) {

    /** Idle 30 minutes, at most 8 hours, 5 failures per user and 20 per address in 15 minutes, passwords of 10+. */
    public static final AccountSettings DEFAULTS =
            new AccountSettings(Duration.ofMinutes(30), Duration.ofHours(8), 5, 20, Duration.ofMinutes(15), 10);

    public AccountSettings {
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idle timeout " + idleTimeout + " must be positive");
        }
        if (absoluteLifetime == null || absoluteLifetime.compareTo(idleTimeout) < 0) {
            throw new IllegalArgumentException(
                    "absolute lifetime " + absoluteLifetime + " must be at least the idle timeout " + idleTimeout);
        }
        if (maxFailuresPerUser < 1 || maxFailuresPerIp < 1) {
            throw new IllegalArgumentException(
                    "failure limits must be at least 1, got " + maxFailuresPerUser + " and " + maxFailuresPerIp);
        }
        if (failureWindow == null || failureWindow.isNegative() || failureWindow.isZero()) {
            throw new IllegalArgumentException("failure window " + failureWindow + " must be positive");
        }
        if (minPasswordChars < 1) {
            throw new IllegalArgumentException("minimum password length " + minPasswordChars + " must be at least 1");
        }
    }
}
