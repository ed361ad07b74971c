package dev.provingground.vda5050;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Typed, path-aware access to the fields of one JSON object during decoding. Absent fields and JSON null are
 * the same for optional fields (null, or an empty list); a required field that is absent is reported as
 * missing, one of the wrong type as such, each with its JSON path.
 */
final class MessageFields {

    static final boolean REQUIRED = true;
    static final boolean OPTIONAL = false;

    private final JsonNode object;
    private final JsonPath path;
    private final DecodeContext context;

    MessageFields(JsonNode object, JsonPath path, DecodeContext context) {
        this.object = object;
        this.path = path;
        this.context = context;
    }

    /** True when the message follows the 2.0.0 schemas. */
    boolean legacy() {
        return context.legacy();
    }

    boolean has(String name) {
        JsonNode value = object.get(name);
        return value != null && !value.isNull();
    }

    String string(String name, boolean required) {
        JsonNode value = value(name, required);
        return value == null ? null : JsonValueReader.STRING.read(value, pathOf(name), context);
    }

    /** A string, also accepting a number where a published schema wrongly typed a free-text field. */
    String text(String name, boolean required) {
        JsonNode value = value(name, required);
        if (value != null && value.isNumber()) {
            return value.asText();
        }
        return value == null ? null : JsonValueReader.STRING.read(value, pathOf(name), context);
    }

    /** A whole number of at least 0: VDA 5050 has no negative integer field (ids, counters, lengths). */
    Long integer(String name, boolean required) {
        JsonNode value = value(name, required);
        if (value == null) {
            return null;
        }
        long number = JsonValueReader.INTEGER.read(value, pathOf(name), context);
        if (number < 0) {
            throw Vda5050DecodeException.outOfBounds(context.subject(), pathOf(name),
                    "integer " + number + " is negative, expected 0 or more");
        }
        return number;
    }

    long integerOrZero(String name, boolean required) {
        Long value = integer(name, required);
        return value == null ? 0L : value;
    }

    /** A finite number within the field's bounds ({@link NumberBounds}); anything else is refused. */
    Double number(String name, boolean required) {
        JsonNode value = value(name, required);
        if (value == null) {
            return null;
        }
        double number = JsonValueReader.NUMBER.read(value, pathOf(name), context);
        NumberBounds.Range range = NumberBounds.of(name);
        if (!range.contains(number)) {
            throw Vda5050DecodeException.outOfBounds(context.subject(), pathOf(name),
                    "number " + number + " is outside " + range);
        }
        return number;
    }

    Boolean bool(String name, boolean required) {
        JsonNode value = value(name, required);
        return value == null ? null : JsonValueReader.BOOLEAN.read(value, pathOf(name), context);
    }

    /** A date-time between {@link NumberBounds#EARLIEST} and {@link NumberBounds#LATEST}. */
    Instant timestamp(String name, boolean required) {
        JsonNode value = value(name, required);
        if (value == null) {
            return null;
        }
        Instant time = JsonValueReader.TIMESTAMP.read(value, pathOf(name), context);
        if (!NumberBounds.isPlausibleTime(time)) {
            throw Vda5050DecodeException.outOfBounds(context.subject(), pathOf(name),
                    "time " + value.textValue() + " is not between " + NumberBounds.EARLIEST + " and "
                            + NumberBounds.LATEST);
        }
        return time;
    }

    <E extends Enum<E>> E enumValue(String name, boolean required, Class<E> type) {
        return value(name, required, JsonValueReader.enumOf(type));
    }

    <T> T value(String name, boolean required, JsonValueReader<T> reader) {
        JsonNode value = value(name, required);
        return value == null ? null : reader.read(value, pathOf(name), context);
    }

    /** Any JSON value but null, as String, Boolean, Long, Double, List or Map. */
    Object any(String name, boolean required) {
        JsonNode value = value(name, required);
        if (value == null) {
            return null;
        }
        if (value.isNull()) {
            throw Vda5050DecodeException.invalid(context.subject(), pathOf(name),
                    "expected array, boolean, number, string or object but got null");
        }
        return JsonValueReader.toJava(value, pathOf(name), context);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> anyObject(String name, boolean required) {
        JsonNode value = value(name, required);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw JsonValueReader.wrongType(context, pathOf(name), "object", value);
        }
        return (Map<String, Object>) JsonValueReader.toJava(value, pathOf(name), context);
    }

    <T> T object(String name, boolean required, Function<MessageFields, T> reader) {
        JsonNode value = value(name, required);
        if (value == null) {
            return null;
        }
        JsonPath valuePath = pathOf(name);
        if (!value.isObject()) {
            throw JsonValueReader.wrongType(context, valuePath, "object", value);
        }
        return reader.apply(new MessageFields(value, valuePath, context));
    }

    /** An array of objects; absent optional arrays give an empty list. */
    <T> List<T> objects(String name, boolean required, Function<MessageFields, T> reader) {
        return list(name, required, (element, elementPath, ctx) -> {
            if (!element.isObject()) {
                throw JsonValueReader.wrongType(ctx, elementPath, "object", element);
            }
            return reader.apply(new MessageFields(element, elementPath, ctx));
        });
    }

    /** An array of plain values; absent optional arrays give an empty list. */
    <T> List<T> list(String name, boolean required, JsonValueReader<T> reader) {
        JsonNode value = value(name, required);
        if (value == null) {
            return List.of();
        }
        JsonPath valuePath = pathOf(name);
        if (!value.isArray()) {
            throw JsonValueReader.wrongType(context, valuePath, "array", value);
        }
        if (value.isEmpty()) {
            return List.of();
        }
        List<T> result = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            result.add(reader.read(value.get(i), valuePath.element(i), context));
        }
        return Collections.unmodifiableList(result);
    }

    JsonPath pathOf(String name) {
        return path.child(name);
    }

    /** The field's node, or null when absent (or JSON null and optional); throws when required and absent. */
    private JsonNode value(String name, boolean required) {
        JsonNode value = object.get(name);
        if (value == null) {
            if (required) {
                throw Vda5050DecodeException.missing(context.subject(), pathOf(name));
            }
            return null;
        }
        if (value.isNull() && !required) {
            return null;
        }
        return value;
    }
}
