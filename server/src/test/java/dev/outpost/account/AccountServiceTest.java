package dev.outpost.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.common.Actor;
import dev.outpost.common.ConflictException;
import dev.outpost.common.ValidationException;
import dev.outpost.district.Region;
import dev.outpost.store.JooqDistrictRepository;
import dev.outpost.store.JooqRegionRepository;
import dev.outpost.store.JooqSessionRepository;
import dev.outpost.store.JooqUserRepository;
import dev.outpost.store.TestDatabase;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Logins, throttling, sessions and account rules on the real PostGIS store, with a hand-moved clock (defaults: idle
 * 30 min, lifetime 8 h, 5 failures per user and 20 per address in 15 min). Argon2 runs with small parameters here:
 * the parameters themselves are checked in {@link PasswordHasherTest}.
 */
class AccountServiceTest {
    static TestDatabase db;
    static DSLContext dsl;
    static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    MutableClock clock;
    AccountService accounts;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("accounts");
        dsl = db.database().dsl();
        new JooqRegionRepository(db.database()).upsert(new Region("demo", "示范市", "Demo", true));
        new JooqDistrictRepository(db.database()).upsertAll("demo", new InMemoryDistricts().find("demo", null));
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void fresh() {
        dsl.execute("TRUNCATE user_session, login_attempt, user_area, app_user, audit_log");
        clock = new MutableClock(T0);
        accounts = service(new PasswordHasher(64, 1, 1, 2, new SecureRandom()));
    }

    AccountService service(PasswordHasher hasher) {
        JooqSessionRepository sessions = new JooqSessionRepository(db.database());
        return new AccountService(
                new JooqUserRepository(db.database()),
                sessions,
                sessions,
                new JooqRegionRepository(db.database()),
                new JooqDistrictRepository(db.database()),
                hasher,
                AccountSettings.DEFAULTS,
                clock);
    }

    User create(String name, Role role, String password, Area... areas) {
        return Actor.as("test", () -> accounts.createUser(name, name + " 同志", role, password, List.of(areas)));
    }

    @Test
    void loginStoresOnlyTheHashOfTheTokenAndTheSessionAuthenticates() {
        create("pat", Role.PLANNER, "planner-password-1", Area.region("demo"));
        LoginResult r = accounts.login("  PAT ", "planner-password-1", "10.0.0.1", null);
        assertThat(r.user().name()).isEqualTo("pat");
        assertThat(r.token()).hasSize(43);
        assertThat(r.session().idHash()).isEqualTo(Tokens.sha256Hex(r.token()));
        assertThat(r.session().expiresAt()).isEqualTo(T0.plus(Duration.ofHours(8)));
        String everySessionValue = dsl.fetch("SELECT * FROM user_session").formatCSV();
        assertThat(everySessionValue).contains(r.session().idHash()).doesNotContain(r.token());
        Optional<Authenticated> a = accounts.authenticate(r.token());
        assertThat(a).isPresent();
        assertThat(a.get().user().areas()).containsExactly(Area.region("demo"));
        assertThat(accounts.authenticate(r.token().substring(1) + "x")).isEmpty();
        assertThat(accounts.authenticate("garbage")).isEmpty();
        assertThat(accounts.authenticate(null)).isEmpty();
    }

