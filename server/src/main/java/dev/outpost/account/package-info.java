/**
 * Accounts and access: users with a role (planner, leader, admin) and the areas they answer for, Argon2id password
 * hashing, login with throttling, server-side sessions with CSRF tokens, the access policy (one table of method and
 * path pattern to allowed roles and area scope) with the {@link dev.outpost.account.Authorizer} that applies it, and
 * the read side of the audit log. Storage is behind interfaces implemented in {@code store}; nothing here knows HTTP.
 */
package dev.outpost.account;
