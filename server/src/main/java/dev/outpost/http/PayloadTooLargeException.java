package dev.outpost.http;

/** The request body or upload is larger than the configured limit (HTTP 413). */
public final class PayloadTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
