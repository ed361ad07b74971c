package dev.provingground.server.api;

import dev.provingground.server.auth.AccessControl;
import dev.provingground.server.auth.Firm;
import dev.provingground.server.auth.Principal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/** {@code /api/v1/firms}: operators register firms; each gets its first vendor token once. */
final class FirmRoutes {

    private final AccessControl access;

    FirmRoutes(AccessControl access) {
        this.access = access;
    }

    void mount(Router router) {
        router.post("/api/v1/firms").handler(this::register);
        router.get("/api/v1/firms").handler(this::list);
    }

    private void register(RoutingContext ctx) {
        BearerAuth.requireOperator(ctx);
        JsonObject body = Bodies.object(ctx);
        String name = Bodies.string(body, "name");
        String id = Bodies.string(body, "id");
        if (id == null && name != null) id = slug(name);
        Future.fromCompletionStage(access.registerFirm(id, name), ctx.vertx().getOrCreateContext())
                .onSuccess(issued -> ctx.response().setStatusCode(201).putHeader("content-type", "application/json")
                        .end(new JsonObject().put("firm", json(issued.value())).put("token", issued.secret())
                                .put("note", "the token is shown only now; store it safely").encode()))
                .onFailure(ctx::fail);
    }

    private void list(RoutingContext ctx) {
        Principal p = BearerAuth.principal(ctx);
        JsonArray firms = new JsonArray();
        access.firms().stream().filter(f -> p.mayActFor(f.id())).forEach(f -> firms.add(json(f)));
        ctx.json(new JsonObject().put("firms", firms));
    }

    static JsonObject json(Firm f) {
        return new JsonObject().put("id", f.id()).put("name", f.name()).put("createdAt", f.createdAt().toString());
    }

    private static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.length() > 63 ? s.substring(0, 63) : s;
    }
}
