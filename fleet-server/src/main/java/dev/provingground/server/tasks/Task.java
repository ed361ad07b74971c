package dev.provingground.server.tasks;

import java.time.Instant;

/**
 * A task: the request as given and its progress. Immutable; every change is a new progress, persisted before it is
 * acted on.
 */
public record Task(TaskRequest request, TaskProgress progress) {

    /** A task just accepted, waiting for its first dispatch. */
    public static Task queued(TaskRequest request) {
        return new Task(request, TaskProgress.queued());
    }

    public String id() {
        return request.id();
    }

    /** The one robot that may do it: the one it is for, or the one carrying its load; null when any robot may. */
    public String robot() {
        return request.robot() != null ? request.robot() : progress.carrier();
    }

    /** A delivery or serving whose robot has been to its pickup: the load is on that robot. */
    public boolean carriesLoad() {
        TaskCategory category = request.category();
        return (category == TaskCategory.DELIVERY || category == TaskCategory.SERVING) && progress.stopIndex() > 0;
    }

    /** The stop under way, or next. */
    public Stop currentStop() {
        return request.stops().get(progress.stopIndex());
    }

    /**
     * Back in the queue because its robot dropped out ({@code why}). Any robot may take it on — unless the robot already
     * carries what the task is about (a delivery or serving past its pickup): then it waits for that robot.
     */
    public Task requeued(Instant at, String why) {
        if (!carriesLoad() || progress.assignedTo() == null)
            return with(progress.withStatus(TaskStatus.QUEUED, at, why));
        return with(progress.requeuedFor(progress.assignedTo(), at, why));
    }

    public Task assigned(String assignee, DispatchDecision decision, Instant at) {
        return with(progress.assigned(assignee, decision, at));
    }

    public Task withOrder(String orderId) {
        return with(progress.withOrder(orderId));
    }

    public Task atStop(int index) {
        return with(progress.atStop(index));
    }

    public Task withReason(String why) {
        return with(progress.withReason(why));
    }

    public Task withStatus(TaskStatus status, Instant at, String why) {
        return with(progress.withStatus(status, at, why));
    }

    private Task with(TaskProgress next) {
        return new Task(request, next);
    }
}
