package dev.provingground.vda5050;

import java.time.Instant;
import java.util.List;

/**
 * Topic state: everything the robot reports about itself and its order. Optional lists ({@code maps},
 * {@code loads}, {@code information}) are empty rather than null when absent.
 */
public record State(long headerId, Instant timestamp, String version, String manufacturer, String serialNumber,
                    List<MapInfo> maps, String orderId, long orderUpdateId, String zoneSetId, String lastNodeId,
                    long lastNodeSequenceId, boolean driving, Boolean paused, Boolean newBaseRequest,
                    Double distanceSinceLastNode, OperatingMode operatingMode, List<NodeState> nodeStates,
                    List<EdgeState> edgeStates, AgvPosition agvPosition, Velocity velocity, List<Load> loads,
                    List<ActionState> actionStates, BatteryState batteryState, List<VdaError> errors,
                    List<Info> information, SafetyState safetyState) implements VdaMessage {

    public State {
        maps = Lists.copy("State.maps", maps);
        nodeStates = Lists.copy("State.nodeStates", nodeStates);
        edgeStates = Lists.copy("State.edgeStates", edgeStates);
        loads = Lists.copy("State.loads", loads);
        actionStates = Lists.copy("State.actionStates", actionStates);
        errors = Lists.copy("State.errors", errors);
        information = Lists.copy("State.information", information);
    }

    @Override
    public Topic topic() {
        return Topic.STATE;
    }

    @Override
    public State withHeader(Header h) {
        return new State(h.headerId(), h.timestamp(), h.version(), h.manufacturer(), h.serialNumber(), maps,
                orderId, orderUpdateId, zoneSetId, lastNodeId, lastNodeSequenceId, driving, paused, newBaseRequest,
                distanceSinceLastNode, operatingMode, nodeStates, edgeStates, agvPosition, velocity, loads,
                actionStates, batteryState, errors, information, safetyState);
    }
}
