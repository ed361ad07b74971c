package dev.provingground.vda5050;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EncodeRejectsTest {

    private static Vda5050Codec codec;

    @BeforeAll
    static void loadSchemas() {
        codec = new Vda5050Codec();
    }

    @Test
    void orderWithoutHeaderListsEveryMissingHeaderField() {
        Order unstamped = Order.create("o-1", 0, List.of(Node.of("n", 0, true, null, List.of())), List.of());

        Vda5050EncodeException e = catchThrowableOfType(Vda5050EncodeException.class, () -> codec.encode(unstamped));

        assertThat(e.topic()).isEqualTo(Topic.ORDER);
        assertThat(e.violations()).extracting(SchemaViolation::message)
                .anyMatch(m -> m.contains("timestamp"))
                .anyMatch(m -> m.contains("version"))
                .anyMatch(m -> m.contains("manufacturer"))
                .anyMatch(m -> m.contains("serialNumber"));
        assertThat(e.getMessage()).startsWith("order: message does not conform to the VDA 5050 2.1.0 schema");
    }

    @Test
    void localizationScoreAboveOneIsRejectedAtItsPointer() {
        State state = SampleMessages.state();
        AgvPosition p = state.agvPosition();
        State bad = new State(state.headerId(), state.timestamp(), state.version(), state.manufacturer(),
                state.serialNumber(), state.maps(), state.orderId(), state.orderUpdateId(), state.zoneSetId(),
                state.lastNodeId(), state.lastNodeSequenceId(), state.driving(), state.paused(),
                state.newBaseRequest(), state.distanceSinceLastNode(), state.operatingMode(), state.nodeStates(),
                state.edgeStates(),
                new AgvPosition(p.x(), p.y(), p.theta(), p.mapId(), null, true, 1.5, null),
                state.velocity(), state.loads(), state.actionStates(), state.batteryState(), state.errors(),
                state.information(), state.safetyState());

        assertThatThrownBy(() -> codec.encode(bad))
                .isInstanceOf(Vda5050EncodeException.class)
                .hasMessageContaining("/agvPosition/localizationScore");
    }

    @Test
    void negativeSequenceIdAndKnotOutsideUnitIntervalAreBothListed() {
        Order order = SampleMessages.order();
        Edge edge = order.edges().get(0);
        Edge badEdge = new Edge(edge.edgeId(), edge.sequenceId(), edge.edgeDescription(), edge.released(),
                edge.startNodeId(), edge.endNodeId(), edge.maxSpeed(), edge.maxHeight(), edge.minHeight(),
                edge.orientation(), edge.orientationType(), edge.direction(), edge.rotationAllowed(),
                edge.maxRotationSpeed(), edge.length(),
                new Trajectory(1, List.of(0.0, 0.0, 1.5, 1.0), edge.trajectory().controlPoints()),
                edge.corridor(), edge.actions());
        Node badNode = Node.of("lobby", -2, true, null, List.of());
        Order bad = new Order(order.headerId(), order.timestamp(), order.version(), order.manufacturer(),
                order.serialNumber(), order.orderId(), order.orderUpdateId(), null,
                List.of(badNode, order.nodes().get(1), order.nodes().get(2)), List.of(badEdge, order.edges().get(1)));

        Vda5050EncodeException e = catchThrowableOfType(Vda5050EncodeException.class, () -> codec.encode(bad));

        assertThat(e.violations()).extracting(SchemaViolation::pointer)
                .contains("/nodes/0/sequenceId", "/edges/0/trajectory/knotVector/2");
        assertThat(e.getMessage()).contains("/nodes/0/sequenceId").contains("/edges/0/trajectory/knotVector/2");
    }

    @Test
    void actionWithoutBlockingTypeIsRejected() {
        InstantActions bad = InstantActions.create(List.of(Action.instant("startPause", "ia-1", null, List.of())))
                .withHeader(SampleMessages.header(1));

        Vda5050EncodeException e = catchThrowableOfType(Vda5050EncodeException.class, () -> codec.encode(bad));

        assertThat(e.violations()).containsExactly(new SchemaViolation("/actions/0",
                e.violations().get(0).message()));
        assertThat(e.violations().get(0).message()).contains("blockingType");
    }

    @Test
    void orientationBeyondPiIsRejected() {
        Order order = SampleMessages.order();
        Node node = order.nodes().get(0);
        Node bad = Node.of(node.nodeId(), node.sequenceId(), true,
                NodePosition.of(1, 2, "m").withTheta(4.0), node.actions());
        Order badOrder = new Order(order.headerId(), order.timestamp(), order.version(), order.manufacturer(),
                order.serialNumber(), order.orderId(), order.orderUpdateId(), null, List.of(bad), List.of());

        assertThatThrownBy(() -> codec.encode(badOrder))
                .isInstanceOf(Vda5050EncodeException.class)
                .hasMessageContaining("/nodes/0/nodePosition/theta");
    }

    @Test
    void factsheetWithoutRequiredSectionsIsRejected() {
        Factsheet f = SampleMessages.factsheet();
        Factsheet bad = new Factsheet(f.headerId(), f.timestamp(), f.version(), f.manufacturer(), f.serialNumber(),
                f.typeSpecification(), f.physicalParameters(), null, f.protocolFeatures(), null,
                f.loadSpecification(), null);

        Vda5050EncodeException e = catchThrowableOfType(Vda5050EncodeException.class, () -> codec.encode(bad));

        assertThat(e.violations()).extracting(SchemaViolation::message)
                .anyMatch(m -> m.contains("protocolLimits"))
                .anyMatch(m -> m.contains("agvGeometry"));
    }
}
