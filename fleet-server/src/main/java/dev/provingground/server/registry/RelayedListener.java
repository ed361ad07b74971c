package dev.provingground.server.registry;

import dev.provingground.vda5050.AgvPosition;
import dev.provingground.vda5050.ConnectionState;
import dev.provingground.vda5050.State;
import dev.provingground.vda5050.Velocity;

import java.time.Instant;
import java.util.concurrent.Executor;

/** Hears of robots wherever the registry tells and passes each call on to a listener that lives on one executor. */
final class RelayedListener implements RobotListener {

    private final Executor executor;
    private final RobotListener listener;
    private final StateGate gate;

    RelayedListener(Executor executor, RobotListener listener, StateGate gate) {
        this.executor = executor;
        this.listener = listener;
        this.gate = gate;
    }

    @Override
    public void connectionChanged(Robot robot, ConnectionState from, ConnectionState to, Instant at) {
        executor.execute(() -> listener.connectionChanged(robot, from, to, at));
    }

    @Override
    public void positionReported(Robot robot, AgvPosition position, Velocity velocity, RobotPosition previous,
                                 Instant at) {
        executor.execute(() -> listener.positionReported(robot, position, velocity, previous, at));
    }

    @Override
    public void stateReceived(Robot robot, State state, RobotPosition previous, Instant at) {
        if (gate.passes(robot, state, previous)) executor.execute(() -> listener.stateReceived(robot, state, previous, at));
    }

    @Override
    public void credentialsRotated(Robot robot) {
        executor.execute(() -> listener.credentialsRotated(robot));
    }

    @Override
    public void credentialsRotated(Robot robot, String actor, Instant at) {
        executor.execute(() -> listener.credentialsRotated(robot, actor, at));
    }

    @Override
    public void registered(Robot robot, String actor, Instant at) {
        executor.execute(() -> listener.registered(robot, actor, at));
    }

    @Override
    public void dispatchChanged(Robot robot, DispatchMode from, String actor, Instant at) {
        executor.execute(() -> listener.dispatchChanged(robot, from, actor, at));
    }
}
