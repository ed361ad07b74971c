package dev.provingground.vda5050;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Realistic messages of every topic for a delivery robot in a trial building. */
final class SampleMessages {

    static final String MANUFACTURER = "acme-robotics";
    static final String SERIAL = "db-0042";
    static final String MAP = "hq-level-3";
    static final Instant TIME = Instant.parse("2026-11-22T03:47:46.123Z");

    private SampleMessages() {
    }

    static Header header(long headerId) {
        return new Header(headerId, TIME, "2.1.0", MANUFACTURER, SERIAL);
    }

    /** Lobby → elevator hall → room 305: three nodes, two edges, node and edge actions. */
    static Order order() {
        Node lobby = new Node("lobby", 0, "Lobby pick-up desk", true,
                new NodePosition(2.5, 4.0, 0.0, 0.3, 0.2, MAP, "Level 3"),
                List.of(Action.of("pick", "act-pick-1", BlockingType.HARD,
                        List.of(ActionParameter.of("loadType", "tray"), ActionParameter.of("duration", 4)))));
        Node hall = Node.of("elevator-hall", 2, true, NodePosition.of(12.0, 4.0, MAP), List.of());
        Node room = new Node("room-305", 4, null, false,
                NodePosition.of(18.5, 11.25, MAP).withTheta(1.5707963),
                List.of(new Action("trayHandover", "act-handover-1", "Hand the tray to the recipient",
                        BlockingType.SOFT, List.of(
                        ActionParameter.of("recipient", "Dr. Kim"),
                        ActionParameter.of("confirmWithPin", true),
                        ActionParameter.of("slots", List.of(1, 2)),
                        ActionParameter.of("display", Map.of("message", "Your delivery", "timeoutSeconds", 90.5))))));
        Edge lobbyToHall = new Edge("lobby->elevator-hall", 1, "Main corridor", true, "lobby", "elevator-hall",
                1.2, 2.0, null, 0.0, OrientationType.TANGENTIAL, null, true, 0.8, 9.5,
                new Trajectory(1, List.of(0.0, 0.0, 1.0, 1.0),
                        List.of(new ControlPoint(2.5, 4.0, 1.0), ControlPoint.of(12.0, 4.0))),
                new Corridor(0.5, 0.5, CorridorRefPoint.KINEMATICCENTER),
                List.of(Action.of("beep", "act-beep-1", BlockingType.NONE, List.of())));
        Edge hallToRoom = Edge.of("elevator-hall->room-305", 3, false, "elevator-hall", "room-305", List.of())
                .withMaxSpeed(0.8);
        return new Order(7, TIME, "2.1.0", MANUFACTURER, SERIAL, "delivery-2026-11-22-0017", 1, "zones-v4",
                List.of(lobby, hall, room), List.of(lobbyToHall, hallToRoom));
    }

    static InstantActions instantActions() {
        return InstantActions.create(List.of(
                Action.instant("startPause", "ia-pause-9", BlockingType.HARD, List.of()),
                Action.instant("uvcLampOff", "ia-uvc-3", BlockingType.NONE,
                        List.of(ActionParameter.of("reason", "person detected"))))).withHeader(header(3));
    }

    /** A robot between lobby and elevator hall, pick finished, hand-over waiting, beep paused. */
    static State state() {
        return new State(120, TIME, "2.1.0", MANUFACTURER, SERIAL,
                List.of(new MapInfo(MAP, "4.2", "Level 3 after refit", MapStatus.ENABLED)),
                "delivery-2026-11-22-0017", 1, "zones-v4", "lobby", 0, true, false, false, 3.2,
                OperatingMode.AUTOMATIC,
                List.of(new NodeState("elevator-hall", 2, null, true, NodePosition.of(12.0, 4.0, MAP)),
                        new NodeState("room-305", 4, "Recipient's office", false, null)),
                List.of(new EdgeState("lobby->elevator-hall", 1, null, true,
                                new Trajectory(1, List.of(0.0, 0.0, 1.0, 1.0),
                                        List.of(ControlPoint.of(2.5, 4.0), ControlPoint.of(12.0, 4.0)))),
                        new EdgeState("elevator-hall->room-305", 3, null, false, null)),
                new AgvPosition(5.7, 4.02, 0.01, MAP, "Level 3", true, 0.93, 0.05),
                Velocity.of(1.1, 0.0, 0.02),
                List.of(new Load("tray-88", "tray", "front", new BoundingBoxReference(0.1, 0.0, 0.6, null),
                        new LoadDimensions(0.4, 0.3, 0.1), 2.5)),
                List.of(new ActionState("act-pick-1", "pick", null, ActionStatus.FINISHED, "tray-88 picked"),
                        ActionState.of("act-beep-1", "beep", ActionStatus.PAUSED),
                        ActionState.of("act-handover-1", "trayHandover", ActionStatus.WAITING)),
                new BatteryState(76.5, 48.1, 97.0, false, 5400.0),
                List.of(new VdaError("bumperContact", List.of(new ErrorReference("nodeId", "lobby")),
                        "Front bumper touched at the pick-up desk", "Check the bumper", ErrorLevel.WARNING)),
                List.of(new Info("elevatorRequest", List.of(new InfoReference("lift", "car-B")),
                        "Elevator car B requested", InfoLevel.INFO)),
                new SafetyState(EStop.NONE, false));
    }

