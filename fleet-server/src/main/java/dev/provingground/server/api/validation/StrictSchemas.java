package dev.provingground.server.api.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the OpenAPI document's schemas into the strict form requests are checked against: every {@code $ref} to
 * {@code #/components/schemas/X} inlined, and what the document leaves open closed by default — an object that lists
 * its properties refuses others ({@code additionalProperties: false}); a string has at most
 * {@link #DEFAULT_MAX_LENGTH} characters, and one named like an id ({@link #ID_FIELDS}) follows {@link IdGrammar};
 * a number lies within ±{@link #DEFAULT_NUMBER_BOUND} and an integer within ±2^53−1. A schema's own keywords
 * ({@code additionalProperties}, {@code maxLength}, {@code pattern}, {@code enum}, {@code minimum}...) win.
 * Pure: maps and lists in, maps and lists out.
 */
public final class StrictSchemas {

    public static final int DEFAULT_MAX_LENGTH = 4096;
    public static final double DEFAULT_NUMBER_BOUND = 1e9;
    public static final long MAX_INTEGER = 9_007_199_254_740_991L;
    /** Property names whose string values are ids of something. */
    public static final Set<String> ID_FIELDS = Set.of("id", "site", "level", "firm", "profile", "mapId", "waypoint",
            "robot", "nodeId", "orderId", "actionId", "zone", "charger");
    private static final String REF_PREFIX = "#/components/schemas/";

    private final Map<String, Object> components;

    public StrictSchemas(Map<String, Object> componentSchemas) {
        this.components = componentSchemas;
    }

    /** The strict form of {@code schema}, found under a property called {@code propertyName} (null at the top). */
    public Object strict(Object schema, String propertyName) {
        return strict(schema, propertyName, 0);
    }

    @SuppressWarnings("unchecked")
    private Object strict(Object schema, String propertyName, int depth) {
        if (depth > 64) throw new IllegalStateException("schema nests too deep (a $ref cycle?) at " + propertyName);
        if (!(schema instanceof Map<?, ?> raw)) return schema;
        Map<String, Object> node = (Map<String, Object>) raw;
        if (node.get("$ref") instanceof String ref) {
            if (!ref.startsWith(REF_PREFIX) || !components.containsKey(ref.substring(REF_PREFIX.length())))
                throw new IllegalStateException("unresolvable $ref " + ref);
            return strict(components.get(ref.substring(REF_PREFIX.length())), propertyName, depth + 1);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (var entry : node.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            out.put(key, switch (key) {
                case "properties" -> properties((Map<String, Object>) value, depth);
                case "items", "additionalProperties", "not" -> strict(value, null, depth + 1);
                case "anyOf", "oneOf", "allOf", "prefixItems" -> each((List<Object>) value, propertyName, depth);
                default -> value;
            });
        }
        if (out.containsKey("properties")) out.putIfAbsent("additionalProperties", false);
        boolean open = out.containsKey("enum") || out.containsKey("const");
        if (hasType(out, "string") && !open) {
            if (propertyName != null && ID_FIELDS.contains(propertyName) && !out.containsKey("pattern")) {
                out.put("pattern", IdGrammar.REGEX);
                out.putIfAbsent("maxLength", IdGrammar.MAX_LENGTH);
            }
            out.putIfAbsent("maxLength", DEFAULT_MAX_LENGTH);
        }
        if (hasType(out, "integer")) bounds(out, MAX_INTEGER);
        else if (hasType(out, "number")) bounds(out, DEFAULT_NUMBER_BOUND);
        return out;
    }

    private Map<String, Object> properties(Map<String, Object> properties, int depth) {
        Map<String, Object> out = new LinkedHashMap<>();
        properties.forEach((name, schema) -> out.put(name, strict(schema, name, depth + 1)));
        return out;
    }

    private List<Object> each(List<Object> schemas, String propertyName, int depth) {
        List<Object> out = new ArrayList<>();
        for (Object schema : schemas) out.add(strict(schema, propertyName, depth + 1));
        return out;
    }

    private static void bounds(Map<String, Object> node, Number bound) {
        if (!node.containsKey("minimum") && !node.containsKey("exclusiveMinimum"))
            node.put("minimum", bound instanceof Long l ? (Object) (-l) : (Object) (-bound.doubleValue()));
        if (!node.containsKey("maximum") && !node.containsKey("exclusiveMaximum")) node.put("maximum", bound);
    }

    private static boolean hasType(Map<String, Object> node, String type) {
        Object declared = node.get("type");
        return type.equals(declared) || (declared instanceof List<?> types && types.contains(type));
    }
}
