package dev.provingground.trackrecord.store;

import dev.provingground.trackrecord.log.LogId;
import dev.provingground.trackrecord.checkpoint.Checkpoint;
import dev.provingground.trackrecord.checkpoint.NoteSigner;
import dev.provingground.trackrecord.checkpoint.SignedCheckpoint;
import dev.provingground.trackrecord.merkle.CompactRange;
import dev.provingground.trackrecord.merkle.MerkleTree;
import dev.provingground.trackrecord.merkle.TreeHasher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The writer thread's side of one log: the right edge of the tree, the unfinished tile of every level and the
 * unfinished entry bundle. Appending touches only memory; finished tiles and bundles are handed to the active
 * segment as they fill, unfinished ones at each commit.
 */
final class LogAppender {

    private final LogStorage storage;
    private final TreeHasher hasher = new TreeHasher();
    private final int tileHeight;
    private final int width;
    private final CompactRange range;
    private final PartialTile[] tiles;
    private final PartialBundle bundle;
    private final List<Segment> segments;
    private SignedCheckpoint checkpoint;
    private long lastClockMillis;
    private boolean dirty;
    /** Writer-clock time of the last signature, for rate limiting; starts "long ago" so the first one is prompt. */
    private long lastCheckpointNanos;

    private LogAppender(LogStorage storage, long nowNanos) {
        this.storage = storage;
        this.tileHeight = storage.tileHeight();
        this.width = 1 << tileHeight;
        LogStorage.View view = storage.view();
        long size = view.size();
        this.segments = new ArrayList<>(view.segments());
        this.checkpoint = view.checkpoint();
        this.tiles = new PartialTile[64 / tileHeight + 1];
        for (int level = 0; level < tiles.length; level++) {
            tiles[level] = restoreTile(view, level);
        }
        this.bundle = restoreBundle(view);
        this.range = CompactRange.restore(size, storage.nodes(view), hasher);
        this.lastCheckpointNanos = nowNanos - Long.MAX_VALUE / 4;
    }

    static LogAppender resume(LogStorage storage, long nowNanos) {
        return new LogAppender(storage, nowNanos);
    }

    private PartialTile restoreTile(LogStorage.View view, int level) {
        int shift = tileHeight * level;
        long size = view.size();
        int count = shift >= 64 ? 0 : (int) ((size >>> shift) & (width - 1));
        long index = tileHeight * (level + 1) >= 64 ? 0 : size >>> (tileHeight * (level + 1));
        PartialTile tile = new PartialTile(width, index);
        if (count > 0) {
            byte[] stored = storage.tileHashes(view, level, index);
            System.arraycopy(stored, 0, tile.hashes, 0, count * StoredValues.HASH_BYTES);
            tile.count = count;
        }
        return tile;
    }

    private PartialBundle restoreBundle(LogStorage.View view) {
        long size = view.size();
        int count = (int) (size & (width - 1));
        PartialBundle restored = new PartialBundle(size >>> tileHeight);
        if (count > 0) {
            StoredValues.Bundle stored = storage.bundleOf(view, size - 1);
            restored.firstAppendMillis = stored.firstAppendMillis();
            for (int i = 0; i < count; i++) {
                restored.add(stored.entries().get(i));
            }
            lastClockMillis = stored.firstAppendMillis();
        }
        return restored;
    }

    LogId logId() {
        return storage.logId();
    }

    LogStorage storage() {
        return storage;
    }

    long size() {
        return range.size();
    }

    boolean dirty() {
        return dirty;
    }

    Segment activeSegment() {
        return segments.get(segments.size() - 1);
    }

    SignedCheckpoint checkpoint() {
        return checkpoint;
    }

    /** Adds one leaf in memory and returns its index; durable only after the next commit. */
    long append(byte[] data, long wallClockMillis) {
        long index = range.size();
        // Bundle times only ever grow, so exports can binary-search them even if the wall clock steps back.
        lastClockMillis = Math.max(lastClockMillis, wallClockMillis);
        if (bundle.count == 0) {
            bundle.firstAppendMillis = lastClockMillis;
        }
        bundle.add(data);
        if (bundle.count == width) {
            activeSegment().putBundle(bundle.index, bundle.encode());
            bundle.reset(bundle.index + 1);
        }
        range.append(hasher.leafHash(data), this::nodeCompleted);
        dirty = true;
        return index;
    }

    private void nodeCompleted(int height, long index, byte[] hash) {
        if (height % tileHeight != 0) {
            return;
        }
        int level = height / tileHeight;
        PartialTile tile = tiles[level];
        long expected = tile.index * width + tile.count;
        if (index != expected) {
            throw new IllegalStateException(logId() + ": level " + level + " node " + index + " arrived where " + expected
                    + " was due");
        }
        System.arraycopy(hash, 0, tile.hashes, tile.count * StoredValues.HASH_BYTES, StoredValues.HASH_BYTES);
        tile.count++;
        tile.dirty = true;
        if (tile.count == width) {
            activeSegment().putTile(level, tile.index, StoredValues.tile(tile.hashes, width));
            tile.index++;
            tile.count = 0;
            tile.dirty = false;
        }
    }

