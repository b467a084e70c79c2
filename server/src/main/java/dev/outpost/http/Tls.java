package dev.outpost.http;

import io.javalin.config.JavalinConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Serving over HTTPS: an extra Jetty connector with the configured certificate, next to the plain HTTP one. The
 * keystore (or the PEM files) is read and checked when the application is built, so a wrong password or a broken file
 * stops the start with a clear message instead of failing the first handshake.
 */
public final class Tls {
    private static final String INTERNAL_PASSWORD = "outpost-in-memory";
    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private Tls() {}

    /** A configuration step that adds the HTTPS connector, for {@link HttpApp#create(HttpSettings, HttpServices, Consumer)}. */
    public static Consumer<JavalinConfig> connector(TlsSettings settings) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        KeyStore keyStore = keyStore(settings);
        ssl.setKeyStore(keyStore);
        ssl.setKeyStorePassword(settings.keystore() != null ? settings.password() : INTERNAL_PASSWORD);
        return config -> {
            // Javalin adds its own plain HTTP connector only when none is configured: add it first (so that
            // Javalin#port() stays the HTTP port), on the host and port given to Javalin#start
            config.jetty.addConnector((server, httpConfig) -> {
                ServerConnector http = new ServerConnector(server, new HttpConnectionFactory(httpConfig));
                http.setHost(config.jetty.host);
                http.setPort(config.jetty.port);
                http.setName("http");
                return http;
            });
            config.jetty.addConnector((server, httpConfig) -> https(server, httpConfig, ssl, settings));
        };
    }

    private static ServerConnector https(
            org.eclipse.jetty.server.Server server,
            HttpConfiguration httpConfig,
            SslContextFactory.Server ssl,
            TlsSettings settings) {
        HttpConfiguration https = new HttpConfiguration(httpConfig);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // a certificate for a public host name must still work when the phone reaches the server by its IP
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(
                server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        connector.setPort(settings.port());
        connector.setName("https");
        return connector;
    }

    /** The keystore of the settings: loaded from PKCS#12, or assembled from the PEM files. */
    static KeyStore keyStore(TlsSettings settings) {
        try {
            if (settings.keystore() != null) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(settings.keystore())) {
                    ks.load(in, settings.password().toCharArray());
                } catch (IOException e) {
                    throw new IllegalArgumentException("TLS_KEYSTORE " + settings.keystore()
                            + " cannot be read as PKCS#12 (wrong TLS_KEYSTORE_PASSWORD?): " + e.getMessage());
                }
                if (!hasKey(ks)) {
                    throw new IllegalArgumentException(
                            "TLS_KEYSTORE " + settings.keystore() + " holds no private key with a certificate");
                }
                return ks;
            }
            List<Certificate> chain = certificates(Files.readString(settings.certPem(), StandardCharsets.US_ASCII));
            if (chain.isEmpty()) {
                throw new IllegalArgumentException(
                        "TLS_CERT_PEM " + settings.certPem() + " holds no CERTIFICATE block");
            }
            PrivateKey key = privateKey(Files.readString(settings.keyPem(), StandardCharsets.US_ASCII), settings);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("outpost", key, INTERNAL_PASSWORD.toCharArray(), chain.toArray(new Certificate[0]));
            return ks;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the TLS files: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("TLS: " + e.getMessage(), e);
        }
    }

    private static boolean hasKey(KeyStore ks) throws GeneralSecurityException {
        for (String alias : java.util.Collections.list(ks.aliases())) {
            if (ks.isKeyEntry(alias)) {
                return true;
            }
        }
        return false;
    }

    static List<Certificate> certificates(String pem) throws GeneralSecurityException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<Certificate> out = new ArrayList<>();
        Matcher m = PEM_BLOCK.matcher(pem);
        while (m.find()) {
            if (m.group(1).equals("CERTIFICATE")) {
                out.add(cf.generateCertificate(new ByteArrayInputStream(decode(m.group(2)))));
            }
        }
        return out;
    }

    static PrivateKey privateKey(String pem, TlsSettings settings) throws GeneralSecurityException {
        Matcher m = PEM_BLOCK.matcher(pem);
        while (m.find()) {
            String type = m.group(1);
            if (type.equals("PRIVATE KEY")) {
                PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(decode(m.group(2)));
                for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
                    try {
                        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
                    } catch (GeneralSecurityException e) {
                        // try the next algorithm
                    }
                }
                throw new IllegalArgumentException(
                        "TLS_KEY_PEM " + settings.keyPem() + ": the PKCS#8 key is not RSA, EC or Ed25519");
            }
            if (type.endsWith("PRIVATE KEY")) {
                throw new IllegalArgumentException("TLS_KEY_PEM " + settings.keyPem() + " holds a '" + type
                        + "' block; convert it to unencrypted PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in KEY -out"
                        + " key-pkcs8.pem");
            }
        }
        throw new IllegalArgumentException("TLS_KEY_PEM " + settings.keyPem() + " holds no PRIVATE KEY block");
    }

    private static byte[] decode(String base64) {
        return Base64.getMimeDecoder().decode(base64.replaceAll("\\s", ""));
    }
}
