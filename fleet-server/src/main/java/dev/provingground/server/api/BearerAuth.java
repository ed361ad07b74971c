package dev.provingground.server.api;

import dev.provingground.server.auth.AccessControl;
import dev.provingground.server.auth.Principal;
import dev.provingground.server.auth.TokenCheck;
import dev.provingground.server.metrics.ServerMetrics;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/**
 * Every API call carries {@code Authorization: Bearer <token>}; the principal it names is put on the context. A
 * refused token is answered 401 naming why (missing, unknown, expired, revoked) and counted.
 */
final class BearerAuth implements Handler<RoutingContext> {

    private static final String KEY = "principal";
    private final AccessControl access;
    private final ServerMetrics metrics;

    BearerAuth(AccessControl access, ServerMetrics metrics) {
        this.access = access;
        this.metrics = metrics;
    }

    @Override
    public void handle(RoutingContext ctx) {
        TokenCheck check = access.check(tokenOf(ctx));
        if (check instanceof TokenCheck.Refused refused) {
            metrics.failedLogin("http", refused.why().metricName()).increment();
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"proving-ground\"");
            ctx.fail(ApiError.unauthorized(refused.why()));
            return;
        }
        ctx.put(KEY, ((TokenCheck.Accepted) check).principal());
        ctx.next();
    }

    /** The principal of a valid token, if the request carries one; nothing is counted or refused (public routes). */
    Optional<Principal> optionalPrincipal(RoutingContext ctx) {
        return access.authenticate(tokenOf(ctx));
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
