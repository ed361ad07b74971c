package dev.provingground.vda5050;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.time.Instant;

/**
 * The Jackson configuration for VDA 5050 records: writes them as the protocol's JSON (nulls omitted,
 * millisecond UTC timestamps) and reads every record type with the same lenient decoders as
 * {@link Vda5050Codec}, so {@code mapper().treeToValue(node, Factsheet.class)} behaves like decoding a
 * factsheet message.
 */
public final class Vda5050Json {

    private static final ObjectMapper SHARED = newMapper();

    private Vda5050Json() {
    }

    /** A shared, configured mapper. Do not reconfigure it; use {@link #newMapper()} for a private copy. */
    public static ObjectMapper mapper() {
        return SHARED;
    }

    public static ObjectMapper newMapper() {
        SimpleModule module = new SimpleModule("vda5050");
        module.addSerializer(Instant.class, new TimestampFormat.Serializer());
        module.addDeserializer(Instant.class, new TimestampFormat.Deserializer());
        for (Class<?> type : MessageReaders.types()) {
            register(module, type);
        }
        return JsonMapper.builder()
                .addModule(module)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    private static <T> void register(SimpleModule module, Class<T> type) {
        module.addDeserializer(type, new RecordDeserializer<>(type));
    }

    private static final class RecordDeserializer<T> extends StdDeserializer<T> {

        private static final long serialVersionUID = 1L;

        private final Class<T> type;

        RecordDeserializer(Class<T> type) {
            super(type);
            this.type = type;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return MessageDecoder.decodeTree(type, ctxt.readTree(p));
        }
    }
}
