package dev.provingground.server.tasks;

import dev.provingground.server.elevator.Decision;
import dev.provingground.server.elevator.FinishedRide;
import dev.provingground.server.elevator.RideEvents;
import dev.provingground.server.events.EventHub;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.trackrecord.event.TaskLifecycle;
import dev.provingground.trackrecord.event.TrackEvent;

import java.time.Clock;
import java.util.logging.Logger;

/** Puts on the record what becomes of a task: its phases, and the elevator rides its robot takes for it. */
final class TaskEvents {

    private static final Logger LOG = Logger.getLogger(TaskEvents.class.getName());

    private final RobotRegistry registry;
    private final EventHub events;
    private final Clock clock;

    TaskEvents(RobotRegistry registry, EventHub events, Clock clock) {
        this.registry = registry;
        this.events = events;
        this.clock = clock;
    }

    /** Recorded under the firm of the task's robot, or of the task itself while no robot has it. */
    void publish(Task t, TaskLifecycle.Phase phase, String reason) {
        String assignee = t.progress().assignedTo();
        Robot r = assignee == null ? null : registry.find(assignee).orElse(null);
        events.publish(new TrackEvent(clock.instant(), t.request().site(), r == null ? t.request().firm() : r.firm(),
                r == null ? null : r.id(), new TaskLifecycle(t.id(), phase, t.request().category().wireName(), reason)));
    }

    void rode(Task t, Robot robot, FinishedRide ride) {
        LOG.info(robot.id() + " rode " + ride.carId() + " " + ride.fromFloor() + " → " + ride.leftAtFloor()
                + " for " + t.id() + ", waited " + ride.waited().toSeconds() + " s");
        events.publish(RideEvents.of(t.request().site(), robot, ride, "task " + t.id()));
    }

    /** The elevator's rules refused the ride the robot asked for at its door. */
    void refused(Task t, Robot robot, String elevator, String fromFloor, String toFloor, Decision refusal) {
        LOG.info(robot.id() + " refused a ride on " + elevator + " " + fromFloor + " → " + toFloor + " for " + t.id()
                + ": " + refusal);
        events.publish(RideEvents.refused(t.request().site(), robot, elevator, fromFloor, toFloor, refusal,
                clock.instant()));
    }
}
