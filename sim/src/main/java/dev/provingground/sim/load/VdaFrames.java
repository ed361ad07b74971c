package dev.provingground.sim.load;

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
import dev.provingground.vda5050.VdaMessage;
import dev.provingground.vda5050.Velocity;
import dev.provingground.vda5050.Visualization;
import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One robot's VDA 5050 2.1.0 {@code state} and {@code visualization}, driving along its lane at
 * {@link LoadHall#SPEED}: encoded once by the strict codec, then rendered per message with its headerId, timestamp,
 * x and heading spliced in ({@link MessageFrame}). Each robot's frames are checked once, at construction, by decoding
 * and schema-validating a rendered message against the message it stands for.
 */
final class VdaFrames {

    private static final String HEADER_ID_MARK = "987654321987";
    private static final String TIMESTAMP_MARK = "2001-02-03T04:05:06.789Z";
    private static final String X_MARK = "4096.25";
    private static final String THETA_MARK = "0.875";
    private static final List<String> MARKS = List.of(HEADER_ID_MARK, TIMESTAMP_MARK, X_MARK, THETA_MARK);
    /** The codec writes timestamps in UTC with exactly millisecond precision; so does this. */
    private static final DateTimeFormatter WIRE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** Heading back west: just under pi, written with three decimals as the schema's bound allows. */
    private static final String WEST = "3.141";
    private static final String EAST = "0.000";

    private final String manufacturer;
    private final String serialNumber;
    private final double y;
    private final MessageFrame state;
    private final MessageFrame visualization;

    VdaFrames(Vda5050Codec codec, String manufacturer, String serialNumber, double y) {
        this.manufacturer = manufacturer;
        this.serialNumber = serialNumber;
        this.y = y;
        Header mark = new Header(Long.parseLong(HEADER_ID_MARK), Instant.parse(TIMESTAMP_MARK), Header.PROTOCOL_VERSION,
                manufacturer, serialNumber);
        double x = Double.parseDouble(X_MARK);
        double theta = Double.parseDouble(THETA_MARK);
        state = new MessageFrame(encoded(codec, state(x, theta).withHeader(mark)), MARKS);
        visualization = new MessageFrame(encoded(codec, visualization(x, theta).withHeader(mark)), MARKS);
        verify(codec);
    }

    /** The state at {@code x} heading east or west, with this headerId and time (cut to milliseconds). */
    Buffer state(long headerId, Instant at, double x, boolean east) {
        return state.render(Long.toString(headerId), wireTime(at), millimetres(x), east ? EAST : WEST);
    }

    Buffer visualization(long headerId, Instant at, double x, boolean east) {
        return visualization.render(Long.toString(headerId), wireTime(at), millimetres(x), east ? EAST : WEST);
    }

    /** The last millisecond formatted on this thread: hundreds of robots on one loop stamp the same millisecond. */
    private static final ThreadLocal<Object[]> LAST_TIME = ThreadLocal.withInitial(() -> new Object[]{Long.MIN_VALUE, ""});

    private static String wireTime(Instant at) {
        Object[] last = LAST_TIME.get();
        long millis = at.toEpochMilli();
        if ((long) last[0] != millis) {
            last[0] = millis;
            last[1] = WIRE_TIME.format(at);
        }
        return (String) last[1];
    }

    private State state(double x, double theta) {
        return new State(0, null, null, manufacturer, serialNumber, List.of(), "", 0, null, "", 0, true, false, false,
                0.0, OperatingMode.AUTOMATIC, List.of(), List.of(), AgvPosition.of(x, y, theta, LoadHall.LEVEL),
                Velocity.of(LoadHall.SPEED, 0, 0), List.of(), List.of(), BatteryState.of(80, false), List.of(),
                List.of(), new SafetyState(EStop.NONE, false));
    }

    private Visualization visualization(double x, double theta) {
        return Visualization.create(AgvPosition.of(x, y, theta, LoadHall.LEVEL), Velocity.of(LoadHall.SPEED, 0, 0));
    }

    private static String encoded(Vda5050Codec codec, VdaMessage message) {
        return new String(codec.encode(message), StandardCharsets.UTF_8);
    }

    /** Metres with three decimals, as a JSON number (String.format would cost the generator a microsecond a message). */
    static String millimetres(double metres) {
        long mm = Math.round(metres * 1000);
        String sign = mm < 0 ? "-" : "";
        mm = Math.abs(mm);
        long fraction = mm % 1000;
        return sign + mm / 1000 + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }

    /** {@code metres} as the server reads it from {@link #millimetres}. */
    static double onTheWire(double metres) {
        return Math.round(metres * 1000) / 1000.0;
    }

    private void verify(Vda5050Codec codec) {
        Header probe = new Header(42, Instant.parse("2030-12-31T23:59:58.123Z"), Header.PROTOCOL_VERSION, manufacturer,
                serialNumber);
        double x = 9.875;
        check(codec, Topic.STATE, state(probe.headerId(), probe.timestamp(), x, false).getBytes(),
                state(x, Double.parseDouble(WEST)).withHeader(probe));
        check(codec, Topic.VISUALIZATION, visualization(probe.headerId(), probe.timestamp(), x, true).getBytes(),
                visualization(x, 0).withHeader(probe));
    }

    private static void check(Vda5050Codec codec, Topic topic, byte[] rendered, VdaMessage expected) {
        List<SchemaViolation> problems = codec.schemas().validate(topic, rendered);
        if (!problems.isEmpty()) throw new IllegalStateException("rendered " + topic + " breaks the schema: " + problems);
        VdaMessage decoded = codec.decode(topic, rendered);
        if (!decoded.equals(expected))
            throw new IllegalStateException("rendered " + topic + " does not decode to the message it stands for: "
                    + decoded + " instead of " + expected);
    }
}
