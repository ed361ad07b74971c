package dev.provingground.server.store;

import dev.provingground.server.tasks.Task;
import dev.provingground.server.tasks.TaskStore;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;

public final class MapDbTaskStore implements TaskStore {

    /** Version 2 added the task's {@code firms}; a version 1 task reads as open to every firm. */
    private static final VersionedJson<Task> TASK = new VersionedJson<>(Task.class, 2, 1);

    private final MapDbStore.Table tasks;

    public MapDbTaskStore(MapDbStore store) {
        this.tasks = store.table("tasks");
    }

    @Override
    public Collection<Task> loadAll() {
        return tasks.readAll().values().stream().map(TASK::decode).toList();
    }

    @Override
    public CompletableFuture<Void> save(Task task) {
        return tasks.put(task.id(), TASK.encode(task));
    }
}
