package dev.provingground.agent.order;

import dev.provingground.vda5050.ActionState;
import dev.provingground.vda5050.EdgeState;
import dev.provingground.vda5050.NodeState;
import dev.provingground.vda5050.VdaError;

import java.util.List;

/** The order-related part of a VDA 5050 state, as {@link OrderExecution} sees it now. */
public record OrderProgress(String orderId, long orderUpdateId, String lastNodeId, long lastNodeSequenceId,
                            List<NodeState> nodeStates, List<EdgeState> edgeStates, List<ActionState> actionStates,
                            List<VdaError> errors, boolean paused, boolean navigating) {
}
