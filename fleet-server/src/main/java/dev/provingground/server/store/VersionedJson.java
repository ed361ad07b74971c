package dev.provingground.server.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Explicit serializer for stored values: one version byte, then the record as JSON. A reader that meets a version
 * it does not know fails loudly instead of misreading data written by a newer server.
 */
public final class VersionedJson<T> {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Class<T> type;
    private final byte version;

    public VersionedJson(Class<T> type, int version) {
        this.type = type;
        this.version = (byte) version;
    }

    public byte[] encode(T value) {
        try {
            byte[] json = MAPPER.writeValueAsBytes(value);
            byte[] out = new byte[json.length + 1];
            out[0] = version;
            System.arraycopy(json, 0, out, 1, json.length);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public T decode(byte[] stored) {
        if (stored.length == 0 || stored[0] != version)
            throw new IllegalStateException(type.getSimpleName() + ": stored value has version "
                    + (stored.length == 0 ? "none" : stored[0]) + ", this server reads version " + version);
        try {
            return MAPPER.readValue(Arrays.copyOfRange(stored, 1, stored.length), type);
        } catch (IOException e) {
            throw new UncheckedIOException(type.getSimpleName() + ": stored value unreadable", e);
        }
    }
}
