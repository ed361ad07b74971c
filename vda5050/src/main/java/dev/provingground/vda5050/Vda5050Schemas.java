package dev.provingground.vda5050;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The VDA 5050 2.1.0 JSON schemas (draft 2020-12, validated with vertx-json-schema), one per topic, with
 * the known schema defects repaired (see {@link SchemaDefects}). The custom {@code subtopic} and {@code unit}
 * keywords are unknown to the validator and ignored. Thread-safe.
 */
public final class Vda5050Schemas {

    /** Classpath folder of the copied schema files, named {@code <topic wire name>.schema.json}. */
    public static final String RESOURCE_FOLDER = "/dev/provingground/vda5050/schema/2.1.0/";

    private static final Pattern SUMMARY = Pattern.compile(
            "A sub-?schema had errors|Property \".*\" does not match schema|Items did not match schema");

    private static final String BASE_URI = "https://provingground.dev/vda5050/schema/2.1.0/";

    private final Map<Topic, Validator> validators;
    private final Map<Topic, TypeOnlyProperties> typeOnly;

    private Vda5050Schemas(Map<Topic, Validator> validators, Map<Topic, TypeOnlyProperties> typeOnly) {
        this.validators = validators;
        this.typeOnly = typeOnly;
    }

    /** The schemas bundled with this module. */
    public static Vda5050Schemas fromClasspath() {
        Map<Topic, Validator> validators = new EnumMap<>(Topic.class);
        Map<Topic, TypeOnlyProperties> typeOnly = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            String resource = RESOURCE_FOLDER + fileName(topic);
            try (InputStream in = Vda5050Schemas.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("VDA 5050 schema for topic " + topic.wireName()
                            + " missing from the classpath at " + resource);
                }
                JsonObject schema = repaired(topic, resource, in.readAllBytes());
                // Read before the validator is made of it: the validator marks up the schema it is given.
                typeOnly.put(topic, TypeOnlyProperties.of(schema));
                validators.put(topic, validator(topic, schema));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read VDA 5050 schema " + resource, e);
            }
        }
        return new Vda5050Schemas(validators, typeOnly);
    }

    /** Schemas read from a folder holding {@code order.schema.json}, {@code state.schema.json} and so on. */
    public static Vda5050Schemas load(Path folder) {
        Map<Topic, Validator> validators = new EnumMap<>(Topic.class);
        Map<Topic, TypeOnlyProperties> typeOnly = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            Path file = folder.resolve(fileName(topic));
            try {
                JsonObject schema = repaired(topic, file.toString(), Files.readAllBytes(file));
                // Read before the validator is made of it: the validator marks up the schema it is given.
                typeOnly.put(topic, TypeOnlyProperties.of(schema));
                validators.put(topic, validator(topic, schema));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read VDA 5050 schema for topic " + topic.wireName()
                        + " from " + file, e);
            }
        }
        return new Vda5050Schemas(validators, typeOnly);
    }

    public static String fileName(Topic topic) {
        return topic.wireName() + ".schema.json";
    }

    /** Every schema error of a JSON document (UTF-8) on {@code topic}; empty when it conforms. */
    public List<SchemaViolation> validate(Topic topic, byte[] json) {
        Objects.requireNonNull(topic, "topic");
        JsonObject document;
        try {
            document = new JsonObject(Buffer.buffer(json));
        } catch (DecodeException | ClassCastException e) {
            return List.of(new SchemaViolation("", "not a JSON object: " + e.getMessage()));
        }
        return validate(topic, document);
    }

    public List<SchemaViolation> validate(Topic topic, JsonObject document) {
        OutputUnit result = validators.get(topic).validate(document);
        if (Boolean.TRUE.equals(result.getValid())) {
            return List.of();
        }
        List<OutputUnit> units = result.getErrors() == null ? List.of(result) : result.getErrors();
        List<SchemaViolation> violations = new ArrayList<>();
        for (OutputUnit unit : units) {
            if (!isWrapper(unit)) {
                violations.add(new SchemaViolation(pointer(unit.getInstanceLocation()), unit.getError()));
            }
        }
        if (violations.isEmpty()) {
            for (OutputUnit unit : units) {
                violations.add(new SchemaViolation(pointer(unit.getInstanceLocation()), unit.getError()));
            }
        }
        return List.copyOf(violations);
    }

    /** Per topic, the properties whose values the schema constrains by their JSON type alone. */
    Map<Topic, TypeOnlyProperties> typeOnlyProperties() {
        return typeOnly;
    }

    private static JsonObject repaired(Topic topic, String source, byte[] bytes) {
        JsonObject schema;
        try {
            schema = new JsonObject(new String(bytes, StandardCharsets.UTF_8));
        } catch (DecodeException e) {
            throw new IllegalStateException("VDA 5050 schema " + source + " is not valid JSON: " + e.getMessage(), e);
        }
        SchemaDefects.repair(topic, schema);
        return schema;
    }

    private static Validator validator(Topic topic, JsonObject schema) {
        JsonSchemaOptions options = new JsonSchemaOptions()
                .setDraft(Draft.DRAFT202012)
                .setBaseUri(BASE_URI + fileName(topic))
                .setOutputFormat(OutputFormat.Basic);
        return Validator.create(JsonSchema.of(schema), options);
    }

    /**
     * Summaries ("a $ref'd schema failed", "property x does not match", "items did not match") only say that
     * something below failed; the real error is listed beside them, so they are left out.
     */
    private static boolean isWrapper(OutputUnit unit) {
        String error = unit.getError();
        return error != null && SUMMARY.matcher(error).matches();
    }

    /** The validator reports "#/a/b"; an RFC 6901 pointer is "/a/b" (and "" for the document). */
    private static String pointer(String instanceLocation) {
        if (instanceLocation == null) {
            return "";
        }
        return instanceLocation.startsWith("#") ? instanceLocation.substring(1) : instanceLocation;
    }
}
