package dev.provingground.vda5050;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** VDA 5050 timestamps on the wire: ISO 8601 UTC with exactly millisecond precision and {@code Z}. */
final class TimestampFormat {

    static final DateTimeFormatter WIRE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private TimestampFormat() {
    }

    static String format(Instant instant) {
        return WIRE.format(instant);
    }

    static final class Serializer extends StdSerializer<Instant> {

        private static final long serialVersionUID = 1L;

        Serializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(format(value));
        }
    }

    /** Reads any precision and offset, like message decoding does. */
    static final class Deserializer extends StdDeserializer<Instant> {

        private static final long serialVersionUID = 1L;

        Deserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = ctxt.readTree(p);
            return JsonValueReader.TIMESTAMP.read(node, JsonPath.ROOT,
                    new DecodeContext("timestamp", ProtocolVersion.V2_1));
        }
    }
}
