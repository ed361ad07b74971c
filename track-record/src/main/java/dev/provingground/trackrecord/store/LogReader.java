package dev.provingground.trackrecord.store;

import dev.provingground.trackrecord.log.LogId;
import dev.provingground.trackrecord.checkpoint.SignedCheckpoint;
import dev.provingground.trackrecord.merkle.MerkleTree;
import dev.provingground.trackrecord.merkle.TreeHasher;
import java.util.List;
import java.util.Optional;

/**
 * A consistent read-only snapshot of one log as of its last commit. Safe to use from any thread while the writer
 * goes on; each reader owns its hasher, so one instance belongs to one thread.
 */
public final class LogReader {

    /** Receives leaves in order. */
    @FunctionalInterface
    public interface EntryConsumer {
        void accept(long index, byte[] entry);
    }

    /** Visits leaves in order until it returns false; also told when the leaf's bundle was first appended to. */
    @FunctionalInterface
    public interface EntryVisitor {
        boolean visit(long index, byte[] entry, long bundleAppendMillis);
    }

    /** Receives leaf hashes in order. */
    @FunctionalInterface
    public interface HashConsumer {
        void accept(long index, byte[] hashes, int offset);
    }

    private final LogStorage storage;
    private final LogStorage.View view;
    private final MerkleTree tree;

    public LogReader(LogStorage storage) {
        this.storage = storage;
        this.view = storage.view();
        this.tree = new MerkleTree(storage.nodes(view), new TreeHasher());
    }

    public LogId logId() {
        return storage.logId();
    }

    /** Committed tree size of this snapshot. */
    public long size() {
        return view.size();
    }

    public Optional<SignedCheckpoint> checkpoint() {
        return Optional.ofNullable(view.checkpoint());
    }

    /** The writer's tree over this snapshot, for roots and proofs of any size up to {@link #size()}. */
    public MerkleTree tree() {
        return tree;
    }

    public byte[] entry(long index) {
        return storage.entry(view, index);
    }

    public void forEachEntry(long start, long end, EntryConsumer consumer) {
        checkRange(start, end);
        int width = 1 << storage.tileHeight();
        long index = start;
        while (index < end) {
            List<byte[]> entries = storage.bundleOf(view, index).entries();
            int offset = (int) (index & (width - 1));
            for (int i = offset; i < entries.size() && index < end; i++, index++) {
                consumer.accept(index, entries.get(i));
            }
            if (index < end && entries.size() < width) {
                throw new IllegalStateException(logId() + ": entry bundle for leaf " + index + " is short");
            }
        }
    }

    /**
     * Visits leaves from {@code start} while the visitor returns true and the index is below {@code end}.
     *
     * @return the index of the leaf that stopped the visit, or {@code end}
     */
    public long scanEntries(long start, long end, EntryVisitor visitor) {
        checkRange(start, end);
        int width = 1 << storage.tileHeight();
        long index = start;
        while (index < end) {
            StoredValues.Bundle bundle = storage.bundleOf(view, index);
            List<byte[]> entries = bundle.entries();
            int offset = (int) (index & (width - 1));
            for (int i = offset; i < entries.size() && index < end; i++, index++) {
                if (!visitor.visit(index, entries.get(i), bundle.firstAppendMillis())) {
                    return index;
                }
            }
            if (index < end && entries.size() < width) {
                throw new IllegalStateException(logId() + ": entry bundle for leaf " + index + " is short");
            }
        }
        return end;
    }

    /** Leaf hashes as stored in the level-0 tiles, passed tile by tile: {@code hashes[offset..offset+32)} is leaf index. */
    public void forEachLeafHash(long start, long end, HashConsumer consumer) {
        checkRange(start, end);
        int height = storage.tileHeight();
        int width = 1 << height;
        long index = start;
        while (index < end) {
            byte[] hashes = storage.tileHashes(view, 0, index >>> height);
            int offset = (int) (index & (width - 1));
            for (int i = offset; i < width && index < end; i++, index++) {
                consumer.accept(index, hashes, i * StoredValues.HASH_BYTES);
            }
        }
    }

    /** Entries per bundle; the granularity of {@link #bundleAppendMillis}. */
    public int bundleWidth() {
        return 1 << storage.tileHeight();
    }

    /** Writer-clock time at which the first leaf of the bundle holding {@code leafIndex} was appended; never decreases. */
    public long bundleAppendMillis(long leafIndex) {
        checkRange(leafIndex, leafIndex + 1);
        return storage.appendMillisOf(view, leafIndex);
    }

    private void checkRange(long start, long end) {
        if (start < 0 || start > end || end > view.size()) {
            throw new IllegalArgumentException(logId() + ": range [" + start + ", " + end + ") is outside the log (size "
                    + view.size() + ")");
        }
    }
}
