package dev.provingground.vda5050;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Objects;

/**
 * Encodes VDA 5050 messages strictly and decodes them leniently. Thread-safe; create one and reuse it
 * (loading the schemas is the expensive part).
 *
 * <p>Encoding writes the protocol JSON (nulls omitted, timestamps in UTC with exactly millisecond precision
 * and {@code Z}, lists always written) and validates it against the 2.1.0 schema of the message's topic (once per
 * shape: see {@link ValidatedShapes}).
 *
 * <p>Decoding accepts 2.0.0 and 2.1.0 messages: any fractional-second precision and UTC offset, unknown
 * fields, PAUSED action status, 2.0.0 spellings. It rejects what cannot be used — malformed JSON, wrong JSON
 * types, fields the schema of the message's version requires, unknown enum values — with a
 * {@link Vda5050DecodeException} naming the JSON path. It does not run the schema validator. State and
 * visualization messages go through a streaming fast path first ({@link StreamingDecoder}) with the same results.
 */
public final class Vda5050Codec {

    private final ObjectMapper mapper;
    private final Vda5050Schemas schemas;
    private final MessageDecoder decoder;
    private final ValidatedShapes shapes;

    public Vda5050Codec() {
        this(Vda5050Schemas.fromClasspath());
    }

    public Vda5050Codec(Vda5050Schemas schemas) {
        this.mapper = Vda5050Json.newMapper();
        this.schemas = Objects.requireNonNull(schemas, "schemas");
        this.decoder = new MessageDecoder(mapper);
        this.shapes = new ValidatedShapes(schemas.typeOnlyProperties());
    }

    /** The message as UTF-8 JSON; throws {@link Vda5050EncodeException} listing every schema error. */
    public byte[] encode(VdaMessage message) {
        Objects.requireNonNull(message, "message");
        Topic topic = message.topic();
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new Vda5050EncodeException(topic, "cannot serialise message: " + e.getOriginalMessage(), e);
        }
        if (shapes.known(topic, json)) {
            return json;
        }
        List<SchemaViolation> violations = schemas.validate(topic, json);
        if (!violations.isEmpty()) {
            throw new Vda5050EncodeException(topic, violations);
        }
        shapes.remember(topic, json);
        return json;
    }

    /**
     * Encodes for a vehicle that speaks {@code peerVersion} (the {@code version} of its own messages): validated
     * as 2.1.0 like {@link #encode}, then, for a 2.0.x vehicle, written with the 2.0.0 version and spellings —
     * {@code instantActions} as the instant-actions array key and {@code allowedDeviationXy} — since 2.0.0
     * vehicles refuse messages of another version.
     */
    public byte[] encodeFor(VdaMessage message, String peerVersion) {
        byte[] json = encode(message);
        return ProtocolVersion.of(peerVersion) == ProtocolVersion.V2_0 ? Legacy20.downgrade(mapper, json) : json;
    }

    public <T extends VdaMessage> T decode(Class<T> type, byte[] payload) {
        return decoder.decode(Objects.requireNonNull(type, "type"), payload);
    }

    public VdaMessage decode(Topic topic, byte[] payload) {
        return decoder.decode(Objects.requireNonNull(topic, "topic").messageClass(), payload);
    }

    public Vda5050Schemas schemas() {
        return schemas;
    }
}
