package dev.provingground.server.registry;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Persistence of the robot registry; the MapDB implementation lives in the store package. */
public interface RobotStore {

    record Entry(Robot robot, RobotStatus status) {
    }

    Collection<Entry> loadAll();

    CompletableFuture<Void> save(Entry entry);

    /**
     * Saves the entries together, all or none; a store should not make its caller pay for encoding them (the
     * registry calls this on its event loop with every robot whose status changed).
     */
    default CompletableFuture<Void> saveAll(List<Entry> entries) {
        return CompletableFuture.allOf(entries.stream().map(this::save).toArray(CompletableFuture[]::new));
    }

    /**
     * As {@link #saveAll}, with the entries gathered when the store is ready to write them: by a store with a writer
     * thread of its own, on that thread, so that gathering thousands of them costs the caller nothing. {@code gather}
     * must be safe to run on another thread.
     */
    default CompletableFuture<Void> saveAllGathered(Supplier<List<Entry>> gather) {
        return saveAll(gather.get());
    }
}
