package dev.provingground.vda5050;

/** A node of the current order the robot has still to reach. */
public record NodeState(String nodeId, long sequenceId, String nodeDescription, boolean released,
                        NodePosition nodePosition) {
}
