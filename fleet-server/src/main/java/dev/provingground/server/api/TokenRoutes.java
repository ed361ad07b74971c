package dev.provingground.server.api;

import dev.provingground.server.auth.AccessControl;
import dev.provingground.server.auth.ApiToken;
import dev.provingground.server.auth.Principal;
import dev.provingground.server.auth.Role;
import dev.provingground.server.errors.NotFoundException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;

/**
 * Bearer tokens of a firm: {@code GET /api/v1/firms/{firm}/tokens} lists them (never a secret), {@code POST} issues
 * a new one (its text shown once), {@code DELETE /api/v1/tokens/{id}} revokes one at once. Operators act for every
 * firm, a vendor for its own.
 */
final class TokenRoutes {

    private final AccessControl access;

    TokenRoutes(AccessControl access) {
        this.access = access;
    }

    void mount(Router router) {
        router.get("/api/v1/firms/:firm/tokens").handler(this::list);
        router.post("/api/v1/firms/:firm/tokens").handler(this::issue);
        router.delete("/api/v1/tokens/:id").handler(this::revoke);
    }

    private String firmFor(RoutingContext ctx) {
        String firm = ctx.pathParam("firm");
        Principal p = BearerAuth.principal(ctx);
        // A vendor asking about another firm learns nothing, not even that it exists.
        if (!p.mayActFor(firm) || access.firm(firm).isEmpty()) throw new NotFoundException("no firm \"" + firm + "\"");
        return firm;
    }

    private void list(RoutingContext ctx) {
        JsonArray out = new JsonArray();
        access.tokens(firmFor(ctx)).forEach(t -> out.add(json(t, access.now())));
        ctx.json(new JsonObject().put("tokens", out));
    }

    private void issue(RoutingContext ctx) {
        String firm = firmFor(ctx);
        Future.fromCompletionStage(access.issue(Role.VENDOR, firm), ctx.vertx().getOrCreateContext())
                .onSuccess(issued -> ctx.response().setStatusCode(201).putHeader("content-type", "application/json")
                        .end(new JsonObject().put("token", json(issued.value(), access.now()))
                                .put("secret", issued.secret())
                                .put("note", "the token is shown only now; store it safely").encode()))
                .onFailure(ctx::fail);
    }

    private void revoke(RoutingContext ctx) {
        Future.fromCompletionStage(access.revoke(ctx.pathParam("id"), BearerAuth.principal(ctx)),
                        ctx.vertx().getOrCreateContext())
                .onSuccess(t -> ctx.json(new JsonObject().put("token", json(t, access.now()))))
                .onFailure(ctx::fail);
    }

    static JsonObject json(ApiToken t, Instant now) {
        var refusal = t.refusalAt(now);
        JsonObject out = new JsonObject().put("id", t.id()).put("role", t.role().name().toLowerCase())
                .put("createdAt", t.createdAt().toString())
                .put("expiresAt", t.expiresAt() == null ? null : t.expiresAt().toString())
                .put("status", refusal == null ? "active" : refusal.metricName());
        if (t.firm() != null) out.put("firm", t.firm());
        if (t.revokedAt() != null) out.put("revokedAt", t.revokedAt().toString());
        return out;
    }
}
