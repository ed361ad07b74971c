package dev.provingground.vda5050;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * The fast path for the topics robots send many times a second, state and visualization: reads the payload with
 * Jackson's streaming parser straight into the records, without a tree (the tree and the text of its values were
 * most of the garbage per message, and garbage sets how often the young collector stops the event loops). It
 * decodes only what is plainly valid and answers null for everything else — malformed JSON, trailing content, a
 * wrong type, a missing or duplicate field, a bound crossed, any but the plain UTC timestamp form — and the tree
 * decoder then reads the same bytes, so errors and lenient readings are the tree decoder's alone.
 */
final class StreamingDecoder {

    private final ObjectMapper mapper;
    /**
     * Jackson checks a string's length only when its text is taken, and the fast path skips unknown fields without
     * taking it: a payload that could hold a string longer than Jackson allows goes to the tree decoder, which would
     * refuse it.
     */
    private final int longestPayload;
    private final RecentStrings recentStrings = new RecentStrings();

    StreamingDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
        this.longestPayload = mapper.getFactory().streamReadConstraints().getMaxStringLength();
    }

    /** The decoded message, or null when the tree decoder must decide (or {@code type} has no fast path). */
    <T> T decode(Class<T> type, byte[] payload) {
        StreamedReader<? extends VdaMessage> reader = readerFor(type);
        if (reader == null || payload.length > longestPayload) {
            return null;
        }
        try (JsonParser parser = mapper.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            StreamedFields fields = new StreamedFields(parser, recentStrings);
            VdaMessage message = reader.read(fields);
            if (parser.nextToken() != null || fields.sawControlPointWithoutWeight() && legacy(message)) {
                return null;
            }
            return type.cast(message);
        } catch (NotCertain | IOException e) {
            return null;
        }
    }

    private static StreamedReader<? extends VdaMessage> readerFor(Class<?> type) {
        if (type == State.class) {
            return StreamedStateReaders::state;
        }
        if (type == Visualization.class) {
            return StreamedStateReaders::visualization;
        }
        return null;
    }

    /** 2.0.0 states require every trajectory control point's weight ({@link OrderReaders#stateTrajectory}). */
    private static boolean legacy(VdaMessage message) {
        return ProtocolVersion.of(message.header().version()) == ProtocolVersion.V2_0;
    }
}
