package dev.outpost.dataio;

import java.util.Locale;

/**
 * Thrown before any parsing when an uploaded file is larger than the limit the caller set. An
 * {@link IllegalArgumentException} so the HTTP layer can map it (413 Payload Too Large).
 */
public final class FileTooLargeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final long maxBytes;

    /**
     * @param what a name for the file in the message, e.g. "stations.csv"
     * @param maxBytes the limit in bytes
     */
    public FileTooLargeException(String what, long maxBytes) {
        super(String.format(
                Locale.ROOT,
                "file '%s' is larger than the limit of %s (%d bytes); it was refused before reading",
                what,
                humanBytes(maxBytes),
                maxBytes));
        this.maxBytes = maxBytes;
    }

    /** The limit in bytes that was exceeded. */
    public long maxBytes() {
        return maxBytes;
    }

    static String humanBytes(long bytes) {
        if (bytes >= 1024L * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        if (bytes >= 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return bytes + " bytes";
    }
}
