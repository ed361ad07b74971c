package dev.provingground.server.registry;

import dev.provingground.vda5050.ConnectionState;
import dev.provingground.vda5050.State;

import java.time.Instant;
import java.util.concurrent.Executor;
import dev.provingground.vda5050.AgvPosition;
import dev.provingground.vda5050.Velocity;

/**
 * Told of what robots report, after the registry took it in. Runs on an event loop — the robot's lane for what the
 * robot reports, the server's own context for registrations and changes made over the API — so it must not block,
 * and state it keeps per robot may be reached from several lanes at once (one robot from one lane at a time).
 */
public interface RobotListener {

    /**
     * A listener whose every call is handed to {@code executor}: for a listener holding state that is not per robot,
     * which must stay on the server's own context.
     */
    static RobotListener on(Executor executor, RobotListener listener) {
        return new RelayedListener(executor, listener, (robot, state, previous) -> true);
    }

    /** As {@link #on(Executor, RobotListener)}, handing over only the states {@code gate} lets through. */
    static RobotListener on(Executor executor, RobotListener listener, StateGate gate) {
        return new RelayedListener(executor, listener, gate);
    }

    /** Decides where a robot's state is heard — on its lane — whether a relayed listener needs to hear it at all. */
    @FunctionalInterface
    interface StateGate {
        boolean passes(Robot robot, State state, RobotPosition previous);
    }

    default void connectionChanged(Robot robot, ConnectionState from, ConnectionState to, Instant at) {
    }

    /** A position from the robot's {@code visualization} topic. */
    default void positionReported(Robot robot, AgvPosition position,
                                  Velocity velocity, RobotPosition previous, Instant at) {
    }

    /** @param previous where the robot was before this state, null if unknown */
    default void stateReceived(Robot robot, State state, RobotPosition previous, Instant at) {
    }

    /** The robot's MQTT password was replaced; whoever is connected with the old one must be cut off. */
    default void credentialsRotated(Robot robot) {
    }

    /**
     * The robot's MQTT password was replaced, for the record: who did it and when.
     *
     * @param actor who asked, as a configuration change names its actor
     */
    default void credentialsRotated(Robot robot, String actor, Instant at) {
    }

    /**
     * A robot was registered.
     *
     * @param actor who registered it, as a configuration change names its actor
     */
    default void registered(Robot robot, String actor, Instant at) {
    }

    /**
     * Someone switched who gives the robot its work.
     *
     * @param robot the robot as it is now
     * @param actor who made the change, as a configuration change names its actor
     */
    default void dispatchChanged(Robot robot, DispatchMode from, String actor, Instant at) {
    }
}
