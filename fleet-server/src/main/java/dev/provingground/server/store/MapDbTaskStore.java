package dev.provingground.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provingground.server.tasks.DispatchDecision;
import dev.provingground.server.tasks.Stop;
import dev.provingground.server.tasks.Task;
import dev.provingground.server.tasks.TaskCategory;
import dev.provingground.server.tasks.TaskProgress;
import dev.provingground.server.tasks.TaskRequest;
import dev.provingground.server.tasks.TaskStatus;
import dev.provingground.server.tasks.TaskStore;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

public final class MapDbTaskStore implements TaskStore {

    /**
     * Version 3 keeps the request apart from its progress ({@code {"request": …, "progress": …}}); versions 1 and 2
     * stored one flat record ({@link Flat}), version 2 with the task's {@code firms}.
     */
    static final VersionedJson<Task> TASK = new VersionedJson<>(Task.class, 3)
            .readingOlder(new VersionedJson<>(Flat.class, 2, 1), Flat::upgrade);

    private final MapDbStore.Table tasks;

    public MapDbTaskStore(MapDbStore store) {
        this.tasks = store.table("tasks");
    }

    @Override
    public Collection<Task> loadAll() {
        return List.copyOf(tasks.readAll(TASK::decode).values());
    }

    @Override
    public CompletableFuture<Void> save(Task task) {
        return tasks.put(task.id(), TASK.encode(task));
    }

    /**
     * A task as versions 1 and 2 stored it: request and progress in one record. Its {@code robot} was both the one
     * robot a task was for (a charge task) and the robot carrying a delivery's or serving's load once it was requeued.
     */
    record Flat(String id, String site, TaskCategory category, JsonNode description, Instant earliestStart,
                int priority, List<String> labels, String requester, String firm, String robotKind,
                TaskStatus status, String assignedTo, List<Stop> stops, int stopIndex, String orderId,
                Instant requestedAt, Instant startedAt, Instant finishedAt, String reason,
                List<DispatchDecision> decisions, int attempt, String robot, List<String> firms) {

        Task upgrade() {
            // Only the server asks for a given robot, and only to charge it; a load-carrying task got its robot when
            // it was requeued.
            boolean carried = category == TaskCategory.DELIVERY || category == TaskCategory.SERVING;
            return new Task(new TaskRequest(id, site, category, description, earliestStart, priority, labels,
                    requester, firm, firms, robotKind, carried ? null : robot, stops, requestedAt),
                    new TaskProgress(status, assignedTo, stopIndex, orderId, startedAt, finishedAt, reason, decisions,
                            attempt, carried ? robot : null));
        }
    }
}
