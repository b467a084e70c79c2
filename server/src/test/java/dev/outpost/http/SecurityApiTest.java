package dev.outpost.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.account.Area;
import dev.outpost.account.Role;
import dev.outpost.app.ApiSession;
import dev.outpost.app.TestApp;
import dev.outpost.store.DbSnapshot;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Logins, cookies, cross-site request forgery, replayed sessions, throttling, the admin user API and the audit view,
 * over real HTTP against the real store with the demo city (districts 河西区 449901 and 河东区 449902).
 */
class SecurityApiTest {
    static TestApp app;

    static final String STATION_A = "{\"kind\":\"warm_bee_station\",\"name\":\"柳岸测试驿站\",\"lat\":22.63,"
            + "\"lon\":113.92,\"districtCode\":\"449901\"}";

    @BeforeAll
    static void start() {
        app = TestApp.start("security", true, Map.of());
        app.createUser("pat", Role.PLANNER, List.of(Area.region("demo")), "planner-pass-1");
        app.createUser("lee-a", Role.LEADER, List.of(new Area("demo", "449901")), "leader-pass-a");
        app.createUser("lee-b", Role.LEADER, List.of(new Area("demo", "449902")), "leader-pass-b");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static JsonNode json(HttpResponse<String> r) {
        return ApiSession.json(r);
    }

    static void assertRefused(HttpResponse<String> r, int status, String detail) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(json(r).get("detail").asText()).containsIgnoringCase(detail);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictAndSecureOnlyOverTls() {
        ApiSession s = app.anonymous();
        HttpResponse<String> r = s.login("pat", "planner-pass-1");
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie)
                .startsWith("outpost_session=")
                .contains("; Path=/")
                .contains("; HttpOnly")
                .contains("; SameSite=Strict")
                .doesNotContain("Secure")
                .doesNotContain("Domain");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode me = json(s.get("/api/auth/me"));
        assertThat(me.get("authenticated").asBoolean()).isTrue();
        assertThat(me.get("user").asText()).isEqualTo("pat");
        assertThat(me.get("role").asText()).isEqualTo("planner");
        assertThat(me.at("/areas/0/region").asText()).isEqualTo("demo");
        assertThat(me.get("csrfToken").asText()).isEqualTo(s.csrfToken()).hasSize(43);

        // behind a TLS-terminating proxy: __Host- prefix and Secure; the plain name is then not read
        HttpResponse<String> tls = app.anonymous()
                .raw(
                        "POST",
                        "/api/auth/login",
                        "{\"user\":\"pat\",\"password\":\"planner-pass-1\"}",
                        "application/json",
                        Map.of("X-Forwarded-Proto", "https"));
        String secure = tls.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(secure)
                .startsWith("__Host-outpost_session=")
                .contains("; Secure")
                .contains("; Path=/");
        String pair = secure.substring(0, secure.indexOf(';'));
        String token = pair.substring(pair.indexOf('=') + 1);
        HttpResponse<String> overTls = app.anonymous()
                .raw("GET", "/api/auth/me", null, null, Map.of("Cookie", pair, "X-Forwarded-Proto", "https"));
        assertThat(json(overTls).get("authenticated").asBoolean()).isTrue();
        HttpResponse<String> downgraded =
                app.anonymous().raw("GET", "/api/auth/me", null, null, Map.of("Cookie", "outpost_session=" + token));
        assertThat(json(downgraded).get("authenticated").asBoolean())
                .as("the secure cookie's token under the plain name over plain HTTP is still this session")
                .isTrue();
        HttpResponse<String> wrongName = app.anonymous().raw("GET", "/api/auth/me", null, null, Map.of("Cookie", pair));
        assertThat(json(wrongName).get("authenticated").asBoolean())
                .as("over plain HTTP the __Host- cookie is not read")
                .isFalse();
    }

