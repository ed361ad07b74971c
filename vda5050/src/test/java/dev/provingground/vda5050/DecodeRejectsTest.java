package dev.provingground.vda5050;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import java.io.IOException;
import java.io.UncheckedIOException;

class DecodeRejectsTest {

    private static Vda5050Codec codec;

    @BeforeAll
    static void createCodec() {
        codec = new Vda5050Codec();
    }

    @Test
    void stringWhereANumberBelongsNamesPathAndValue() {
        byte[] payload = edit("2.1.0/state.json", s -> ((ObjectNode) s.get("batteryState")).put("batteryCharge", "full"));

        Vda5050DecodeException e = catchThrowableOfType(Vda5050DecodeException.class,
                () -> codec.decode(State.class, payload));

        assertThat(e).hasMessage("state: $.batteryState.batteryCharge: expected number but got string \"full\"");
        assertThat(e.path()).isEqualTo("$.batteryState.batteryCharge");
        assertThat(e.subject()).isEqualTo("state");
    }

    @Test
    void missingRequiredFieldIsNamed() {
        byte[] payload = edit("2.1.0/state.json", s -> s.remove("safetyState"));

        assertThatThrownBy(() -> codec.decode(State.class, payload))
                .isInstanceOf(Vda5050DecodeException.class)
                .hasMessage("state: missing required field $.safetyState");
    }

    @Test
    void missingFieldDeepInsideAListIsNamedWithItsIndex() {
        byte[] payload = edit("2.1.0/order.json",
                o -> ((ObjectNode) o.get("nodes").get(2).get("actions").get(0)).remove("blockingType"));

        assertThatThrownBy(() -> codec.decode(Order.class, payload))
                .isInstanceOf(Vda5050DecodeException.class)
                .hasMessage("order: missing required field $.nodes[2].actions[0].blockingType");
    }

    @Test
    void unknownEnumValueIsRejectedWithTheAllowedValues() {
        byte[] payload = edit("2.1.0/state.json",
                s -> ((ObjectNode) s.get("actionStates").get(1)).put("actionStatus", "DONE"));

        assertThatThrownBy(() -> codec.decode(State.class, payload))
                .isInstanceOf(Vda5050DecodeException.class)
                .hasMessage("state: $.actionStates[1].actionStatus: unknown value string \"DONE\", expected one of "
                        + "[WAITING, INITIALIZING, RUNNING, PAUSED, FINISHED, FAILED]");
    }

    @Test
    void enumValuesAreCaseSensitive() {
        byte[] payload = edit("2.1.0/connection.json", c -> c.put("connectionState", "online"));

        assertThatThrownBy(() -> codec.decode(Connection.class, payload))
                .isInstanceOf(Vda5050DecodeException.class)
                .hasMessageStartingWith("connection: $.connectionState: unknown value string \"online\"");
    }

    @Test
    void malformedJsonIsRejectedWithItsLocation() {
        byte[] payload = "{\"headerId\": 1, \"timestamp\": ".getBytes(StandardCharsets.UTF_8);

        Vda5050DecodeException e = catchThrowableOfType(Vda5050DecodeException.class,
                () -> codec.decode(Topic.CONNECTION, payload));

        assertThat(e.getMessage()).startsWith("connection: malformed JSON at $.timestamp (line 1, column ");
        assertThat(e.path()).isEqualTo("$.timestamp");
    }

    @Test
    void trailingGarbageAfterTheObjectIsMalformed() {
        byte[] payload = "{\"connectionState\": \"ONLINE\"} {}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decode(Connection.class, payload))
                .isInstanceOf(Vda5050DecodeException.class)
                .hasMessageStartingWith("connection: malformed JSON at $");
    }

