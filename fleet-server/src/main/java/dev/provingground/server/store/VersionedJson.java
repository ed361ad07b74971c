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
 * it does not know fails loudly instead of misreading data written by a newer server. A version that only added
 * fields may go on reading the older ones, whose missing fields then read as null (the record gives them their
 * default).
 */
public final class VersionedJson<T> {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Class<T> type;
    private final byte version;
    private final byte oldestReadable;

    public VersionedJson(Class<T> type, int version) {
        this(type, version, version);
    }

    /** Writes {@code version}; reads it and every version back to {@code oldestReadable}. */
    public VersionedJson(Class<T> type, int version, int oldestReadable) {
        if (oldestReadable < 1 || oldestReadable > version)
            throw new IllegalArgumentException("oldestReadable must be 1.." + version + ", got " + oldestReadable);
        this.type = type;
        this.version = (byte) version;
        this.oldestReadable = (byte) oldestReadable;
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
        if (stored.length == 0 || stored[0] < oldestReadable || stored[0] > version)
            throw new IllegalStateException(type.getSimpleName() + ": stored value has version "
                    + (stored.length == 0 ? "none" : stored[0]) + ", this server reads version "
                    + (oldestReadable == version ? version : oldestReadable + " to " + version));
        try {
            return MAPPER.readValue(Arrays.copyOfRange(stored, 1, stored.length), type);
        } catch (IOException e) {
            throw new UncheckedIOException(type.getSimpleName() + ": stored value unreadable", e);
        }
    }
}
