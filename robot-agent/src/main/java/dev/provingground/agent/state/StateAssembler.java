package dev.provingground.agent.state;

import dev.provingground.agent.order.OrderProgress;
import dev.provingground.vda5050.BatteryState;
import dev.provingground.vda5050.EStop;
import dev.provingground.vda5050.ErrorLevel;
import dev.provingground.vda5050.Info;
import dev.provingground.vda5050.InfoLevel;
import dev.provingground.vda5050.SafetyState;
import dev.provingground.vda5050.State;
import dev.provingground.vda5050.VdaError;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Puts a VDA 5050 2.1.0 state together from the order's progress, what the robot last said over ROS and the errors
 * of the link and diagnostics. Pure; the header is left for the sender to stamp.
 */
public final class StateAssembler {

    public static final String ROSBRIDGE_DOWN = "rosbridgeDisconnected";

    private final String manufacturer;
    private final String serialNumber;

    public StateAssembler(String manufacturer, String serialNumber) {
        this.manufacturer = manufacturer;
        this.serialNumber = serialNumber;
    }

    public State assemble(OrderProgress order, RobotReadings robot, List<VdaError> robotErrors) {
        List<VdaError> errors = new ArrayList<>(order.errors());
        errors.addAll(robotErrors);
        List<Info> information = new ArrayList<>();
        if (!robot.rosbridgeUp())
            errors.add(VdaError.of(ROSBRIDGE_DOWN, ErrorLevel.WARNING,
                    "the agent has lost its rosbridge link to the robot; position and status may be stale"));
        double percent = robot.batteryPercent();
        if (!Double.isFinite(percent)) {
            // batteryState is required; a robot that has not said its charge yet is reported empty, and says so.
            information.add(new Info("batteryUnknown", List.of(), "no sensor_msgs/BatteryState received yet", InfoLevel.INFO));
            percent = 0;
        }
        Double voltage = Double.isFinite(robot.batteryVoltage()) ? robot.batteryVoltage() : null;
        boolean paused = order.paused();
        return new State(0, null, null, manufacturer, serialNumber, List.of(), order.orderId(), order.orderUpdateId(),
                null, order.lastNodeId(), order.lastNodeSequenceId(), robot.driving(), paused, false, null,
                robot.operatingMode(), order.nodeStates(), order.edgeStates(), robot.position(), robot.velocity(),
                List.of(), order.actionStates(), new BatteryState(percent, voltage, null, robot.charging(), null),
                errors, information, new SafetyState(robot.eStop(), false));
    }

    /**
     * What makes a state worth sending at once: everything but the continuously changing numbers (position,
     * velocity, battery charge), which go out with the periodic state and the visualization.
     */
    public static Object signature(State s) {
        return List.of(s.orderId(), s.orderUpdateId(), s.lastNodeId(), s.lastNodeSequenceId(), s.driving(),
                Objects.requireNonNullElse(s.paused(), false), s.operatingMode(),
                s.nodeStates().stream().map(n -> n.sequenceId()).toList(),
                s.edgeStates().stream().map(e -> e.sequenceId()).toList(),
                s.actionStates().stream().map(a -> a.actionId() + "=" + a.actionStatus()).toList(),
                s.errors().stream().map(e -> e.errorType() + ":" + e.errorLevel() + ":" + e.errorReferences()).toList(),
                s.safetyState() == null ? EStop.NONE : s.safetyState().eStop(),
                s.batteryState().charging(),
                s.agvPosition() == null ? "" : s.agvPosition().mapId());
    }
}
