package dev.provingground.server.config;

/**
 * @param commitIntervalMillis the writer thread commits at most this long after the first pending change
 * @param commitBatch          ...or as soon as this many changes are pending
 * @param stateFlushMillis     how often the latest robot states are written; a crash loses at most this much
 *                             of the registry's latest-state (never of the track record)
 */
public record StoreConfig(long commitIntervalMillis, int commitBatch, long stateFlushMillis) {

    public StoreConfig {
        if (commitIntervalMillis < 1 || commitIntervalMillis > 10_000)
            throw new IllegalArgumentException("store.commitIntervalMillis: must be 1..10000, got " + commitIntervalMillis);
        if (commitBatch < 1) throw new IllegalArgumentException("store.commitBatch: must be >= 1, got " + commitBatch);
        if (stateFlushMillis < 10)
            throw new IllegalArgumentException("store.stateFlushMillis: must be >= 10, got " + stateFlushMillis);
    }

    public static StoreConfig defaults() {
        return new StoreConfig(50, 1000, 1000);
    }
}
