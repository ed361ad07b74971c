package dev.provingground.server.api.validation;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schemas in docs/schemas/ are the ones requests are checked against: each file equals what the server derives
 * from its OpenAPI document. Run with {@code -Dschemas.write=true} to write them again after changing the document.
 */
class PublishedSchemasTest {

    private static final Path DOCS = Path.of("..", "docs", "schemas");

    @Test
    void everyPublishedSchemaInDocsIsTheOneRequestsAreCheckedAgainst() throws Exception {
        RequestSchemas schemas = RequestSchemas.fromClasspath(dev.provingground.server.api.ApiError.class,
                "openapi.yaml");
        for (String name : RequestSchemas.PUBLISHED.keySet()) {
            Path file = DOCS.resolve(name);
            String served = schemas.published(name).encodePrettily() + "\n";
            if (Boolean.getBoolean("schemas.write")) Files.writeString(file, served);
            assertThat(file).as("%s is published; -Dschemas.write=true writes it", name).exists();
            assertThat(new JsonObject(Files.readString(file))).as(name).isEqualTo(new JsonObject(served));
        }
    }
}
