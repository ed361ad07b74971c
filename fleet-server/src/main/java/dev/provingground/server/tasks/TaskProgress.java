package dev.provingground.server.tasks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How far a task has come: its status, the robot doing it, the stop and the order under way, and every dispatch
 * decision taken for it. Immutable; each transition is a new value.
 *
 * @param assignedTo    robot id, null while unassigned
 * @param stopIndex     the stop under way (or next), 0-based
 * @param orderId       the VDA 5050 order driving the current stop, null between stops
 * @param reason        why it failed, was canceled or waits
 * @param attempt       how many times it was dispatched
 * @param carrier       the robot that carries its load (a delivery or serving past its pickup) and alone may finish
 *                      it, or null
 */
public record TaskProgress(TaskStatus status, String assignedTo, int stopIndex, String orderId, Instant startedAt,
                           Instant finishedAt, String reason, List<DispatchDecision> decisions, int attempt,
                           String carrier) {

    public TaskProgress {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }

    /** A task just accepted: waiting for its first dispatch. */
    public static TaskProgress queued() {
        return new TaskProgress(TaskStatus.QUEUED, null, 0, null, null, null, null, List.of(), 0, null);
    }

    public TaskProgress assigned(String assignee, DispatchDecision decision, Instant at) {
        List<DispatchDecision> all = new ArrayList<>(decisions);
        all.add(decision);
        return new TaskProgress(TaskStatus.UNDERWAY, assignee, stopIndex, null, startedAt == null ? at : startedAt,
                null, null, all, attempt + 1, carrier);
    }

    public TaskProgress withOrder(String newOrderId) {
        return new TaskProgress(status, assignedTo, stopIndex, newOrderId, startedAt, finishedAt, reason, decisions,
                attempt, carrier);
    }

    public TaskProgress atStop(int index) {
        return new TaskProgress(status, assignedTo, index, null, startedAt, finishedAt, reason, decisions, attempt,
                carrier);
    }

    /** The same progress with a new {@code reason}: why it is waiting, while it waits. */
    public TaskProgress withReason(String why) {
        return new TaskProgress(status, assignedTo, stopIndex, orderId, startedAt, finishedAt, why, decisions, attempt,
                carrier);
    }

    public TaskProgress withStatus(TaskStatus newStatus, Instant at, String why) {
        return new TaskProgress(newStatus,
                newStatus == TaskStatus.QUEUED || newStatus == TaskStatus.STANDBY ? null : assignedTo, stopIndex,
                newStatus == TaskStatus.QUEUED ? null : orderId, startedAt, newStatus.isFinal() ? at : finishedAt, why,
                decisions, attempt, carrier);
    }

    /** Back in the queue, to wait for the robot it was assigned to, which carries its load. */
    public TaskProgress requeuedFor(String loadCarrier, Instant at, String why) {
        return new TaskProgress(TaskStatus.QUEUED, null, stopIndex, null, startedAt, finishedAt,
                why + "; waiting for " + loadCarrier + ", which carries the load", decisions, attempt, loadCarrier);
    }
}
