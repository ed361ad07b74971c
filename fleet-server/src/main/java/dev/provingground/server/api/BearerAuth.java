package dev.provingground.server.api;

import dev.provingground.server.auth.AccessControl;
import dev.provingground.server.auth.Principal;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Every API call carries {@code Authorization: Bearer <token>}; the principal it names is put on the context. */
final class BearerAuth implements Handler<RoutingContext> {

    private static final String KEY = "principal";
    private final AccessControl access;

    BearerAuth(AccessControl access) {
        this.access = access;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        // Browsers cannot set headers on a WebSocket: RFC 6750 section 2.3's query parameter serves the live feeds.
        if (token == null && (ctx.request().path().equals("/api/v1/live") || ctx.request().path().equals("/api/v1/live/robots")))
            token = ctx.queryParams().get("access_token");
        var principal = access.authenticate(token);
        if (principal.isEmpty()) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"proving-ground\"");
            ctx.fail(ApiError.unauthorized());
            return;
        }
        ctx.put(KEY, principal.get());
        ctx.next();
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