    static Connection connection() {
        return Connection.create(ConnectionState.ONLINE).withHeader(header(0));
    }

    static Visualization visualization() {
        return Visualization.create(AgvPosition.of(5.7, 4.02, 0.01, MAP), Velocity.of(1.1, 0.0, 0.02))
                .withHeader(header(4711));
    }

    /** A delivery robot type with every required section and the repaired schema parts in use. */
    static Factsheet factsheet() {
        TypeSpecification type = new TypeSpecification("DeliBot S2", "Indoor delivery robot with two trays",
                AgvKinematic.DIFF, AgvClass.CARRIER, 20.0, List.of(LocalizationType.NATURAL),
                List.of(NavigationType.AUTONOMOUS, NavigationType.VIRTUAL_LINE_GUIDED));
        PhysicalParameters physical = new PhysicalParameters(0.05, 1.5, -1.0, 1.0, 0.8, 1.5, 1.1, 1.3, 0.55, 0.7);
        ProtocolLimits limits = new ProtocolLimits(
                new MaxStringLens(65536L, 32L, 32L, 64L, false, 32L, 32L),
                new MaxArrayLens(64L, 63L, 8L, 8L, 16L, 8L, 32L, 32L, 64L, 63L, 2L, 128L, 32L, 32L, 8L, 8L),
                new Timing(0.5, 0.1, 1.0, 0.2));
        ProtocolFeatures features = new ProtocolFeatures(
                List.of(new OptionalParameter("order.edges.trajectory", ParameterSupport.SUPPORTED, null),
                        new OptionalParameter("order.nodes.nodePosition", ParameterSupport.REQUIRED,
                                "Free navigation needs positions")),
                List.of(new AgvAction("pick", "Take a tray from a desk", List.of(ActionScope.NODE),
                                List.of(new AgvActionParameter("loadType", ValueDataType.STRING, null, false),
                                        new AgvActionParameter("duration", ValueDataType.NUMBER, "seconds", true)),
                                "loadId picked", List.of(BlockingType.HARD)),
                        new AgvAction("uvcLampOff", "Switch the UV-C lamp off", List.of(ActionScope.INSTANT),
                                List.of(), null, List.of(BlockingType.NONE, BlockingType.SOFT)),
                        new AgvAction("startPause", null, List.of(ActionScope.INSTANT), List.of(), null, List.of())));
        AgvGeometry geometry = new AgvGeometry(
                List.of(new WheelDefinition(WheelType.DRIVE, true, false, new WheelPosition(0.0, 0.22, null),
                                0.16, 0.04, null, null),
                        new WheelDefinition(WheelType.CASTER, false, false, new WheelPosition(0.25, 0.0, 0.0),
                                0.08, 0.03, 0.02, "passive")),
                List.of(new Envelope2d("default", List.of(new PolygonPoint(-0.35, -0.28),
                        new PolygonPoint(0.35, -0.28), new PolygonPoint(0.35, 0.28), new PolygonPoint(-0.35, 0.28)),
                        "Footprint with bumper")),
                List.of(new Envelope3d("default", "DXF", null, "https://acme.example/delibot-s2.dxf",
                        "Body with trays")));
        LoadSpecification loads = new LoadSpecification(List.of("front", "rear"),
                List.of(new LoadSet("tray", "tray", List.of("front", "rear"),
                        new BoundingBoxReference(0.1, 0.0, 0.6, 0.0), new LoadDimensions(0.4, 0.3, 0.1), 10.0,
                        0.6, 0.9, null, null, null, null, 1.0, 0.5, 1.0, 3.0, 3.0, "Standard meal tray")));
        VehicleConfig config = new VehicleConfig(List.of(new VehicleVersion("softwareVersion", "v3.4.1")),
                new Network(List.of("10.0.0.2"), "10.0.3.42", List.of("10.0.0.3"), "255.255.0.0", "10.0.0.1"));
        return new Factsheet(1, TIME, "2.1.0", MANUFACTURER, SERIAL, type, physical, limits, features, geometry,
                loads, config);
    }

    static List<VdaMessage> all() {
        return List.of(order(), instantActions(), state(), visualization(), connection(), factsheet());
    }
}
