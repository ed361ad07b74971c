package dev.provingground.server.tasks;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The live tasks, in the order they became known, and their persistence. A change is taken into the book and handed
 * to the store before anyone acts on it: whoever sends a robot an order for a task has updated the task first, so
 * what the robot is doing is never ahead of what was saved. At start-up the stored tasks are loaded, and one that
 * was under way when the server stopped is put back in the queue. Runs on the server's event loop.
 */
final class TaskBook {

    /** Told of every change once the book holds it, before it is acted on. */
    @FunctionalInterface
    interface Listener {
        /** @param before the task as it was, null for a new one */
        void changed(Task before, Task after);
    }

    private final TaskStore store;
    /** Where task ids come from: secure random in production, seeded in tests so runs repeat exactly. */
    private final Random ids;
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private final List<Listener> listeners = new ArrayList<>();

    TaskBook(TaskStore store, Clock clock, Random ids) {
        this.store = store;
        this.ids = ids;
        for (Task t : store.loadAll().stream().sorted(Comparator.comparing(t -> t.request().requestedAt())).toList()) {
            // A task under way when the server stopped is dispatched again: its robot may have finished, moved
            // on or gone; a fresh decision from where things stand now is the safe way on.
            tasks.put(t.id(), t.progress().status() == TaskStatus.UNDERWAY
                    ? t.requeued(clock.instant(), "server restarted while under way; dispatched again")
                    : t);
        }
    }

    void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** {@code task-} and 12 hex digits in UUID style ({@code task-1a2b3c4d-5e6f}). */
    String newId() {
        String hex = String.format("%012x", ids.nextLong() & 0xffff_ffff_ffffL);
        return "task-" + hex.substring(0, 8) + "-" + hex.substring(8);
    }

    Optional<Task> find(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    /** Every task, in the order they became known. */
    List<Task> all() {
        return List.copyOf(tasks.values());
    }

    /** The task {@code robotId} is doing now, or null. */
    Task underwayWith(String robotId) {
        for (Task t : tasks.values())
            if (t.progress().status() == TaskStatus.UNDERWAY && robotId.equals(t.progress().assignedTo())) return t;
        return null;
    }

    /** Robots doing a task now. */
    Set<String> robotsUnderway() {
        Set<String> robots = new HashSet<>();
        for (Task t : tasks.values())
            if (t.progress().status() == TaskStatus.UNDERWAY) robots.add(t.progress().assignedTo());
        return robots;
    }

    /** Takes {@code t} in place of the task of its id (or as a new one) and saves it; completes once it is saved. */
    CompletableFuture<Task> update(Task t) {
        Task before = tasks.put(t.id(), t);
        listeners.forEach(l -> l.changed(before, t));
        return store.save(t).thenApply(v -> t);
    }
}