    /** Hands the unfinished tiles, bundle and new size to the active segment; the caller commits it. */
    void stageCommit() {
        Segment segment = activeSegment();
        stageUnfinished(segment, false);
        segment.putSize(range.size());
    }

    private void stageUnfinished(Segment segment, boolean all) {
        for (int level = 0; level < tiles.length; level++) {
            PartialTile tile = tiles[level];
            if (tile.count > 0 && (all || tile.dirty)) {
                segment.putTile(level, tile.index, StoredValues.tile(tile.hashes, tile.count));
                tile.dirty = false;
            }
        }
        if (bundle.count > 0 && (all || bundle.dirty)) {
            segment.putBundle(bundle.index, bundle.encode());
            bundle.dirty = false;
        }
    }

    /** Call after the active segment committed: readers may now see the new size. */
    void committed() {
        dirty = false;
        publish();
    }

    private void publish() {
        storage.publish(new LogStorage.View(range.size(), checkpoint, segments));
    }

    /** A roll needs a full segment that took at least one leaf, so segments' first leaves strictly increase. */
    boolean shouldRoll(long segmentMaxBytes) {
        Segment active = activeSegment();
        return !dirty && range.size() > active.firstLeaf() && active.bytesOnDisk() >= segmentMaxBytes;
    }

    /** Starts a new segment holding copies of the unfinished tiles and bundle, committed before it is used. */
    void roll() {
        Segment previous = activeSegment();
        Segment next = Segment.create(storage.dir(), previous.number() + 1, logId().origin(), tileHeight, range.size());
        try {
            stageUnfinished(next, true);
            next.putSize(range.size());
            if (checkpoint != null) {
                next.putCheckpointNote(checkpoint.note());
            }
            next.commit();
        } catch (RuntimeException e) {
            next.discardAfter(e);
            throw e;
        }
        segments.add(next);
        publish();
    }

    /** Automatic checkpoints only cover new leaves; an empty log gets one only on request. */
    boolean checkpointDue(long nowNanos, long intervalNanos) {
        return !dirty && hasUncheckpointedLeaves() && nowNanos - lastCheckpointNanos >= intervalNanos;
    }

    long nanosUntilCheckpointDue(long nowNanos, long intervalNanos) {
        return hasUncheckpointedLeaves() ? Math.max(0, lastCheckpointNanos + intervalNanos - nowNanos) : Long.MAX_VALUE;
    }

    boolean hasUncheckpointedLeaves() {
        return range.size() > (checkpoint == null ? 0 : checkpoint.treeSize());
    }

    /**
     * Signs the committed tree and stores the note durably before anyone can read it. Before signing, the stored
     * tree must still reproduce the previous checkpoint's root, so two signed checkpoints can never disagree.
     */
    SignedCheckpoint signCheckpoint(NoteSigner signer, long nowNanos) {
        if (dirty) {
            throw new IllegalStateException(logId() + ": cannot sign a checkpoint over uncommitted leaves");
        }
        if (checkpoint != null) {
            if (checkpoint.treeSize() == range.size()) {
                return checkpoint;
            }
            LogStorage.View view = storage.view();
            byte[] storedOldRoot = new MerkleTree(storage.nodes(view), hasher).root(checkpoint.treeSize());
            if (!Arrays.equals(storedOldRoot, checkpoint.checkpoint().rootHash())) {
                throw new IllegalStateException(logId() + ": stored tree no longer matches the checkpoint at size "
                        + checkpoint.treeSize() + "; refusing to sign");
            }
        }
        Checkpoint body = new Checkpoint(logId().origin(), range.size(), range.root());
        SignedCheckpoint signed = SignedCheckpoint.sign(body, signer);
        Segment segment = activeSegment();
        segment.putCheckpointNote(signed.note());
        segment.commit();
        checkpoint = signed;
        lastCheckpointNanos = nowNanos;
        publish();
        return signed;
    }

    private static final class PartialTile {
        final byte[] hashes;
        long index;
        int count;
        boolean dirty;

        PartialTile(int width, long index) {
            this.hashes = new byte[width * StoredValues.HASH_BYTES];
            this.index = index;
        }
    }

    /** Entries as {@code (length:i32, bytes)} back to back, the body of a stored bundle. */
    private static final class PartialBundle {
        long index;
        int count;
        long firstAppendMillis;
        boolean dirty;
        private byte[] body = new byte[16 * 1024];
        private int length;

        PartialBundle(long index) {
            this.index = index;
        }

        void add(byte[] entry) {
            int needed = length + 4 + entry.length;
            if (needed > body.length) {
                body = Arrays.copyOf(body, Math.max(needed, body.length * 2));
            }
            body[length] = (byte) (entry.length >>> 24);
            body[length + 1] = (byte) (entry.length >>> 16);
            body[length + 2] = (byte) (entry.length >>> 8);
            body[length + 3] = (byte) entry.length;
            System.arraycopy(entry, 0, body, length + 4, entry.length);
            length = needed;
            count++;
            dirty = true;
        }

        byte[] encode() {
            return StoredValues.bundle(firstAppendMillis, count, body, length);
        }

        void reset(long nextIndex) {
            index = nextIndex;
            count = 0;
            length = 0;
            dirty = false;
            if (body.length > 1 << 20) {
                body = new byte[16 * 1024];
            }
        }
    }
}
