package dev.provingground.vda5050;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads of the values a {@link JsonParser} passes, with the rules of {@link MessageFields} and
 * {@link JsonValueReader}: a value those would accept is read to the same Java value; anything else — null for a
 * required field, a wrong type, a number out of its bounds, a timestamp not in the plain UTC form, an integer
 * beyond 64 bits or written as a float — throws {@link NotCertain} for the tree decoder to decide. Field names are
 * compared as Jackson hands them over (canonical strings), so passing a field builds no text.
 */
final class StreamedFields {

    private final JsonParser parser;
    private final RecentStrings recentStrings;
    private final CharWindow window = new CharWindow();
    private boolean controlPointWithoutWeight;

    StreamedFields(JsonParser parser, RecentStrings recentStrings) {
        this.parser = parser;
        this.recentStrings = recentStrings;
    }

    /** Moves to the next field of the current object and onto its value; false at the end of the object. */
    boolean nextField() throws IOException {
        if (parser.nextFieldName() == null) {
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw NotCertain.INSTANCE;
            }
            return false;
        }
        parser.nextToken();
        return true;
    }

    /** The name of the field whose value the parser is on. */
    String name() throws IOException {
        return parser.currentName();
    }

    /** Passes over the current value (of a field the record does not have: ignored, as the tree decoder does). */
    void skip() throws IOException {
        parser.skipChildren();
    }

    /**
     * {@code seen} with {@code bit} added; a field seen twice is left to the tree decoder (whose tree keeps the
     * last of duplicate keys).
     */
    static int once(int seen, int bit) {
        if ((seen & bit) != 0) {
            throw NotCertain.INSTANCE;
        }
        return seen | bit;
    }

    /** Gives up unless every field in {@code required} was seen: the tree decoder names the missing one. */
    static void require(int seen, int required) {
        if ((seen & required) != required) {
            throw NotCertain.INSTANCE;
        }
    }

    String string(boolean required) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return recentStrings.of(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        }
        return absent(token, required);
    }

    /** A whole number of 0 or more in at most 64 bits, 0 when an optional one is null. */
    long integerOrZero(boolean required) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            long value = parser.getLongValue();
            if (value < 0) {
                throw NotCertain.INSTANCE;
            }
            return value;
        }
        absent(token, required);
        return 0;
    }

    /** A required finite number within {@code bounds}. */
    double number(NumberBounds.Range bounds) throws IOException {
        double value = finite();
        if (!bounds.contains(value)) {
            throw NotCertain.INSTANCE;
        }
        return value;
    }

    /** An optional finite number within {@code bounds}; null when null. */
    Double optionalNumber(NumberBounds.Range bounds) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        return number(bounds);
    }

    boolean bool() throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (token == JsonToken.VALUE_FALSE) {
            return false;
        }
        throw NotCertain.INSTANCE;
    }

    Boolean optionalBool() throws IOException {
        return parser.currentToken() == JsonToken.VALUE_NULL ? null : bool();
    }

    /** A timestamp in the plain UTC form ({@link UtcTimestamps}) within the plausible range. */
    Instant timestamp(boolean required) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_STRING) {
            return absent(token, required);
        }
        Instant time = UtcTimestamps.parse(text());
        if (time == null || !NumberBounds.isPlausibleTime(time)) {
            throw NotCertain.INSTANCE;
        }
        return time;
    }

    /** A required enum value, named exactly. */
    <E extends Enum<E>> E enumValue(EnumNames<E> names) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw NotCertain.INSTANCE;
        }
        E constant = names.get(text());
        if (constant == null) {
            throw NotCertain.INSTANCE;
        }
        return constant;
    }

    /** The object the parser is on read by {@code reader}; null when an optional one is null. */
    <T> T object(boolean required, StreamedReader<T> reader) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.START_OBJECT) {
            return absent(token, required);
        }
        return reader.read(this);
    }

    /** The array of objects the parser is on, each read by {@code reader}; empty when an optional one is null. */
    <T> List<T> objects(boolean required, StreamedReader<T> reader) throws IOException {
        if (!startArray(required) || parser.nextToken() == JsonToken.END_ARRAY) {
            return List.of();
        }
        List<T> list = new ArrayList<>();
        do {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw NotCertain.INSTANCE;
            }
            list.add(reader.read(this));
        } while (parser.nextToken() != JsonToken.END_ARRAY);
        return list;
    }

    /** The required array of finite numbers the parser is on (no per-field bounds: knot vectors). */
    List<Double> numbers() throws IOException {
        if (!startArray(true) || parser.nextToken() == JsonToken.END_ARRAY) {
            return List.of();
        }
        List<Double> list = new ArrayList<>();
        do {
            list.add(finite());
        } while (parser.nextToken() != JsonToken.END_ARRAY);
        return list;
    }

    /**
     * Notes a trajectory control point without weight, which the 2.0.0 state schema requires: the message's
     * version, known only once it is read, decides whether that is allowed.
     */
    void controlPointWithoutWeight() {
        controlPointWithoutWeight = true;
    }

    boolean sawControlPointWithoutWeight() {
        return controlPointWithoutWeight;
    }

    private boolean startArray(boolean required) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_ARRAY) {
            return true;
        }
        absent(token, required);
        return false;
    }

    /**
     * JSON numbers as the tree decoder reads them: ints and longs exactly, floats to the correctly rounded double
     * (Jackson's {@code getDoubleValue()} when {@link ShortDecimals} cannot read them exactly).
     */
    private double finite() throws IOException {
        JsonToken token = parser.currentToken();
        double value;
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            value = ShortDecimals.parse(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
            if (Double.isNaN(value)) {
                value = parser.getDoubleValue();
            }
        } else if (token == JsonToken.VALUE_NUMBER_INT
                && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            value = parser.getLongValue();
        } else {
            throw NotCertain.INSTANCE;
        }
        if (!Double.isFinite(value)) {
            throw NotCertain.INSTANCE;
        }
        return value;
    }

    /** The current string value without copying it out of the parser. */
    private CharSequence text() throws IOException {
        return window.show(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    }

    /** Null for an optional field that is null; anything else is not the expected type. */
    private static <T> T absent(JsonToken token, boolean required) {
        if (token == JsonToken.VALUE_NULL && !required) {
            return null;
        }
        throw NotCertain.INSTANCE;
    }
}
