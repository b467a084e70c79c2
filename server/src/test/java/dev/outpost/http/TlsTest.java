package dev.outpost.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.app.TestApp;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with a self-signed certificate made by the JDK's keytool, from a PKCS#12 keystore and from PEM files. */
class TlsTest {
    static final String PASSWORD = "s3cret-pw";

    @TempDir
    static Path tmp;

    static Path keystore;
    static Path certPem;
    static Path keyPem;

    @BeforeAll
    static void certificate() throws Exception {
        keystore = tmp.resolve("outpost.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        run(List.of(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "outpost",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=localhost, O=Outpost test",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD));
        certPem = tmp.resolve("cert.pem");
        run(List.of(
                keytool.toString(),
                "-exportcert",
                "-rfc",
                "-alias",
                "outpost",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD,
                "-file",
                certPem.toString()));
        KeyStore ks = load();
        PrivateKey key = (PrivateKey) ks.getKey("outpost", PASSWORD.toCharArray());
        keyPem = tmp.resolve("key.pem");
        Files.writeString(
                keyPem,
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(key.getEncoded())
                        + "\n-----END PRIVATE KEY-----\n");
    }

    static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    static KeyStore load() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
    }

    static HttpClient trusting() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).build();
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void servesHttps(Map<String, String> env) throws Exception {
        int port = freePort();
        Map<String, String> withPort = new java.util.HashMap<>(env);
        withPort.put("TLS_PORT", Integer.toString(port));
        try (TestApp app = TestApp.start("tls", false, withPort)) {
            app.importNetwork("demo", TestApp.repoRoot().resolve("geodata/demo-city/roads.osm"));
            HttpClient client = trusting();
            String base = "https://localhost:" + port;
            HttpResponse<String> page = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/find.html")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<html");
            HttpResponse<String> created = app.send(
                    "POST",
                    "/api/stations?region=demo",
                    "{\"kind\":\"warm_bee_station\",\"name\":\"加密站\",\"lat\":22.633925,\"lon\":113.914633,"
                            + "\"openingHours\":\"24/7\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            long id = new ObjectMapper().readTree(created.body()).get("id").asLong();
            HttpResponse<String> nearest = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/nearest?lat=22.6339&lon=113.9146"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(nearest.statusCode()).as(nearest.body()).isEqualTo(200);
            assertThat(nearest.body()).contains("加密站");
            String code = new ObjectMapper()
                    .readTree(app.get("/api/stations/" + id + "/checkins").body())
                    .get("shortCode")
                    .asText();
            HttpResponse<String> station = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/s/" + code)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(station.statusCode()).isEqualTo(200);
            assertThat(station.headers().firstValue("Set-Cookie").orElse("")).contains("; Secure");
            // plain HTTP keeps working on its own port, and the certificate is not trusted by default
            assertThat(app.get("/health/live").statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create(base + "/health/live"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void servesOverTlsFromAPkcs12Keystore() throws Exception {
        servesHttps(Map.of("TLS_KEYSTORE", keystore.toString(), "TLS_KEYSTORE_PASSWORD", PASSWORD));
    }

    @Test
    void servesOverTlsFromPemFiles() throws Exception {
        servesHttps(Map.of("TLS_CERT_PEM", certPem.toString(), "TLS_KEY_PEM", keyPem.toString()));
    }

    @Test
    void badSettingsAreRefusedWithAClearMessage() throws Exception {
        assertThatThrownBy(() -> Tls.keyStore(new TlsSettings(8443, keystore, "wrong", null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TLS_KEYSTORE_PASSWORD");
        assertThatThrownBy(() -> TlsSettings.fromEnvironment(Map.of("TLS_CERT_PEM", certPem.toString())))
                .hasMessageContaining("TLS_CERT_PEM and TLS_KEY_PEM must be set together");
        assertThatThrownBy(() -> TlsSettings.fromEnvironment(Map.of("TLS_KEYSTORE", "/nonexistent.p12")))
                .hasMessageContaining("/nonexistent.p12");
        assertThatThrownBy(() ->
                        TlsSettings.fromEnvironment(Map.of("TLS_KEYSTORE", keystore.toString(), "TLS_PORT", "https")))
                .hasMessageContaining("TLS_PORT 'https'");
        Path rsa = tmp.resolve("rsa.pem");
        Files.writeString(rsa, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> Tls.keyStore(new TlsSettings(8443, null, null, certPem, rsa)))
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
        assertThat(TlsSettings.fromEnvironment(Map.of())).isEmpty();
        assertThat(new TlsSettings(8443, keystore, PASSWORD, null, null).toString())
                .doesNotContain(PASSWORD);
    }
}
