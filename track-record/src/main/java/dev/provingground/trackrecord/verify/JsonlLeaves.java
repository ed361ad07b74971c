package dev.provingground.trackrecord.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Reads {@code events.jsonl} as leaves: each line, without its newline, is one leaf's exact bytes. Hands out leaf
 * hashes in order for {@link RfcMerkle#rootOfRange}; when the file runs out it records that and hands out a zero
 * hash, so the root simply fails to match.
 */
public final class JsonlLeaves implements RfcMerkle.LeafHashes {

    /** Sees every line read, numbered from 1. */
    @FunctionalInterface
    public interface LineListener {
        void line(long number, byte[] buffer, int offset, int length);
    }

    private static final byte[] MISSING = new byte[32];
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final InputStream in;
    private final RfcMerkle merkle;
    private final LineListener listener;
    /** Byte 0 is never filled: every line then has a byte before it to lend to the leaf prefix. */
    private final byte[] buffer = new byte[1 + (1 << 16)];
    private int position;
    private int limit;
    private boolean endOfInput;
    private byte[] line = new byte[1024];
    private byte[] lineArray = line;
    private int lineOffset;
    private int lineLength;
    private long linesRead;
    private boolean ranOut;

    public JsonlLeaves(InputStream in, RfcMerkle merkle, LineListener listener) {
        this.in = in;
        this.merkle = merkle;
        this.listener = listener;
    }

    @Override
    public void next(byte[] out, int offset) {
        if (!readLine()) {
            ranOut = true;
            System.arraycopy(MISSING, 0, out, offset, MISSING.length);
            return;
        }
        linesRead++;
        listener.line(linesRead, lineArray, lineOffset, lineLength);
        merkle.leafHashUsingByteBefore(lineArray, lineOffset, lineLength, out, offset);
    }

    /** The next leaf hash as a new array. */
    public byte[] next() {
        byte[] hash = new byte[32];
        next(hash, 0);
        return hash;
    }

    /** Lines consumed so far. */
    public long linesRead() {
        return linesRead;
    }

    /** Whether a leaf was asked for after the last line. */
    public boolean ranOut() {
        return ranOut;
    }

    /** Whether another line follows the ones consumed; reads ahead, so call only at the end. */
    public boolean hasMoreLines() {
        return readLine();
    }

    /**
     * Finds the next line: in place in the read buffer when it lies there whole, else gathered into {@code line}.
     * False at end of input; a last line without a newline still counts.
     */
    private boolean readLine() {
        if (position == limit && (endOfInput || !fill())) {
            return false;
        }
        int start = position;
        position = newlineOrLimit(buffer, position, limit);
        if (position < limit) {
            lineArray = buffer;
            lineOffset = start;
            lineLength = position - start;
            position++;
            return true;
        }
        lineLength = 0;
        append(start, position - start);
        while (true) {
            if (endOfInput || !fill()) {
                break;
            }
            start = position;
            position = newlineOrLimit(buffer, position, limit);
            append(start, position - start);
            if (position < limit) {
                position++;
                break;
            }
        }
        lineArray = line;
        lineOffset = 1;
        return true;
    }

    /**
     * Index of the first newline in {@code bytes[from, to)}, or {@code to}. Scans eight bytes at a time (the classic
     * "has zero byte" test on the word XOR newlines); the lowest flagged byte is always a true match.
     */
    static int newlineOrLimit(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) WORDS.get(bytes, i) ^ NEWLINES;
            long found = (word - LOW_BITS) & ~word & HIGH_BITS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return to;
    }

    /** Gathers a line spanning reads into {@code line}, from index 1 (index 0 is the lent byte). */
    private void append(int start, int length) {
        if (1 + lineLength + length > line.length) {
            line = Arrays.copyOf(line, Math.max(1 + lineLength + length, line.length * 2));
        }
        System.arraycopy(buffer, start, line, 1 + lineLength, length);
        lineLength += length;
    }

    private boolean fill() {
        try {
            int read = in.read(buffer, 1, buffer.length - 1);
            if (read <= 0) {
                endOfInput = true;
                return false;
            }
            position = 1;
            limit = 1 + read;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read events.jsonl", e);
        }
    }
}
