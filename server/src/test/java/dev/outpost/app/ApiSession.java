package dev.outpost.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A client of the test server as a browser page would be: it keeps the session cookie and CSRF token from a login
 * and sends them (with this site's {@code Origin}) on every state-changing request. Anonymous until logged in.
 * {@link #raw} sends a request exactly as given, for forged and replayed requests.
 */
public final class ApiSession {
    static final ObjectMapper M = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final TestApp app;
    private String cookie; // "name=value", or null
    private String csrfToken;

    ApiSession(TestApp app) {
        this.app = app;
    }

    /** The same cookie and token in another client (e.g. to replay them later). */
    public ApiSession copy() {
        ApiSession s = new ApiSession(app);
        s.cookie = cookie;
        s.csrfToken = csrfToken;
        return s;
    }

    public String cookie() {
        return cookie;
    }

    public String csrfToken() {
        return csrfToken;
    }

    /** Logs in; on success keeps the new cookie and CSRF token (and drops the old ones). */
    public HttpResponse<String> login(String user, String password) {
        String body;
        try {
            body = M.writeValueAsString(Map.of("user", user, "password", password));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpResponse<String> r = send("POST", "/api/auth/login", body);
        if (r.statusCode() == 200) {
            String set = r.headers().firstValue("Set-Cookie").orElseThrow();
            cookie = set.substring(0, set.indexOf(';'));
            csrfToken = json(r).get("csrfToken").asText();
        }
        return r;
    }

    /** Logs out (keeping the now dead cookie and token, for replay tests). */
    public HttpResponse<String> logout() {
        return send("POST", "/api/auth/logout", null);
    }

    public HttpResponse<String> get(String path) {
        return raw("GET", path, null, null, Map.of());
    }

    /** A JSON request with cookie, CSRF token (for writes) and this site's Origin. */
    public HttpResponse<String> send(String method, String path, String json) {
        return raw(method, path, json, "application/json", writeHeaders(method));
    }

    /** POSTs {@code bytes} as multipart field {@code file}, with cookie, CSRF token and Origin. */
    public HttpResponse<String> upload(String path, String fileName, byte[] bytes) {
        String boundary = "----outpost" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        writeHeaders("POST").forEach(b::header);
        withCookie(b);
        return execute(b.build());
    }

    /**
     * Sends exactly these headers plus the session cookie (when there is one); no CSRF token or Origin unless
     * given in {@code headers}.
     */
    public HttpResponse<String> raw(
            String method, String path, String body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.url(path)))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        withCookie(b);
        return execute(b.build());
    }

    private Map<String, String> writeHeaders(String method) {
        if (method.equals("GET")) {
            return Map.of();
        }
        return csrfToken == null
                ? Map.of("Origin", app.origin())
                : Map.of("Origin", app.origin(), "X-CSRF-Token", csrfToken);
    }

    private void withCookie(HttpRequest.Builder b) {
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
    }

    private static HttpResponse<String> execute(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> r) {
        try {
            return M.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(r.body(), e);
        }
    }
}
