package dev.provingground.server.tasks;

import dev.provingground.server.time.Scheduler;

import java.time.Duration;

/**
 * Asks for a dispatch round as soon as the server's context is free. Requests coalesce: while one round is pending,
 * more requests add nothing, so a burst of events costs one round.
 */
final class DispatchRequests {

    private final Scheduler scheduler;
    private final Runnable round;
    /** A dispatch round is already scheduled: requests until it runs are covered by it. */
    private boolean pending;

    DispatchRequests(Scheduler scheduler, Runnable round) {
        this.scheduler = scheduler;
        this.round = round;
    }

    void request() {
        if (pending) return;
        pending = true;
        scheduler.once(Duration.ZERO, () -> {
            pending = false;
            round.run();
        });
    }

    /** Its robot is free again: a waiting task may take it now rather than at the next poll. */
    void requestIfRobotFreed(Task before, Task after) {
        if (after.progress().status().isFinal() && before != null && !before.progress().status().isFinal()
                && before.progress().assignedTo() != null) request();
    }
}
