package dev.provingground.server.api;

import dev.provingground.server.api.validation.RequestSchemas;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/v1/schemas/{name}}: the JSON Schemas of site, zone and elevator-rules documents (docs/schemas/). */
final class SchemaRoutes {

    private final RequestSchemas schemas;

    SchemaRoutes(RequestSchemas schemas) {
        this.schemas = schemas;
    }

    void mount(Router router) {
        router.get("/api/v1/schemas/:name").handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        var schema = schemas.published(name);
        if (schema == null)
            throw new ApiError(404, "not_found", "no schema " + name + "; published: "
                    + RequestSchemas.PUBLISHED.keySet().stream().sorted().toList());
        ctx.response().putHeader("content-type", "application/schema+json").end(schema.encodePrettily());
    }
}
