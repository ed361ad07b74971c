package dev.provingground.trackrecord;

import java.time.Duration;

/**
 * Configuration of the track-record store.
 *
 * @param commitInterval     longest an appended event waits before its group commit (default 50 ms)
 * @param commitMaxEvents    a group commit starts as soon as this many events wait (default 8192)
 * @param checkpointInterval least time between two automatic checkpoints of one log while events arrive (default 5 s)
 * @param segmentMaxBytes    a log's MapDB file is rolled to a new segment once it reaches this size (default 1.8 GB,
 *                           safely below 2 GB)
 * @param maxPendingAppends  appends waiting for the writer beyond this are refused at once instead of queued
 *                           (default 1,000,000), so a stalled disk cannot exhaust memory
 * @param maxEventBytes      largest accepted event (default 1 MiB)
 * @param keyName            C2SP key name given to the checkpoint key when it is first created (default
 *                           {@code proving-ground}); an existing key keeps its name
 * @param exportTimeSlack    how late an event may be appended after its own {@code time} and still be found by a
 *                           time-bounded export (default 1 h)
 * @param tileHeight         hashes kept per stored tile are {@code 2^tileHeight} (default 8, as in C2SP tlog-tiles);
 *                           fixed when a log is created
 * @param tileCacheSize      full tiles kept in memory for proofs and exports (default 4096, about 32 MiB)
 * @param maxHeldEvents      events held in memory while storage fails (disk full, I/O errors) and written once it
 *                           works again (default 100,000, some 40 MB); beyond it events are refused, counted and
 *                           the count recorded as a {@code record.gap} event
 */
public record TrackRecordConfig(
        Duration commitInterval,
        int commitMaxEvents,
        Duration checkpointInterval,
        long segmentMaxBytes,
        int maxPendingAppends,
        int maxEventBytes,
        String keyName,
        Duration exportTimeSlack,
        int tileHeight,
        int tileCacheSize,
        int maxHeldEvents) {

    public TrackRecordConfig {
        requirePositive(commitInterval, "commitInterval");
        requirePositive(checkpointInterval, "checkpointInterval");
        requirePositive(exportTimeSlack, "exportTimeSlack");
        if (commitMaxEvents < 1) {
            throw new IllegalArgumentException("commitMaxEvents must be at least 1, got " + commitMaxEvents);
        }
        if (segmentMaxBytes < 1) {
            throw new IllegalArgumentException("segmentMaxBytes must be positive, got " + segmentMaxBytes);
        }
        if (maxPendingAppends < 1) {
            throw new IllegalArgumentException("maxPendingAppends must be at least 1, got " + maxPendingAppends);
        }
        if (maxEventBytes < 2) {
            throw new IllegalArgumentException("maxEventBytes must be at least 2, got " + maxEventBytes);
        }
        if (keyName == null || keyName.isEmpty() || keyName.contains("+") || keyName.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("keyName must be non-empty without spaces or '+', got '" + keyName + "'");
        }
        if (tileHeight < 1 || tileHeight > 16) {
            throw new IllegalArgumentException("tileHeight must be between 1 and 16, got " + tileHeight);
        }
        if (maxHeldEvents < 0) {
            throw new IllegalArgumentException("maxHeldEvents must not be negative, got " + maxHeldEvents);
        }
        if (tileCacheSize < 0) {
            throw new IllegalArgumentException("tileCacheSize must not be negative, got " + tileCacheSize);
        }
    }

    public static TrackRecordConfig defaults() {
        return new TrackRecordConfig(Duration.ofMillis(50), 8192, Duration.ofSeconds(5), 1_800_000_000L, 1_000_000,
                1 << 20, "proving-ground", Duration.ofHours(1), 8, 4096, 100_000);
    }

    public TrackRecordConfig withCommitInterval(Duration value) {
        return new TrackRecordConfig(value, commitMaxEvents, checkpointInterval, segmentMaxBytes, maxPendingAppends,
                maxEventBytes, keyName, exportTimeSlack, tileHeight, tileCacheSize, maxHeldEvents);
    }

    public TrackRecordConfig withCommitMaxEvents(int value) {
        return new TrackRecordConfig(commitInterval, value, checkpointInterval, segmentMaxBytes, maxPendingAppends,
                maxEventBytes, keyName, exportTimeSlack, tileHeight, tileCacheSize, maxHeldEvents);
    }

    public TrackRecordConfig withCheckpointInterval(Duration value) {
        return new TrackRecordConfig(commitInterval, commitMaxEvents, value, segmentMaxBytes, maxPendingAppends,
                maxEventBytes, keyName, exportTimeSlack, tileHeight, tileCacheSize, maxHeldEvents);
    }

    public TrackRecordConfig withSegmentMaxBytes(long value) {
        return new TrackRecordConfig(commitInterval, commitMaxEvents, checkpointInterval, value, maxPendingAppends,
                maxEventBytes, keyName, exportTimeSlack, tileHeight, tileCacheSize, maxHeldEvents);
    }

    public TrackRecordConfig withMaxPendingAppends(int value) {
        return new TrackRecordConfig(commitInterval, commitMaxEvents, checkpointInterval, segmentMaxBytes, value,
                maxEventBytes, keyName, exportTimeSlack, tileHeight, tileCacheSize, maxHeldEvents);
    }

    public TrackRecordConfig withMaxEventBytes(int value) {
        return new TrackRecordConfig(commitInterval, commitMaxEvents, checkpointInterval, segmentMaxBytes,
                maxPendingAppends, value, keyName, exportTimeSlack, tileHeight, tileCacheSize, maxHeldEvents);
    }

    public TrackRecordConfig withKeyName(String value) {
        return new TrackRecordConfig(commitInterval, commitMaxEvents, checkpointInterval, segmentMaxBytes,
                maxPendingAppends, maxEventBytes, value, exportTimeSlack, tileHeight, tileCacheSize, maxHeldEvents);
    }

    public TrackRecordConfig withExportTimeSlack(Duration value) {
        return new TrackRecordConfig(commitInterval, commitMaxEvents, checkpointInterval, segmentMaxBytes,
                maxPendingAppends, maxEventBytes, keyName, value, tileHeight, tileCacheSize, maxHeldEvents);
    }

    public TrackRecordConfig withTileHeight(int value) {
        return new TrackRecordConfig(commitInterval, commitMaxEvents, checkpointInterval, segmentMaxBytes,
                maxPendingAppends, maxEventBytes, keyName, exportTimeSlack, value, tileCacheSize, maxHeldEvents);
    }

    public TrackRecordConfig withTileCacheSize(int value) {
        return new TrackRecordConfig(commitInterval, commitMaxEvents, checkpointInterval, segmentMaxBytes,
                maxPendingAppends, maxEventBytes, keyName, exportTimeSlack, tileHeight, value, maxHeldEvents);
    }

    public TrackRecordConfig withMaxHeldEvents(int value) {
        return new TrackRecordConfig(commitInterval, commitMaxEvents, checkpointInterval, segmentMaxBytes,
                maxPendingAppends, maxEventBytes, keyName, exportTimeSlack, tileHeight, tileCacheSize, value);
    }

    private static void requirePositive(Duration value, String field) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be a positive duration, got " + value);
        }
    }
}
