package dev.provingground.vda5050;

import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The property names of one topic's schema whose value the schema constrains by its JSON type alone, wherever the
 * name occurs: {@code agvPosition.x} is any number, {@code lastNodeId} any string, {@code driving} any boolean. A
 * message that validated stays valid with such a value replaced by another of the same type, which is what lets
 * {@link ValidatedShapes} treat a robot's state at another place, speed or charge as the same shape.
 *
 * <p>Only schemas written with the keywords listed here are read; a schema using any other (a combinator such as
 * {@code oneOf}, {@code if}, {@code additionalProperties}, a pattern...) could tie a value to another, so it yields no
 * name at all and every message of its topic is validated by its exact bytes.
 */
final class TypeOnlyProperties {

    /** Keywords that say nothing about a value: text for people, and the VDA 5050 schemas' own annotations. */
    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "examples", "$comment", "unit");
    /** Every keyword the reading below understands; any other in a schema makes it yield no name. */
    private static final Set<String> UNDERSTOOD = Set.of("$schema", "$id", "subtopic", "title", "description",
            "examples", "$comment", "unit", "type", "properties", "required", "items", "enum", "minimum", "maximum",
            "format", "definitions", "$ref");
    private static final Set<String> SCALAR_TYPES = Set.of("number", "integer", "string", "boolean");

    /** Property name to the JSON type its every occurrence allows, with nothing more asked of the value. */
    private final Map<String, String> typeByName;

    private TypeOnlyProperties(Map<String, String> typeByName) {
        this.typeByName = Map.copyOf(typeByName);
    }

    static TypeOnlyProperties of(JsonObject schema) {
        Map<String, String> occurrences = new HashMap<>();
        if (!read(schema, occurrences)) return new TypeOnlyProperties(Map.of());
        Map<String, String> typeOnly = new TreeMap<>();
        occurrences.forEach((name, type) -> {
            if (!type.isEmpty()) typeOnly.put(name, type);
        });
        return new TypeOnlyProperties(typeOnly);
    }

    /** The names whose values are constrained by {@code type} ({@code number}, {@code integer}, ...) alone. */
    Set<String> names(String type) {
        return typeByName.entrySet().stream().filter(e -> e.getValue().equals(type)).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Reads the subschema {@code schema}: every property it declares is noted with its type when the type is all its
     * subschema asks, or with "" (constrained otherwise) for good. False when the schema uses a keyword not understood.
     */
    private static boolean read(JsonObject schema, Map<String, String> occurrences) {
        for (String keyword : schema.fieldNames()) if (!UNDERSTOOD.contains(keyword)) return false;
        if (schema.getValue("properties") instanceof JsonObject properties) {
            for (String name : properties.fieldNames()) {
                if (!(properties.getValue(name) instanceof JsonObject property)) return false;
                String type = typeOnly(property);
                occurrences.merge(name, type, (a, b) -> a.equals(b) ? a : "");
                if (!read(property, occurrences)) return false;
            }
        } else if (schema.containsKey("properties")) {
            return false;
        }
        Object items = schema.getValue("items");
        if (items instanceof JsonObject itemSchema) {
            if (!read(itemSchema, occurrences)) return false;
        } else if (items != null) {
            return false;
        }
        Object definitions = schema.getValue("definitions");
        if (definitions instanceof JsonObject defs) {
            for (String name : defs.fieldNames()) {
                if (!(defs.getValue(name) instanceof JsonObject definition) || !read(definition, occurrences)) return false;
            }
        } else if (definitions != null) {
            return false;
        }
        return true;
    }

    /** The scalar type {@code property} asks for when that is all it asks; "" otherwise. */
    private static String typeOnly(JsonObject property) {
        if (!(property.getValue("type") instanceof String type) || !SCALAR_TYPES.contains(type)) return "";
        for (String keyword : property.fieldNames())
            if (!keyword.equals("type") && !ANNOTATIONS.contains(keyword)) return "";
        return type;
    }

    @Override
    public String toString() {
        return typeByName.toString();
    }
}
