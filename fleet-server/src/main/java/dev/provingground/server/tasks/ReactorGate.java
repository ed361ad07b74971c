package dev.provingground.server.tasks;

import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotListener;
import dev.provingground.server.registry.RobotPosition;
import dev.provingground.vda5050.State;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides on a robot's lane whether the task reactor must hear a state at all, so that thousands of robots standing
 * idle cost the server's context nothing: a robot doing a task or being rescued from a car, a robot's first state,
 * and a state in which the fleet gained or lost control of it. Every other state would find the reactor nothing to do.
 */
final class ReactorGate implements RobotListener.StateGate {

    private final TaskBook book;
    private final Rescues rescues;
    /** Whether the fleet was in control of each robot in its last state that said; touched on the robot's lane only. */
    private final Map<String, Boolean> inControl = new ConcurrentHashMap<>();

    ReactorGate(TaskBook book, Rescues rescues) {
        this.book = book;
        this.rescues = rescues;
    }

    @Override
    public boolean passes(Robot robot, State state, RobotPosition previous) {
        boolean controlChanged = false;
        if (state.operatingMode() != null) {
            boolean now = state.operatingMode().fleetInControl();
            Boolean before = inControl.get(robot.id());
            controlChanged = before == null || before != now;
            // Written only when it changes: this runs for every state of every robot.
            if (controlChanged) inControl.put(robot.id(), now);
        }
        return controlChanged || previous == null || book.hasUnderway(robot.id()) || rescues.rescuing(robot.id());
    }
}
