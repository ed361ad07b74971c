package dev.provingground.vda5050;

import static dev.provingground.vda5050.MessageFields.OPTIONAL;
import static dev.provingground.vda5050.MessageFields.REQUIRED;

/** Decoders for order and instantActions and their parts, with the required fields of 2.1.0 and 2.0.0. */
final class OrderReaders {

    private OrderReaders() {
    }

    static Order order(MessageFields f) {
        Header h = HeaderReader.required(f);
        return new Order(h.headerId(), h.timestamp(), h.version(), h.manufacturer(), h.serialNumber(),
                f.string("orderId", REQUIRED),
                f.integer("orderUpdateId", REQUIRED),
                f.string("zoneSetId", OPTIONAL),
                f.objects("nodes", REQUIRED, OrderReaders::node),
                f.objects("edges", REQUIRED, OrderReaders::edge));
    }

    /** 2.0.0 requires nothing at the top level and peers of that era sent the list as "instantActions". */
    static InstantActions instantActions(MessageFields f) {
        boolean required = !f.legacy();
        Header h = required ? HeaderReader.required(f) : HeaderReader.optional(f);
        String key = !f.has("actions") && f.has("instantActions") ? "instantActions" : "actions";
        return new InstantActions(h.headerId(), h.timestamp(), h.version(), h.manufacturer(), h.serialNumber(),
                f.objects(key, required, OrderReaders::action));
    }

    static Node node(MessageFields f) {
        return new Node(
                f.string("nodeId", REQUIRED),
                f.integer("sequenceId", REQUIRED),
                f.string("nodeDescription", OPTIONAL),
                f.bool("released", REQUIRED),
                f.object("nodePosition", OPTIONAL, OrderReaders::nodePosition),
                f.objects("actions", REQUIRED, OrderReaders::action));
    }

    static NodePosition nodePosition(MessageFields f) {
        // 2.0.0 spelt it allowedDeviationXy.
        String deviationKey = !f.has("allowedDeviationXY") && f.has("allowedDeviationXy")
                ? "allowedDeviationXy" : "allowedDeviationXY";
        return new NodePosition(
                f.number("x", REQUIRED),
                f.number("y", REQUIRED),
                f.number("theta", OPTIONAL),
                f.number(deviationKey, OPTIONAL),
                f.number("allowedDeviationTheta", OPTIONAL),
                f.string("mapId", REQUIRED),
                f.string("mapDescription", OPTIONAL));
    }

    static Edge edge(MessageFields f) {
        return new Edge(
                f.string("edgeId", REQUIRED),
                f.integer("sequenceId", REQUIRED),
                f.string("edgeDescription", OPTIONAL),
                f.bool("released", REQUIRED),
                f.string("startNodeId", REQUIRED),
                f.string("endNodeId", REQUIRED),
                f.number("maxSpeed", OPTIONAL),
                f.number("maxHeight", OPTIONAL),
                f.number("minHeight", OPTIONAL),
                f.number("orientation", OPTIONAL),
                f.enumValue("orientationType", OPTIONAL, OrientationType.class),
                f.string("direction", OPTIONAL),
                f.bool("rotationAllowed", OPTIONAL),
                f.number("maxRotationSpeed", OPTIONAL),
                f.number("length", OPTIONAL),
                f.object("trajectory", OPTIONAL, OrderReaders::trajectory),
                f.object("corridor", OPTIONAL, OrderReaders::corridor),
                f.objects("actions", REQUIRED, OrderReaders::action));
    }

    static Trajectory trajectory(MessageFields f) {
        return trajectory(f, OPTIONAL);
    }

    /** In state messages 2.0.0 also required each control point's weight. */
    static Trajectory stateTrajectory(MessageFields f) {
        return trajectory(f, f.legacy());
    }

    private static Trajectory trajectory(MessageFields f, boolean weightRequired) {
        return new Trajectory(
                f.integer("degree", REQUIRED),
                f.list("knotVector", REQUIRED, JsonValueReader.NUMBER),
                f.objects("controlPoints", REQUIRED, point -> new ControlPoint(
                        point.number("x", REQUIRED),
                        point.number("y", REQUIRED),
                        point.number("weight", weightRequired))));
    }

    static ControlPoint controlPoint(MessageFields f) {
        return new ControlPoint(f.number("x", REQUIRED), f.number("y", REQUIRED), f.number("weight", OPTIONAL));
    }

    static Corridor corridor(MessageFields f) {
        return new Corridor(
                f.number("leftWidth", REQUIRED),
                f.number("rightWidth", REQUIRED),
                f.enumValue("corridorRefPoint", OPTIONAL, CorridorRefPoint.class));
    }

    /** 2.0.0 instant actions named the type "actionName"; it is read as actionType. */
    static Action action(MessageFields f) {
        String typeKey = !f.has("actionType") && f.has("actionName") ? "actionName" : "actionType";
        return new Action(
                f.string(typeKey, REQUIRED),
                f.string("actionId", REQUIRED),
                f.string("actionDescription", OPTIONAL),
                f.enumValue("blockingType", REQUIRED, BlockingType.class),
                f.objects("actionParameters", OPTIONAL, OrderReaders::actionParameter));
    }

    static ActionParameter actionParameter(MessageFields f) {
        return new ActionParameter(f.string("key", REQUIRED), f.any("value", REQUIRED));
    }
}
