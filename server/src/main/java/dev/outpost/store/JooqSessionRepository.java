package dev.outpost.store;

import static dev.outpost.store.jooq.Tables.LOGIN_ATTEMPT;
import static dev.outpost.store.jooq.Tables.USER_SESSION;

import dev.outpost.account.LoginAttemptRepository;
import dev.outpost.account.Session;
import dev.outpost.account.SessionRepository;
import dev.outpost.store.jooq.tables.records.UserSessionRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Login sessions and login attempts in PostGIS, shared by every server instance. Only the SHA-256 of a session
 * token is stored. Thread-safe.
 */
public final class JooqSessionRepository implements SessionRepository, LoginAttemptRepository {
    private final DSLContext dsl;

    public JooqSessionRepository(Database database) {
        this.dsl = database.dsl();
    }

    @Override
    public void insert(Session s) {
        dsl.insertInto(USER_SESSION)
                .set(USER_SESSION.SESSION_ID, s.idHash())
                .set(USER_SESSION.USER_NAME, s.userName())
                .set(USER_SESSION.CREATED_AT, odt(s.createdAt()))
                .set(USER_SESSION.LAST_SEEN_AT, odt(s.lastSeenAt()))
                .set(USER_SESSION.EXPIRES_AT, odt(s.expiresAt()))
                .set(USER_SESSION.CSRF_TOKEN, s.csrfToken())
                .set(USER_SESSION.REVOKED_AT, odt(s.revokedAt()))
                .set(USER_SESSION.CLIENT_IP, s.clientIp())
                .execute();
    }

    @Override
    public Optional<Session> find(String idHash) {
        return dsl.selectFrom(USER_SESSION)
                .where(USER_SESSION.SESSION_ID.eq(idHash))
                .fetchOptional(JooqSessionRepository::toSession);
    }

    @Override
    public void touch(String idHash, Instant at) {
        dsl.update(USER_SESSION)
                .set(USER_SESSION.LAST_SEEN_AT, odt(at))
                .where(USER_SESSION.SESSION_ID.eq(idHash), USER_SESSION.LAST_SEEN_AT.lt(odt(at)))
                .execute();
    }

    @Override
    public boolean revoke(String idHash, Instant at) {
        return dsl.update(USER_SESSION)
                        .set(USER_SESSION.REVOKED_AT, odt(at))
                        .where(USER_SESSION.SESSION_ID.eq(idHash), USER_SESSION.REVOKED_AT.isNull())
                        .execute()
                > 0;
    }

    @Override
    public int revokeAllOf(String userName, Instant at) {
        return dsl.update(USER_SESSION)
                .set(USER_SESSION.REVOKED_AT, odt(at))
                .where(USER_SESSION.USER_NAME.eq(userName), USER_SESSION.REVOKED_AT.isNull())
                .execute();
    }

    @Override
    public int deleteEndedBefore(Instant cutoff) {
        OffsetDateTime c = odt(cutoff);
        return dsl.deleteFrom(USER_SESSION)
                .where(USER_SESSION.EXPIRES_AT.lt(c).or(USER_SESSION.REVOKED_AT.lt(c)))
                .execute();
    }

    @Override
    public long begin(String userName, String clientIp, Instant at) {
        return dsl.insertInto(LOGIN_ATTEMPT)
                .set(LOGIN_ATTEMPT.USER_NAME, userName)
                .set(LOGIN_ATTEMPT.CLIENT_IP, clientIp)
                .set(LOGIN_ATTEMPT.AT, odt(at))
                .set(LOGIN_ATTEMPT.SUCCESS, false)
                .returning(LOGIN_ATTEMPT.ATTEMPT_ID)
                .fetchOne()
                .getAttemptId();
    }

    @Override
    public void markSucceeded(long attemptId) {
        dsl.update(LOGIN_ATTEMPT)
                .set(LOGIN_ATTEMPT.SUCCESS, true)
                .where(LOGIN_ATTEMPT.ATTEMPT_ID.eq(attemptId))
                .execute();
    }

    @Override
    public void forget(long attemptId) {
        dsl.deleteFrom(LOGIN_ATTEMPT)
                .where(LOGIN_ATTEMPT.ATTEMPT_ID.eq(attemptId))
                .execute();
    }

    @Override
    public List<Instant> failuresOfUser(String userName, Instant since) {
        OffsetDateTime lastSuccess = dsl.select(DSL.max(LOGIN_ATTEMPT.AT))
                .from(LOGIN_ATTEMPT)
                .where(LOGIN_ATTEMPT.USER_NAME.eq(userName), LOGIN_ATTEMPT.SUCCESS.isTrue())
                .fetchOne(0, OffsetDateTime.class);
        OffsetDateTime from = odt(since);
        if (lastSuccess != null && lastSuccess.isAfter(from)) {
            from = lastSuccess;
        }
        return dsl.select(LOGIN_ATTEMPT.AT)
                .from(LOGIN_ATTEMPT)
                .where(LOGIN_ATTEMPT.USER_NAME.eq(userName), LOGIN_ATTEMPT.SUCCESS.isFalse(), LOGIN_ATTEMPT.AT.gt(from))
                .orderBy(LOGIN_ATTEMPT.AT, LOGIN_ATTEMPT.ATTEMPT_ID)
                .fetch(r -> r.value1().toInstant());
    }

    @Override
    public Map<String, Instant> lastLogins() {
        Map<String, Instant> out = new HashMap<>();
        dsl.select(LOGIN_ATTEMPT.USER_NAME, DSL.max(LOGIN_ATTEMPT.AT))
                .from(LOGIN_ATTEMPT)
                .where(LOGIN_ATTEMPT.SUCCESS.isTrue())
                .groupBy(LOGIN_ATTEMPT.USER_NAME)
                .unionAll(DSL.select(USER_SESSION.USER_NAME, DSL.max(USER_SESSION.CREATED_AT))
                        .from(USER_SESSION)
                        .groupBy(USER_SESSION.USER_NAME))
                .forEach(r -> out.merge(r.value1(), r.value2().toInstant(), (a, b) -> a.isAfter(b) ? a : b));
        return out;
    }

    @Override
    public List<Instant> failuresFromIp(String clientIp, Instant since) {
        return dsl.select(LOGIN_ATTEMPT.AT)
                .from(LOGIN_ATTEMPT)
                .where(
                        LOGIN_ATTEMPT.CLIENT_IP.eq(clientIp),
                        LOGIN_ATTEMPT.SUCCESS.isFalse(),
                        LOGIN_ATTEMPT.AT.gt(odt(since)))
                .orderBy(LOGIN_ATTEMPT.AT, LOGIN_ATTEMPT.ATTEMPT_ID)
                .fetch(r -> r.value1().toInstant());
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        return dsl.deleteFrom(LOGIN_ATTEMPT)
                .where(LOGIN_ATTEMPT.AT.lt(odt(cutoff)))
                .execute();
    }

    private static Session toSession(UserSessionRecord r) {
        return new Session(
                r.getSessionId(),
                r.getUserName(),
                r.getCreatedAt().toInstant(),
                r.getLastSeenAt().toInstant(),
                r.getExpiresAt().toInstant(),
                r.getCsrfToken(),
                r.getRevokedAt() == null ? null : r.getRevokedAt().toInstant(),
                r.getClientIp());
    }

    private static OffsetDateTime odt(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
