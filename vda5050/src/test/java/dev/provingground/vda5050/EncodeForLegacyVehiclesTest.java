package dev.provingground.vda5050;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.Map;

/** Orders and instant actions for a 2.0.0 vehicle carry the 2.0.0 version and spellings. */
class EncodeForLegacyVehiclesTest {

    private final Vda5050Codec codec = new Vda5050Codec();

    @Test
    void orderForA200VehicleValidatesAgainstThe200Schema() {
        Order order = withoutObjectParameters(SampleMessages.order());
        JsonObject json = new JsonObject(new String(codec.encodeFor(order, "2.0.0")));
        assertThat(json.getString("version")).isEqualTo("2.0.0");
        Vda5050Schemas schemas200 = Vda5050Schemas.load(PublishedSchemas.v200());
        assertThat(schemas200.validate(Topic.ORDER, json.encode().getBytes())).isEmpty();
    }

    @Test
    void objectParameterValuesCannotGoToA200Vehicle() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> codec.encodeFor(SampleMessages.order(), "2.0.0"))
                .isInstanceOf(Vda5050EncodeException.class).hasMessageContaining("2.0.0 vehicle");
    }

    private static Order withoutObjectParameters(Order o) {
        List<Node> nodes = o.nodes().stream().map(n -> new Node(n.nodeId(), n.sequenceId(), n.nodeDescription(),
                n.released(), n.nodePosition(), n.actions().stream().map(a -> new Action(a.actionType(), a.actionId(),
                a.actionDescription(), a.blockingType(), a.actionParameters().stream()
                .filter(p -> !(p.value() instanceof Map)).toList())).toList())).toList();
        return new Order(o.headerId(), o.timestamp(), o.version(), o.manufacturer(), o.serialNumber(), o.orderId(),
                o.orderUpdateId(), o.zoneSetId(), nodes, o.edges());
    }

    @Test
    void nodeDeviationIsSpelledThe200Way() {
        Node node = Node.of("n0", 0, true, NodePosition.of(1, 2, "L1").withAllowedDeviationXY(0.5), List.of());
        Order order = Order.create("o", 0, List.of(node), List.of()).withHeader(SampleMessages.header(1));
        JsonObject position = new JsonObject(new String(codec.encodeFor(order, "2.0.0")))
                .getJsonArray("nodes").getJsonObject(0).getJsonObject("nodePosition");
        assertThat(position.getDouble("allowedDeviationXy")).isEqualTo(0.5);
        assertThat(position.containsKey("allowedDeviationXY")).isFalse();
    }

    @Test
    void instantActionsForA200VehicleUseTheOldArrayKey() {
        JsonObject json = new JsonObject(new String(codec.encodeFor(SampleMessages.instantActions(), "2.0.0")));
        assertThat(json.getString("version")).isEqualTo("2.0.0");
        assertThat(json.getJsonArray("instantActions")).isNotEmpty();
        assertThat(json.containsKey("actions")).isFalse();
        InstantActions back = codec.decode(InstantActions.class, json.encode().getBytes());
        assertThat(back.actions()).isEqualTo(SampleMessages.instantActions().actions());
    }

    @Test
    void vehiclesOf21AndUnknownVersionsGetThe21Encoding() {
        byte[] plain = codec.encode(SampleMessages.order());
        assertThat(codec.encodeFor(SampleMessages.order(), "2.1.0")).isEqualTo(plain);
        assertThat(codec.encodeFor(SampleMessages.order(), null)).isEqualTo(plain);
    }

    @Test
    void stateEchoingANodeWithoutThetaFromA200VehicleIsAccepted() {
        String state = """
                {"headerId":3,"timestamp":"2026-11-22T03:47:46.1Z","version":"2.0.0","manufacturer":"M",
                 "serialNumber":"S","orderId":"o","orderUpdateId":0,"lastNodeId":"0","lastNodeSequenceId":0,
                 "nodeStates":[{"nodeId":"n1","sequenceId":2,"released":true,
                                "nodePosition":{"x":1.0,"y":0.0,"mapId":"local"}}],
                 "edgeStates":[],"driving":false,"actionStates":[],
                 "batteryState":{"batteryCharge":100,"charging":false},"operatingMode":"AUTOMATIC","errors":[],
                 "safetyState":{"eStop":"NONE","fieldViolation":false}}
                """;
        State decoded = codec.decode(State.class, state.getBytes());
        assertThat(decoded.nodeStates().get(0).nodePosition().theta()).isNull();
    }
}
