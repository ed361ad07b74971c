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

import dev.provingground.server.tasks.ArchivedTaskFilter;
import dev.provingground.server.tasks.TaskOrder;
import dev.provingground.server.tasks.TaskPage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Tasks in three tables: {@code tasks} holds the live ones by id (all of them are loaded at start-up), {@code
 * finished-tasks} the archived ones by id, and {@code finished-task-order} one small entry per archived task in
 * {@link TaskOrder}, with what a listing filters on, so a page is found without decoding the tasks it passes over.
 */
public final class MapDbTaskStore implements TaskStore {

    /**
     * Version 3 keeps the request apart from its progress ({@code {"request": …, "progress": …}}); versions 1 and 2
     * stored one flat record ({@link Flat}), version 2 with the task's {@code firms}.
     */
    static final VersionedJson<Task> TASK = new VersionedJson<>(Task.class, 3)
            .readingOlder(new VersionedJson<>(Flat.class, 2, 1), Flat::upgrade);

    private final MapDbStore store;
    private final MapDbStore.Table live;
    private final MapDbStore.Table finished;
    private final MapDbStore.Table order;

    public MapDbTaskStore(MapDbStore store) {
        this.store = store;
        this.live = store.table("tasks");
        this.finished = store.table("finished-tasks");
        this.order = store.sortedTable("finished-task-order");
    }

    @Override
    public Collection<Task> loadLive() {
        List<Task> out = new ArrayList<>();
        List<CompletableFuture<Void>> moved = new ArrayList<>();
        for (Task t : live.readAll(TASK::decode).values()) {
            if (t.progress().status().isFinal()) moved.add(archive(t));
            else out.add(t);
        }
        CompletableFuture.allOf(moved.toArray(CompletableFuture[]::new)).join();
        return out;
    }

    @Override
    public CompletableFuture<Void> save(Task task) {
        return live.put(task.id(), TASK.encode(task));
    }

    @Override
    public CompletableFuture<Void> archive(Task task) {
        byte[] bytes = TASK.encode(task);
        byte[] entry = IndexEntry.of(task).encode();
        return store.writeAll(w -> w.remove(live, task.id()).put(finished, task.id(), bytes)
                .put(order, TaskOrder.key(task), entry));
    }

    @Override
    public Optional<Task> archived(String id) {
        byte[] bytes = finished.get(id);
        return bytes == null ? Optional.empty() : Optional.of(TASK.decode(bytes));
    }

    @Override
    public TaskPage archivedPage(String cursor, boolean newestFirst, ArchivedTaskFilter keep, int limit) {
        NavigableMap<String, byte[]> all = order.inKeyOrder();
        NavigableMap<String, byte[]> after = newestFirst
                ? (cursor == null ? all : all.headMap(cursor, false)).descendingMap()
                : (cursor == null ? all : all.tailMap(cursor, false));
        List<Task> page = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : after.entrySet()) {
            IndexEntry entry = IndexEntry.decode(e.getValue());
            if (!keep.keeps(entry.status(), entry.firm(), entry.assignee())) continue;
            if (page.size() == limit) return new TaskPage(page, TaskOrder.key(page.get(page.size() - 1)));
            // An entry whose task is unreadable (quarantined) is left out rather than failing the page.
            archived(entry.id()).ifPresent(page::add);
        }
        return new TaskPage(page, null);
    }

    /** What a listing filters on, one line each: status, id, requesting firm, last assignee (empty for none). */
    private record IndexEntry(TaskStatus status, String id, String firm, String assignee) {

        static IndexEntry of(Task t) {
            return new IndexEntry(t.progress().status(), t.id(), t.request().firm(), t.progress().assignedTo());
        }

        byte[] encode() {
            return String.join("\n", status.name(), id, firm == null ? "" : firm, assignee == null ? "" : assignee)
                    .getBytes(StandardCharsets.UTF_8);
        }

        static IndexEntry decode(byte[] bytes) {
            String[] f = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
            return new IndexEntry(TaskStatus.valueOf(f[0]), f[1], f[2].isEmpty() ? null : f[2],
                    f[3].isEmpty() ? null : f[3]);
        }
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
