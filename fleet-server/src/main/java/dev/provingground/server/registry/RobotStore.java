package dev.provingground.server.registry;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/** Persistence of the robot registry; the MapDB implementation lives in the store package. */
public interface RobotStore {

    record Entry(Robot robot, RobotStatus status) {
    }

    Collection<Entry> loadAll();

    CompletableFuture<Void> save(Entry entry);
}
