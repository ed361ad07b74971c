package dev.provingground.trackrecord.export;

import dev.provingground.trackrecord.event.EventCodec;
import dev.provingground.trackrecord.event.EventFormatException;
import dev.provingground.trackrecord.store.LogReader;
import java.time.Duration;
import java.time.Instant;

/**
 * Picks the contiguous leaves {@code [start, end)} a period exports: from the first leaf whose event time is at or
 * after {@code from} to the last leaf whose event time is before {@code to}. Leaves in between are all included,
 * whatever their time, because a range with gaps could not be checked against the signed root.
 *
 * <p>Bundles record when their first leaf was appended; an event is assumed to be appended within {@code slack} of
 * its own time, so the search binary-searches bundles instead of reading the log from its beginning.
 */
final class ExportRange {

    private final LogReader reader;
    private final long treeSize;
    private final Duration slack;
    private final EventCodec codec;

    ExportRange(LogReader reader, long treeSize, Duration slack, EventCodec codec) {
        this.reader = reader;
        this.treeSize = treeSize;
        this.slack = slack;
        this.codec = codec;
    }

    long[] find(Instant from, Instant to) {
        long start = from == null ? 0 : firstAtOrAfter(from);
        long end = to == null ? treeSize : lastBefore(to, start) + 1;
        return new long[] {start, Math.max(start, end)};
    }

    private long firstAtOrAfter(Instant from) {
        if (treeSize == 0) {
            return 0;
        }
        long scanFrom = lastBundleAppendedBefore(from.minus(slack).toEpochMilli());
        return reader.scanEntries(scanFrom, treeSize, (index, entry, appendMillis) -> timeOf(index, entry).isBefore(from));
    }

    /** Index of the last leaf before {@code to} at or after {@code start}, or {@code start - 1} if none. */
    private long lastBefore(Instant to, long start) {
        long limitMillis = to.plus(slack).toEpochMilli();
        long[] last = {start - 1};
        reader.scanEntries(start, treeSize, (index, entry, appendMillis) -> {
            if (appendMillis > limitMillis) {
                return false;
            }
            if (timeOf(index, entry).isBefore(to)) {
                last[0] = index;
            }
            return true;
        });
        return last[0];
    }

    /** First leaf of the last bundle whose first append is at or before {@code millis}; 0 if there is none. */
    private long lastBundleAppendedBefore(long millis) {
        int width = reader.bundleWidth();
        long low = 0;
        long high = (treeSize - 1) / width;
        if (reader.bundleAppendMillis(0) > millis) {
            return 0;
        }
        while (low < high) {
            long mid = (low + high + 1) >>> 1;
            if (reader.bundleAppendMillis(mid * width) <= millis) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low * width;
    }

    private Instant timeOf(long index, byte[] entry) {
        try {
            return codec.readTime(entry);
        } catch (EventFormatException e) {
            throw new IllegalStateException(reader.logId() + ": leaf " + index + " is not a track event: " + e.getMessage(), e);
        }
    }
}
