package dev.outpost.account;

import dev.outpost.common.Actor;
import dev.outpost.common.ConflictException;
import dev.outpost.common.NotFoundException;
import dev.outpost.common.Problem;
import dev.outpost.common.ValidationException;
import dev.outpost.district.DistrictRepository;
import dev.outpost.district.RegionRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Logins, sessions and accounts.
 *
 * <ul>
 *   <li><b>Login</b> checks the Argon2id hash and is throttled per user name and per client address from the
 *       attempts stored in the database (so the limit holds across server instances). Every login creates a new
 *       session with a new random token and CSRF token, and ends the session the browser presented before
 *       (renewal: a token seen before login is never valid after it).
 *   <li><b>Sessions</b> end at logout, after {@link AccountSettings#idleTimeout()} without use, after {@link
 *       AccountSettings#absoluteLifetime()}, and when the user is disabled or their password changes.
 *   <li><b>Accounts</b>: create, change role, areas, display name, password, disable; an admin cannot disable or
 *       demote themselves, and the last enabled admin cannot be removed. Changes are audited by the repository,
 *       the actor being {@link Actor#current()}.
 * </ul>
 *
 * Thread-safe if the repositories are.
 */
public final class AccountService {
    /** A session's last-seen time is written at most this often (one write per minute per session, not per request). */
    static final Duration TOUCH_INTERVAL = Duration.ofSeconds(60);

    private static final int MAX_ATTEMPT_KEY_CHARS = 100;

    private final UserRepository users;
    private final SessionRepository sessions;
    private final LoginAttemptRepository attempts;
    private final RegionRepository regions;
    private final DistrictRepository districts;
    private final PasswordHasher hasher;
    private final AccountSettings settings;
    private final Clock clock;
    private final Tokens tokens;

    public AccountService(
            UserRepository users,
            SessionRepository sessions,
            LoginAttemptRepository attempts,
            RegionRepository regions,
            DistrictRepository districts,
            PasswordHasher hasher,
            AccountSettings settings,
            Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.regions = Objects.requireNonNull(regions, "regions");
        this.districts = Objects.requireNonNull(districts, "districts");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = new Tokens(new SecureRandom());
    }

    public AccountSettings settings() {
        return settings;
    }

    /**
     * Logs a user in.
     *
     * @param typedName the user name as typed (trimmed and lower-cased here)
     * @param clientIp the caller's address, for the per-address throttle
     * @param previousToken the session token the caller presented, if any: that session is ended
     * @throws IllegalArgumentException when the name or password is missing or the password is over the size limit
     * @throws LoginThrottledException when too many attempts failed recently for this name or from this address
     * @throws AuthenticationException when the name is unknown, the password is wrong or the account is disabled
     */
    public LoginResult login(String typedName, String password, String clientIp, String previousToken) {
        String name = User.normalizeName(typedName);
        if (name.isEmpty() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("fields 'user' and 'password' are both required to log in");
        }
        PasswordHasher.passwordBytes(password); // size limit, before any work
        String key = clip(name);
        String ip = clip(clientIp == null || clientIp.isBlank() ? "unknown" : clientIp.strip());
        Instant now = clock.instant();
        Instant since = now.minus(settings.failureWindow());
        long attemptId = attempts.begin(key, ip, now);
        long retryAfter = Math.max(
                retryAfterSeconds(attempts.failuresOfUser(key, since), settings.maxFailuresPerUser(), now),
                retryAfterSeconds(attempts.failuresFromIp(ip, since), settings.maxFailuresPerIp(), now));
        if (retryAfter > 0) {
            attempts.forget(attemptId);
            throw new LoginThrottledException(
                    "too many failed logins for this user or from this address; try again in " + retryAfter
                            + " seconds",
                    retryAfter);
        }
        Optional<String> hash = users.findPasswordHash(name);
        Optional<User> user = users.find(name);
        boolean ok = hash.isPresent() ? hasher.verify(password, hash.get()) : hasher.verifyDummy(password);
        if (!ok || user.isEmpty() || user.get().disabled()) {
            throw new AuthenticationException("the user name or password is wrong, or the account is disabled");
        }
        attempts.markSucceeded(attemptId);
        User u = user.get();
        if (hasher.needsRehash(hash.get())) {
            String rehashed = hasher.hash(password);
            Actor.as(u.name(), () -> users.update(u, rehashed));
        }
        if (Tokens.wellFormed(previousToken)) {
            sessions.revoke(Tokens.sha256Hex(previousToken), now);
        }
        String token = tokens.newToken();
        Session session = new Session(
                Tokens.sha256Hex(token),
                u.name(),
                now,
                now,
                now.plus(settings.absoluteLifetime()),
                tokens.newToken(),
                null,
                ip);
        sessions.insert(session);
        Instant cutoff = now.minus(Duration.ofDays(1)).minus(settings.failureWindow());
        sessions.deleteEndedBefore(cutoff);
        attempts.deleteBefore(cutoff);
        return new LoginResult(token, session, u);
    }

    /**
     * Seconds until fewer than {@code limit} failures remain in the window, or 0 when the attempt may go on.
     * {@code failures} includes the current attempt (the newest), which is not counted against the limit.
     */
    private long retryAfterSeconds(List<Instant> failures, int limit, Instant now) {
        int previous = failures.size() - 1;
        if (previous < limit) {
            return 0;
        }
        Instant freedAt = failures.get(previous - limit).plus(settings.failureWindow());
        long millis = Duration.between(now, freedAt).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    /**
     * The session of {@code token} and its user, when the session is active and the user enabled; empty for a
     * missing, malformed, unknown, revoked, idle or expired token. Marks the session as used.
     */
    public Optional<Authenticated> authenticate(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Session> found = sessions.find(Tokens.sha256Hex(token));
        if (found.isEmpty() || !found.get().isActiveAt(now, settings.idleTimeout())) {
            return Optional.empty();
        }
        Session s = found.get();
        Optional<User> user = users.find(s.userName());
        if (user.isEmpty() || user.get().disabled()) {
            return Optional.empty();
        }
        if (Duration.between(s.lastSeenAt(), now).compareTo(TOUCH_INTERVAL) >= 0) {
            sessions.touch(s.idHash(), now);
            s = new Session(
                    s.idHash(), s.userName(), s.createdAt(), now, s.expiresAt(), s.csrfToken(), null, s.clientIp());
        }
        return Optional.of(new Authenticated(user.get(), s));
    }

    /** True when {@code presented} is the CSRF token of {@code session} (constant-time comparison). */
    public static boolean csrfTokenMatches(Session session, String presented) {
        return session != null && Tokens.constantTimeEquals(session.csrfToken(), presented);
    }

    /** Ends the session of {@code token}; does nothing for an unknown or malformed token. */
    public void logout(String token) {
        if (Tokens.wellFormed(token)) {
            sessions.revoke(Tokens.sha256Hex(token), clock.instant());
        }
    }

    /** Every account, ordered by name. */
    public List<User> users() {
        return users.findAll();
    }

    /** Each user's latest login still on record (see {@link LoginAttemptRepository#lastLogins}), by user name. */
    public Map<String, Instant> lastLogins() {
        return attempts.lastLogins();
    }

    /** @throws NotFoundException if there is no such user */
    public User user(String name) {
        String n = User.normalizeName(name);
        return users.find(n).orElseThrow(() -> new NotFoundException("no user '" + n + "'"));
    }

    /**
     * Creates an account.
     *
     * @throws ValidationException naming each bad field (name, role, password, areas)
     * @throws ConflictException if the name is taken
     */
    public User createUser(String name, String displayName, Role role, String password, List<Area> areas) {
        List<Problem> problems = new ArrayList<>();
        String n = User.normalizeName(name);
        try {
            User.requireValidName(n);
        } catch (IllegalArgumentException e) {
            problems.add(Problem.of("user", e.getMessage()));
        }
        if (role == null) {
            problems.add(Problem.of("role", "role is required: planner, leader or admin"));
        }
        checkPassword(n, password, problems);
        List<Area> checkedAreas = checkAreas(areas, problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        User u;
        try {
            u = new User(
                    n, displayName == null || displayName.isBlank() ? n : displayName, role, checkedAreas, false, null);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("displayName", e.getMessage());
        }
        if (users.find(n).isPresent()) {
            throw new ConflictException("user '" + n + "' already exists");
        }
        return users.insert(u, hasher.hash(password));
    }

    /**
     * A change to an account; each null field is left as it is.
     *
     * @param password a new password, or null
     */
    public record UserChange(String displayName, Role role, List<Area> areas, Boolean disabled, String password) {}

    /**
     * Changes an account. Disabling it or setting a new password ends all its sessions.
     *
     * @throws NotFoundException if there is no such user
     * @throws ValidationException naming each bad field
     * @throws ConflictException when the acting admin would disable or demote themselves, or no enabled admin would
     *     remain
     */
    public User updateUser(String name, UserChange change) {
        User before = user(name);
        List<Problem> problems = new ArrayList<>();
        User after = before;
        if (change.displayName() != null) {
            try {
                after = after.withDisplayName(change.displayName());
            } catch (IllegalArgumentException e) {
                problems.add(Problem.of("displayName", e.getMessage()));
            }
        }
        if (change.role() != null) {
            after = after.withRole(change.role());
        }
        if (change.areas() != null) {
            after = after.withAreas(checkAreas(change.areas(), problems));
        }
        if (change.disabled() != null) {
            after = after.withDisabled(change.disabled());
        }
        if (change.password() != null) {
            checkPassword(before.name(), change.password(), problems);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        boolean wasAdmin = before.role() == Role.ADMIN && !before.disabled();
        boolean staysAdmin = after.role() == Role.ADMIN && !after.disabled();
        if (wasAdmin && !staysAdmin) {
            if (before.name().equals(Actor.current())) {
                throw new ConflictException(
                        "you cannot disable your own account or take away your own admin role;" + " ask another admin");
            }
            if (users.countEnabledAdmins() <= 1) {
                throw new ConflictException(
                        "user '" + before.name() + "' is the last enabled admin; make another user admin first");
            }
        }
        String newHash = change.password() == null ? null : hasher.hash(change.password());
        User saved = users.update(after, newHash);
        if ((after.disabled() && !before.disabled()) || newHash != null) {
            sessions.revokeAllOf(before.name(), clock.instant());
        }
        return saved;
    }

    /**
     * Creates the admin {@code name}, or with {@code reset} makes an existing user an enabled admin with this
     * password (for the command line: the first admin, or a locked-out one).
     *
     * @throws ConflictException if the user exists and {@code reset} is false
     */
    public User createOrResetAdmin(String name, String displayName, String password, boolean reset) {
        String n = User.normalizeName(name);
        Optional<User> existing = users.find(n);
        if (existing.isEmpty()) {
            return createUser(n, displayName, Role.ADMIN, password, List.of());
        }
        if (!reset) {
            throw new ConflictException(
                    "user '" + n + "' already exists; use --reset to make it an enabled admin with a new password");
        }
        List<Problem> problems = new ArrayList<>();
        checkPassword(n, password, problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        User u = existing.get().withRole(Role.ADMIN).withDisabled(false);
        if (displayName != null && !displayName.isBlank()) {
            u = u.withDisplayName(displayName);
        }
        User saved = users.update(u, hasher.hash(password));
        sessions.revokeAllOf(n, clock.instant());
        return saved;
    }

    private void checkPassword(String name, String password, List<Problem> problems) {
        if (password == null || password.isEmpty()) {
            problems.add(Problem.of("password", "password is required"));
            return;
        }
        int chars = password.codePointCount(0, password.length());
        if (chars < settings.minPasswordChars()) {
            problems.add(Problem.of(
                    "password",
                    "password has " + chars + " characters; at least " + settings.minPasswordChars()
                            + " are required"));
        }
        try {
            PasswordHasher.passwordBytes(password);
        } catch (IllegalArgumentException e) {
            problems.add(Problem.of("password", e.getMessage()));
        }
        if (password.strip().equalsIgnoreCase(name)) {
            problems.add(Problem.of("password", "password must not be the user name"));
        }
    }

    private List<Area> checkAreas(List<Area> areas, List<Problem> problems) {
        List<Area> out = new ArrayList<>();
        if (areas == null) {
            return out;
        }
        for (int i = 0; i < areas.size(); i++) {
            Area a = areas.get(i);
            String field = "areas[" + i + "]";
            if (a == null) {
                problems.add(Problem.of(field, "area is empty"));
                continue;
            }
            if (regions.find(a.regionCode()).isEmpty()) {
                problems.add(Problem.of(field + ".region", "unknown region '" + a.regionCode() + "'"));
                continue;
            }
            if (a.districtCode() != null
                    && districts.findByCode(a.regionCode(), a.districtCode()).isEmpty()) {
                problems.add(Problem.of(
                        field + ".district",
                        "unknown district '" + a.districtCode() + "' in region '" + a.regionCode() + "'"));
                continue;
            }
            out.add(a);
        }
        return out;
    }

    private static String clip(String s) {
        return s.length() > MAX_ATTEMPT_KEY_CHARS ? s.substring(0, MAX_ATTEMPT_KEY_CHARS) : s;
    }
}
