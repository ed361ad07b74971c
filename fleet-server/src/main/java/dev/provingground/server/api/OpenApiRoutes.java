package dev.provingground.server.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /api/v1/openapi.yaml}: the API's OpenAPI 3.1 document, shipped beside this class. */
final class OpenApiRoutes {

    static final String RESOURCE = "openapi.yaml";

    private final byte[] document;

    /** Reads the document once, at construction (off the event loop), so serving it never blocks. */
    OpenApiRoutes() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null)
                throw new IllegalStateException("the OpenAPI document " + OpenApiRoutes.class.getPackageName()
                        .replace('.', '/') + "/" + RESOURCE + " is missing from the classpath");
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    void mount(Router router) {
        router.get("/api/v1/openapi.yaml").handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        ctx.response().putHeader("content-type", "application/yaml").end(Buffer.buffer(document));
    }
}
