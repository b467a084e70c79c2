package dev.outpost.http;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * HTTPS settings. Browsers give a page the phone's position only over HTTPS (or on localhost), so the rider page
 * needs TLS when it is served to phones. Immutable.
 *
 * <p>The certificate comes either from a PKCS#12 keystore ({@code keystore} + {@code password}) or from PEM files
 * ({@code certPem}: the certificate chain, leaf first; {@code keyPem}: the unencrypted PKCS#8 private key,
 * {@code -----BEGIN PRIVATE KEY-----}). Exactly one of the two must be given.
 *
 * @param port HTTPS port (0 picks a free one); plain HTTP stays on its own port
 * @param keystore PKCS#12 keystore file, or null
 * @param password keystore password (may be empty), or null with PEM files
 * @param certPem PEM certificate chain file, or null
 * @param keyPem PEM private key file, or null
 */
public record TlsSettings(int port, Path keystore, String password, Path certPem, Path keyPem) {

    /** The default HTTPS port. */
    public static final int DEFAULT_PORT = 8443;

    public TlsSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("TLS_PORT " + port + " is out of range 0..65535");
        }
        boolean store = keystore != null;
        boolean pem = certPem != null || keyPem != null;
        if (store == pem) {
            throw new IllegalArgumentException(
                    "TLS: set either TLS_KEYSTORE (+ TLS_KEYSTORE_PASSWORD) or TLS_CERT_PEM + TLS_KEY_PEM, not both");
        }
        if (pem && (certPem == null || keyPem == null)) {
            throw new IllegalArgumentException("TLS: TLS_CERT_PEM and TLS_KEY_PEM must be set together");
        }
        for (Path p : new Path[] {keystore, certPem, keyPem}) {
            if (p != null && !Files.isReadable(p)) {
                throw new IllegalArgumentException("TLS: file " + p + " does not exist or cannot be read");
            }
        }
        if (store && password == null) {
            password = "";
        }
    }

    /**
     * Reads {@code TLS_KEYSTORE}, {@code TLS_KEYSTORE_PASSWORD}, {@code TLS_CERT_PEM}, {@code TLS_KEY_PEM} and
     * {@code TLS_PORT} (default {@value #DEFAULT_PORT}); empty when neither a keystore nor PEM files are named.
     *
     * @throws IllegalArgumentException naming the variable at fault
     */
    public static Optional<TlsSettings> fromEnvironment(Map<String, String> env) {
        Path keystore = path(env, "TLS_KEYSTORE");
        Path cert = path(env, "TLS_CERT_PEM");
        Path key = path(env, "TLS_KEY_PEM");
        if (keystore == null && cert == null && key == null) {
            return Optional.empty();
        }
        String portText =
                env.getOrDefault("TLS_PORT", Integer.toString(DEFAULT_PORT)).trim();
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("TLS_PORT '" + portText + "' is not a whole number");
        }
        return Optional.of(new TlsSettings(port, keystore, env.get("TLS_KEYSTORE_PASSWORD"), cert, key));
    }

    private static Path path(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : Path.of(v.trim());
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "TlsSettings[port=" + port + ", "
                + (keystore != null ? "keystore=" + keystore : "certPem=" + certPem + ", keyPem=" + keyPem) + "]";
    }
}
