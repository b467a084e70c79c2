package dev.outpost.store;

import static dev.outpost.store.jooq.Tables.APP_USER;
import static dev.outpost.store.jooq.Tables.USER_AREA;

import dev.outpost.account.Area;
import dev.outpost.account.AuditTrail;
import dev.outpost.account.Role;
import dev.outpost.account.User;
import dev.outpost.account.UserRepository;
import dev.outpost.common.ConflictException;
import dev.outpost.common.NotFoundException;
import dev.outpost.store.jooq.tables.records.AppUserRecord;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

/**
 * Accounts and their areas in PostGIS. Every write is audited (entity {@code user}, region {@link
 * AuditTrail#GLOBAL_REGION}) in the same transaction, never with the password hash. Thread-safe.
 */
public final class JooqUserRepository implements UserRepository {
    private final DSLContext dsl;

    public JooqUserRepository(Database database) {
        this.dsl = database.dsl();
    }

    @Override
    public Optional<User> find(String name) {
        return find(dsl, name);
    }

    private static Optional<User> find(DSLContext ctx, String name) {
        Optional<AppUserRecord> r =
                ctx.selectFrom(APP_USER).where(APP_USER.USER_NAME.eq(name)).fetchOptional();
        return r.map(rec -> toUser(rec, areasOf(ctx, List.of(name)).getOrDefault(name, List.of())));
    }

    @Override
    public Optional<String> findPasswordHash(String name) {
        return dsl.select(APP_USER.PASSWORD_HASH)
                .from(APP_USER)
                .where(APP_USER.USER_NAME.eq(name))
                .fetchOptional(APP_USER.PASSWORD_HASH);
    }

    @Override
    public List<User> findAll() {
        List<AppUserRecord> records =
                dsl.selectFrom(APP_USER).orderBy(APP_USER.USER_NAME).fetch();
        Map<String, List<Area>> areas = areasOf(dsl, null);
        List<User> out = new ArrayList<>();
        for (AppUserRecord r : records) {
            out.add(toUser(r, areas.getOrDefault(r.getUserName(), List.of())));
        }
        return out;
    }

    @Override
    public User insert(User user, String passwordHash) {
        try {
            return dsl.transactionResult(cfg -> {
                DSLContext tx = DSL.using(cfg);
                AppUserRecord r = tx.newRecord(APP_USER);
                r.setUserName(user.name());
                r.setDisplayName(user.displayName());
                r.setRole(user.role().code());
                r.setPasswordHash(passwordHash);
                r.setDisabled(user.disabled());
                r.store();
                writeAreas(tx, user);
                User saved = find(tx, user.name()).orElseThrow();
                Map<String, Object> after = auditView(saved);
                after.put("passwordSet", true);
                AuditWriter.write(tx, AuditTrail.GLOBAL_REGION, "create", "user", saved.name(), null, after);
                return saved;
            });
        } catch (IntegrityConstraintViolationException e) {
            if ("23505".equals(e.sqlState())) {
                throw new ConflictException("user '" + user.name() + "' already exists");
            }
            throw new IllegalArgumentException(
                    "user '" + user.name() + "': an area names an unknown region or district " + user.areas());
        }
    }

    @Override
    public User update(User user, String newPasswordHash) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            AppUserRecord r = tx.selectFrom(APP_USER)
                    .where(APP_USER.USER_NAME.eq(user.name()))
                    .forUpdate()
                    .fetchOptional()
                    .orElseThrow(() -> new NotFoundException("no user '" + user.name() + "'"));
            User before = toUser(r, areasOf(tx, List.of(user.name())).getOrDefault(user.name(), List.of()));
            r.setDisplayName(user.displayName());
            r.setRole(user.role().code());
            r.setDisabled(user.disabled());
            if (newPasswordHash != null) {
                r.setPasswordHash(newPasswordHash);
            }
            r.setUpdatedAt(OffsetDateTime.now());
            r.store();
            tx.deleteFrom(USER_AREA).where(USER_AREA.USER_NAME.eq(user.name())).execute();
            writeAreas(tx, user);
            User saved = find(tx, user.name()).orElseThrow();
            Map<String, Object> after = auditView(saved);
            if (newPasswordHash != null) {
                after.put("passwordChanged", true);
            }
            AuditWriter.write(tx, AuditTrail.GLOBAL_REGION, "update", "user", saved.name(), auditView(before), after);
            return saved;
        });
    }

    @Override
    public int countEnabledAdmins() {
        return dsl.fetchCount(APP_USER, APP_USER.ROLE.eq(Role.ADMIN.code()).and(APP_USER.DISABLED.isFalse()));
    }

    private static void writeAreas(DSLContext tx, User user) {
        for (Area a : user.areas()) {
            tx.insertInto(USER_AREA)
                    .set(USER_AREA.REGION_CODE, a.regionCode())
                    .set(USER_AREA.USER_NAME, user.name())
                    .set(USER_AREA.DISTRICT_CODE, a.districtCode())
                    .execute();
        }
    }

    /** Areas per user name, of the named users or (null) everybody, ordered by region then district. */
    private static Map<String, List<Area>> areasOf(DSLContext ctx, List<String> names) {
        var q = ctx.selectFrom(USER_AREA);
        var where = names == null ? DSL.noCondition() : USER_AREA.USER_NAME.in(names);
        return q
                .where(where)
                .orderBy(USER_AREA.REGION_CODE, USER_AREA.DISTRICT_CODE.asc().nullsFirst())
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(
                        r -> r.getUserName(),
                        LinkedHashMap::new,
                        Collectors.mapping(
                                r -> new Area(r.getRegionCode(), r.getDistrictCode()), Collectors.toList())));
    }

    private static User toUser(AppUserRecord r, List<Area> areas) {
        return new User(
                r.getUserName(),
                r.getDisplayName(),
                Role.parseAccountRole(r.getRole()),
                areas,
                r.getDisabled(),
                r.getCreatedAt().toInstant());
    }

    /** The account as the audit log shows it: never the password hash. */
    static Map<String, Object> auditView(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", u.name());
        m.put("displayName", u.displayName());
        m.put("role", u.role().code());
        m.put("disabled", u.disabled());
        m.put("areas", u.areas().stream().map(Area::toString).toList());
        return m;
    }
}
