package dev.provingground.server.tasks;

import dev.provingground.server.registry.Robot;
import dev.provingground.trackrecord.event.TaskLifecycle;

import java.time.Clock;
import java.util.logging.Logger;

/**
 * What becomes of a task its robot cannot go on with. It goes back in the queue for the next dispatch round — to wait
 * for its robot alone if that robot carries its load ({@link Task#requeued}) — unless it was refused for a reason
 * that may pass, {@link #MAX_ATTEMPTS} times: then it fails. A robot taken off its task (a fatal error, its vendor's
 * fleet manager taking over) also has its order withdrawn.
 */
final class RequeuePolicy {

    private static final Logger LOG = Logger.getLogger(RequeuePolicy.class.getName());

    /** Dispatch attempts before a task whose orders or elevator rides keep being refused fails. */
    static final int MAX_ATTEMPTS = 3;

    private final TaskBook book;
    private final Journeys journeys;
    private final TaskEvents events;
    private final OrderCancels cancels;
    private final DispatchRequests dispatch;
    private final Clock clock;

    RequeuePolicy(TaskBook book, Journeys journeys, TaskEvents events, OrderCancels cancels,
                  DispatchRequests dispatch, Clock clock) {
        this.book = book;
        this.journeys = journeys;
        this.events = events;
        this.cancels = cancels;
        this.dispatch = dispatch;
        this.clock = clock;
    }

    /** Back in the queue, and a dispatch round asked for; a task that has ended stays as it is. */
    void requeue(Task t, String why) {
        if (t == null || t.progress().status().isFinal()) return;
        journeys.drop(t.id());
        events.publish(t, TaskLifecycle.Phase.REQUEUED, why);
        Task queued = t.requeued(clock.instant(), why);
        LOG.info(t.id() + ": " + queued.progress().reason() + "; dispatching again");
        book.update(queued);
        dispatch.request();
    }

    /** For a refusal that may pass (rules changed, an order refused): dispatch again, up to {@link #MAX_ATTEMPTS}. */
    void requeueOrGiveUp(Task t, String why) {
        if (t.progress().attempt() >= MAX_ATTEMPTS) fail(t, why + "; gave up after " + t.progress().attempt() + " attempts");
        else requeue(t, why);
    }

    void fail(Task t, String why) {
        journeys.drop(t.id());
        book.update(t.withStatus(TaskStatus.FAILED, clock.instant(), why));
        events.publish(t, TaskLifecycle.Phase.FAILED, why);
    }

    /** The robot reported a fatal error: another robot may take the task, and once repaired it must not drive on. */
    void robotFailed(Task t, Robot robot) {
        takeOff(t, robot, "robot " + robot.id() + " reported a fatal error");
    }

    /**
     * A robot whose vendor's own fleet manager takes over gives back its task, as when it goes offline, and the order
     * driving it is withdrawn; a task waiting for it alone then fails in the next round, saying why.
     */
    void switchedToVendor(Task t, Robot robot, String actor) {
        takeOff(t, robot, "robot " + robot.id() + " was switched to dispatch VENDOR by " + actor);
    }

    private void takeOff(Task t, Robot robot, String why) {
        requeue(t, why);
        cancels.cancel(robot.id(), t.id());
    }
}
