package dev.outpost.account;

/**
 * The caller is known but may not do this (HTTP 403): wrong role, outside their areas, or a refused cross-site
 * request. The message names the rule that refused it.
 */
public class AccessDeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
