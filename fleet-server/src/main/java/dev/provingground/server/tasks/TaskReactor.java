package dev.provingground.server.tasks;

import dev.provingground.server.elevator.ElevatorManager;
import dev.provingground.server.elevator.ElevatorNotice;
import dev.provingground.server.elevator.RideListener;
import dev.provingground.server.registry.DispatchMode;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotListener;
import dev.provingground.server.registry.RobotPosition;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.trackrecord.event.TaskLifecycle;
import dev.provingground.vda5050.ActionState;
import dev.provingground.vda5050.ActionStatus;
import dev.provingground.vda5050.ConnectionState;
import dev.provingground.vda5050.ErrorLevel;
import dev.provingground.vda5050.State;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Drives underway tasks from what happens to their robots: each state moves the task's {@link Journey} on (and the
 * task to its next stop, or to completion), a fatal error, a takeover by hand, a refused order or a robot going
 * offline or to its vendor's dispatch puts the task back in the queue ({@link RequeuePolicy}); elevator notices and
 * ticks move journeys that wait for a car or a zone. A robot that may take work now (its first state, back online,
 * handed back to the fleet) asks for a dispatch round. Runs on the server's event loop.
 */
final class TaskReactor implements RobotListener, RideListener {

    private static final Logger LOG = Logger.getLogger(TaskReactor.class.getName());

    /** VDA 5050 error types with which a vehicle refuses an order. */
    static final Set<String> REFUSALS = Set.of("orderError", "orderUpdateError", "validationError", "noRouteError");
    static final Duration REFUSAL_GRACE = Duration.ofSeconds(2);

    private final TaskBook book;
    private final Journeys journeys;
    private final StopOrders stopOrders;
    private final RequeuePolicy requeues;
    private final TaskEvents events;
    private final Rescues rescues;
    private final RobotRegistry registry;
    private final DispatchRequests dispatch;
    /** Robots last seen with the fleet in control (AUTOMATIC or SEMIAUTOMATIC), to notice when they come back. */
    private final Map<String, Boolean> inControl = new HashMap<>();

    TaskReactor(TaskBook book, Journeys journeys, StopOrders stopOrders, RequeuePolicy requeues, TaskEvents events,
                Rescues rescues, RobotRegistry registry, DispatchRequests dispatch) {
        this.book = book;
        this.journeys = journeys;
        this.stopOrders = stopOrders;
        this.requeues = requeues;
        this.events = events;
        this.rescues = rescues;
        this.registry = registry;
        this.dispatch = dispatch;
    }

    @Override
    public void stateReceived(Robot robot, State state, RobotPosition previous, Instant at) {
        rescues.stateReceived(robot, state);
        // Its first state since the server knew it: now it has a place, it may take a waiting task.
        if (previous == null) dispatch.request();
        if (state.operatingMode() != null) {
            boolean nowInControl = state.operatingMode().fleetInControl();
            Boolean before = inControl.put(robot.id(), nowInControl);
            // Handed back after being driven by hand: it may take a waiting task.
            if (nowInControl && Boolean.FALSE.equals(before)) dispatch.request();
        }
        Task t = book.underwayWith(robot.id());
        if (t == null || t.progress().orderId() == null) return;
        if (state.errors().stream().anyMatch(e -> e.errorLevel() == ErrorLevel.FATAL)) {
            requeues.robotFailed(t, robot);
            return;
        }
        if (state.operatingMode() != null && !state.operatingMode().fleetInControl()) {
            // The robot dropped its order when the person took it over; another robot may take the task.
            requeues.requeue(t, "robot " + robot.id() + " was taken over by hand (operatingMode "
                    + state.operatingMode() + ")");
            return;
        }
        if (!t.progress().orderId().equals(state.orderId())) {
            refusal(t, robot, state, at);
            return;
        }
        Journey journey = journeys.of(t.id());
        if (journey != null && journey.orderId().equals(t.progress().orderId())) {
            if (!apply(t, robot, journey.advance(state))) return;
        }
        List<ActionState> ours = state.actionStates().stream()
                .filter(a -> a.actionId().startsWith(t.progress().orderId()))
                .filter(a -> journey == null || !journey.isLiftAction(a.actionId())).toList();
        var failed = ours.stream().filter(a -> a.actionStatus() == ActionStatus.FAILED).findFirst();
        if (failed.isPresent()) {
            requeues.fail(t, "action " + failed.get().actionType() + " failed at \"" + t.currentStop().label() + "\""
                    + (failed.get().resultDescription() == null ? "" : ": " + failed.get().resultDescription()));
            return;
        }
        boolean arrived = state.nodeStates().isEmpty();
        boolean actionsDone = ours.stream().allMatch(a -> a.actionStatus() == ActionStatus.FINISHED);
        if (!arrived || !actionsDone) return;
        arrivedAtStop(t, at);
    }

