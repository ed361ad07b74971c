package dev.provingground.server.api;

import dev.provingground.server.auth.AccessControl;
import dev.provingground.server.auth.ManufacturerClaim;
import dev.provingground.server.auth.Principal;
import dev.provingground.server.errors.NotFoundException;
import dev.provingground.server.registry.RobotRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.CompletableFuture;

/**
 * Manufacturer names firms hold: a firm registers robots only under names it holds. The first claim wins — made
 * explicitly ({@code POST /api/v1/firms/{firm}/manufacturers}) or by registering the first robot under a free
 * name; a name another firm holds is refused with 409 naming that firm. Only an operator reassigns a name
 * ({@code PUT /api/v1/manufacturers/{name}}).
 */
final class ManufacturerRoutes {

    private final AccessControl access;

    ManufacturerRoutes(AccessControl access) {
        this.access = access;
    }

    void mount(Router router) {
        router.get("/api/v1/manufacturers").handler(this::list);
        router.post("/api/v1/firms/:firm/manufacturers").handler(this::claim);
        router.put("/api/v1/manufacturers/:name").handler(this::assign);
    }

    private void list(RoutingContext ctx) {
        Principal p = BearerAuth.principal(ctx);
        JsonArray out = new JsonArray();
        access.claims(p.isOperator() ? null : p.firm()).forEach(c -> out.add(json(c)));
        ctx.json(new JsonObject().put("manufacturers", out));
    }

    private void claim(RoutingContext ctx) {
        Principal p = BearerAuth.principal(ctx);
        String firm = ctx.pathParam("firm");
        if (!p.mayActFor(firm) || access.firm(firm).isEmpty()) throw new NotFoundException("no firm \"" + firm + "\"");
        String name = RobotRegistry.manufacturerName(Bodies.string(Bodies.object(ctx), "name"));
        boolean held = access.claimOn(name).isPresent();
        answer(ctx, access.claim(name, firm, p.actor()), held ? 200 : 201);
    }

    private void assign(RoutingContext ctx) {
        Principal p = BearerAuth.requireOperator(ctx);
        String name = RobotRegistry.manufacturerName(ctx.pathParam("name"));
        String firm = Bodies.string(Bodies.object(ctx), "firm");
        if (firm == null) throw ApiError.badRequest("firm", "required: the firm that is to hold the name");
        answer(ctx, access.assign(name, firm, p.actor()), 200);
    }

    private static void answer(RoutingContext ctx, CompletableFuture<ManufacturerClaim> claim, int status) {
        Future.fromCompletionStage(claim, ctx.vertx().getOrCreateContext())
                .onSuccess(c -> ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
                        .end(json(c).encode()))
                .onFailure(ctx::fail);
    }

    static JsonObject json(ManufacturerClaim c) {
        return new JsonObject().put("name", c.manufacturer()).put("firm", c.firm())
                .put("claimedAt", c.claimedAt().toString()).put("claimedBy", c.claimedBy());
    }
}