    @Test
    void wrongPasswordUnknownUserAndDisabledAccountAllSayTheSame() {
        create("pat", Role.PLANNER, "planner-password-1");
        String wrong = message(() -> accounts.login("pat", "nope-nope-nope", "10.0.0.1", null));
        String unknown = message(() -> accounts.login("nobody", "nope-nope-nope", "10.0.0.1", null));
        Actor.as("test", () -> accounts.updateUser("pat", new AccountService.UserChange(null, null, null, true, null)));
        String disabled = message(() -> accounts.login("pat", "planner-password-1", "10.0.0.1", null));
        assertThat(wrong).isEqualTo(unknown).isEqualTo(disabled).contains("wrong");
        assertThatThrownBy(() -> accounts.login("pat", "", "10.0.0.1", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'password'");
    }

    static String message(Runnable r) {
        try {
            r.run();
        } catch (AuthenticationException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected an AuthenticationException");
    }

    @Test
    void fiveFailuresPerUserThenRefusedUntilTheOldestLeavesTheFifteenMinuteWindow() {
        create("pat", Role.PLANNER, "planner-password-1");
        for (int i = 0; i < 5; i++) { // failures at T0, T0+1min, ..., T0+4min
            assertThatThrownBy(() -> accounts.login("pat", "guess", "10.0.0.1", null))
                    .isInstanceOf(AuthenticationException.class);
            clock.advance(Duration.ofMinutes(1));
        }
        // at T0+5min, even the right password is refused; the first failure leaves the window at T0+15min
        assertThatThrownBy(() -> accounts.login("pat", "planner-password-1", "10.0.0.2", null))
                .isInstanceOfSatisfying(LoginThrottledException.class, e -> assertThat(e.retryAfterSeconds())
                        .isEqualTo(600));
        assertThat(attempts("pat")).as("refused attempts are not counted").isEqualTo(5);
        clock.advance(Duration.ofMinutes(10).minusSeconds(1)); // T0+14:59, the failure at T0 still counts
        assertThatThrownBy(() -> accounts.login("pat", "planner-password-1", "10.0.0.2", null))
                .isInstanceOfSatisfying(LoginThrottledException.class, e -> assertThat(e.retryAfterSeconds())
                        .isEqualTo(1));
        clock.advance(Duration.ofSeconds(1)); // T0+15:00, as announced: the window is (now - 15 min, now]
        assertThat(accounts.login("pat", "planner-password-1", "10.0.0.2", null)
                        .user()
                        .name())
                .isEqualTo("pat");
        // the success starts a new count: one more failure does not lock
        assertThatThrownBy(() -> accounts.login("pat", "guess", "10.0.0.1", null))
                .isInstanceOf(AuthenticationException.class);
        assertThat(accounts.login("pat", "planner-password-1", "10.0.0.1", null))
                .isNotNull();
    }

    @Test
    void twentyFailuresFromOneAddressBlockEveryNameFromIt() {
        create("pat", Role.PLANNER, "planner-password-1");
        for (int i = 0; i < 20; i++) {
            String name = "guess" + i;
            assertThatThrownBy(() -> accounts.login(name, "x", "203.0.113.9", null))
                    .isInstanceOf(AuthenticationException.class);
        }
        assertThatThrownBy(() -> accounts.login("pat", "planner-password-1", "203.0.113.9", null))
                .isInstanceOfSatisfying(LoginThrottledException.class, e -> assertThat(e.retryAfterSeconds())
                        .isEqualTo(900));
        // another address is not affected
        assertThat(accounts.login("pat", "planner-password-1", "198.51.100.7", null))
                .isNotNull();
    }

    int attempts(String name) {
        return dsl.fetchCount(dsl.selectFrom("login_attempt").where("user_name = ?", name));
    }

    @Test
    void sessionsEndWhenIdleAndAtTheirAbsoluteLifetime() {
        create("pat", Role.PLANNER, "planner-password-1");
        String token =
                accounts.login("pat", "planner-password-1", "10.0.0.1", null).token();
        // used every 29 minutes it stays alive ...
        for (int i = 0; i < 16; i++) {
            clock.advance(Duration.ofMinutes(29));
            assertThat(accounts.authenticate(token))
                    .as("after %d x 29 min", i + 1)
                    .isPresent();
        }
        // ... until 8 hours after login (16 x 29 min = 7 h 44 min)
        clock.advance(Duration.ofMinutes(16));
        assertThat(accounts.authenticate(token)).as("8 h after login").isEmpty();

        String idle =
                accounts.login("pat", "planner-password-1", "10.0.0.1", null).token();
        clock.advance(Duration.ofMinutes(30));
        assertThat(accounts.authenticate(idle)).as("30 min unused").isEmpty();
    }

    @Test
    void lastSeenIsWrittenAtMostOnceAMinute() {
        create("pat", Role.PLANNER, "planner-password-1");
        LoginResult r = accounts.login("pat", "planner-password-1", "10.0.0.1", null);
        clock.advance(Duration.ofSeconds(59));
        accounts.authenticate(r.token());
        assertThat(lastSeen(r)).isEqualTo(T0);
        clock.advance(Duration.ofSeconds(1));
        accounts.authenticate(r.token());
        assertThat(lastSeen(r)).isEqualTo(T0.plusSeconds(60));
    }

    Instant lastSeen(LoginResult r) {
        return dsl.fetchOne(
                        "SELECT last_seen_at FROM user_session WHERE session_id = ?",
                        r.session().idHash())
                .get(0, java.time.OffsetDateTime.class)
                .toInstant();
    }

    @Test
    void loginRenewsTheSessionAndLogoutEndsIt() {
        create("pat", Role.PLANNER, "planner-password-1");
        LoginResult first = accounts.login("pat", "planner-password-1", "10.0.0.1", null);
        LoginResult renewed = accounts.login("pat", "planner-password-1", "10.0.0.1", first.token());
        assertThat(renewed.token()).isNotEqualTo(first.token());
        assertThat(renewed.session().csrfToken()).isNotEqualTo(first.session().csrfToken());
        assertThat(accounts.authenticate(first.token()))
                .as("the token presented at login")
                .isEmpty();
        assertThat(accounts.authenticate(renewed.token())).isPresent();
        // a second device keeps its own session
        LoginResult phone = accounts.login("pat", "planner-password-1", "10.0.0.9", null);
        assertThat(accounts.authenticate(renewed.token())).isPresent();
        accounts.logout(renewed.token());
        assertThat(accounts.authenticate(renewed.token())).isEmpty();
        assertThat(accounts.authenticate(phone.token())).isPresent();
        accounts.logout("not-a-token"); // harmless
    }

    @Test
    void disablingOrANewPasswordEndsEverySessionOfTheUser() {
        create("ada", Role.ADMIN, "admin-password-1");
        create("pat", Role.PLANNER, "planner-password-1");
        String a = accounts.login("pat", "planner-password-1", "10.0.0.1", null).token();
        String b = accounts.login("pat", "planner-password-1", "10.0.0.2", null).token();
        Actor.as(
                "ada",
                () -> accounts.updateUser(
                        "pat", new AccountService.UserChange(null, null, null, null, "planner-password-2")));
        assertThat(accounts.authenticate(a)).isEmpty();
        assertThat(accounts.authenticate(b)).isEmpty();
        String c = accounts.login("pat", "planner-password-2", "10.0.0.1", null).token();
        Actor.as("ada", () -> accounts.updateUser("pat", new AccountService.UserChange(null, null, null, true, null)));
        assertThat(accounts.authenticate(c)).isEmpty();
        // enabled again, the old sessions stay dead; a role change applies to the next request at once
        Actor.as("ada", () -> accounts.updateUser("pat", new AccountService.UserChange(null, null, null, false, null)));
        assertThat(accounts.authenticate(c)).isEmpty();
        String d = accounts.login("pat", "planner-password-2", "10.0.0.1", null).token();
        Actor.as(
                "ada",
                () -> accounts.updateUser(
                        "pat",
                        new AccountService.UserChange(
                                null, Role.LEADER, List.of(new Area("demo", "449901")), null, null)));
        assertThat(accounts.authenticate(d).orElseThrow().user().role()).isEqualTo(Role.LEADER);
    }

    @Test
    void anAdminCannotRemoveThemselvesAndTheLastAdminStays() {
        create("ada", Role.ADMIN, "admin-password-1");
        assertThatThrownBy(() -> Actor.as(
                        "ada",
                        () -> accounts.updateUser(
                                "ada", new AccountService.UserChange(null, Role.PLANNER, null, null, null))))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("your own");
        assertThatThrownBy(() -> Actor.as(
                        "cli",
                        () -> accounts.updateUser("ada", new AccountService.UserChange(null, null, null, true, null))))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("last enabled admin");
        create("bob", Role.ADMIN, "admin-password-2");
        User disabled = Actor.as(
                "bob", () -> accounts.updateUser("ada", new AccountService.UserChange(null, null, null, true, null)));
        assertThat(disabled.disabled()).isTrue();
    }

    @Test
    void badAccountsAreRefusedWithEveryProblemNamed() {
        assertThatThrownBy(() -> accounts.createUser(
                        "Bad Name!",
                        null,
                        Role.PLANNER,
                        "short",
                        List.of(new Area("atlantis", null), new Area("demo", "999999"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field())
                        .containsExactly("user", "password", "areas[0].region", "areas[1].district"));
        assertThatThrownBy(() -> accounts.createUser("pat", null, Role.PLANNER, "pat", List.of()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at least 10");
        assertThatThrownBy(() -> accounts.createUser("patpatpatpat", null, Role.PLANNER, "PATPATPATPAT", List.of()))
                .hasMessageContaining("must not be the user name");
        create("pat", Role.PLANNER, "planner-password-1");
        assertThatThrownBy(() -> create("pat", Role.LEADER, "another-password"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("'pat' already exists");
        assertThat(dsl.fetchCount(dsl.selectFrom("app_user"))).isEqualTo(1);
    }

    @Test
    void aHashWithOldParametersIsRenewedAtTheNextLogin() {
        create("pat", Role.PLANNER, "planner-password-1");
        assertThat(storedHash("pat")).contains("$m=64,t=1,p=1$");
        AccountService stronger = service(new PasswordHasher(128, 2, 1, 2, new SecureRandom()));
        stronger.login("pat", "planner-password-1", "10.0.0.1", null);
        assertThat(storedHash("pat")).contains("$m=128,t=2,p=1$");
        assertThat(stronger.login("pat", "planner-password-1", "10.0.0.1", null))
                .isNotNull();
    }

    String storedHash(String name) {
        return dsl.fetchOne("SELECT password_hash FROM app_user WHERE user_name = ?", name)
                .get(0, String.class);
    }

    @Test
    void accountChangesAreAuditedWithoutThePasswordHash() {
        create("pat", Role.PLANNER, "planner-password-1", Area.region("demo"));
        Actor.as(
                "ada",
                () -> accounts.updateUser(
                        "pat",
                        new AccountService.UserChange(
                                null, Role.LEADER, List.of(new Area("demo", "449901")), null, "planner-password-2")));
        var rows = dsl.fetch("SELECT actor, action, before::text AS b, after::text AS a FROM audit_log"
                + " WHERE region_code = '*' AND entity = 'user' AND entity_id = 'pat' ORDER BY audit_id");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("actor", String.class)).isEqualTo("test");
        assertThat(rows.get(1).get("actor", String.class)).isEqualTo("ada");
        assertThat(rows.get(1).get("b", String.class)).contains("\"planner\"").contains("demo/*");
        assertThat(rows.get(1).get("a", String.class))
                .contains("\"leader\"")
                .contains("demo/449901")
                .contains("passwordChanged");
        assertThat(rows.formatCSV()).doesNotContain("argon2").doesNotContain("planner-password");
    }
}
