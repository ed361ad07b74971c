package dev.provingground.vda5050;

import static dev.provingground.vda5050.MessageFields.OPTIONAL;
import static dev.provingground.vda5050.MessageFields.REQUIRED;

/** Decoders for state, visualization and connection and their parts. */
final class StateReaders {

    private StateReaders() {
    }

    static State state(MessageFields f) {
        Header h = HeaderReader.required(f);
        return new State(h.headerId(), h.timestamp(), h.version(), h.manufacturer(), h.serialNumber(),
                f.objects("maps", OPTIONAL, StateReaders::mapInfo),
                f.string("orderId", REQUIRED),
                f.integer("orderUpdateId", REQUIRED),
                f.string("zoneSetId", OPTIONAL),
                f.string("lastNodeId", REQUIRED),
                f.integer("lastNodeSequenceId", REQUIRED),
                f.bool("driving", REQUIRED),
                f.bool("paused", OPTIONAL),
                f.bool("newBaseRequest", OPTIONAL),
                f.number("distanceSinceLastNode", OPTIONAL),
                f.enumValue("operatingMode", REQUIRED, OperatingMode.class),
                f.objects("nodeStates", REQUIRED, StateReaders::nodeState),
                f.objects("edgeStates", REQUIRED, StateReaders::edgeState),
                f.object("agvPosition", OPTIONAL, StateReaders::agvPosition),
                f.object("velocity", OPTIONAL, StateReaders::velocity),
                f.objects("loads", OPTIONAL, StateReaders::load),
                f.objects("actionStates", REQUIRED, StateReaders::actionState),
                f.object("batteryState", REQUIRED, StateReaders::batteryState),
                f.objects("errors", REQUIRED, StateReaders::error),
                f.objects("information", OPTIONAL, StateReaders::info),
                f.object("safetyState", REQUIRED, StateReaders::safetyState));
    }

    static Visualization visualization(MessageFields f) {
        Header h = HeaderReader.optional(f);
        return new Visualization(h.headerId(), h.timestamp(), h.version(), h.manufacturer(), h.serialNumber(),
                f.object("agvPosition", OPTIONAL, StateReaders::agvPosition),
                f.object("velocity", OPTIONAL, StateReaders::velocity));
    }

    static Connection connection(MessageFields f) {
        Header h = HeaderReader.required(f);
        return new Connection(h.headerId(), h.timestamp(), h.version(), h.manufacturer(), h.serialNumber(),
                f.enumValue("connectionState", REQUIRED, ConnectionState.class));
    }

    static MapInfo mapInfo(MessageFields f) {
        return new MapInfo(
                f.string("mapId", REQUIRED),
                f.string("mapVersion", REQUIRED),
                f.string("mapDescription", OPTIONAL),
                f.enumValue("mapStatus", REQUIRED, MapStatus.class));
    }

    static NodeState nodeState(MessageFields f) {
        return new NodeState(
                f.string("nodeId", REQUIRED),
                f.integer("sequenceId", REQUIRED),
                f.string("nodeDescription", OPTIONAL),
                f.bool("released", REQUIRED),
                f.object("nodePosition", OPTIONAL, StateReaders::nodeStatePosition));
    }

    /**
     * The state's copy of a node position. The 2.0.0 schema requires theta here, but the order's node position
     * (which the state echoes) leaves it optional, and vehicles such as vda-5050-lib's echo it without theta:
     * lenient decoding takes the text over the schema.
     */
    static NodePosition nodeStatePosition(MessageFields f) {
        return new NodePosition(
                f.number("x", REQUIRED),
                f.number("y", REQUIRED),
                f.number("theta", OPTIONAL),
                f.number("allowedDeviationXY", OPTIONAL),
                f.number("allowedDeviationTheta", OPTIONAL),
                f.string("mapId", REQUIRED),
                f.string("mapDescription", OPTIONAL));
    }

    static EdgeState edgeState(MessageFields f) {
        return new EdgeState(
                f.string("edgeId", REQUIRED),
                f.integer("sequenceId", REQUIRED),
                f.string("edgeDescription", OPTIONAL),
                f.bool("released", REQUIRED),
                f.object("trajectory", OPTIONAL, OrderReaders::stateTrajectory));
    }

    static AgvPosition agvPosition(MessageFields f) {
        return new AgvPosition(
                f.number("x", REQUIRED),
                f.number("y", REQUIRED),
                f.number("theta", REQUIRED),
                f.string("mapId", REQUIRED),
                f.string("mapDescription", OPTIONAL),
                f.bool("positionInitialized", REQUIRED),
                f.number("localizationScore", OPTIONAL),
                f.number("deviationRange", OPTIONAL));
    }

    static Velocity velocity(MessageFields f) {
        return new Velocity(f.number("vx", OPTIONAL), f.number("vy", OPTIONAL), f.number("omega", OPTIONAL));
    }

    static Load load(MessageFields f) {
        return new Load(
                f.string("loadId", OPTIONAL),
                f.string("loadType", OPTIONAL),
                f.string("loadPosition", OPTIONAL),
                f.object("boundingBoxReference", OPTIONAL, StateReaders::boundingBoxReference),
                f.object("loadDimensions", OPTIONAL, StateReaders::loadDimensions),
                f.number("weight", OPTIONAL));
    }

    static BoundingBoxReference boundingBoxReference(MessageFields f) {
        return new BoundingBoxReference(
                f.number("x", REQUIRED),
                f.number("y", REQUIRED),
                f.number("z", REQUIRED),
                f.number("theta", OPTIONAL));
    }

    static LoadDimensions loadDimensions(MessageFields f) {
        return new LoadDimensions(
                f.number("length", REQUIRED),
                f.number("width", REQUIRED),
                f.number("height", OPTIONAL));
    }

    static ActionState actionState(MessageFields f) {
        return new ActionState(
                f.string("actionId", REQUIRED),
                f.string("actionType", OPTIONAL),
                f.string("actionDescription", OPTIONAL),
                f.enumValue("actionStatus", REQUIRED, ActionStatus.class),
                f.string("resultDescription", OPTIONAL));
    }

    static BatteryState batteryState(MessageFields f) {
        return new BatteryState(
                f.number("batteryCharge", REQUIRED),
                f.number("batteryVoltage", OPTIONAL),
                f.number("batteryHealth", OPTIONAL),
                f.bool("charging", REQUIRED),
                f.number("reach", OPTIONAL));
    }

    static VdaError error(MessageFields f) {
        return new VdaError(
                f.string("errorType", REQUIRED),
                f.objects("errorReferences", OPTIONAL, StateReaders::errorReference),
                f.string("errorDescription", OPTIONAL),
                f.string("errorHint", OPTIONAL),
                f.enumValue("errorLevel", REQUIRED, ErrorLevel.class));
    }

    static ErrorReference errorReference(MessageFields f) {
        return new ErrorReference(f.string("referenceKey", REQUIRED), f.string("referenceValue", REQUIRED));
    }

    static Info info(MessageFields f) {
        return new Info(
                f.string("infoType", REQUIRED),
                f.objects("infoReferences", OPTIONAL, StateReaders::infoReference),
                f.string("infoDescription", OPTIONAL),
                f.enumValue("infoLevel", REQUIRED, InfoLevel.class));
    }

    static InfoReference infoReference(MessageFields f) {
        return new InfoReference(f.string("referenceKey", REQUIRED), f.string("referenceValue", REQUIRED));
    }

    static SafetyState safetyState(MessageFields f) {
        return new SafetyState(
                f.enumValue("eStop", REQUIRED, EStop.class),
                f.bool("fieldViolation", REQUIRED));
    }
}
