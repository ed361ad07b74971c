package dev.provingground.vda5050;

import java.util.List;

/** A node of an order: released nodes form the base, the others the horizon. */
public record Node(String nodeId, long sequenceId, String nodeDescription, boolean released,
                   NodePosition nodePosition, List<Action> actions) {

    public Node {
        actions = Lists.copy("Node.actions", actions);
    }

    public static Node of(String nodeId, long sequenceId, boolean released, NodePosition nodePosition,
                          List<Action> actions) {
        return new Node(nodeId, sequenceId, null, released, nodePosition, actions);
    }
}
