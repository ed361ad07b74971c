package dev.provingground.trackrecord.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    private final InputStream in;
    private final RfcMerkle merkle;
    private final LineListener listener;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean endOfInput;
    private byte[] line = new byte[1024];
    private int lineLength;
    private long linesRead;
    private boolean ranOut;

    public JsonlLeaves(InputStream in, RfcMerkle merkle, LineListener listener) {
        this.in = in;
        this.merkle = merkle;
        this.listener = listener;
    }

    @Override
    public byte[] next() {
        if (!readLine()) {
            ranOut = true;
            return MISSING;
        }
        linesRead++;
        listener.line(linesRead, line, 0, lineLength);
        return merkle.leafHash(line, 0, lineLength);
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

    /** Reads the next line into {@code line}; false at end of input. A last line without newline still counts. */
    private boolean readLine() {
        lineLength = 0;
        boolean sawAny = false;
        while (true) {
            if (position == limit) {
                if (endOfInput || !fill()) {
                    return sawAny;
                }
            }
            sawAny = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            append(start, position - start);
            if (position < limit) {
                position++;
                return true;
            }
        }
    }

    private void append(int start, int length) {
        if (lineLength + length > line.length) {
            line = Arrays.copyOf(line, Math.max(lineLength + length, line.length * 2));
        }
        System.arraycopy(buffer, start, line, lineLength, length);
        lineLength += length;
    }

    private boolean fill() {
        try {
            int read = in.read(buffer);
            if (read <= 0) {
                endOfInput = true;
                return false;
            }
            position = 0;
            limit = read;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read events.jsonl", e);
        }
    }
}
