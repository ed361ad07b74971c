package dev.provingground.vda5050;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Repairs known defects of the published VDA 5050 2.1.0 schemas in memory, where the specification text
 * wins over the schema. The copied schema files stay byte-for-byte as published (MIT licence, provenance);
 * each repair is a no-op once the defect is fixed upstream.
 */
final class SchemaDefects {

    private SchemaDefects() {
    }

    static void repair(Topic topic, JsonObject schema) {
        switch (topic) {
            case STATE -> addPausedActionStatus(schema);
            case FACTSHEET -> {
                envelope3dDescriptionIsString(schema);
                addAngularSpeedLimits(schema);
                blockingTypesEnumAppliesToItems(schema);
            }
            default -> {
                // order, instantActions, connection and visualization are used as published.
            }
        }
    }

    /** The text lists PAUSED among the action states (paused by instant action); the schema forgot it. */
    private static void addPausedActionStatus(JsonObject schema) {
        JsonObject actionStatus = at(schema, "properties", "actionStates", "items", "properties", "actionStatus");
        if (actionStatus != null && actionStatus.getValue("enum") instanceof JsonArray values
                && !values.contains("PAUSED")) {
            values.add("PAUSED");
        }
    }

    /** A free-text description typed integer in the schema; the text says string. */
    private static void envelope3dDescriptionIsString(JsonObject schema) {
        JsonObject description = at(schema, "properties", "agvGeometry", "properties", "envelopes3d", "items",
                "properties", "description");
        if (description != null) {
            description.put("type", "string");
        }
    }

    /** The text lists angularSpeedMin/Max (rad/s) in physicalParameters; the schema omits them. */
    private static void addAngularSpeedLimits(JsonObject schema) {
        JsonObject properties = at(schema, "properties", "physicalParameters", "properties");
        if (properties != null) {
            for (String name : new String[] {"angularSpeedMin", "angularSpeedMax"}) {
                if (!properties.containsKey(name)) {
                    properties.put(name, new JsonObject().put("type", "number").put("unit", "rad/s"));
                }
            }
        }
    }

    /**
     * blockingTypes is an array but carries its enum at array level, so no array could ever match; the enum
     * is meant for the items.
     */
    private static void blockingTypesEnumAppliesToItems(JsonObject schema) {
        JsonObject blockingTypes = at(schema, "properties", "protocolFeatures", "properties", "agvActions", "items",
                "properties", "blockingTypes");
        if (blockingTypes != null && "array".equals(blockingTypes.getValue("type"))
                && blockingTypes.getValue("enum") instanceof JsonArray values && !blockingTypes.containsKey("items")) {
            blockingTypes.remove("enum");
            blockingTypes.put("items", new JsonObject().put("type", "string").put("enum", values));
        }
    }

    private static JsonObject at(JsonObject root, String... keys) {
        JsonObject current = root;
        for (String key : keys) {
            if (!(current.getValue(key) instanceof JsonObject next)) {
                return null;
            }
            current = next;
        }
        return current;
    }
}
