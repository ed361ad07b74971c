package dev.provingground.bench.server;

import dev.provingground.vda5050.AgvPosition;
import dev.provingground.vda5050.BatteryState;
import dev.provingground.vda5050.EStop;
import dev.provingground.vda5050.Header;
import dev.provingground.vda5050.OperatingMode;
import dev.provingground.vda5050.SafetyState;
import dev.provingground.vda5050.SchemaViolation;
import dev.provingground.vda5050.State;
import dev.provingground.vda5050.Topic;
import dev.provingground.vda5050.Vda5050Codec;
import dev.provingground.vda5050.Velocity;
import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A robot's VDA 5050 state at one fixed spot, encoded once and re-stamped per message. Strict encoding validates
 * against the schema and costs a few tenths of a millisecond; on a two-core machine shared with the server under
 * test that would be load the benchmark adds itself. Only headerId and timestamp change from one message to the
 * next, so they are spliced into the encoded bytes; the splice is checked once, by decoding and schema-validating
 * its output.
 */
final class StateTemplate {

    private static final long HEADER_ID_MARK = 987_654_321_987L;
    private static final Instant TIMESTAMP_MARK = Instant.parse("2001-02-03T04:05:06.789Z");
    /** The codec writes timestamps in UTC with exactly millisecond precision; this writes them the same way. */
    private static final DateTimeFormatter WIRE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final byte[] beforeId;
    private final byte[] betweenIdAndTime;
    private final byte[] afterTime;

    StateTemplate(Vda5050Codec codec, String manufacturer, String serialNumber, String mapId, double x, double y) {
        State state = state(manufacturer, serialNumber, mapId, x, y);
        Header mark = new Header(HEADER_ID_MARK, TIMESTAMP_MARK, Header.PROTOCOL_VERSION, manufacturer, serialNumber);
        String json = new String(codec.encode(state.withHeader(mark)), StandardCharsets.UTF_8);
        String id = Long.toString(HEADER_ID_MARK);
        String time = WIRE_TIME.format(TIMESTAMP_MARK);
        int idAt = onlyOccurrence(json, id, "headerId");
        int timeAt = onlyOccurrence(json, time, "timestamp");
        if (timeAt < idAt) throw new IllegalStateException("the codec writes timestamp before headerId; "
                + "StateTemplate expects headerId first: " + json);
        beforeId = json.substring(0, idAt).getBytes(StandardCharsets.UTF_8);
        betweenIdAndTime = json.substring(idAt + id.length(), timeAt).getBytes(StandardCharsets.UTF_8);
        afterTime = json.substring(timeAt + time.length()).getBytes(StandardCharsets.UTF_8);
        verify(codec, state);
    }

    /** A complete, valid state standing still at (x, y) on level {@code mapId}. */
    static State state(String manufacturer, String serialNumber, String mapId, double x, double y) {
        return state(manufacturer, serialNumber, mapId, x, y, 80);
    }

    /** A complete, valid state standing still at (x, y) on level {@code mapId} with this battery charge. */
    static State state(String manufacturer, String serialNumber, String mapId, double x, double y, double batteryPercent) {
        return new State(0, null, null, manufacturer, serialNumber, List.of(), "", 0, null, "", 0, false, false, false,
                0.0, OperatingMode.AUTOMATIC, List.of(), List.of(), AgvPosition.of(x, y, 0, mapId),
                Velocity.of(0, 0, 0), List.of(), List.of(), BatteryState.of(batteryPercent, false), List.of(), List.of(),
                new SafetyState(EStop.NONE, false));
    }

    /** The encoded state with this header's headerId and timestamp (truncated to milliseconds, as on the wire). */
    Buffer render(Header header) {
        byte[] id = Long.toString(header.headerId()).getBytes(StandardCharsets.US_ASCII);
        byte[] time = WIRE_TIME.format(header.timestamp()).getBytes(StandardCharsets.US_ASCII);
        return Buffer.buffer(beforeId.length + id.length + betweenIdAndTime.length + time.length + afterTime.length)
                .appendBytes(beforeId).appendBytes(id).appendBytes(betweenIdAndTime).appendBytes(time)
                .appendBytes(afterTime);
    }

    private void verify(Vda5050Codec codec, State state) {
        Header probe = new Header(42, Instant.parse("2030-12-31T23:59:58.123Z"), Header.PROTOCOL_VERSION,
                state.manufacturer(), state.serialNumber());
        byte[] rendered = render(probe).getBytes();
        List<SchemaViolation> problems = codec.schemas().validate(Topic.STATE, rendered);
        if (!problems.isEmpty()) throw new IllegalStateException("re-stamped state breaks the schema: " + problems);
        State decoded = codec.decode(State.class, rendered);
        if (!decoded.equals(state.withHeader(probe)))
            throw new IllegalStateException("re-stamped state does not decode to the state it stands for: " + decoded);
    }

    private static int onlyOccurrence(String json, String mark, String field) {
        int at = json.indexOf(mark);
        if (at < 0 || json.indexOf(mark, at + 1) >= 0)
            throw new IllegalStateException("cannot find the " + field + " exactly once in the encoded state: " + json);
        return at;
    }
}
