package dev.outpost.http;

import dev.outpost.account.AccessDeniedException;
import dev.outpost.account.AccessRequest;
import dev.outpost.account.AccessRule;
import dev.outpost.account.AccountService;
import dev.outpost.account.Authenticated;
import dev.outpost.account.AuthenticationException;
import dev.outpost.account.Authorizer;
import dev.outpost.account.Decision;
import dev.outpost.common.Actor;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.net.URI;
import java.util.Locale;

/**
 * The check in front of every matched request, driven by the {@link dev.outpost.account.AccessPolicy}: reads the
 * session cookie, binds the user as the {@link Actor} of the audit log, and for state-changing methods (POST, PUT,
 * PATCH, DELETE) refuses cross-site requests — a foreign {@code Origin} (or, without one, {@code Referer}), and with
 * a session a missing or wrong {@code X-CSRF-Token} header — before the policy's role and area checks. Requests
 * without a valid session get 401, a wrong role or area or a refused cross-site request 403.
 */
final class AccessFilter {
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String AUTH_ATTRIBUTE = "outpost.authenticated";

    private final AccountService accounts;
    private final Authorizer authorizer;
    private final String defaultRegion;

    AccessFilter(AccountService accounts, Authorizer authorizer, String defaultRegion) {
        this.accounts = accounts;
        this.authorizer = authorizer;
        this.defaultRegion = defaultRegion;
    }

    void register(RoutesConfig routes) {
        routes.beforeMatched(this::check);
        routes.after(ctx -> Actor.clear());
    }

    /** The request's valid session and user, or null for the public. */
    static Authenticated authenticated(Context ctx) {
        return ctx.attribute(AUTH_ATTRIBUTE);
    }

    private void check(Context ctx) {
        String method = ctx.method().name();
        boolean write = AccessRule.isWrite(method);
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint == null) {
            // a static file, or HEAD of a GET route (answered without running it)
            Actor.bind("anonymous");
            if (write) {
                throw new AccessDeniedException("no endpoint " + method + " " + ctx.path());
            }
            return;
        }
        Authenticated auth = accounts.authenticate(SessionCookie.read(ctx)).orElse(null);
        ctx.attribute(AUTH_ATTRIBUTE, auth);
        Actor.bind(auth == null ? "anonymous" : auth.user().name());
        if (write) {
            checkOrigin(ctx);
            if (auth != null) {
                checkCsrfToken(ctx, auth);
            }
        }
        String region = ctx.queryParam("region");
        String district = ctx.pathParamMap().get("district");
        if (district == null) {
            district = ctx.queryParam("district");
        }
        if (district == null) {
            district = ctx.queryParam("area"); // the review's name for it
        }
        Decision d = authorizer.decide(new AccessRequest(
                endpoint.method.name(),
                endpoint.path,
                ctx.pathParamMap(),
                region == null || region.isBlank() ? defaultRegion : region.trim(),
                district == null || district.isBlank() ? null : district.trim(),
                auth == null ? null : auth.user()));
        switch (d.outcome()) {
            case ALLOW:
                return;
            case LOGIN_REQUIRED:
                throw new AuthenticationException(d.reason());
            default:
                throw new AccessDeniedException(d.reason());
        }
    }

    private static void checkCsrfToken(Context ctx, Authenticated auth) {
        String presented = ctx.header(CSRF_HEADER);
        if (presented == null || presented.isBlank()) {
            throw new AccessDeniedException("cross-site request refused: header " + CSRF_HEADER
                    + " is missing; the page gets its token from GET /api/auth/me");
        }
        if (!AccountService.csrfTokenMatches(auth.session(), presented.trim())) {
            throw new AccessDeniedException("cross-site request refused: header " + CSRF_HEADER
                    + " does not belong to this session; reload the page");
        }
    }

    /**
     * Refuses a request whose {@code Origin} (or, when absent, {@code Referer}) is another site than the one asked
     * ({@code Host}, or {@code X-Forwarded-Host} behind a proxy). Requests with neither header (command-line
     * clients) pass: they still need the session's CSRF token.
     */
    static void checkOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        String source = origin;
        if (source == null) {
            String referer = ctx.header("Referer");
            if (referer == null || referer.isBlank()) {
                return;
            }
            source = referer;
        }
        String host = ctx.header("Host");
        if (host == null || host.isBlank()) { // HTTP/2 carries the authority elsewhere
            host = ctx.req().getServerName() + ":" + ctx.req().getServerPort();
        }
        String authority = authorityOf(source);
        if (authority != null
                && (authority.equals(hostOf(host, source))
                        || authority.equals(hostOf(ctx.header("X-Forwarded-Host"), source)))) {
            return;
        }
        throw new AccessDeniedException(
                "cross-site request refused: it comes from '" + source + "', not from this site '" + host + "'");
    }

    /** {@code host[:port]} of an origin or URL in lower case, without the scheme's default port; null if unusable. */
    static String authorityOf(String url) {
        try {
            URI u = URI.create(url.trim());
            String scheme = u.getScheme();
            String host = u.getHost();
            if (scheme == null || host == null) {
                return null;
            }
            int port = u.getPort();
            boolean defaultPort = port < 0
                    || (scheme.equalsIgnoreCase("https") && port == 443)
                    || (scheme.equalsIgnoreCase("http") && port == 80);
            return (host + (defaultPort ? "" : ":" + port)).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A Host header value normalized like {@link #authorityOf}, using the scheme of {@code source}. */
    private static String hostOf(String hostHeader, String source) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return null;
        }
        int colon = source.indexOf(':');
        String scheme = colon < 0 ? "http" : source.substring(0, colon);
        return authorityOf(scheme + "://" + hostHeader.trim().split(",")[0].trim());
    }
}
