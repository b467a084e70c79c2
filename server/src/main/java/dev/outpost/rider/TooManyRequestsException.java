package dev.outpost.rider;

/** A client asked too often (HTTP 429). The message says what was limited; {@link #retryAfterSeconds()} when to retry. */
public class TooManyRequestsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public TooManyRequestsException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Seconds after which the request would be accepted, at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
