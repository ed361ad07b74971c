package dev.provingground.server.registry;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

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
}
