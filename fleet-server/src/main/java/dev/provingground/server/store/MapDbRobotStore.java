package dev.provingground.server.store;

import dev.provingground.server.registry.RobotStore;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

public final class MapDbRobotStore implements RobotStore {

    /** Version 2 added the robot's {@code dispatch}; a version 1 robot reads as dispatched by the server. */
    private static final VersionedJson<Entry> ENTRY = new VersionedJson<>(Entry.class, 2, 1);

    private final MapDbStore store;
    private final MapDbStore.Table robots;

    public MapDbRobotStore(MapDbStore store) {
        this.store = store;
        this.robots = store.table("robots");
    }

    @Override
    public Collection<Entry> loadAll() {
        return List.copyOf(robots.readAll(ENTRY::decode).values());
    }

    @Override
    public CompletableFuture<Void> save(Entry entry) {
        return robots.put(entry.robot().id(), ENTRY.encode(entry));
    }

    /** One commit; the entries (immutable records) are encoded on the store's writer thread. */
    @Override
    public CompletableFuture<Void> saveAll(List<Entry> entries) {
        if (entries.isEmpty()) return CompletableFuture.completedFuture(null);
        return store.writeAll(w -> entries.forEach(e -> w.putEncoded(robots, e.robot().id(), () -> ENTRY.encode(e))));
    }

    /** One commit, gathered and encoded on the store's writer thread. */
    @Override
    public CompletableFuture<Void> saveAllGathered(Supplier<List<Entry>> gather) {
        return store.writeGathered(w -> gather.get().forEach(e -> w.put(robots, e.robot().id(), ENTRY.encode(e))));
    }
}
