package dev.outpost.account;

import java.util.Objects;

/**
 * A successful login. Immutable.
 *
 * @param token the new session's secret token, for the cookie only: it is not stored anywhere on the server
 * @param session the stored session (with its CSRF token)
 * @param user the user now logged in
 */
public record LoginResult(String token, Session session, User user) {
    public LoginResult {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(user, "user");
    }
}
