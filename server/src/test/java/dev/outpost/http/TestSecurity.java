package dev.outpost.http;

import dev.outpost.account.AccessPolicy;
import dev.outpost.account.AccountService;
import dev.outpost.account.AccountSettings;
import dev.outpost.account.Authorizer;
import dev.outpost.account.LoginResult;
import dev.outpost.account.PasswordHasher;
import dev.outpost.account.Role;
import dev.outpost.common.Actor;
import dev.outpost.store.Database;
import dev.outpost.store.JooqAuditTrail;
import dev.outpost.store.JooqDistrictRepository;
import dev.outpost.store.JooqRegionRepository;
import dev.outpost.store.JooqSessionRepository;
import dev.outpost.store.JooqUserRepository;
import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Accounts and access on a test database for tests that build {@link HttpServices} by hand: the real policy and
 * store, an admin logged in through the service, and the headers (cookie, CSRF token) its requests need.
 */
public final class TestSecurity {
    private final Security security;
    private final LoginResult admin;

    private TestSecurity(Security security, LoginResult admin) {
        this.security = security;
        this.admin = admin;
    }

    public static TestSecurity create(Database db) {
        JooqSessionRepository sessions = new JooqSessionRepository(db);
        JooqDistrictRepository districts = new JooqDistrictRepository(db);
        AccountService accounts = new AccountService(
                new JooqUserRepository(db),
                sessions,
                sessions,
                new JooqRegionRepository(db),
                districts,
                new PasswordHasher(64, 1, 1, 2, new SecureRandom()),
                AccountSettings.DEFAULTS,
                Clock.systemUTC());
        Actor.as("test", () -> accounts.createUser("test-admin", null, Role.ADMIN, "test-admin-pass", List.of()));
        LoginResult admin = accounts.login("test-admin", "test-admin-pass", "127.0.0.1", null);
        Security security = new Security(
                accounts, new Authorizer(AccessPolicy.standard(), districts, Map.of()), new JooqAuditTrail(db));
        return new TestSecurity(security, admin);
    }

    public Security security() {
        return security;
    }

    /** Adds the admin's session cookie and CSRF token to a request. */
    public HttpRequest.Builder asAdmin(HttpRequest.Builder b) {
        return b.header("Cookie", SessionCookie.PLAIN_NAME + "=" + admin.token())
                .header(AccessFilter.CSRF_HEADER, admin.session().csrfToken());
    }
}
