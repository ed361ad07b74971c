package dev.provingground.vda5050;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads one JSON value of a given type, failing with the value's path when it has another type. */
@FunctionalInterface
interface JsonValueReader<T> {

    T read(JsonNode value, JsonPath path, DecodeContext context);

    JsonValueReader<String> STRING = (value, path, context) -> {
        if (!value.isTextual()) {
            throw wrongType(context, path, "string", value);
        }
        return value.textValue();
    };

    JsonValueReader<Double> NUMBER = (value, path, context) -> {
        if (!value.isNumber()) {
            throw wrongType(context, path, "number", value);
        }
        return finite(value, path, context);
    };

    /** JSON Schema integers: any number without a fractional part (so {@code 3.0} counts), within 64 bits. */
    JsonValueReader<Long> INTEGER = (value, path, context) -> {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isFloatingPointNumber()) {
            double d = value.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 0x1p63) {
                return (long) d;
            }
        }
        if (value.isIntegralNumber()) {
            throw Vda5050DecodeException.invalid(context.subject(), path,
                    "expected integer within 64 bits but got number " + value.asText());
        }
        throw wrongType(context, path, "integer", value);
    };

    JsonValueReader<Boolean> BOOLEAN = (value, path, context) -> {
        if (!value.isBoolean()) {
            throw wrongType(context, path, "boolean", value);
        }
        return value.booleanValue();
    };

    /** ISO 8601 date-time with any fractional-second precision and any UTC offset. */
    JsonValueReader<Instant> TIMESTAMP = (value, path, context) -> {
        if (!value.isTextual()) {
            throw wrongType(context, path, "ISO 8601 date-time string", value);
        }
        Instant plain = UtcTimestamps.parse(value.textValue());
        if (plain != null) {
            return plain;
        }
        try {
            return OffsetDateTime.parse(value.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw Vda5050DecodeException.invalid(context.subject(), path,
                    "expected ISO 8601 date-time with UTC offset (e.g. 2026-11-22T03:47:46.123Z) but got "
                            + describe(value));
        }
    };

    static <E extends Enum<E>> JsonValueReader<E> enumOf(Class<E> type) {
        EnumNames<E> names = EnumNames.of(type);
        return (value, path, context) -> {
            if (!value.isTextual()) {
                throw wrongType(context, path, "string", value);
            }
            E constant = names.get(value.textValue());
            if (constant == null) {
                throw Vda5050DecodeException.invalid(context.subject(), path,
                        "unknown value " + describe(value) + ", expected one of " + names.list());
            }
            return constant;
        };
    }

    /**
     * The number as a double, refused when it is not finite: {@code 1e400} parses to infinity, and an integer of
     * more than 308 digits too; neither is a quantity any robot measures.
     */
    static double finite(JsonNode value, JsonPath path, DecodeContext context) {
        double d = value.doubleValue();
        if (!Double.isFinite(d)) {
            throw Vda5050DecodeException.outOfBounds(context.subject(), path,
                    "number is not finite (too large for a 64-bit floating-point number)");
        }
        return d;
    }

    static Vda5050DecodeException wrongType(DecodeContext context, JsonPath path, String expected, JsonNode value) {
        return Vda5050DecodeException.invalid(context.subject(), path,
                "expected " + expected + " but got " + describe(value));
    }

    /** {@code string "full"}, {@code number 3.5}, {@code boolean true}, {@code null}, {@code object}, {@code array}. */
    static String describe(JsonNode value) {
        if (value.isTextual()) {
            String text = value.textValue();
            if (text.length() > 60) {
                text = text.substring(0, 57) + "...";
            }
            return "string \"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (value.isNumber()) {
            return "number " + value.asText();
        }
        if (value.isBoolean()) {
            return "boolean " + value.asText();
        }
        if (value.isNull()) {
            return "null";
        }
        if (value.isArray()) {
            return "array";
        }
        if (value.isObject()) {
            return "object";
        }
        return value.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** Free-form JSON as String, Boolean, Long, Double, List and Map (null allowed inside containers). */
    static Object toJava(JsonNode value, JsonPath path, DecodeContext context) {
        switch (value.getNodeType()) {
            case STRING:
                return value.textValue();
            case BOOLEAN:
                return value.booleanValue();
            case NULL:
                return null;
            case NUMBER:
                if (value.isIntegralNumber() && value.canConvertToLong()) {
                    return value.longValue();
                }
                return finite(value, path, context);
            case ARRAY: {
                List<Object> list = new ArrayList<>(value.size());
                for (int i = 0; i < value.size(); i++) {
                    list.add(toJava(value.get(i), path.element(i), context));
                }
                return Collections.unmodifiableList(list);
            }
            case OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    map.put(field.getKey(), toJava(field.getValue(), path.child(field.getKey()), context));
                }
                return Collections.unmodifiableMap(map);
            }
            default:
                throw wrongType(context, path, "JSON value", value);
        }
    }
}
