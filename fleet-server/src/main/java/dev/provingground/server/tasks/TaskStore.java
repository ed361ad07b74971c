package dev.provingground.server.tasks;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Persistence of tasks; the MapDB implementation lives in the store package. Live tasks (not yet finished) are loaded
 * whole at start-up; finished ones are archived and read back one by one or a page at a time, so what the server
 * holds and scans does not grow with its history.
 */
public interface TaskStore {

    /**
     * The tasks not finished. A finished task still among them (stored by a server before the archive) is moved to
     * the archive on the way.
     */
    Collection<Task> loadLive();

    /** Saves a live task. */
    CompletableFuture<Void> save(Task task);

    /** Moves a finished task from the live tasks to the archive, in one commit. */
    CompletableFuture<Void> archive(Task task);

    /** A finished task from the archive. Reads the store: safe from any thread, meant for workers. */
    Optional<Task> archived(String id);

    /**
     * Archived tasks in {@link TaskOrder} after {@code cursor} (exclusive; null from the start), those {@code keep}
     * accepts, at most {@code limit}. Reads the store: safe from any thread, meant for workers.
     */
    TaskPage archivedPage(String cursor, boolean newestFirst, ArchivedTaskFilter keep, int limit);
}
