package dev.provingground.vda5050;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Lenient, typed decoding: parse to a tree, then read each record with explicit required-field checks
 * (no schema validation on this path; state messages arrive at high rates). State and visualization are first
 * tried on the streaming fast path ({@link StreamingDecoder}); what it leaves takes the tree path.
 */
final class MessageDecoder {

    private final ObjectMapper mapper;
    private final StreamingDecoder streaming;

    MessageDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
        this.streaming = new StreamingDecoder(mapper);
    }

    <T> T decode(Class<T> type, byte[] payload) {
        if (payload == null || payload.length == 0) {
            String subject = subjectOf(type);
            throw new Vda5050DecodeException(Vda5050DecodeException.Kind.MALFORMED_JSON, subject, JsonPaths.ROOT,
                    subject + ": empty payload, expected a JSON object");
        }
        T streamed = streaming.decode(type, payload);
        if (streamed != null) {
            return streamed;
        }
        return decodeTree(type, payload);
    }

    /** The tree path, for what the streaming decoder left or has no fast path for. */
    <T> T decodeTree(Class<T> type, byte[] payload) {
        String subject = subjectOf(type);
        JsonNode root;
        try {
            root = mapper.readTree(payload);
        } catch (JsonProcessingException e) {
            throw malformed(subject, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return decodeTree(type, root);
    }

    static <T> T decodeTree(Class<T> type, JsonNode root) {
        String subject = subjectOf(type);
        if (root == null || root.isMissingNode()) {
            throw new Vda5050DecodeException(Vda5050DecodeException.Kind.MALFORMED_JSON, subject, JsonPaths.ROOT,
                    subject + ": empty payload, expected a JSON object");
        }
        DecodeContext context = new DecodeContext(subject, ProtocolVersion.of(root.get("version")));
        if (!root.isObject()) {
            throw JsonValueReader.wrongType(context, JsonPath.ROOT, "object", root);
        }
        return MessageReaders.forType(type).apply(new MessageFields(root, JsonPath.ROOT, context));
    }

    /** Topic wire name for messages ("instantActions"), lower-camel type name for parts ("nodePosition"). */
    static String subjectOf(Class<?> type) {
        if (VdaMessage.class.isAssignableFrom(type)) {
            return Topic.of(type.asSubclass(VdaMessage.class)).wireName();
        }
        String name = type.getSimpleName();
        return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }

    private static Vda5050DecodeException malformed(String subject, JsonProcessingException e) {
        String path = JsonPaths.ROOT;
        if (e.getProcessor() instanceof JsonParser parser) {
            path = pathOf(parser.getParsingContext());
        }
        JsonLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        String detail = e.getOriginalMessage();
        int lineBreak = detail == null ? -1 : detail.indexOf('\n');
        if (lineBreak >= 0) {
            detail = detail.substring(0, lineBreak);
        }
        return new Vda5050DecodeException(Vda5050DecodeException.Kind.MALFORMED_JSON, subject, path,
                subject + ": malformed JSON at " + path + where + ": " + detail);
    }

    private static String pathOf(JsonStreamContext context) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        String path = JsonPaths.ROOT;
        for (JsonStreamContext c : chain) {
            if (c.inArray()) {
                path = JsonPaths.element(path, Math.max(c.getCurrentIndex(), 0));
            } else if (c.inObject() && c.getCurrentName() != null) {
                path = JsonPaths.child(path, c.getCurrentName());
            }
        }
        return path;
    }
}
