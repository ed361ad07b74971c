package dev.provingground.server.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Explicit serializer for stored values: one version byte, then the record as JSON. A reader that meets a version
 * it does not know fails loudly instead of misreading data written by a newer server. A version that only added
 * fields may go on reading the older ones, whose missing fields then read as null (the record gives them their
 * default); a version that changed the shape reads the older ones in their own shape and upgrades them
 * ({@link #readingOlder}).
 */
public final class VersionedJson<T> {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Class<T> type;
    private final byte version;
    private final byte oldestReadable;
    /** Reads the versions before {@code oldestReadable}, stored in an older shape; null when there are none. */
    private final Function<byte[], T> older;
    private final byte oldestOfAll;

    public VersionedJson(Class<T> type, int version) {
        this(type, version, version);
    }

    /** Writes {@code version}; reads it and every version back to {@code oldestReadable}. */
    public VersionedJson(Class<T> type, int version, int oldestReadable) {
        this(type, version, oldestReadable, null, oldestReadable);
    }

    private VersionedJson(Class<T> type, int version, int oldestReadable, Function<byte[], T> older, int oldestOfAll) {
        if (oldestReadable < 1 || oldestReadable > version)
            throw new IllegalArgumentException("oldestReadable must be 1.." + version + ", got " + oldestReadable);
        this.type = type;
        this.version = (byte) version;
        this.oldestReadable = (byte) oldestReadable;
        this.older = older;
        this.oldestOfAll = (byte) oldestOfAll;
    }

    /**
     * Also reads the versions {@code before} reads, which end just below this one's oldest readable: each in its own
     * shape, turned into today's by {@code upgrade}.
     */
    public <O> VersionedJson<T> readingOlder(VersionedJson<O> before, Function<O, T> upgrade) {
        if (older != null || before.version != oldestReadable - 1)
            throw new IllegalArgumentException("the older shape must be read up to version " + (oldestReadable - 1)
                    + ", got " + before.version);
        return new VersionedJson<>(type, version, oldestReadable, stored -> upgrade.apply(before.decode(stored)),
                before.oldestOfAll);
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
        if (stored.length == 0 || stored[0] < oldestOfAll || stored[0] > version)
            throw new IllegalStateException(type.getSimpleName() + ": stored value has version "
                    + (stored.length == 0 ? "none" : stored[0]) + ", this server reads version "
                    + (oldestOfAll == version ? version : oldestOfAll + " to " + version));
        if (stored[0] < oldestReadable) return older.apply(stored);
        try {
            return MAPPER.readValue(Arrays.copyOfRange(stored, 1, stored.length), type);
        } catch (IOException e) {
            throw new UncheckedIOException(type.getSimpleName() + ": stored value unreadable", e);
        }
    }
}
