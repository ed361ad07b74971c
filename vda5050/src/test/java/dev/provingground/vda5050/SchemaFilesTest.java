package dev.provingground.vda5050;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaFilesTest {

    @Test
    void bundledSchemasAreByteForByteThePublishedOnesNamedInTheirReadme() throws Exception {
        String readme = new String(classpathBytes("README.md"), StandardCharsets.UTF_8);
        for (Topic topic : Topic.values()) {
            String file = Vda5050Schemas.fileName(topic);
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(classpathBytes(file)));
            assertThat(readme).as(file).contains("| " + file + " | " + sha256 + " |");
        }
    }

    @Test
    void licenceTravelsWithTheSchemas() throws IOException {
        assertThat(new String(classpathBytes("LICENSE.txt"), StandardCharsets.UTF_8))
                .contains("Verband der Automobilindustrie").contains("Permission is hereby granted, free of charge");
        assertThat(PublishedSchemas.v200().resolveSibling("LICENSE.txt")).hasSameBinaryContentAs(
                PublishedSchemas.v210().resolve("LICENSE.txt"));
    }

    @Test
    void publishedStateSchemaLacksPausedButTheRepairedOneAcceptsIt() throws IOException {
        JsonObject raw = new JsonObject(Files.readString(PublishedSchemas.v210().resolve("state.schema.json")));
        JsonArray published = raw.getJsonObject("properties").getJsonObject("actionStates").getJsonObject("items")
                .getJsonObject("properties").getJsonObject("actionStatus").getJsonArray("enum");
        assertThat(published.contains("PAUSED")).isFalse();

        State paused = SampleMessages.state();
        assertThat(paused.actionStates()).extracting(ActionState::actionStatus).contains(ActionStatus.PAUSED);
        assertThat(Vda5050Schemas.load(PublishedSchemas.v210()).validate(Topic.STATE,
                Vda5050Json.mapper().valueToTree(paused).toString().getBytes())).isEmpty();
    }

    @Test
    void repairedFactsheetSchemaAcceptsStringEnvelopeDescriptionsAndBlockingTypeLists() throws Exception {
        Vda5050Schemas schemas = Vda5050Schemas.fromClasspath();
        JsonObject factsheet = new JsonObject(Vda5050Json.mapper().writeValueAsString(SampleMessages.factsheet()));

        assertThat(factsheet.getJsonObject("agvGeometry").getJsonArray("envelopes3d").getJsonObject(0)
                .getValue("description")).isInstanceOf(String.class);
        assertThat(factsheet.getJsonObject("protocolFeatures").getJsonArray("agvActions").getJsonObject(1)
                .getJsonArray("blockingTypes")).hasSize(2);
        assertThat(schemas.validate(Topic.FACTSHEET, factsheet)).isEmpty();
    }

    @Test
    void repairedFactsheetSchemaStillChecksBlockingTypeValuesAndAngularSpeedTypes() {
        Vda5050Schemas schemas = Vda5050Schemas.fromClasspath();
        JsonObject factsheet = new JsonObject(Vda5050Json.mapper().valueToTree(SampleMessages.factsheet()).toString());
        factsheet.getJsonObject("protocolFeatures").getJsonArray("agvActions").getJsonObject(1)
                .put("blockingTypes", new JsonArray(List.of("NONE", "SOMETIMES")));
        factsheet.getJsonObject("physicalParameters").put("angularSpeedMax", "fast");

        assertThat(schemas.validate(Topic.FACTSHEET, factsheet)).extracting(SchemaViolation::pointer)
                .contains("/protocolFeatures/agvActions/1/blockingTypes/1", "/physicalParameters/angularSpeedMax");
    }

    @Test
    void subtopicKeywordIsIgnoredByTheValidator() {
        JsonObject raw = new JsonObject(Map.of("headerId", 1, "timestamp", "2026-11-22T03:47:46.123Z",
                "version", "2.1.0", "manufacturer", "acme", "serialNumber", "db-0042", "connectionState", "OFFLINE"));

        assertThat(Vda5050Schemas.fromClasspath().validate(Topic.CONNECTION, raw)).isEmpty();
    }

    @Test
    void nonObjectDocumentIsAViolationNotACrash() {
        assertThat(Vda5050Schemas.fromClasspath().validate(Topic.STATE, "[1,2]".getBytes()))
                .singleElement().extracting(SchemaViolation::pointer).isEqualTo("");
    }

    @Test
    void publishedSchemasAcceptTheMessagesThatTouchNoKnownDefect() throws IOException {
        for (VdaMessage message : List.of(SampleMessages.order(), SampleMessages.instantActions(),
                SampleMessages.connection(), SampleMessages.visualization())) {
            OutputUnit result = publishedValidator(message.topic())
                    .validate(new JsonObject(Vda5050Json.mapper().writeValueAsString(message)));
            assertThat(result.getValid()).as(message.topic().wireName()).isTrue();
        }
    }

    @Test
    void publishedSchemasRejectPausedAndBlockingTypeListsWhichIsWhyTheyAreRepaired() throws IOException {
        OutputUnit state = publishedValidator(Topic.STATE)
                .validate(new JsonObject(Vda5050Json.mapper().writeValueAsString(SampleMessages.state())));
        OutputUnit factsheet = publishedValidator(Topic.FACTSHEET)
                .validate(new JsonObject(Vda5050Json.mapper().writeValueAsString(SampleMessages.factsheet())));

        assertThat(state.getValid()).isFalse();
        assertThat(state.getErrors()).extracting(OutputUnit::getInstanceLocation).contains("#/actionStates/1/actionStatus");
        assertThat(factsheet.getValid()).isFalse();
        assertThat(factsheet.getErrors()).extracting(OutputUnit::getInstanceLocation)
                .contains("#/protocolFeatures/agvActions/0/blockingTypes",
                        "#/agvGeometry/envelopes3d/0/description");
    }

    @Test
    void loadingFromAFolderWithoutSchemasNamesTheMissingFile(@TempDir Path empty) {
        assertThatThrownBy(() -> Vda5050Schemas.load(empty))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("order")
                .hasMessageContaining(empty.resolve("order.schema.json").toString());
    }

    private static Validator publishedValidator(Topic topic) throws IOException {
        JsonObject schema = new JsonObject(Files.readString(PublishedSchemas.v210().resolve(Vda5050Schemas.fileName(topic))));
        return Validator.create(JsonSchema.of(schema), new JsonSchemaOptions().setDraft(Draft.DRAFT202012)
                .setBaseUri("https://example.test/" + topic.wireName()).setOutputFormat(OutputFormat.Basic));
    }

    private static byte[] classpathBytes(String file) throws IOException {
        try (InputStream in = SchemaFilesTest.class.getResourceAsStream(Vda5050Schemas.RESOURCE_FOLDER + file)) {
            assertThat(in).as(file + " on classpath").isNotNull();
            return in.readAllBytes();
        }
    }
}
