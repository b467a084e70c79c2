package dev.outpost.http;

import dev.outpost.account.AccountService;
import dev.outpost.account.AuditTrail;
import dev.outpost.account.Authorizer;
import java.util.Objects;

/**
 * The services behind logins and access control, wired in {@code app}. Immutable.
 *
 * @param accounts logins, sessions, users
 * @param authorizer the access policy and its checks
 * @param audit the read side of the audit log
 */
public record Security(AccountService accounts, Authorizer authorizer, AuditTrail audit) {
    public Security {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(authorizer, "authorizer");
        Objects.requireNonNull(audit, "audit");
    }
}
