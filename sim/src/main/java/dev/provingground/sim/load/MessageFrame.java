package dev.provingground.sim.load;

import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A message encoded once by the strict codec with marker values in the fields that change, split at the markers,
 * and rendered per message by splicing the new values in. Encoding with the codec validates against the schema and
 * costs a few tenths of a millisecond; thousands of robots at several hertz would spend the generator's CPU on it
 * instead of on the wire. {@link VdaFrames} checks each frame once by decoding and validating what it renders.
 */
final class MessageFrame {

    private final byte[][] pieces;
    /** For each value in the order {@link #render} takes them, the gap (0-based) between pieces it fills. */
    private final int[] gapOfValue;

    /**
     * @param json  the encoded message holding each of {@code marks} exactly once
     * @param marks the marker texts, in the order {@link #render} will be given their values
     */
    MessageFrame(String json, List<String> marks) {
        record Found(int valueIndex, int at, int length) {
        }
        List<Found> found = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            String mark = marks.get(i);
            int at = json.indexOf(mark);
            if (at < 0 || json.indexOf(mark, at + 1) >= 0)
                throw new IllegalStateException("marker '" + mark + "' is not exactly once in the encoded message: " + json);
            found.add(new Found(i, at, mark.length()));
        }
        found.sort(Comparator.comparingInt(Found::at));
        pieces = new byte[marks.size() + 1][];
        gapOfValue = new int[marks.size()];
        int from = 0;
        for (int gap = 0; gap < found.size(); gap++) {
            Found f = found.get(gap);
            if (f.at() < from) throw new IllegalStateException("markers overlap in the encoded message: " + json);
            pieces[gap] = json.substring(from, f.at()).getBytes(StandardCharsets.UTF_8);
            gapOfValue[f.valueIndex()] = gap;
            from = f.at() + f.length();
        }
        pieces[found.size()] = json.substring(from).getBytes(StandardCharsets.UTF_8);
    }

    /** The message with {@code values} (ASCII JSON literals, in the markers' order) in place of the markers. */
    Buffer render(String... values) {
        if (values.length != gapOfValue.length)
            throw new IllegalArgumentException("expected " + gapOfValue.length + " values, got " + values.length);
        String[] byGap = new String[values.length];
        int size = 0;
        for (int i = 0; i < values.length; i++) {
            byGap[gapOfValue[i]] = values[i];
            size += values[i].length();
        }
        for (byte[] piece : pieces) size += piece.length;
        Buffer out = Buffer.buffer(size);
        for (int gap = 0; gap < byGap.length; gap++) {
            out.appendBytes(pieces[gap]).appendString(byGap[gap], "US-ASCII");
        }
        return out.appendBytes(pieces[byGap.length]);
    }
}
