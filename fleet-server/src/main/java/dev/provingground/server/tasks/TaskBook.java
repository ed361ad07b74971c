package dev.provingground.server.tasks;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The live tasks, in the order they became known, and their persistence. A change is taken into the book and handed
 * to the store before anyone acts on it: whoever sends a robot an order for a task has updated the task first, so
 * what the robot is doing is never ahead of what was saved. A task that finishes leaves the book for the store's
 * archive, so nothing the server does per message or per round grows with its history; underway tasks are indexed
 * by robot, so a robot's state looks up its own task only. At start-up the live tasks are loaded, and one that was
 * under way when the server stopped is put back in the queue. Runs on the server's event loop.
 */
final class TaskBook {

    private static final Logger LOG = Logger.getLogger(TaskBook.class.getName());

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
    /** The ids of the tasks under way with each robot, in the order they got it; normally one. */
    /** Changed on the server's context; robot lanes ask only whether a robot is in it ({@link #hasUnderway}). */
    private final Map<String, Set<String>> underwayByRobot = new ConcurrentHashMap<>();
    /**
     * Finished tasks handed to the archive and not yet committed there, so they are found meanwhile; read from
     * workers too. One whose archiving failed stays here (and is served) until the server stops.
     */
    private final Map<String, Task> archiving = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new ArrayList<>();

    TaskBook(TaskStore store, Clock clock, Random ids) {
        this.store = store;
        this.ids = ids;
        for (Task t : store.loadLive().stream().sorted(Comparator.comparing(t -> t.request().requestedAt())).toList()) {
            // A task under way when the server stopped is dispatched again: its robot may have finished, moved
            // on or gone; a fresh decision from where things stand now is the safe way on.
            Task loaded = t.progress().status() == TaskStatus.UNDERWAY
                    ? t.requeued(clock.instant(), "server restarted while under way; dispatched again")
                    : t;
            tasks.put(loaded.id(), loaded);
            index(loaded);
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

    /** A live task, or one finished and not yet committed to the archive; never reads the store. */
    Optional<Task> findLive(String id) {
        Task t = tasks.get(id);
        return Optional.ofNullable(t != null ? t : archiving.get(id));
    }

    /** A task, live or archived. Reads the store for a finished one: safe from any thread, meant for workers. */
    Optional<Task> findAnywhere(String id) {
        Task t = tasks.get(id);
        if (t == null) t = archiving.get(id);
        return t != null ? Optional.of(t) : store.archived(id);
    }

    /** Every live task, in the order they became known. */
    List<Task> live() {
        return List.copyOf(tasks.values());
    }

    /** Finished tasks the archive does not hold yet (being committed, or failed to be). */
    List<Task> archiving() {
        return List.copyOf(archiving.values());
    }

    TaskStore store() {
        return store;
    }

    /** The task {@code robotId} is doing now, or null. */
    Task underwayWith(String robotId) {
        Set<String> ids = underwayByRobot.get(robotId);
        return ids == null ? null : tasks.get(ids.iterator().next());
    }

    /** Whether the robot is doing a task now; safe to ask from any thread. */
    boolean hasUnderway(String robotId) {
        return underwayByRobot.containsKey(robotId);
    }

    /** Robots doing a task now. */
    Set<String> robotsUnderway() {
        return new HashSet<>(underwayByRobot.keySet());
    }

    /**
     * Takes {@code t} in place of the task of its id (or as a new one) and saves it; a finished task leaves the book
     * for the archive. Completes once it is saved.
     */
    CompletableFuture<Task> update(Task t) {
        Task before = tasks.put(t.id(), t);
        unindex(before);
        index(t);
        listeners.forEach(l -> l.changed(before, t));
        if (!t.progress().status().isFinal()) return store.save(t).thenApply(v -> t);
        tasks.remove(t.id());
        archiving.put(t.id(), t);
        return store.archive(t).whenComplete((v, e) -> {
            if (e == null) archiving.remove(t.id(), t);
            else LOG.warning(t.id() + " finished but could not be archived; kept in memory until the server stops: "
                    + e.getMessage());
        }).thenApply(v -> t);
    }

    private void index(Task t) {
        if (t.progress().status() != TaskStatus.UNDERWAY || t.progress().assignedTo() == null) return;
        underwayByRobot.computeIfAbsent(t.progress().assignedTo(), r -> new LinkedHashSet<>()).add(t.id());
    }

    private void unindex(Task t) {
        if (t == null || t.progress().status() != TaskStatus.UNDERWAY || t.progress().assignedTo() == null) return;
        Set<String> ids = underwayByRobot.get(t.progress().assignedTo());
        if (ids == null) return;
        ids.remove(t.id());
        if (ids.isEmpty()) underwayByRobot.remove(t.progress().assignedTo());
    }
}