    @Test
    void emptyPayloadAndNonObjectsAreRejected() {
        assertThatThrownBy(() -> codec.decode(State.class, new byte[0]))
                .isInstanceOf(Vda5050DecodeException.class)
                .hasMessage("state: empty payload, expected a JSON object");
        assertThatThrownBy(() -> codec.decode(State.class, "[]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Vda5050DecodeException.class)
                .hasMessage("state: $: expected object but got array");
        assertThatThrownBy(() -> codec.decode(State.class, "\"state\"".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Vda5050DecodeException.class)
                .hasMessage("state: $: expected object but got string \"state\"");
    }

    @Test
    void fractionalIntegerIsRejectedButIntegralFloatIsAccepted() {
        byte[] fractional = edit("2.1.0/order.json", o -> ((ObjectNode) o.get("nodes").get(1)).put("sequenceId", 2.5));
        byte[] integral = edit("2.1.0/order.json", o -> ((ObjectNode) o.get("nodes").get(1)).put("sequenceId", 2.0));

        assertThatThrownBy(() -> codec.decode(Order.class, fractional))
                .isInstanceOf(Vda5050DecodeException.class)
                .hasMessage("order: $.nodes[1].sequenceId: expected integer but got number 2.5");
        assertThat(codec.decode(Order.class, integral).nodes().get(1).sequenceId()).isEqualTo(2);
    }

    @Test
    void numberWhereAStringBelongsIsRejected() {
        byte[] payload = edit("2.1.0/order.json", o -> o.put("orderId", 17));

        assertThatThrownBy(() -> codec.decode(Order.class, payload))
                .isInstanceOf(Vda5050DecodeException.class)
                .hasMessage("order: $.orderId: expected string but got number 17");
    }

    @Test
    void nullForARequiredFieldIsAWrongTypeButForAnOptionalOneIsAbsence() {
        byte[] requiredNull = edit("2.1.0/state.json", s -> s.putNull("driving"));
        byte[] optionalNull = edit("2.1.0/state.json", s -> s.putNull("paused"));

        assertThatThrownBy(() -> codec.decode(State.class, requiredNull))
                .isInstanceOf(Vda5050DecodeException.class)
                .hasMessage("state: $.driving: expected boolean but got null");
        assertThat(codec.decode(State.class, optionalNull).paused()).isNull();
    }

    @Test
    void timestampWithoutOffsetOrInAnotherFormatIsRejected() {
        for (String bad : new String[] {"2026-11-22T03:47:46.123", "22.11.2026 03:47", "1764000000"}) {
            byte[] payload = edit("2.1.0/connection.json", c -> c.put("timestamp", bad));
            assertThatThrownBy(() -> codec.decode(Connection.class, payload))
                    .isInstanceOf(Vda5050DecodeException.class)
                    .hasMessageStartingWith("connection: $.timestamp: expected ISO 8601 date-time with UTC offset")
                    .hasMessageContaining(bad);
        }
        byte[] numeric = edit("2.1.0/connection.json", c -> c.put("timestamp", 1764000000));
        assertThatThrownBy(() -> codec.decode(Connection.class, numeric))
                .isInstanceOf(Vda5050DecodeException.class)
                .hasMessage("connection: $.timestamp: expected ISO 8601 date-time string but got number 1764000000");
    }

    @Test
    void requiredFieldsFollowTheMessagesVersion() {
        byte[] withoutWeight = edit("2.0.0/state.json",
                s -> ((ObjectNode) s.get("edgeStates").get(0).get("trajectory").get("controlPoints").get(0))
                        .remove("weight"));
        assertThatThrownBy(() -> codec.decode(State.class, withoutWeight))
                .isInstanceOf(Vda5050DecodeException.class)
                .hasMessage("state: missing required field $.edgeStates[0].trajectory.controlPoints[0].weight");

        byte[] sameAs21 = edit("2.0.0/state.json", s -> {
            s.put("version", "2.1.0");
            ((ObjectNode) s.get("edgeStates").get(0).get("trajectory").get("controlPoints").get(0)).remove("weight");
        });
        State state = codec.decode(State.class, sameAs21);
        assertThat(state.edgeStates().get(0).trajectory().controlPoints().get(0).weight()).isNull();
    }

    @Test
    void nodeStateThetaIsOptionalEvenIn20WhereTheSchemaRequiresIt() {
        byte[] withoutTheta = edit("2.0.0/state.json",
                s -> ((ObjectNode) s.get("nodeStates").get(0).get("nodePosition")).remove("theta"));
        assertThat(codec.decode(State.class, withoutTheta).nodeStates().get(0).nodePosition().theta()).isNull();
    }

    @Test
    void instantActionsNeedTheirListIn21ButNotIn20() {
        byte[] without21 = edit("2.1.0/instantActions.json", i -> i.remove("actions"));
        byte[] without20 = edit("2.0.0/instantActions.json", i -> i.remove("instantActions"));

        assertThatThrownBy(() -> codec.decode(InstantActions.class, without21))
                .isInstanceOf(Vda5050DecodeException.class)
                .hasMessage("instantActions: missing required field $.actions");
        assertThat(codec.decode(InstantActions.class, without20).actions()).isEmpty();
    }

    @Test
    void oldInstantActionsKeyErrorsNameThatKey() {
        byte[] payload = edit("2.0.0/instantActions.json",
                i -> ((ObjectNode) i.get("instantActions").get(1)).put("blockingType", "MEDIUM"));

        assertThatThrownBy(() -> codec.decode(InstantActions.class, payload))
                .isInstanceOf(Vda5050DecodeException.class)
                .hasMessageStartingWith("instantActions: $.instantActions[1].blockingType: unknown value string \"MEDIUM\"");
    }

    @Test
    void actionParameterValueMayNotBeNull() {
        byte[] payload = edit("2.1.0/instantActions.json", i -> ((ObjectNode) i.get("actions").get(1)
                .get("actionParameters").get(0)).putNull("value"));

        assertThatThrownBy(() -> codec.decode(InstantActions.class, payload))
                .isInstanceOf(Vda5050DecodeException.class)
                .hasMessage("instantActions: $.actions[1].actionParameters[0].value: "
                        + "expected array, boolean, number, string or object but got null");
    }

    @Test
    void wrongTypeOfListOrObjectIsNamed() {
        byte[] listAsObject = edit("2.1.0/state.json", s -> s.putObject("errors"));
        byte[] objectAsList = edit("2.1.0/state.json", s -> s.putArray("batteryState"));
        byte[] elementAsString = edit("2.1.0/factsheet.json",
                f -> ((com.fasterxml.jackson.databind.node.ArrayNode) f.get("typeSpecification").get("navigationTypes"))
                        .add(7));

        assertThatThrownBy(() -> codec.decode(State.class, listAsObject))
                .isInstanceOf(Vda5050DecodeException.class)
                .hasMessage("state: $.errors: expected array but got object");
        assertThatThrownBy(() -> codec.decode(State.class, objectAsList))
                .isInstanceOf(Vda5050DecodeException.class)
                .hasMessage("state: $.batteryState: expected object but got array");
        assertThatThrownBy(() -> codec.decode(Factsheet.class, elementAsString))
                .isInstanceOf(Vda5050DecodeException.class)
                .hasMessage("factsheet: $.typeSpecification.navigationTypes[2]: expected string but got number 7");
    }

    @Test
    void dottedFactsheetKeysAppearBracketedInPaths() {
        byte[] payload = edit("2.1.0/factsheet.json",
                f -> ((ObjectNode) f.get("protocolLimits").get("maxArrayLens")).put("order.nodes", "many"));

        assertThatThrownBy(() -> codec.decode(Factsheet.class, payload))
                .isInstanceOf(Vda5050DecodeException.class)
                .hasMessage("factsheet: $.protocolLimits.maxArrayLens['order.nodes']: expected integer but got string \"many\"");
    }

    private static byte[] edit(String sample, Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) Vda5050Json.mapper().readTree(Samples.bytes(sample));
            change.accept(root);
            return Vda5050Json.mapper().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