    @Test
    void forgedCrossSiteRequestsAreRefusedAndChangeNothing() {
        ApiSession pat = app.login("pat", "planner-pass-1");
        ApiSession lee = app.login("lee-a", "leader-pass-a");
        Map<String, String> before = DbSnapshot.of(app.db().database());
        String origin = app.origin();
        String path = "/api/stations?region=demo";

        assertRefused(
                pat.raw("POST", path, STATION_A, "application/json", Map.of("Origin", origin)),
                403,
                "X-CSRF-Token is missing");
        assertRefused(
                pat.raw(
                        "POST",
                        path,
                        STATION_A,
                        "application/json",
                        Map.of("Origin", origin, "X-CSRF-Token", "x".repeat(43))),
                403,
                "does not belong to this session");
        assertRefused(
                pat.raw(
                        "POST",
                        path,
                        STATION_A,
                        "application/json",
                        Map.of("Origin", origin, "X-CSRF-Token", lee.csrfToken())),
                403,
                "does not belong to this session");
        assertRefused(
                pat.raw(
                        "POST",
                        path,
                        STATION_A,
                        "application/json",
                        Map.of("Origin", "https://evil.example", "X-CSRF-Token", pat.csrfToken())),
                403,
                "cross-site request refused");
        assertRefused(
                pat.raw(
                        "POST",
                        path,
                        STATION_A,
                        "application/json",
                        Map.of("Referer", "https://evil.example/form.html", "X-CSRF-Token", pat.csrfToken())),
                403,
                "evil.example");
        assertRefused(
                pat.raw(
                        "POST",
                        path,
                        STATION_A,
                        "application/json",
                        Map.of("Origin", "null", "X-CSRF-Token", pat.csrfToken())),
                403,
                "cross-site");
        assertRefused(
                pat.raw(
                        "POST",
                        path,
                        STATION_A,
                        "application/json",
                        Map.of("Origin", origin.replace("127.0.0.1", "127.0.0.2"), "X-CSRF-Token", pat.csrfToken())),
                403,
                "cross-site");
        // a DELETE and an upload are state-changing too
        assertRefused(pat.raw("DELETE", "/api/stations/1?region=demo", null, null, Map.of()), 403, "X-CSRF-Token");
        // login CSRF: a foreign page logging the victim into the attacker's account, or a plain HTML form
        assertRefused(
                app.anonymous()
                        .raw(
                                "POST",
                                "/api/auth/login",
                                "{\"user\":\"pat\",\"password\":\"planner-pass-1\"}",
                                "application/json",
                                Map.of("Origin", "https://evil.example")),
                403,
                "cross-site");
        assertRefused(
                app.anonymous()
                        .raw(
                                "POST",
                                "/api/auth/login",
                                "user=pat&password=planner-pass-1",
                                "application/x-www-form-urlencoded",
                                Map.of()),
                415,
                "JSON");
        assertThat(DbSnapshot.of(app.db().database())).isEqualTo(before);

        // the same request done properly goes through: the refusals above were about the forgery alone
        HttpResponse<String> ok = pat.send("POST", path, STATION_A);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        // a client without Origin and Referer (a script) still needs the token
        long id = json(ok).get("id").asLong();
        HttpResponse<String> script = pat.raw(
                "DELETE", "/api/stations/" + id + "?region=demo", null, null, Map.of("X-CSRF-Token", pat.csrfToken()));
        assertThat(script.statusCode()).as(script.body()).isEqualTo(204);
    }

    @Test
    void replayedSessionsAreDeadAfterLogoutRenewalAndExpiry() throws Exception {
        // after logout
        ApiSession s = app.login("pat", "planner-pass-1");
        ApiSession stolen = s.copy();
        assertThat(s.logout().statusCode()).isEqualTo(204);
        assertThat(json(stolen.get("/api/auth/me")).get("authenticated").asBoolean())
                .isFalse();
        assertRefused(stolen.send("POST", "/api/stations?region=demo", STATION_A), 401, "log in");

        // after renewal at login: the cookie presented at login is ended
        ApiSession t = app.login("pat", "planner-pass-1");
        ApiSession old = t.copy();
        assertThat(t.login("pat", "planner-pass-1").statusCode()).isEqualTo(200);
        assertThat(t.cookie()).isNotEqualTo(old.cookie());
        assertThat(t.csrfToken()).isNotEqualTo(old.csrfToken());
        assertRefused(old.send("POST", "/api/stations?region=demo", STATION_A), 401, "log in");
        assertThat(json(t.get("/api/auth/me")).get("authenticated").asBoolean()).isTrue();

        // after the absolute lifetime, and after the idle timeout
        ApiSession u = app.login("pat", "planner-pass-1");
        age(u, "created_at = now() - interval '8 hours', expires_at = now() - interval '1 second'");
        assertRefused(u.send("POST", "/api/stations?region=demo", STATION_A), 401, "log in");
        ApiSession v = app.login("pat", "planner-pass-1");
        age(v, "last_seen_at = now() - interval '31 minutes'");
        assertRefused(v.send("DELETE", "/api/stations/999999?region=demo", null), 401, "log in");
        assertThat(json(v.get("/api/auth/me")).get("authenticated").asBoolean()).isFalse();

        // the logout answer also clears the cookie in the browser
        ApiSession w = app.login("pat", "planner-pass-1");
        assertThat(w.logout().headers().firstValue("Set-Cookie").orElseThrow())
                .startsWith("outpost_session=;")
                .contains("Max-Age=0");
    }

