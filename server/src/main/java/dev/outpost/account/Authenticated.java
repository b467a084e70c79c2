package dev.outpost.account;

import java.util.Objects;

/** A request's valid session and its (enabled) user, as read at the start of the request. Immutable. */
public record Authenticated(User user, Session session) {
    public Authenticated {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(session, "session");
    }
}
