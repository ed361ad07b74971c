package dev.provingground.site;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Typed access to the fields of one JSON object that records a problem, with the field's path, for
 * every field that is missing or of the wrong type. Getters return {@code null} after recording such a
 * problem so that the caller can keep reading and report everything in one go.
 */
final class SiteFields {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private final JsonNode object;
    private final String path;
    private final Problems problems;

    private SiteFields(JsonNode object, String path, Problems problems) {
        this.object = object;
        this.path = path;
        this.problems = problems;
    }

    /** The fields of {@code node}, or {@code null} (problem recorded) when it is not a JSON object. */
    static SiteFields of(JsonNode node, String path, Problems problems) {
        if (node == null || !node.isObject()) {
            problems.add(path, "expected a JSON object, found " + describe(node));
            return null;
        }
        return new SiteFields(node, path, problems);
    }

    static String child(String parent, String field) {
        String key = PLAIN_KEY.matcher(field).matches() ? field : "[" + quote(field) + "]";
        if (parent.isEmpty()) {
            return key;
        }
        return key.startsWith("[") ? parent + key : parent + "." + key;
    }

    static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A short rendering of a JSON value for error messages. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isTextual()) {
            String text = node.textValue();
            return quote(text.length() > 40 ? text.substring(0, 40) + "…" : text);
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        return node.toString();
    }

    String path() {
        return path;
    }

    String pathOf(String field) {
        return child(path, field);
    }

    /** Records a problem for every field not in {@code known}: a misspelt optional field would otherwise be silently ignored. */
    void rejectUnknownFields(Set<String> known) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(pathOf(name), "unknown field (expected one of " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    private JsonNode present(String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private JsonNode required(String field) {
        JsonNode value = present(field);
        if (value == null) {
            problems.add(pathOf(field), "missing required field");
        }
        return value;
    }

    String requiredText(String field) {
        return text(field, required(field));
    }

    String optionalText(String field) {
        return text(field, present(field));
    }

    private String text(String field, JsonNode value) {
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(pathOf(field), "expected a string, found " + describe(value));
            return null;
        }
        if (value.textValue().isBlank()) {
            problems.add(pathOf(field), "must not be blank");
            return null;
        }
        return value.textValue();
    }

    /** Magnitude no number of a site document plausibly has; beyond it sums and areas start to overflow. */
    static final double MAX_MAGNITUDE = 1e9;
    /** Bound of a level-frame coordinate in metres, as for robot positions and zone vertices. */
    static final double MAX_COORDINATE = 1e6;

    Double requiredFiniteNumber(String field) {
        return requiredFiniteNumber(field, -MAX_MAGNITUDE, MAX_MAGNITUDE);
    }

    Double optionalFiniteNumber(String field) {
        return optionalFiniteNumber(field, -MAX_MAGNITUDE, MAX_MAGNITUDE);
    }

    /** A finite number within [min, max]; a problem naming the field and the bounds otherwise. */
    Double requiredFiniteNumber(String field, double min, double max) {
        return within(field, finiteNumber(field, required(field)), min, max);
    }

    Double optionalFiniteNumber(String field, double min, double max) {
        return within(field, finiteNumber(field, present(field)), min, max);
    }

    private Double within(String field, Double number, double min, double max) {
        if (number != null && !(number >= min && number <= max)) {
            problems.add(pathOf(field), "must be between " + min + " and " + max + ", found " + number);
            return null;
        }
        return number;
    }

    private Double finiteNumber(String field, JsonNode value) {
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            problems.add(pathOf(field), "expected a number, found " + describe(value));
            return null;
        }
        double number = value.doubleValue();
        if (!Double.isFinite(number)) {
            problems.add(pathOf(field), "must be a finite number, found " + value.asText());
            return null;
        }
        return number;
    }

    Integer requiredInt(String field) {
        return integer(field, required(field));
    }

    Integer optionalInt(String field) {
        return integer(field, present(field));
    }

    private Integer integer(String field, JsonNode value) {
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problems.add(pathOf(field), "expected an integer, found " + describe(value));
            return null;
        }
        return value.intValue();
    }

    /** The boolean value, {@code fallback} when absent, or {@code null} (problem recorded) when not a boolean. */
    Boolean optionalBoolean(String field, boolean fallback) {
        JsonNode value = present(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            problems.add(pathOf(field), "expected true or false, found " + describe(value));
            return null;
        }
        return value.booleanValue();
    }

    List<JsonNode> requiredArray(String field) {
        return array(field, required(field));
    }

    /** The array's elements; empty when the field is absent. */
    List<JsonNode> optionalArray(String field) {
        List<JsonNode> elements = array(field, present(field));
        return elements == null ? List.of() : elements;
    }

    private List<JsonNode> array(String field, JsonNode value) {
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            problems.add(pathOf(field), "expected an array, found " + describe(value));
            return null;
        }
        List<JsonNode> elements = new ArrayList<>();
        value.elements().forEachRemaining(elements::add);
        return elements;
    }

    SiteFields requiredObject(String field) {
        JsonNode value = required(field);
        return value == null ? null : of(value, pathOf(field), problems);
    }

    SiteFields optionalObject(String field) {
        JsonNode value = present(field);
        return value == null ? null : of(value, pathOf(field), problems);
    }

    /** The object's entries in document order. */
    List<Map.Entry<String, JsonNode>> entries() {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        object.fields().forEachRemaining(entries::add);
        return entries;
    }
}
