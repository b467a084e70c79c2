package dev.outpost.rider.poster;

/** No Chinese font is installed, so posters cannot be drawn (HTTP 503). The message says what to install. */
public class FontUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FontUnavailableException(String message) {
        super(message);
    }
}
