package dev.outpost.account;

/** Too many failed logins for this user name or from this address (HTTP 429 with {@code Retry-After}). */
public class LoginThrottledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    /** @param retryAfterSeconds at least 1: when the caller may try again */
    public LoginThrottledException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
