package dev.provingground.trackrecord.store;

import dev.provingground.trackrecord.log.LogId;
import java.util.LinkedHashMap;
import java.util.Map;

/** Least-recently-used cache of full tiles; a full tile never changes, so a cached copy never goes stale. */
final class TileCache {

    private record Key(LogId log, int level, long index) {
    }

    private final int capacity;
    private final LinkedHashMap<Key, byte[]> tiles;

    TileCache(int capacity) {
        this.capacity = capacity;
        this.tiles = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, byte[]> eldest) {
                return size() > TileCache.this.capacity;
            }
        };
    }

    synchronized byte[] get(LogId log, int level, long index) {
        return capacity == 0 ? null : tiles.get(new Key(log, level, index));
    }

    synchronized void put(LogId log, int level, long index, byte[] hashes) {
        if (capacity > 0) {
            tiles.put(new Key(log, level, index), hashes);
        }
    }
}
