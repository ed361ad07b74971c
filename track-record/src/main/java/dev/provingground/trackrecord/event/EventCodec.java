package dev.provingground.trackrecord.event;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Canonical JSON for events: the same event always gives the same bytes (envelope fields in a fixed order, body fields
 * sorted by name, absent optional fields left out, times as {@code yyyy-MM-ddTHH:mm:ss.SSSZ}). Decoding is strict
 * about names, types and versions and names the offending field.
 *
 * <p>Thread-safe.
 */
public final class EventCodec {

    private static final Set<String> ENVELOPE = Set.of("type", "v", "time", "site", "firm", "robot");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final ObjectMapper mapper;
    /** Whether a body class has a property named like an envelope field. */
    private final ClassValue<Boolean> namesEnvelopeField = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return mapper.getSerializationConfig().introspect(mapper.constructType(type)).findProperties().stream()
                    .anyMatch(p -> ENVELOPE.contains(p.getName()));
        }
    };

    public EventCodec() {
        SimpleModule times = new SimpleModule("track-record-times");
        times.addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
            @Override
            public void serialize(Instant value, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeString(formatTime(value));
            }
        });
        times.addDeserializer(Instant.class, new StdDeserializer<>(Instant.class) {
            @Override
            public Instant deserialize(JsonParser in, DeserializationContext context) throws IOException {
                if (in.currentToken() != JsonToken.VALUE_STRING) {
                    throw JsonMappingException.from(in, "a time must be an ISO 8601 string");
                }
                try {
                    return parseTime(in.getText());
                } catch (IllegalArgumentException e) {
                    throw JsonMappingException.from(in, e.getMessage());
                }
            }
        });
        this.mapper = JsonMapper.builder()
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .addModule(times)
                .build();
    }

    public static String formatTime(Instant time) {
        return TIME.format(time);
    }

    /** Accepts any ISO 8601 instant with an offset, at any fractional precision. */
    public static Instant parseTime(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO 8601 time with offset");
        }
    }

    public byte[] encode(TrackEvent event) {
        // The body is written on its own and spliced in after the envelope: the same bytes as putting the body's
        // fields into the envelope's tree, without building the tree (this runs for every event the server records).
        // A body with a field named like one of the envelope's would replace that field in the tree; it takes the tree.
        if (namesEnvelopeField.get(event.body().getClass())) {
            return encodeAsTree(event);
        }
        EventType type = event.type();
        byte[] body;
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            body = mapper.writeValueAsBytes(event.body());
            try (JsonGenerator envelope = mapper.getFactory().createGenerator(out)) {
                envelope.writeStartObject();
                envelope.writeStringField("type", type.typeName());
                envelope.writeNumberField("v", type.version());
                envelope.writeStringField("time", formatTime(event.time()));
                envelope.writeStringField("site", event.site());
                if (event.firm() != null) {
                    envelope.writeStringField("firm", event.firm());
                }
                if (event.robot() != null) {
                    envelope.writeStringField("robot", event.robot());
                }
                envelope.writeEndObject();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode " + type.typeName() + " event", e);
        }
        if (body.length < 2 || body[0] != '{' || body[body.length - 1] != '}') {
            return encodeAsTree(event);
        }
        byte[] head = out.toByteArray();
        boolean emptyBody = body.length == 2;
        byte[] joined = new byte[head.length + (emptyBody ? 0 : body.length - 1)];
        // The envelope without its closing brace, a comma, the body's fields and its closing brace.
        System.arraycopy(head, 0, joined, 0, head.length - 1);
        if (emptyBody) {
            joined[head.length - 1] = '}';
        } else {
            joined[head.length - 1] = ',';
            System.arraycopy(body, 1, joined, head.length, body.length - 1);
        }
        return joined;
    }

    /** The envelope as a tree with the body's fields put into it: the reference the spliced encoding matches. */
    byte[] encodeAsTree(TrackEvent event) {
        EventType type = event.type();
        ObjectNode root = mapper.createObjectNode();
        root.put("type", type.typeName());
        root.put("v", type.version());
        root.put("time", formatTime(event.time()));
        root.put("site", event.site());
        if (event.firm() != null) {
            root.put("firm", event.firm());
        }
        if (event.robot() != null) {
            root.put("robot", event.robot());
        }
        ObjectNode body = mapper.valueToTree(event.body());
        root.setAll(body);
        try {
            return mapper.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + type.typeName() + " event", e);
        }
    }

    public TrackEvent decode(byte[] json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (IOException e) {
            throw new EventFormatException("not valid JSON: " + firstLine(e));
        }
        if (root == null || !root.isObject()) {
            throw new EventFormatException("an event must be a JSON object");
        }
        EventType type;
        try {
            type = EventType.byName(requiredText(root, "type"));
        } catch (IllegalArgumentException e) {
            throw new EventFormatException("type: " + e.getMessage());
        }
        JsonNode version = root.get("v");
        if (version == null || !version.isInt()) {
            throw new EventFormatException("v: schema version must be an integer");
        }
        if (version.intValue() < 1 || version.intValue() > type.version()) {
            throw new EventFormatException("v: " + type.typeName() + " schema version " + version.intValue()
                    + " is not supported (this reader knows 1 to " + type.version() + ")");
        }
        Instant time;
        try {
            time = parseTime(requiredText(root, "time"));
        } catch (IllegalArgumentException e) {
            throw new EventFormatException("time: " + e.getMessage());
        }
        String site = requiredText(root, "site");
        String firm = optionalText(root, "firm");
        String robot = optionalText(root, "robot");
        ObjectNode bodyFields = ((ObjectNode) root).deepCopy();
        bodyFields.remove(ENVELOPE);
        EventBody body;
        try {
            body = mapper.treeToValue(bodyFields, type.bodyClass());
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new EventFormatException(type.typeName() + ": " + cause.getMessage());
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw new EventFormatException(type.typeName() + (path.isEmpty() ? "" : " field " + path) + ": "
                    + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new EventFormatException(type.typeName() + ": " + e.getOriginalMessage());
        }
        try {
            return new TrackEvent(time, site, firm, robot, body);
        } catch (IllegalArgumentException e) {
            throw new EventFormatException(e.getMessage());
        }
    }

    /**
     * Reads only the envelope's {@code time}, without decoding the body; for scanning a log by time.
     *
     * @throws EventFormatException when the bytes are not an object with a valid top-level time
     */
    public Instant readTime(byte[] json) {
        try (JsonParser parser = mapper.getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new EventFormatException("an event must be a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("time") && value == JsonToken.VALUE_STRING) {
                    return parseTime(parser.getText());
                }
                parser.skipChildren();
            }
            throw new EventFormatException("time is required");
        } catch (IOException e) {
            throw new EventFormatException("not valid JSON: " + firstLine(e));
        } catch (IllegalArgumentException e) {
            if (e instanceof EventFormatException) {
                throw e;
            }
            throw new EventFormatException("time: " + e.getMessage());
        }
    }

    ObjectMapper mapper() {
        return mapper;
    }

    private static String requiredText(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || !value.isTextual()) {
            throw new EventFormatException(field + " is required and must be a string");
        }
        return value.textValue();
    }

    private static String optionalText(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new EventFormatException(field + " must be a string");
        }
        return value.textValue();
    }

    private static String firstLine(Exception e) {
        String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        int newline = message == null ? -1 : message.indexOf('\n');
        return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
    }
}
