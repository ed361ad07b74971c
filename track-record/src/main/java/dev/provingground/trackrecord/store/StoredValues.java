package dev.provingground.trackrecord.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Byte layouts of everything a segment stores; each starts with a format version byte so a later layout can be told
 * apart from this one.
 *
 * <ul>
 *   <li>tile: {@code 0x01, hash[count]} — {@code count} 32-byte hashes;</li>
 *   <li>entry bundle: {@code 0x01, firstAppendMillis:i64, count:i32, (length:i32, bytes)[count]};</li>
 *   <li>number: {@code 0x01, value:i64}; text: {@code 0x01, UTF-8 bytes}.</li>
 * </ul>
 */
final class StoredValues {

    static final byte VERSION = 0x01;
    static final int HASH_BYTES = 32;

    private StoredValues() {
    }

    static byte[] tile(byte[] hashes, int count) {
        byte[] out = new byte[1 + count * HASH_BYTES];
        out[0] = VERSION;
        System.arraycopy(hashes, 0, out, 1, count * HASH_BYTES);
        return out;
    }

    /** The hashes of a stored tile, without the version byte. */
    static byte[] tileHashes(byte[] stored, String where) {
        requireVersion(stored, where);
        if ((stored.length - 1) % HASH_BYTES != 0) {
            throw new IllegalStateException(where + ": tile length " + (stored.length - 1) + " is not a multiple of 32");
        }
        return Arrays.copyOfRange(stored, 1, stored.length);
    }

    static byte[] number(long value) {
        return ByteBuffer.allocate(9).put(VERSION).putLong(value).array();
    }

    static long number(byte[] stored, String where) {
        requireVersion(stored, where);
        if (stored.length != 9) {
            throw new IllegalStateException(where + ": expected an 8-byte number, found " + (stored.length - 1) + " bytes");
        }
        return ByteBuffer.wrap(stored, 1, 8).getLong();
    }

    static byte[] text(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[1 + utf8.length];
        out[0] = VERSION;
        System.arraycopy(utf8, 0, out, 1, utf8.length);
        return out;
    }

    static String text(byte[] stored, String where) {
        requireVersion(stored, where);
        return new String(stored, 1, stored.length - 1, StandardCharsets.UTF_8);
    }

    /** A decoded entry bundle. */
    record Bundle(long firstAppendMillis, List<byte[]> entries) {
    }

    static byte[] bundle(long firstAppendMillis, int count, byte[] body, int bodyLength) {
        ByteBuffer out = ByteBuffer.allocate(1 + 8 + 4 + bodyLength);
        out.put(VERSION).putLong(firstAppendMillis).putInt(count).put(body, 0, bodyLength);
        return out.array();
    }

    static Bundle bundle(byte[] stored, String where) {
        requireVersion(stored, where);
        ByteBuffer in = ByteBuffer.wrap(stored, 1, stored.length - 1);
        try {
            long firstAppendMillis = in.getLong();
            int count = in.getInt();
            List<byte[]> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] entry = new byte[in.getInt()];
                in.get(entry);
                entries.add(entry);
            }
            if (in.hasRemaining()) {
                throw new IllegalStateException(where + ": " + in.remaining() + " stray bytes after " + count + " entries");
            }
            return new Bundle(firstAppendMillis, entries);
        } catch (RuntimeException e) {
            if (e instanceof IllegalStateException) {
                throw e;
            }
            throw new IllegalStateException(where + ": entry bundle is truncated or malformed", e);
        }
    }

    static long bundleFirstAppendMillis(byte[] stored, String where) {
        requireVersion(stored, where);
        return ByteBuffer.wrap(stored, 1, 8).getLong();
    }

    private static void requireVersion(byte[] stored, String where) {
        if (stored == null || stored.length == 0) {
            throw new IllegalStateException(where + ": stored value is empty");
        }
        if (stored[0] != VERSION) {
            throw new IllegalStateException(where + ": unknown stored format version " + stored[0]);
        }
    }
}
