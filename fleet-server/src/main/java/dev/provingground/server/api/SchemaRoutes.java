package dev.provingground.server.api;

import dev.provingground.server.api.validation.RequestSchemas;
import dev.provingground.profiles.ProfileCatalog;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

/**
 * {@code GET /api/v1/schemas/{name}}: the JSON Schemas of site, zone and elevator-rules documents (derived from the
 * OpenAPI document) and of hardware profiles (the one the profile catalog checks every profile against), as published
 * in docs/schemas/.
 */
final class SchemaRoutes {

    static final String HARDWARE_PROFILE = "hardware-profile.schema.json";

    private final RequestSchemas schemas;
    private final JsonObject hardwareProfile;

    SchemaRoutes(RequestSchemas schemas) {
        this.schemas = schemas;
        try (InputStream in = ProfileCatalog.class.getResourceAsStream(ProfileCatalog.SCHEMA_RESOURCE)) {
            if (in == null) throw new IllegalStateException("hardware-profile schema missing from the classpath");
            this.hardwareProfile = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void mount(Router router) {
        router.get("/api/v1/schemas/:name").handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        var schema = name.equals(HARDWARE_PROFILE) ? hardwareProfile.copy() : schemas.published(name);
        if (schema == null)
            throw new ApiError(404, "not_found", "no schema " + name + "; published: " + Stream.concat(
                    RequestSchemas.PUBLISHED.keySet().stream(), Stream.of(HARDWARE_PROFILE)).sorted().toList());
        ctx.response().putHeader("content-type", "application/schema+json").end(schema.encodePrettily());
    }
}
