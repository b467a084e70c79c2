package dev.outpost.common;

/**
 * The request clashes with the current state (HTTP 409), e.g. a second station with the same external id in a
 * region. The message names both sides of the clash.
 */
public class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
