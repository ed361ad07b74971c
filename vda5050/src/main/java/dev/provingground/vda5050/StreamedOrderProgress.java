package dev.provingground.vda5050;

import java.io.IOException;
import java.util.List;

import static dev.provingground.vda5050.MessageFields.OPTIONAL;
import static dev.provingground.vda5050.MessageFields.REQUIRED;
import static dev.provingground.vda5050.StreamedFields.once;
import static dev.provingground.vda5050.StreamedFields.require;

/**
 * The parts of a state that report order progress — maps, node and edge states, action states — read straight
 * from the parser: streaming twins of {@link StateReaders} and {@link OrderReaders#stateTrajectory}, pinned to them
 * by {@code StreamedDecodingTest}. Each bit of {@code seen} is one field, numbered in the record's order.
 */
final class StreamedOrderProgress {

    private static final NumberBounds.Range X = NumberBounds.of("x");
    private static final NumberBounds.Range Y = NumberBounds.of("y");
    private static final NumberBounds.Range THETA = NumberBounds.of("theta");
    private static final NumberBounds.Range ALLOWED_DEVIATION_XY = NumberBounds.of("allowedDeviationXY");
    private static final NumberBounds.Range ALLOWED_DEVIATION_THETA = NumberBounds.of("allowedDeviationTheta");
    private static final NumberBounds.Range WEIGHT = NumberBounds.of("weight");
    private static final EnumNames<MapStatus> MAP_STATUSES = EnumNames.of(MapStatus.class);
    private static final EnumNames<ActionStatus> ACTION_STATUSES = EnumNames.of(ActionStatus.class);

    private StreamedOrderProgress() {
    }

    static MapInfo mapInfo(StreamedFields f) throws IOException {
        String mapId = null, mapVersion = null, mapDescription = null;
        MapStatus mapStatus = null;
        int seen = 0;
        while (f.nextField()) {
            switch (f.name()) {
                case "mapId" -> { seen = once(seen, 1); mapId = f.string(REQUIRED); }
                case "mapVersion" -> { seen = once(seen, 1 << 1); mapVersion = f.string(REQUIRED); }
                case "mapDescription" -> { seen = once(seen, 1 << 2); mapDescription = f.string(OPTIONAL); }
                case "mapStatus" -> { seen = once(seen, 1 << 3); mapStatus = f.enumValue(MAP_STATUSES); }
                default -> f.skip();
            }
        }
        require(seen, 1 | 1 << 1 | 1 << 3);
        return new MapInfo(mapId, mapVersion, mapDescription, mapStatus);
    }

    static NodeState nodeState(StreamedFields f) throws IOException {
        String nodeId = null, nodeDescription = null;
        long sequenceId = 0;
        boolean released = false;
        NodePosition nodePosition = null;
        int seen = 0;
        while (f.nextField()) {
            switch (f.name()) {
                case "nodeId" -> { seen = once(seen, 1); nodeId = f.string(REQUIRED); }
                case "sequenceId" -> { seen = once(seen, 1 << 1); sequenceId = f.integerOrZero(REQUIRED); }
                case "nodeDescription" -> { seen = once(seen, 1 << 2); nodeDescription = f.string(OPTIONAL); }
                case "released" -> { seen = once(seen, 1 << 3); released = f.bool(); }
                case "nodePosition" -> {
                    seen = once(seen, 1 << 4);
                    nodePosition = f.object(OPTIONAL, StreamedOrderProgress::nodePosition);
                }
                default -> f.skip();
            }
        }
        require(seen, 1 | 1 << 1 | 1 << 3);
        return new NodeState(nodeId, sequenceId, nodeDescription, released, nodePosition);
    }

    /** As {@link StateReaders#nodeStatePosition}: theta optional, only the 2.1.0 spelling allowedDeviationXY. */
    static NodePosition nodePosition(StreamedFields f) throws IOException {
        double x = 0, y = 0;
        Double theta = null, allowedDeviationXY = null, allowedDeviationTheta = null;
        String mapId = null, mapDescription = null;
        int seen = 0;
        while (f.nextField()) {
            switch (f.name()) {
                case "x" -> { seen = once(seen, 1); x = f.number(X); }
                case "y" -> { seen = once(seen, 1 << 1); y = f.number(Y); }
                case "theta" -> { seen = once(seen, 1 << 2); theta = f.optionalNumber(THETA); }
                case "allowedDeviationXY" -> {
                    seen = once(seen, 1 << 3);
                    allowedDeviationXY = f.optionalNumber(ALLOWED_DEVIATION_XY);
                }
                case "allowedDeviationTheta" -> {
                    seen = once(seen, 1 << 4);
                    allowedDeviationTheta = f.optionalNumber(ALLOWED_DEVIATION_THETA);
                }
                case "mapId" -> { seen = once(seen, 1 << 5); mapId = f.string(REQUIRED); }
                case "mapDescription" -> { seen = once(seen, 1 << 6); mapDescription = f.string(OPTIONAL); }
                default -> f.skip();
            }
        }
        require(seen, 1 | 1 << 1 | 1 << 5);
        return new NodePosition(x, y, theta, allowedDeviationXY, allowedDeviationTheta, mapId, mapDescription);
    }

