package dev.provingground.server.registry;

import dev.provingground.vda5050.ConnectionState;
import dev.provingground.vda5050.State;

import java.time.Instant;
import dev.provingground.vda5050.AgvPosition;
import dev.provingground.vda5050.Velocity;

/** Told of what robots report, after the registry took it in. Runs on the event loop: must not block. */
public interface RobotListener {

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
