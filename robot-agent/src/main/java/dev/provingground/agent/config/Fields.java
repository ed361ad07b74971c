package dev.provingground.agent.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashSet;
import java.util.Set;

/**
 * Reads one JSON object of the configuration, with defaults, naming the full path of a setting in every error. Keys
 * nobody asked for are an error too ({@link #finish}): a misspelt setting would otherwise silently keep its default.
 */
final class Fields {

    private final JsonObject json;
    private final String path;
    private final Set<String> read = new HashSet<>();

    Fields(JsonObject json, String path) {
        this.json = json == null ? new JsonObject() : json;
        this.path = path;
    }

    private String name(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private Object raw(String key) {
        read.add(key);
        return json.getValue(key);
    }

    String text(String key, String fallback) {
        Object v = raw(key);
        if (v == null) return fallback;
        if (!(v instanceof String s)) throw new ConfigException(name(key) + " must be a string, got " + v);
        return s;
    }

    String requiredText(String key) {
        String v = text(key, null);
        if (v == null || v.isBlank()) throw new ConfigException(name(key) + " is required");
        return v;
    }

    double number(String key, double fallback) {
        Object v = raw(key);
        if (v == null) return fallback;
        if (!(v instanceof Number n)) throw new ConfigException(name(key) + " must be a number, got " + v);
        return n.doubleValue();
    }

    double positive(String key, double fallback) {
        double v = number(key, fallback);
        if (!(v > 0)) throw new ConfigException(name(key) + " must be > 0, got " + v);
        return v;
    }

    int integer(String key, int fallback, int min, int max) {
        Object v = raw(key);
        if (v == null) return fallback;
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()))
            throw new ConfigException(name(key) + " must be a whole number, got " + v);
        if (n.longValue() < min || n.longValue() > max)
            throw new ConfigException(name(key) + " must be between " + min + " and " + max + ", got " + v);
        return n.intValue();
    }

    boolean flag(String key, boolean fallback) {
        Object v = raw(key);
        if (v == null) return fallback;
        if (!(v instanceof Boolean b)) throw new ConfigException(name(key) + " must be true or false, got " + v);
        return b;
    }

    Fields object(String key) {
        Object v = raw(key);
        if (v != null && !(v instanceof JsonObject)) throw new ConfigException(name(key) + " must be an object, got " + v);
        return new Fields((JsonObject) v, name(key));
    }

    JsonObject rawObject(String key) {
        Object v = raw(key);
        if (v == null) return null;
        if (!(v instanceof JsonObject o)) throw new ConfigException(name(key) + " must be an object, got " + v);
        return o;
    }

    JsonArray array(String key) {
        Object v = raw(key);
        if (v == null) return new JsonArray();
        if (!(v instanceof JsonArray a)) throw new ConfigException(name(key) + " must be a list, got " + v);
        return a;
    }

    boolean has(String key) {
        return json.containsKey(key);
    }

    Set<String> keys() {
        return json.fieldNames();
    }

    String path() {
        return path;
    }

    String path(String key) {
        return name(key);
    }

    /** Fails on every key that no reader asked for. */
    void finish() {
        for (String key : json.fieldNames())
            if (!read.contains(key)) throw new ConfigException("unknown setting " + name(key)
                    + " (./proving-ground agent --help lists every setting)");
    }
}