    /** The robot stands at the stop with its actions done: on to the next stop, or the task is complete. */
    private void arrivedAtStop(Task t, Instant at) {
        int stop = t.progress().stopIndex();
        if (stop == 0 && t.progress().orderId() != null) events.publish(t, TaskLifecycle.Phase.STARTED, null);
        if (stop + 1 < t.request().stops().size()) stopOrders.sendForStop(t.atStop(stop + 1));
        else {
            journeys.drop(t.id());
            book.update(t.withStatus(TaskStatus.COMPLETED, at, null));
            events.publish(t, TaskLifecycle.Phase.COMPLETED, null);
        }
    }

    /**
     * A robot that refuses an order keeps reporting its own order with an order or validation error (VDA 5050). Only
     * states that arrive a while after the order went out count, so an error left over from an earlier order is not
     * mistaken for a refusal of this one.
     */
    private void refusal(Task t, Robot robot, State state, Instant at) {
        Instant sent = journeys.sentAt(t.progress().orderId());
        if (sent == null || !at.isAfter(sent.plus(REFUSAL_GRACE))) return;
        var error = state.errors().stream().filter(e -> REFUSALS.contains(e.errorType())).findFirst();
        if (error.isEmpty()) return;
        String why = "robot " + robot.id() + " refused the order: " + error.get().errorType()
                + (error.get().errorDescription() == null ? "" : " (" + error.get().errorDescription() + ")");
        journeys.forgetSent(t.progress().orderId());
        requeues.requeueOrGiveUp(t, why);
    }

    /**
     * Carries out a journey step.
     *
     * @return false when the task left its order (requeued or failed), so the state needs no further look
     */
    private boolean apply(Task t, Robot robot, Journey.Step step) {
        if (step instanceof Journey.Step.Send send) {
            LOG.fine(() -> t.id() + ": order update " + send.order().orderUpdateId() + " to " + robot.id()
                    + ", released up to " + send.order().nodes().stream().filter(n -> n.released())
                    .reduce((a, b) -> b).map(n -> n.nodeId()).orElse("?"));
            stopOrders.send(t, robot, send.order());
        } else if (step instanceof Journey.Step.Rode rode) {
            events.rode(t, robot, rode.ride());
            return apply(t, robot, rode.then());
        } else if (step instanceof Journey.Step.Requeue r) {
            requeues.requeue(t, r.reason());
            return false;
        } else if (step instanceof Journey.Step.RideRefused r) {
            events.refused(t, robot, r.elevator(), r.fromFloor(), r.toFloor(), r.refusal());
            requeues.requeueOrGiveUp(t, r.reason());
            return false;
        }
        return true;
    }

    /** Moves on journeys that wait for an elevator or a zone rather than for the robot; called after each elevator tick. */
    void advanceRides() {
        rescues.tick();
        for (Map.Entry<String, Journey> e : journeys.all()) {
            Task t = book.findLive(e.getKey()).orElse(null);
            if (t == null || t.progress().status() != TaskStatus.UNDERWAY || t.progress().assignedTo() == null) continue;
            Journey.Phase phase = e.getValue().phase();
            if (phase != Journey.Phase.AT_DOOR && phase != Journey.Phase.RIDING && phase != Journey.Phase.EVACUATING
                    && !e.getValue().waitsForZone()) continue;
            registry.find(t.progress().assignedTo()).ifPresent(r -> apply(t, r, e.getValue().advance(null)));
        }
    }

    @Override
    public void notice(String site, ElevatorManager elevator, ElevatorNotice notice) {
        Task t = book.underwayWith(notice.robotId());
        Journey journey = t == null ? null : journeys.of(t.id());
        if (journey == null) return;
        Robot robot = registry.find(notice.robotId()).orElse(null);
        if (robot == null) return;
        if (notice instanceof ElevatorNotice.Evacuate evacuate) {
            apply(t, robot, journey.evacuate(evacuate.floor()));
        } else if (notice instanceof ElevatorNotice.LeaseExpired) {
            requeues.requeue(t, "the elevator ride of " + robot.id() + " lapsed: no word from the robot");
        } else if (notice instanceof ElevatorNotice.CarAssigned) {
            apply(t, robot, journey.advance(registry.lastState(robot.id()).orElse(null)));
        }
    }

    @Override
    public void connectionChanged(Robot robot, ConnectionState from, ConnectionState to, Instant at) {
        if (to == ConnectionState.ONLINE) {
            dispatch.request();
            return;
        }
        Task t = book.underwayWith(robot.id());
        if (t != null) requeues.requeue(t, "robot " + robot.id() + " went " + to);
    }

    @Override
    public void dispatchChanged(Robot robot, DispatchMode from, String actor, Instant at) {
        if (robot.dispatch() != DispatchMode.VENDOR) return;
        Task t = book.underwayWith(robot.id());
        if (t != null) requeues.switchedToVendor(t, robot, actor);
    }
}
