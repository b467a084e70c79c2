package dev.outpost.http;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.Locale;

/**
 * The session cookie: {@code HttpOnly; SameSite=Strict; Path=/}. Over TLS (the request's scheme, or {@code
 * X-Forwarded-Proto: https} from a TLS-terminating proxy) it is {@code __Host-outpost_session} with {@code Secure},
 * which the browser binds to this exact host; over plain HTTP (a developer's localhost) the {@code Secure} flag
 * cannot be used and the cookie is {@code outpost_session}. Each kind of request reads only its own name.
 */
final class SessionCookie {
    static final String SECURE_NAME = "__Host-outpost_session";
    static final String PLAIN_NAME = "outpost_session";

    private SessionCookie() {}

    static boolean overTls(Context ctx) {
        if ("https".equalsIgnoreCase(ctx.scheme())) {
            return true;
        }
        String forwarded = ctx.header("X-Forwarded-Proto");
        if (forwarded == null) {
            return false;
        }
        int comma = forwarded.indexOf(',');
        String first = (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
        return first.toLowerCase(Locale.ROOT).equals("https");
    }

    static String name(Context ctx) {
        return overTls(ctx) ? SECURE_NAME : PLAIN_NAME;
    }

    /** The session token the request carries, or null. */
    static String read(Context ctx) {
        return ctx.cookie(name(ctx));
    }

    static void write(Context ctx, String token, Duration maxAge) {
        ctx.header("Set-Cookie", value(ctx, token, maxAge.toSeconds()));
    }

    static void clear(Context ctx) {
        ctx.header("Set-Cookie", value(ctx, "", 0));
    }

    private static String value(Context ctx, String token, long maxAgeSeconds) {
        StringBuilder sb = new StringBuilder()
                .append(name(ctx))
                .append('=')
                .append(token)
                .append("; Path=/; Max-Age=")
                .append(maxAgeSeconds)
                .append("; HttpOnly; SameSite=Strict");
        if (overTls(ctx)) {
            sb.append("; Secure");
        }
        return sb.toString();
    }
}
