package dev.provingground.server.tasks;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The journey of each underway task, by task id, and when each live order went out, to tell a refusal from an error
 * left over from before it. Held in memory only: after a restart, underway tasks are dispatched again.
 */
final class Journeys {

    private final Map<String, Journey> byTask = new LinkedHashMap<>();
    private final Map<String, Instant> orderSentAt = new HashMap<>();

    /** The task's journey from now on; the one it replaces gives up what it held. */
    void begin(String taskId, Journey journey) {
        Journey previous = byTask.put(taskId, journey);
        if (previous != null) previous.abandon();
    }

    Journey of(String taskId) {
        return byTask.get(taskId);
    }

    /** The task needs no journey any more (it ended or goes back in the queue): give up what it held. */
    void drop(String taskId) {
        Journey journey = byTask.remove(taskId);
        if (journey != null) journey.abandon();
    }

    /** Every task with a journey, and its journey, as they are now. */
    List<Map.Entry<String, Journey>> all() {
        return List.copyOf(byTask.entrySet());
    }

    void sent(String orderId, Instant at) {
        orderSentAt.put(orderId, at);
    }

    /** When the order went out, or null if it is not live. */
    Instant sentAt(String orderId) {
        return orderSentAt.get(orderId);
    }

    void forgetSent(String orderId) {
        orderSentAt.remove(orderId);
    }

    /** A task's order replaced by another (or by none) is not live any more. */
    void orderReplaced(Task before, Task after) {
        String old = before == null ? null : before.progress().orderId();
        if (old != null && !old.equals(after.progress().orderId())) orderSentAt.remove(old);
    }
}
