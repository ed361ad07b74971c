package dev.provingground.server.api;

import dev.provingground.server.auth.AccessControl;
import dev.provingground.server.auth.LoginGuard;
import dev.provingground.server.auth.Principal;
import dev.provingground.server.auth.TokenCheck;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;

/**
 * Every API call carries {@code Authorization: Bearer <token>}; the principal it names is put on the context. Runs
 * before any body is read: a request without a valid token is refused with its body unread, answered 401 naming why
 * (missing, unknown, expired, revoked). A refused token counts as a failed login of its source address; an address
 * blocked after too many gets 429 without its token being looked at.
 */
final class BearerAuth implements Handler<RoutingContext> {

    private static final String KEY = "principal";
    private final AccessControl access;
    private final LoginGuard logins;

    BearerAuth(AccessControl access, LoginGuard logins) {
        this.access = access;
        this.logins = logins;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String address = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
        Duration blocked = logins.admit(LoginGuard.Kind.HTTP_TOKEN, address);
        if (!blocked.isZero()) {
            long seconds = Math.max(1, (blocked.toMillis() + 999) / 1000);
            ctx.response().putHeader("Retry-After", Long.toString(seconds));
            ctx.fail(new ApiError(429, "too_many_failed_logins", "too many failed logins from " + address
                    + "; try again in " + seconds + " s"));
            return;
        }
        TokenCheck check = access.check(tokenOf(ctx));
        if (check instanceof TokenCheck.Refused refused) {
            // A request without any token is not a guess at one; a wrong, expired or revoked token is.
            if (refused.why() != TokenCheck.Refusal.MISSING)
                logins.failed(LoginGuard.Kind.HTTP_TOKEN, address, refused.why().metricName() + " token on "
                        + ctx.request().method() + " " + ctx.request().path());
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"proving-ground\"");
            ctx.fail(ApiError.unauthorized(refused.why()));
            return;
        }
        ctx.put(KEY, ((TokenCheck.Accepted) check).principal());
        ctx.next();
    }

    /** Whether the request presents a token at all (right or wrong): public routes answer more to one that does. */
    static boolean presentsToken(RoutingContext ctx) {
        String token = tokenOf(ctx);
        return token != null && !token.isEmpty();
    }

    private static String tokenOf(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        // Browsers cannot set headers on a WebSocket: RFC 6750 section 2.3's query parameter serves the live feeds.
        if (token == null && (ctx.request().path().equals("/api/v1/live") || ctx.request().path().equals("/api/v1/live/robots")))
            token = ctx.queryParams().get("access_token");
        return token;
    }

    static Principal principal(RoutingContext ctx) {
        return ctx.get(KEY);
    }

    static Principal requireOperator(RoutingContext ctx) {
        Principal p = principal(ctx);
        if (!p.isOperator()) throw ApiError.forbidden("only an operator token may do this");
        return p;
    }
}
