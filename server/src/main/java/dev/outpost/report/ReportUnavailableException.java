package dev.outpost.report;

/**
 * A report cannot be made on this machine (e.g. no CJK font is installed). The message says what to install. Not the
 * caller's mistake: the server answers 503.
 */
public class ReportUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReportUnavailableException(String message) {
        super(message);
    }

    public ReportUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
