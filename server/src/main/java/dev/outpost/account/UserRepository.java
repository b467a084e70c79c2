package dev.outpost.account;

import java.util.List;
import java.util.Optional;

/**
 * Storage of accounts and their areas, implemented in {@code store}. Every write is recorded in the audit log
 * (entity {@code user}, without the password hash) in the same transaction. Implementations are thread-safe.
 */
public interface UserRepository {
    /** The user with this (normalized) name. */
    Optional<User> find(String name);

    /** The stored PHC-format password hash of the user. */
    Optional<String> findPasswordHash(String name);

    /** Every user, ordered by name. */
    List<User> findAll();

    /**
     * Stores a new user.
     *
     * @throws dev.outpost.common.ConflictException if the name is taken
     */
    User insert(User user, String passwordHash);

    /**
     * Replaces display name, role, disabled flag and areas of the user with {@code user.name()}, and the password
     * hash when {@code newPasswordHash} is not null.
     *
     * @throws dev.outpost.common.NotFoundException if there is no such user
     */
    User update(User user, String newPasswordHash);

    /** How many users have the admin role and are not disabled. */
    int countEnabledAdmins();
}
