package dev.provingground.documents;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads document bytes exactly and binds a checked tree to records. Numbers are kept as written ({@code 1e400} and
 * {@code 2^70} stay themselves, so a schema bound refuses them instead of seeing Infinity or a wrapped long);
 * {@code NaN}/{@code Infinity} tokens are refused where they stand, duplicate keys and trailing data as malformed. Binding coerces nothing: a
 * string is never read as a number, a float never as an integer, and a field the record does not have is refused.
 */
public final class StrictJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // NaN and Infinity are read so that they are refused where they are (see nonFinite), not as bad JSON.
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private StrictJson() {
    }

    /** The document's tree. @throws DocumentException naming line and column when the bytes are not exact JSON */
    public static JsonNode parse(byte[] json) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            String message = e.getOriginalMessage();
            int hint = message.indexOf(": enable ");
            throw new DocumentException(List.of(new DocumentProblem("",
                    where + "malformed JSON: " + (hint < 0 ? message : message.substring(0, hint)))));
        } catch (IOException e) {
            throw new DocumentException(List.of(new DocumentProblem("", "cannot read: " + e.getMessage())));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new DocumentException(List.of(new DocumentProblem("", "empty document")));
        }
        List<DocumentProblem> nonFinite = new ArrayList<>();
        nonFinite(tree, "", nonFinite);
        if (!nonFinite.isEmpty()) throw new DocumentException(nonFinite);
        return tree;
    }

    /** Every NaN or Infinity in the tree, in document order, where it stands. */
    private static void nonFinite(JsonNode node, String pointer, List<DocumentProblem> found) {
        if (node.isFloatingPointNumber() && !node.isBigDecimal() && !Double.isFinite(node.doubleValue())) {
            found.add(new DocumentProblem(pointer, "must be a finite number, got " + node.asText()));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(f -> nonFinite(f.getValue(), DocumentProblem.child(pointer, f.getKey()), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) nonFinite(node.get(i), pointer + "/" + i, found);
        }
    }

    /**
     * The tree bound to {@code type} (a record whose canonical constructor checks meaning). A constructor's refusal
     * ({@link IllegalArgumentException}) is a problem at the place being bound.
     *
     * @throws DocumentException naming where binding failed
     */
    public static <T> T bind(JsonNode tree, Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new DocumentException(List.of(new DocumentProblem(pointer(e), explain(e))), cause);
        } catch (JsonProcessingException e) {
            throw new DocumentException(List.of(new DocumentProblem("", e.getOriginalMessage())));
        }
    }

    /** Writes a tree or a record as compact JSON. */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) pointer.append(DocumentProblem.child("", ref.getFieldName()));
            else if (ref.getIndex() >= 0) pointer.append('/').append(ref.getIndex());
        }
        return pointer.toString();
    }

    private static String explain(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) return "unknown field";
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
            return cause.getMessage();
        }
        return e.getOriginalMessage();
    }
}
