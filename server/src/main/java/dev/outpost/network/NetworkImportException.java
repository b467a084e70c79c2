package dev.outpost.network;

/**
 * An OSM extract could not be turned into a road network: missing, empty, corrupt, or without usable roads. The
 * message names the file and the reason. Previously imported network versions are left untouched.
 */
public class NetworkImportException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public NetworkImportException(String message) {
        super(message);
    }

    public NetworkImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
