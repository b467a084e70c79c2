package dev.outpost.account;

/**
 * The authorizer's answer. Immutable.
 *
 * @param outcome allowed, login required (HTTP 401) or forbidden (HTTP 403)
 * @param reason for people: which rule refused, naming role, region or district; "allowed" when allowed
 * @param rule the rule applied; null when the endpoint has none
 */
public record Decision(Outcome outcome, String reason, AccessRule rule) {
    public enum Outcome {
        ALLOW,
        LOGIN_REQUIRED,
        FORBIDDEN
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }

    static Decision allow(AccessRule rule) {
        return new Decision(Outcome.ALLOW, "allowed", rule);
    }

    static Decision loginRequired(AccessRule rule, String reason) {
        return new Decision(Outcome.LOGIN_REQUIRED, reason, rule);
    }

    static Decision forbidden(AccessRule rule, String reason) {
        return new Decision(Outcome.FORBIDDEN, reason, rule);
    }
}