    static EdgeState edgeState(StreamedFields f) throws IOException {
        String edgeId = null, edgeDescription = null;
        long sequenceId = 0;
        boolean released = false;
        Trajectory trajectory = null;
        int seen = 0;
        while (f.nextField()) {
            switch (f.name()) {
                case "edgeId" -> { seen = once(seen, 1); edgeId = f.string(REQUIRED); }
                case "sequenceId" -> { seen = once(seen, 1 << 1); sequenceId = f.integerOrZero(REQUIRED); }
                case "edgeDescription" -> { seen = once(seen, 1 << 2); edgeDescription = f.string(OPTIONAL); }
                case "released" -> { seen = once(seen, 1 << 3); released = f.bool(); }
                case "trajectory" -> {
                    seen = once(seen, 1 << 4);
                    trajectory = f.object(OPTIONAL, StreamedOrderProgress::trajectory);
                }
                default -> f.skip();
            }
        }
        require(seen, 1 | 1 << 1 | 1 << 3);
        return new EdgeState(edgeId, sequenceId, edgeDescription, released, trajectory);
    }

    static Trajectory trajectory(StreamedFields f) throws IOException {
        long degree = 0;
        List<Double> knotVector = List.of();
        List<ControlPoint> controlPoints = List.of();
        int seen = 0;
        while (f.nextField()) {
            switch (f.name()) {
                case "degree" -> { seen = once(seen, 1); degree = f.integerOrZero(REQUIRED); }
                case "knotVector" -> { seen = once(seen, 1 << 1); knotVector = f.numbers(); }
                case "controlPoints" -> {
                    seen = once(seen, 1 << 2);
                    controlPoints = f.objects(REQUIRED, StreamedOrderProgress::controlPoint);
                }
                default -> f.skip();
            }
        }
        require(seen, 1 | 1 << 1 | 1 << 2);
        return new Trajectory(degree, knotVector, controlPoints);
    }

    /** Weight is optional in 2.1.0 and required in 2.0.0 states; its absence is noted for the version to decide. */
    static ControlPoint controlPoint(StreamedFields f) throws IOException {
        double x = 0, y = 0;
        Double weight = null;
        int seen = 0;
        while (f.nextField()) {
            switch (f.name()) {
                case "x" -> { seen = once(seen, 1); x = f.number(X); }
                case "y" -> { seen = once(seen, 1 << 1); y = f.number(Y); }
                case "weight" -> { seen = once(seen, 1 << 2); weight = f.optionalNumber(WEIGHT); }
                default -> f.skip();
            }
        }
        require(seen, 1 | 1 << 1);
        if (weight == null) {
            f.controlPointWithoutWeight();
        }
        return new ControlPoint(x, y, weight);
    }

    static ActionState actionState(StreamedFields f) throws IOException {
        String actionId = null, actionType = null, actionDescription = null, resultDescription = null;
        ActionStatus actionStatus = null;
        int seen = 0;
        while (f.nextField()) {
            switch (f.name()) {
                case "actionId" -> { seen = once(seen, 1); actionId = f.string(REQUIRED); }
                case "actionType" -> { seen = once(seen, 1 << 1); actionType = f.string(OPTIONAL); }
                case "actionDescription" -> { seen = once(seen, 1 << 2); actionDescription = f.string(OPTIONAL); }
                case "actionStatus" -> { seen = once(seen, 1 << 3); actionStatus = f.enumValue(ACTION_STATUSES); }
                case "resultDescription" -> { seen = once(seen, 1 << 4); resultDescription = f.string(OPTIONAL); }
                default -> f.skip();
            }
        }
        require(seen, 1 | 1 << 3);
        return new ActionState(actionId, actionType, actionDescription, actionStatus, resultDescription);
    }
}
