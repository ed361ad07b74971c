package dev.provingground.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads fields of a JSON object by path, failing with {@link InvalidFieldException} that names the full path
 * (for example {@code service.kind}) and the offending JSON text.
 */
final class ProfileFields {

    private final JsonNode node;
    private final String path;

    private ProfileFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The object at {@code path}; {@code path} is empty for the document root. */
    static ProfileFields object(JsonNode node, String path) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new InvalidFieldException(path, "required");
        }
        if (!node.isObject()) {
            throw new InvalidFieldException(displayPath(path), "must be a JSON object, got " + node);
        }
        return new ProfileFields(node, path);
    }

    /** Rejects fields not in {@code allowed}, so that a misspelt field is not silently ignored. */
    ProfileFields allowOnly(Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidFieldException(child(name), "unknown field; allowed here: "
                        + allowed.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
        return this;
    }

    JsonNode required(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new InvalidFieldException(child(name), "required");
        }
        return value;
    }

    boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    String text(String name) {
        JsonNode value = required(name);
        if (!value.isTextual()) {
            throw new InvalidFieldException(child(name), "must be a string, got " + value);
        }
        if (value.asText().isBlank()) {
            throw new InvalidFieldException(child(name), "must not be blank");
        }
        return value.asText();
    }

    double number(String name) {
        JsonNode value = required(name);
        if (!value.isNumber()) {
            throw new InvalidFieldException(child(name), "must be a number, got " + value);
        }
        return value.asDouble();
    }

    Double optionalNumber(String name) {
        return has(name) ? number(name) : null;
    }

    boolean bool(String name) {
        JsonNode value = required(name);
        if (!value.isBoolean()) {
            throw new InvalidFieldException(child(name), "must be true or false, got " + value);
        }
        return value.asBoolean();
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String text = text(name);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        throw new InvalidFieldException(child(name), "unknown value \"" + text + "\"; expected one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    /** The elements of the array {@code name}, each as an object with its own path. */
    List<ProfileFields> objects(String name) {
        JsonNode value = required(name);
        if (!value.isArray()) {
            throw new InvalidFieldException(child(name), "must be a JSON array, got " + value);
        }
        List<ProfileFields> elements = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            elements.add(object(value.get(i), child(name) + "[" + i + "]"));
        }
        return elements;
    }

    JsonNode node() {
        return node;
    }

    /** Path of this object inside the profile; empty for the document root. */
    String path() {
        return path;
    }

    String child(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String displayPath(String path) {
        return path.isEmpty() ? "(document)" : path;
    }
}
