package dev.provingground.server.api;

import dev.provingground.server.auth.Principal;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * {@code GET /api/v1/whoami}: what the token is (operator, or vendor of which firm), so a client such as the console
 * can show only the controls the token may use. It grants nothing: every call is still checked by its route.
 */
final class WhoAmIRoutes {

    void mount(Router router) {
        router.get("/api/v1/whoami").handler(ctx -> {
            Principal p = BearerAuth.principal(ctx);
            JsonObject out = new JsonObject().put("role", p.isOperator() ? "operator" : "vendor").put("actor", p.actor());
            if (p.firm() != null) out.put("firm", p.firm());
            ctx.json(out);
        });
    }
}
