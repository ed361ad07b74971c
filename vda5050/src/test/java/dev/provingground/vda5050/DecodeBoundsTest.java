package dev.provingground.vda5050;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every number a robot sends is finite and inside its field's bounds, or the message is refused naming it. */
class DecodeBoundsTest {

    private final Vda5050Codec codec = new Vda5050Codec();

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "agvPosition.x, 1e400, '$.agvPosition.x: number is not finite (too large for a 64-bit floating-point number)'",
            "agvPosition.x, -1e400, '$.agvPosition.x: number is not finite (too large for a 64-bit floating-point number)'",
            "agvPosition.x, 1e308, '$.agvPosition.x: number 1.0E308 is outside -1e+06..1e+06'",
            "agvPosition.y, -1000001, '$.agvPosition.y: number -1000001.0 is outside -1e+06..1e+06'",
            "agvPosition.theta, 1e9, '$.agvPosition.theta: number 1.0E9 is outside -62.8319..62.8319'",
            "agvPosition.localizationScore, 1.5, '$.agvPosition.localizationScore: number 1.5 is outside 0..1'",
            "velocity.vx, 1e6, '$.velocity.vx: number 1000000.0 is outside -100..100'",
            "batteryState.batteryCharge, 100.5, '$.batteryState.batteryCharge: number 100.5 is outside 0..100'",
            "batteryState.batteryCharge, -1, '$.batteryState.batteryCharge: number -1.0 is outside 0..100'",
            "distanceSinceLastNode, 1e300, '$.distanceSinceLastNode: number 1.0E300 is outside 0..1e+07'",
    })
    void aStateWithANumberOutsideItsBoundsIsRefusedNamingTheFieldAndTheBounds(String field, String number,
                                                                               String expected) {
        byte[] payload = stateWith(field, number);

        Vda5050DecodeException e = catchThrowableOfType(Vda5050DecodeException.class,
                () -> codec.decode(State.class, payload));

        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(Vda5050DecodeException.Kind.OUT_OF_BOUNDS);
        assertThat(e.getMessage()).isEqualTo("state: " + expected);
        assertThat(e.path()).isEqualTo("$." + field);
    }

    @Test
    void anIntegerOfThreeHundredAndTenDigitsIsNotFiniteAndRefused() {
        byte[] payload = stateWith("agvPosition.x", "1" + "0".repeat(309));

        Vda5050DecodeException e = catchThrowableOfType(Vda5050DecodeException.class,
                () -> codec.decode(State.class, payload));

        assertThat(e.kind()).isEqualTo(Vda5050DecodeException.Kind.OUT_OF_BOUNDS);
        assertThat(e.getMessage()).contains("is not finite");
    }

    @Test
    void nanAndInfinityTokensAreNotJson() {
        for (String token : new String[]{"NaN", "Infinity", "-Infinity"}) {
            Vda5050DecodeException e = catchThrowableOfType(Vda5050DecodeException.class,
                    () -> codec.decode(State.class, stateWith("agvPosition.x", token)));
            assertThat(e.kind()).as(token).isEqualTo(Vda5050DecodeException.Kind.MALFORMED_JSON);
        }
    }

    @Test
    void aNegativeHeaderIdIsRefused() {
        Vda5050DecodeException e = catchThrowableOfType(Vda5050DecodeException.class,
                () -> codec.decode(State.class, stateWith("headerId", "-3")));

        assertThat(e.kind()).isEqualTo(Vda5050DecodeException.Kind.OUT_OF_BOUNDS);
        assertThat(e.getMessage()).isEqualTo("state: $.headerId: integer -3 is negative, expected 0 or more");
    }

    @Test
    void aTimestampInTheYearNineThousandIsRefused() {
        Vda5050DecodeException e = catchThrowableOfType(Vda5050DecodeException.class,
                () -> codec.decode(State.class, stateWith("timestamp", "\"9000-01-01T00:00:00Z\"")));

        assertThat(e.kind()).isEqualTo(Vda5050DecodeException.Kind.OUT_OF_BOUNDS);
        assertThat(e.getMessage()).startsWith("state: $.timestamp: time 9000-01-01T00:00:00Z is not between");
    }

    @Test
    void anInfiniteActionParameterValueIsRefused() {
        String payload = new String(Samples.bytes("2.1.0/instantActions.json"), StandardCharsets.UTF_8);
        ObjectNode root = read(payload.getBytes(StandardCharsets.UTF_8));
        ObjectNode parameter = (ObjectNode) root.get("actions").get(0);
        parameter.putArray("actionParameters").addObject().put("key", "speed").put("value", 1.0);
        String text = root.toString().replace("\"value\":1.0", "\"value\":1e999");

        Vda5050DecodeException e = catchThrowableOfType(Vda5050DecodeException.class,
                () -> codec.decode(InstantActions.class, text.getBytes(StandardCharsets.UTF_8)));

        assertThat(e.kind()).isEqualTo(Vda5050DecodeException.Kind.OUT_OF_BOUNDS);
        assertThat(e.path()).isEqualTo("$.actions[0].actionParameters[0].value");
    }

    @Test
    void extremeButPlausibleValuesAtTheBoundsAreAccepted() {
        State s = codec.decode(State.class, stateWith("agvPosition.x", "-1e6"));
        assertThat(s.agvPosition().x()).isEqualTo(-1e6);
        State wound = codec.decode(State.class, stateWith("agvPosition.theta", "25.1"));
        assertThat(wound.agvPosition().theta()).isEqualTo(25.1);
    }

    /** The sample state with one field's JSON text replaced by {@code json}, written raw so 1e400 stays 1e400. */
    private static byte[] stateWith(String field, String json) {
        ObjectNode root = read(Samples.bytes("2.1.0/state.json"));
        String[] parts = field.split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        String marker = "__REPLACE_ME__";
        parent.put(parts[parts.length - 1], marker);
        return root.toString().replace('"' + marker + '"', json).getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode read(byte[] bytes) {
        try {
            return (ObjectNode) Vda5050Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
