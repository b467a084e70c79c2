package dev.outpost.account;

/**
 * The caller is not (or no longer) logged in, or the user name and password do not match (HTTP 401). The message
 * says what to do and never which of user name or password was wrong.
 */
public class AuthenticationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }
}
