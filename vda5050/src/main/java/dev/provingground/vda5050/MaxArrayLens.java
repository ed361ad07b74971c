package dev.provingground.vda5050;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Factsheet: longest arrays the robot accepts; null or 0 means no limit. The JSON names contain dots
 * ({@code "order.nodes"}), which Java names cannot, hence the explicit property names.
 */
public record MaxArrayLens(
        @JsonProperty("order.nodes") Long orderNodes,
        @JsonProperty("order.edges") Long orderEdges,
        @JsonProperty("node.actions") Long nodeActions,
        @JsonProperty("edge.actions") Long edgeActions,
        @JsonProperty("actions.actionsParameters") Long actionsActionsParameters,
        @JsonProperty("instantActions") Long instantActions,
        @JsonProperty("trajectory.knotVector") Long trajectoryKnotVector,
        @JsonProperty("trajectory.controlPoints") Long trajectoryControlPoints,
        @JsonProperty("state.nodeStates") Long stateNodeStates,
        @JsonProperty("state.edgeStates") Long stateEdgeStates,
        @JsonProperty("state.loads") Long stateLoads,
        @JsonProperty("state.actionStates") Long stateActionStates,
        @JsonProperty("state.errors") Long stateErrors,
        @JsonProperty("state.information") Long stateInformation,
        @JsonProperty("error.errorReferences") Long errorErrorReferences,
        @JsonProperty("information.infoReferences") Long informationInfoReferences) {
}
