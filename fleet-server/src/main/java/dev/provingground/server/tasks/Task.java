package dev.provingground.server.tasks;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.ArrayList;

/**
 * A task: the request as given (Open-RMF {@code task_request} vocabulary), the stops it was planned into, and its
 * progress. Immutable; every change is a new value, persisted before it is acted on.
 *
 * @param firm          the firm whose robots may do it (a vendor's tasks), or null for any firm (an operator's)
 * @param robotKind     the robot kind it needs, or null
 * @param assignedTo    robot id, null while unassigned
 * @param stopIndex     the stop under way (or next), 0-based
 * @param orderId       the VDA 5050 order driving the current stop, null between stops
 * @param reason        why it failed or was canceled
 * @param robot         the one robot that may do it (a charge task for a robot low on battery), or null
 * @param firms         the requester's choice of firms whose robots may do it; empty for any firm
 */
public record Task(String id, String site, TaskCategory category, JsonNode description, Instant earliestStart,
                   int priority, List<String> labels, String requester, String firm, String robotKind,
                   TaskStatus status, String assignedTo, List<Stop> stops, int stopIndex, String orderId,
                   Instant requestedAt, Instant startedAt, Instant finishedAt, String reason,
                   List<DispatchDecision> decisions, int attempt, String robot, List<String> firms) {

    public Task {
        labels = labels == null ? List.of() : List.copyOf(labels);
        stops = List.copyOf(stops);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        // Tasks stored before requesters could choose firms have none: they were open to every firm.
        firms = firms == null ? List.of() : List.copyOf(firms);
    }

    /** A task open to every firm (or to the vendor's own, {@code firm}): the server's own tasks, and older callers. */
    public Task(String id, String site, TaskCategory category, JsonNode description, Instant earliestStart,
                int priority, List<String> labels, String requester, String firm, String robotKind,
                TaskStatus status, String assignedTo, List<Stop> stops, int stopIndex, String orderId,
                Instant requestedAt, Instant startedAt, Instant finishedAt, String reason,
                List<DispatchDecision> decisions, int attempt, String robot) {
        this(id, site, category, description, earliestStart, priority, labels, requester, firm, robotKind, status,
                assignedTo, stops, stopIndex, orderId, requestedAt, startedAt, finishedAt, reason, decisions, attempt,
                robot, List.of());
    }

    /** Whether a robot of {@code robotFirm} may do it: the vendor's own firm for a vendor's task, and a chosen firm. */
    public boolean openTo(String robotFirm) {
        return (firm == null || firm.equals(robotFirm)) && (firms.isEmpty() || firms.contains(robotFirm));
    }

    public Task assigned(String assignee, DispatchDecision decision, Instant at) {
        List<DispatchDecision> all = new ArrayList<>(decisions);
        all.add(decision);
        return new Task(id, site, category, description, earliestStart, priority, labels, requester, firm, robotKind,
                TaskStatus.UNDERWAY, assignee, stops, stopIndex, null, requestedAt, startedAt == null ? at : startedAt,
                null, null, all, attempt + 1, robot, firms);
    }

    public Task withOrder(String newOrderId) {
        return new Task(id, site, category, description, earliestStart, priority, labels, requester, firm, robotKind,
                status, assignedTo, stops, stopIndex, newOrderId, requestedAt, startedAt, finishedAt, reason,
                decisions, attempt, robot, firms);
    }

    public Task atStop(int index) {
        return new Task(id, site, category, description, earliestStart, priority, labels, requester, firm, robotKind,
                status, assignedTo, stops, index, null, requestedAt, startedAt, finishedAt, reason, decisions, attempt,
                robot, firms);
    }

    /**
     * Back in the queue because its robot dropped out ({@code why}). Any robot may take it on — unless the robot already
     * carries what the task is about (a delivery or serving past its pickup): then it waits for that robot.
     */
    public Task requeued(Instant at, String why) {
        if (!carriesLoad() || assignedTo == null) return withStatus(TaskStatus.QUEUED, at, why);
        return new Task(id, site, category, description, earliestStart, priority, labels, requester, firm, robotKind,
                TaskStatus.QUEUED, null, stops, stopIndex, null, requestedAt, startedAt, finishedAt,
                why + "; waiting for " + assignedTo + ", which carries the load", decisions, attempt, assignedTo,
                firms);
    }

    /** The same task with a new {@code reason}: why it is waiting, while it waits. */
    public Task withReason(String why) {
        return new Task(id, site, category, description, earliestStart, priority, labels, requester, firm, robotKind,
                status, assignedTo, stops, stopIndex, orderId, requestedAt, startedAt, finishedAt, why, decisions, attempt,
                robot, firms);
    }

    /** A delivery or serving whose robot has been to its pickup: the load is on that robot. */
    public boolean carriesLoad() {
        return (category == TaskCategory.DELIVERY || category == TaskCategory.SERVING) && stopIndex > 0;
    }

    public Task withStatus(TaskStatus newStatus, Instant at, String why) {
        return new Task(id, site, category, description, earliestStart, priority, labels, requester, firm, robotKind,
                newStatus, newStatus == TaskStatus.QUEUED || newStatus == TaskStatus.STANDBY ? null : assignedTo, stops,
                stopIndex, newStatus == TaskStatus.QUEUED ? null : orderId, requestedAt, startedAt,
                newStatus.isFinal() ? at : finishedAt, why, decisions, attempt, robot, firms);
    }
}
