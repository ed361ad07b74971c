package dev.provingground.vda5050;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DecodeSamplesTest {

    private static Vda5050Codec codec;

    @BeforeAll
    static void createCodec() {
        codec = new Vda5050Codec();
    }

    @Test
    void fullStateDecodesWithNanosecondTimestampPausedActionAndUnknownFieldsIgnored() {
        State state = codec.decode(State.class, Samples.bytes("2.1.0/state.json"));

        assertThat(state.headerId()).isEqualTo(5120);
        assertThat(state.timestamp()).isEqualTo(Instant.parse("2026-11-22T03:47:46.123456789Z"));
        assertThat(state.header()).isEqualTo(new Header(5120, Instant.parse("2026-11-22T03:47:46.123456789Z"),
                "2.1.0", "acme-robotics", "db-0042"));
        assertThat(state.maps()).extracting(MapInfo::mapStatus).containsExactly(MapStatus.ENABLED, MapStatus.DISABLED);
        assertThat(state.driving()).isTrue();
        assertThat(state.paused()).isFalse();
        assertThat(state.distanceSinceLastNode()).isEqualTo(3.2);
        assertThat(state.nodeStates()).extracting(NodeState::nodeId).containsExactly("elevator-hall", "room-305");
        assertThat(state.nodeStates().get(0).nodePosition()).isEqualTo(NodePosition.of(12.0, 4.0, "hq-level-3"));
        assertThat(state.nodeStates().get(1).nodePosition()).isNull();
        assertThat(state.edgeStates().get(0).trajectory().knotVector()).containsExactly(0.0, 0.0, 1.0, 1.0);
        assertThat(state.edgeStates().get(0).trajectory().controlPoints())
                .containsExactly(ControlPoint.of(2.5, 4.0), new ControlPoint(12.0, 4.0, 1.0));
        assertThat(state.agvPosition()).isEqualTo(
                new AgvPosition(5.7, 4.02, 0.01, "hq-level-3", null, true, 0.93, 0.05));
        assertThat(state.velocity()).isEqualTo(Velocity.of(1.1, 0.0, 0.02));
        assertThat(state.loads()).singleElement().extracting(Load::weight).isEqualTo(2.5);
        assertThat(state.actionStates()).extracting(ActionState::actionStatus)
                .containsExactly(ActionStatus.FINISHED, ActionStatus.PAUSED, ActionStatus.WAITING);
        assertThat(state.batteryState()).isEqualTo(new BatteryState(76.5, 48.1, 97.0, false, 5400.0));
        assertThat(state.errors()).singleElement().satisfies(error -> {
            assertThat(error.errorLevel()).isEqualTo(ErrorLevel.WARNING);
            assertThat(error.errorReferences()).containsExactly(new ErrorReference("nodeId", "lobby"));
            assertThat(error.errorHint()).isEqualTo("Check the bumper");
        });
        assertThat(state.information()).singleElement().extracting(Info::infoLevel).isEqualTo(InfoLevel.INFO);
        assertThat(state.safetyState()).isEqualTo(new SafetyState(EStop.NONE, false));
    }

    @Test
    void orderDecodesNodesEdgesActionsAndParameterValuesOfEveryJsonType() {
        Order order = codec.decode(Order.class, Samples.bytes("2.1.0/order.json"));

        assertThat(order.timestamp()).isEqualTo(Instant.parse("2026-11-22T03:47:46Z"));
        assertThat(order.nodes()).hasSize(3);
        assertThat(order.edges()).hasSize(2);
        assertThat(order.nodes().get(0).nodePosition().allowedDeviationXY()).isEqualTo(0.3);
        List<ActionParameter> handover = order.nodes().get(2).actions().get(0).actionParameters();
        assertThat(handover).extracting(ActionParameter::value).containsExactly(
                "Dr. Kim", true, List.of(1L, 2L), Map.of("message", "Your delivery", "timeoutSeconds", 90.5));
        Edge corridor = order.edges().get(0);
        assertThat(corridor.orientationType()).isEqualTo(OrientationType.TANGENTIAL);
        assertThat(corridor.corridor()).isEqualTo(new Corridor(0.5, 0.5, CorridorRefPoint.KINEMATICCENTER));
        assertThat(corridor.actions()).singleElement().extracting(Action::actionParameters).isEqualTo(List.of());
        assertThat(order.edges().get(1).trajectory()).isNull();
    }

    @Test
    void sampleOrderIsTheSameOrderTheTestsBuild() {
        Order decoded = codec.decode(Order.class, Samples.bytes("2.1.0/order.json"));
        Order built = SampleMessages.order();

        assertThat(decoded.withHeader(built.header())).isEqualTo(built);
    }

    @Test
    void instantActionsDecodeWithOneDigitFraction() {
        InstantActions actions = codec.decode(InstantActions.class, Samples.bytes("2.1.0/instantActions.json"));

        assertThat(actions.timestamp()).isEqualTo(Instant.parse("2026-11-22T03:47:46.100Z"));
        assertThat(actions).isEqualTo(SampleMessages.instantActions()
                .withHeader(new Header(3, Instant.parse("2026-11-22T03:47:46.100Z"), "2.1.0", "acme-robotics", "db-0042")));
    }

    @Test
    void connectionWithNineHourOffsetIsConvertedToUtc() {
        Connection connection = codec.decode(Connection.class, Samples.bytes("2.1.0/connection.json"));

        assertThat(connection.timestamp()).isEqualTo(Instant.parse("2026-11-21T18:47:46.123Z"));
        assertThat(connection.connectionState()).isEqualTo(ConnectionState.ONLINE);
    }

    @Test
    void visualizationAndFactsheetSamplesEqualTheBuiltMessages() {
        assertThat(codec.decode(Visualization.class, Samples.bytes("2.1.0/visualization.json")))
                .isEqualTo(SampleMessages.visualization());
        Factsheet factsheet = codec.decode(Factsheet.class, Samples.bytes("2.1.0/factsheet.json"));
        Factsheet built = SampleMessages.factsheet();
        assertThat(factsheet.typeSpecification()).isEqualTo(built.typeSpecification());
        assertThat(factsheet.physicalParameters()).isEqualTo(built.physicalParameters());
        assertThat(factsheet.protocolLimits()).isEqualTo(built.protocolLimits());
        assertThat(factsheet.protocolFeatures()).isEqualTo(built.protocolFeatures());
        assertThat(factsheet.loadSpecification()).isEqualTo(built.loadSpecification());
        assertThat(factsheet.vehicleConfig()).isEqualTo(built.vehicleConfig());
        assertThat(factsheet.agvGeometry().envelopes3d()).hasSize(2);
        Envelope3d inline = factsheet.agvGeometry().envelopes3d().get(1);
        assertThat(inline.description()).as("integer description as the 2.1.0 schema types it").isEqualTo("3");
        assertThat(inline.data()).isEqualTo(Map.of("vertices", List.of(List.of(0L, 0L, 0L), List.of(0.7, 0L, 0L)),
                "scale", 1.0));
    }

    @Test
    void decodeByTopicGivesTheTopicsMessageType() {
        VdaMessage message = codec.decode(Topic.STATE, Samples.bytes("2.1.0/state.json"));

        assertThat(message).isInstanceOf(State.class);
        assertThat(message.topic()).isEqualTo(Topic.STATE);
    }

    @Test
    void legacyStateAcceptsIntegerBatteryFieldsAndPausedActions() {
        State state = codec.decode(State.class, Samples.bytes("2.0.0/state.json"));

        assertThat(state.version()).isEqualTo("2.0.0");
        assertThat(state.timestamp()).isEqualTo(Instant.parse("2026-11-22T03:47:46.100Z"));
        assertThat(state.paused()).isTrue();
        assertThat(state.batteryState()).isEqualTo(new BatteryState(54, null, 90.0, false, 1200.0));
        assertThat(state.actionStates()).singleElement().extracting(ActionState::actionStatus)
                .isEqualTo(ActionStatus.PAUSED);
        assertThat(state.edgeStates().get(0).trajectory().controlPoints().get(1)).isEqualTo(new ControlPoint(4, 0, 0.7));
        assertThat(state.nodeStates().get(0).nodePosition().theta()).isEqualTo(3.14);
        assertThat(state.maps()).isEmpty();
        assertThat(state.loads()).isEmpty();
        assertThat(state.safetyState()).isEqualTo(new SafetyState(EStop.AUTOACK, true));
    }

    @Test
    void legacyOrderReadsAllowedDeviationXyAndOffsetTimestamp() {
        Order order = codec.decode(Order.class, Samples.bytes("2.0.0/order.json"));

        assertThat(order.timestamp()).isEqualTo(Instant.parse("2026-11-21T18:47:46.123Z"));
        assertThat(order.nodes().get(0).nodePosition().allowedDeviationXY()).isEqualTo(0.25);
        assertThat(order.nodes().get(1).actions().get(0).actionParameters())
                .containsExactly(ActionParameter.of("table", 12L));
    }

    @Test
    void legacyInstantActionsUseTheOldKeyAndActionName() {
        InstantActions actions = codec.decode(InstantActions.class, Samples.bytes("2.0.0/instantActions.json"));

        assertThat(actions.timestamp()).isEqualTo(Instant.parse("2026-11-22T03:47:46.123456789Z"));
        assertThat(actions.actions()).extracting(Action::actionType).containsExactly("startPause", "cancelOrder");
        assertThat(actions.actions().get(1).actionDescription()).isEqualTo("guest left");
    }

    @Test
    void legacyConnectionWithoutFractionDecodes() {
        Connection connection = codec.decode(Connection.class, Samples.bytes("2.0.0/connection.json"));

        assertThat(connection.timestamp()).isEqualTo(Instant.parse("2026-11-22T03:47:46Z"));
        assertThat(connection.connectionState()).isEqualTo(ConnectionState.CONNECTIONBROKEN);
    }

    @Test
    void legacyVisualizationWithOnlyVelocityDecodes() {
        Visualization visualization = codec.decode(Visualization.class, Samples.bytes("2.0.0/visualization.json"));

        assertThat(visualization.agvPosition()).isNull();
        assertThat(visualization.velocity()).isEqualTo(new Velocity(0.4, null, null));
    }

    @Test
    void legacyFactsheetAcceptsTheMisspellingsOfItsSchema() {
        Factsheet factsheet = codec.decode(Factsheet.class, Samples.bytes("2.0.0/factsheet.json"));

        assertThat(factsheet.typeSpecification().navigationTypes())
                .containsExactly(NavigationType.PHYSICAL_LINE_GUIDED, NavigationType.AUTONOMOUS);
        LoadSet plates = factsheet.loadSpecification().loadSets().get(0);
        assertThat(plates.maxWeight()).isEqualTo(6.5);
        assertThat(plates.description()).isEqualTo("2");
        assertThat(factsheet.agvGeometry()).isEqualTo(new AgvGeometry(null, null, null));
        assertThat(factsheet.protocolLimits().maxArrayLens().orderNodes()).isEqualTo(20);
        assertThat(factsheet.vehicleConfig()).isNull();
    }

    @Test
    void virtualAgvOfVdaLib140IsUnderstood() {
        State state = codec.decode(State.class, Samples.bytes("2.0.0/vda-5050-lib-1.4.0/state.json"));

        assertThat(state.header()).isEqualTo(new Header(0, Instant.parse("2026-11-22T03:47:46.123Z"), "2.0.0",
                "RobotCompany", "001"));
        assertThat(state.lastNodeId()).isEqualTo("0");
        assertThat(state.orderId()).isEmpty();
        assertThat(state.operatingMode()).isEqualTo(OperatingMode.AUTOMATIC);
        assertThat(state.agvPosition()).isEqualTo(new AgvPosition(0, 0, 0, "local", null, true, null, null));
        assertThat(state.velocity()).isEqualTo(Velocity.of(0, 0, 0));
        assertThat(state.batteryState()).isEqualTo(new BatteryState(100, 24.0, null, false, 28800.0));
        assertThat(state.paused()).isFalse();
        assertThat(state.nodeStates()).isEmpty();
        assertThat(state.safetyState()).isEqualTo(new SafetyState(EStop.NONE, false));
    }

    @Test
    void virtualAgvInstantActionsAndVisualizationAreUnderstood() {
        InstantActions actions = codec.decode(InstantActions.class,
                Samples.bytes("2.0.0/vda-5050-lib-1.4.0/instantActions.json"));
        Visualization visualization = codec.decode(Visualization.class,
                Samples.bytes("2.0.0/vda-5050-lib-1.4.0/visualization.json"));

        assertThat(actions.actions()).singleElement().extracting(Action::actionType).isEqualTo("startPause");
        assertThat(visualization.headerId()).isEqualTo(3);
        assertThat(visualization.agvPosition().mapId()).isEqualTo("local");
    }

    @Test
    void virtualAgvHeaderOnlyFactsheetIsRejectedAsTheSchemaRequires() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> codec.decode(Factsheet.class,
                        Samples.bytes("2.0.0/vda-5050-lib-1.4.0/factsheet.json")))
                .isInstanceOf(Vda5050DecodeException.class)
                .hasMessage("factsheet: missing required field $.typeSpecification");
    }
}
