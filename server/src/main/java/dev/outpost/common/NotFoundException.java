package dev.outpost.common;

/** Something the caller named does not exist (HTTP 404). The message names what was looked for. */
public class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
