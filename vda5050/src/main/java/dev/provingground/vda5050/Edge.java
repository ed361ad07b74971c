package dev.provingground.vda5050;

import java.util.List;

/** A directed edge between two nodes of an order, with optional limits (m/s, metres, radians). */
public record Edge(String edgeId, long sequenceId, String edgeDescription, boolean released, String startNodeId,
                   String endNodeId, Double maxSpeed, Double maxHeight, Double minHeight, Double orientation,
                   OrientationType orientationType, String direction, Boolean rotationAllowed,
                   Double maxRotationSpeed, Double length, Trajectory trajectory, Corridor corridor,
                   List<Action> actions) {

    public Edge {
        actions = Lists.copy("Edge.actions", actions);
    }

    public static Edge of(String edgeId, long sequenceId, boolean released, String startNodeId, String endNodeId,
                          List<Action> actions) {
        return new Edge(edgeId, sequenceId, null, released, startNodeId, endNodeId, null, null, null, null, null,
                null, null, null, null, null, null, actions);
    }

    public Edge withMaxSpeed(double metresPerSecond) {
        return new Edge(edgeId, sequenceId, edgeDescription, released, startNodeId, endNodeId, metresPerSecond,
                maxHeight, minHeight, orientation, orientationType, direction, rotationAllowed, maxRotationSpeed,
                length, trajectory, corridor, actions);
    }
}
