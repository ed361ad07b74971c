package dev.provingground.server.tasks;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/** Persistence of tasks; the MapDB implementation lives in the store package. */
public interface TaskStore {

    Collection<Task> loadAll();

    CompletableFuture<Void> save(Task task);
}