    /** Changes the stored session of {@code s} directly (the server's clock is the real one). */
    static void age(ApiSession s, String assignment) throws Exception {
        String token = s.cookie().substring(s.cookie().indexOf('=') + 1);
        String id = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        int n = app.db()
                .database()
                .dsl()
                .execute("UPDATE user_session SET " + assignment + " WHERE session_id = ?", id);
        assertThat(n)
                .as("the cookie's session is stored under the SHA-256 of its token")
                .isEqualTo(1);
    }

    @Test
    void repeatedWrongPasswordsAreThrottledWithRetryAfter() {
        app.createUser("tess", Role.PLANNER, List.of(), "tess-password-1");
        for (int i = 0; i < 5; i++) {
            assertRefused(app.anonymous().login("tess", "wrong-" + i), 401, "wrong");
        }
        HttpResponse<String> r = app.anonymous().login("tess", "tess-password-1");
        assertRefused(r, 429, "too many failed logins");
        long retry = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retry).isBetween(840L, 900L);
        // other users are not affected
        assertThat(app.anonymous().login("lee-b", "leader-pass-b").statusCode()).isEqualTo(200);
    }

    @Test
    void adminsManageUsersWithClearErrors() {
        ApiSession admin = app.admin();
        HttpResponse<String> created = admin.send(
                "POST",
                "/api/admin/users",
                "{\"user\":\"Wang.Li\",\"displayName\":\"王丽\",\"role\":\"leader\",\"password\":\"wangli-pass-1\","
                        + "\"areas\":[{\"region\":\"demo\",\"district\":\"449902\"}]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).get("user").asText()).isEqualTo("wang.li");
        assertThat(json(created).get("displayName").asText()).isEqualTo("王丽");
        assertThat(json(created).at("/areas/0/district").asText()).isEqualTo("449902");
        assertThat(json(created).toString()).doesNotContain("password").doesNotContain("argon");
        JsonNode list = json(admin.get("/api/admin/users"));
        assertThat(list.get("users").findValuesAsText("user")).contains("wang.li", "pat", TestApp.ADMIN);

        ApiSession wang = app.login("wang.li", "wangli-pass-1");
        HttpResponse<String> changed = admin.send(
                "PUT",
                "/api/admin/users/wang.li",
                "{\"role\":\"planner\",\"areas\":[{\"region\":\"demo\"}],\"disabled\":true}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).get("disabled").asBoolean()).isTrue();
        assertThat(json(changed).at("/areas/0/district").isNull()).isTrue();
        assertThat(json(wang.get("/api/auth/me")).get("authenticated").asBoolean())
                .as("disabling ends the user's sessions")
                .isFalse();
        assertRefused(app.anonymous().login("wang.li", "wangli-pass-1"), 401, "disabled");

        Map<String, String> before = DbSnapshot.of(app.db().database());
        HttpResponse<String> bad = admin.send(
                "POST",
                "/api/admin/users",
                "{\"user\":\"x y\",\"role\":\"mayor\",\"password\":\"short\",\"areas\":[{\"region\":\"demo\","
                        + "\"district\":\"000000\"}]}");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(422);
        assertThat(json(bad).get("detail").asText()).contains("mayor");
        HttpResponse<String> bad2 = admin.send(
                "POST",
                "/api/admin/users",
                "{\"user\":\"xy\",\"role\":\"planner\",\"password\":\"short\",\"areas\":[{\"region\":\"demo\","
                        + "\"district\":\"000000\"}]}");
        assertThat(json(bad2).get("problems").findValuesAsText("field"))
                .containsExactly("password", "areas[0].district");
        assertRefused(
                admin.send(
                        "POST",
                        "/api/admin/users",
                        "{\"user\":\"pat\",\"role\":\"planner\"," + "\"password\":\"another-pass-9\"}"),
                409,
                "already exists");
        assertRefused(admin.send("PUT", "/api/admin/users/" + TestApp.ADMIN, "{\"disabled\":true}"), 409, "your own");
        assertRefused(admin.send("PUT", "/api/admin/users/nobody", "{\"role\":\"admin\"}"), 404, "nobody");
        assertRefused(admin.send("PUT", "/api/admin/users/pat", "{\"colour\":\"red\"}"), 422, "colour");
        assertRefused(admin.send("PUT", "/api/admin/users/pat", "[1,2]"), 400, "JSON object");
        assertThat(DbSnapshot.of(app.db().database())).isEqualTo(before);
    }

    @Test
    void theAuditViewShowsWhoWhenWhatBeforeAfterAndLeadersOnlyTheirAreas() {
        ApiSession pat = app.login("pat", "planner-pass-1");
        HttpResponse<String> a = pat.send("POST", "/api/stations?region=demo", STATION_A.replace("柳岸测试驿站", "审计站甲"));
        long idA = json(a).get("id").asLong();
        pat.send("PUT", "/api/stations/" + idA + "?region=demo", STATION_A.replace("柳岸测试驿站", "审计站甲(改)"));
        HttpResponse<String> b = pat.send(
                "POST",
                "/api/stations?region=demo",
                STATION_A.replace("柳岸测试驿站", "审计站乙").replace("449901", "449902"));
        long idB = json(b).get("id").asLong();

        JsonNode leaderA =
                json(app.login("lee-a", "leader-pass-a").get("/api/audit?region=demo&entity=station&entityId=" + idA));
        JsonNode newest = leaderA.at("/entries/0");
        assertThat(newest.get("actor").asText()).isEqualTo("pat");
        assertThat(newest.get("action").asText()).isEqualTo("update");
        assertThat(newest.get("districtCode").asText()).isEqualTo("449901");
        assertThat(newest.at("/before/name").asText()).isEqualTo("审计站甲");
        assertThat(newest.at("/after/name").asText()).isEqualTo("审计站甲(改)");
        assertThat(newest.get("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(leaderA.at("/entries/1/action").asText()).isEqualTo("create");

        // leader A sees station A's rows and district A's areas, never station B or accounts
        JsonNode all = json(app.login("lee-a", "leader-pass-a").get("/api/audit?limit=1000"));
        assertThat(all.get("entries").findValuesAsText("districtCode"))
                .isNotEmpty()
                .allSatisfy(code -> assertThat(code).startsWith("449901"));
        assertThat(all.get("entries").findValuesAsText("entityId"))
                .contains(String.valueOf(idA))
                .doesNotContain(String.valueOf(idB));
        assertThat(all.get("entries").findValuesAsText("entity")).doesNotContain("user");
        JsonNode leaderB = json(app.login("lee-b", "leader-pass-b").get("/api/audit?region=demo&entity=station"));
        assertThat(leaderB.get("entries").findValuesAsText("entityId"))
                .contains(String.valueOf(idB))
                .doesNotContain(String.valueOf(idA));

        // the admin sees everything, account changes included (region "*")
        JsonNode users = json(app.admin().get("/api/audit?entity=user&entityId=lee-a"));
        assertThat(users.at("/entries/0/region").asText()).isEqualTo("*");
        assertThat(users.at("/entries/0/actor").asText()).isEqualTo("test");
        assertThat(users.at("/entries/0/after/role").asText()).isEqualTo("leader");
        assertRefused(app.admin().get("/api/audit?district=449901"), 400, "needs parameter 'region'");
        assertRefused(app.admin().get("/api/audit?limit=0"), 400, "limit");
    }
}
