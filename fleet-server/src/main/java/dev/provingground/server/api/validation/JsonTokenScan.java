package dev.provingground.server.api.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads a JSON text token by token before anything binds it, so nothing is coerced on the way: a number is read
 * exactly (2^70 stays 2^70, 1e400 stays 1e400, never 0 or Infinity) and must lie within {@link #MAX_MAGNITUDE};
 * {@code NaN}/{@code Infinity} tokens, duplicate keys, trailing data and nesting deeper than {@link #MAX_DEPTH} are
 * malformed; a string may not hold control characters (other than
 * newline and tab) or the bidirectional overrides and isolates that make text
 * read differently from what it is (U+202A–U+202E, U+2066–U+2069). Field-level bounds come after, from the schema.
 */
public final class JsonTokenScan {

    /** No field of the API needs a number beyond 10^15 (epoch milliseconds are ~1.8·10^12); a double holds it exactly. */
    public static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1e15");
    public static final int MAX_DEPTH = 32;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxNumberLength(100).build())
            .build();

    /** The first thing wrong with a JSON text: where (an RFC 6901 pointer) and what. */
    public record Problem(String pointer, String message, boolean malformed) {
    }

    private JsonTokenScan() {
    }

    /** The first problem of {@code json}, or null when it is well-formed and every scalar is acceptable. */
    public static Problem scan(byte[] json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken token = parser.nextToken();
            if (token == null) return new Problem("", "the body is empty; a JSON value is required", true);
            while (true) {
                Problem problem = check(parser, token);
                if (problem != null) return problem;
                boolean rootDone = parser.getParsingContext().inRoot() && !token.isStructStart();
                token = parser.nextToken();
                if (rootDone) {
                    if (token != null) return new Problem("", "more than one JSON value in the body", true);
                    break;
                }
                if (token == null) return new Problem("", "the JSON text ends too early", true);
            }
            return null;
        } catch (JsonParseException e) {
            return new Problem(pointer(e.getProcessor()), "malformed JSON: " + e.getOriginalMessage(), true);
        } catch (IOException | RuntimeException e) {
            return new Problem("", "malformed JSON: " + e.getMessage(), true);
        }
    }

    private static Problem check(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                BigDecimal value = parser.getDecimalValue();
                if (value.abs().compareTo(MAX_MAGNITUDE) > 0)
                    return new Problem(pointer(parser), "the number " + abbreviated(parser.getText())
                            + " is out of range (at most 1e15 in magnitude)", false);
            }
            case VALUE_STRING, FIELD_NAME -> {
                String text = parser.getText();
                int bad = firstForbidden(text);
                if (bad >= 0)
                    return new Problem(pointer(parser), String.format("%s holds the character U+%04X, which is not "
                            + "allowed (control characters and bidirectional overrides are refused)",
                            token == JsonToken.FIELD_NAME ? "a field name" : "the text", (int) text.charAt(bad)), false);
            }
            default -> {
            }
        }
        return null;
    }

    static int firstForbidden(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
                return i;
        }
        return -1;
    }

    private static String pointer(JsonParser parser) {
        if (parser == null) return "";
        try {
            return parser.getParsingContext().pathAsPointer().toString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String pointer(Object processor) {
        return processor instanceof JsonParser parser ? pointer(parser) : "";
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
