package dev.provingground.trackrecord.store;

import dev.provingground.trackrecord.log.LogId;
import dev.provingground.trackrecord.checkpoint.SignedCheckpoint;
import dev.provingground.trackrecord.checkpoint.VerifierKey;
import dev.provingground.trackrecord.merkle.MerkleTree;
import dev.provingground.trackrecord.merkle.NodeSource;
import dev.provingground.trackrecord.merkle.TreeHasher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stored side of one log: its segment files and the committed state readers may see. Tiles hold the hashes of
 * complete subtrees whose height is a multiple of the tile height (level {@code L} tiles hold subtrees of height
 * {@code L * tileHeight}); entry bundles hold the leaves' bytes, {@code 2^tileHeight} per bundle.
 *
 * <p>Where to read: the state of tile or bundle covering leaves {@code [a, b)} as of tree size {@code n} lives in the
 * segment holding leaf {@code min(b, n) - 1}, because every commit writes each tile and bundle it touched to the
 * active segment, and a roll copies the unfinished ones into the new segment before it takes any leaf.
 *
 * <p>Readers take a {@link View} once and read only within it, so they never see a half-written state; the writer
 * thread alone changes segments and publishes new views.
 */
public final class LogStorage implements AutoCloseable {

    private static final Pattern SEGMENT_FILE =
            Pattern.compile(Pattern.quote(Segment.FILE_PREFIX) + "(\\d{6})" + Pattern.quote(Segment.FILE_SUFFIX));

    /** Committed state: tree size, latest durable checkpoint, segments ordered by first leaf. */
    record View(long size, SignedCheckpoint checkpoint, List<Segment> segments) {
        View {
            segments = List.copyOf(segments);
        }
    }

    private final LogId logId;
    private final Path dir;
    private final int tileHeight;
    private final TileCache cache;
    private volatile View view;

    private LogStorage(LogId logId, Path dir, int tileHeight, TileCache cache, View view) {
        this.logId = logId;
        this.dir = dir;
        this.tileHeight = tileHeight;
        this.cache = cache;
        this.view = view;
    }

    /** Creates an empty log, committed at once so it survives a crash before its first event. */
    static LogStorage create(LogId logId, Path dir, int tileHeight, TileCache cache) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create log directory " + dir, e);
        }
        Segment first = Segment.create(dir, 1, logId.origin(), tileHeight, 0);
        try {
            first.putSize(0);
            first.commit();
        } catch (RuntimeException e) {
            first.discardAfter(e);
            throw e;
        }
        return new LogStorage(logId, dir, tileHeight, cache, new View(0, null, List.of(first)));
    }

    /**
     * Opens an existing log. A last segment that never committed (a crash in the middle of a roll) is removed; the
     * checkpoint found is checked against {@code key} and against the stored tree.
     */
    static LogStorage open(LogId logId, Path dir, int tileHeightIfEmpty, TileCache cache, VerifierKey key) {
        List<Segment> segments = openSegments(dir);
        if (segments.isEmpty()) {
            // A crash between creating the directory and the first segment's first commit.
            return create(logId, dir, tileHeightIfEmpty, cache);
        }
        try {
            while (!segments.isEmpty() && !segments.get(segments.size() - 1).hasCommittedState()) {
                Segment uncommitted = segments.remove(segments.size() - 1);
                if (segments.isEmpty()) {
                    // A log whose very first commit never happened holds nothing; start it again.
                    uncommitted.closeAndDelete();
                    return create(logId, dir, tileHeightIfEmpty, cache);
                }
                uncommitted.closeAndDelete();
            }
            Segment last = segments.get(segments.size() - 1);
            for (Segment segment : segments) {
                if (!segment.origin().equals(logId.origin())) {
                    throw new IllegalStateException(segment.file() + " belongs to log " + segment.origin() + ", not "
                            + logId.origin());
                }
            }
            int tileHeight = last.tileHeight();
            long size = last.committedSize().orElseThrow();
            String note = last.checkpointNote();
            SignedCheckpoint checkpoint = null;
            if (note != null) {
                try {
                    checkpoint = SignedCheckpoint.verify(note, key);
                } catch (RuntimeException e) {
                    throw new IllegalStateException(last.file() + ": stored checkpoint does not verify with "
                            + key.encoded() + ": " + e.getMessage(), e);
                }
            }
            LogStorage storage = new LogStorage(logId, dir, tileHeight, cache, new View(size, checkpoint, segments));
            storage.checkAgainstCheckpoint();
            return storage;
        } catch (RuntimeException e) {
            segments.forEach(Segment::close);
            throw e;
        }
    }

    private static List<Segment> openSegments(Path dir) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, Segment.FILE_PREFIX + "*" + Segment.FILE_SUFFIX)) {
            entries.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list log directory " + dir, e);
        }
        files.sort(null);
        List<Segment> segments = new ArrayList<>();
        int expected = 1;
        for (Path file : files) {
            Matcher name = SEGMENT_FILE.matcher(file.getFileName().toString());
            if (!name.matches()) {
                continue;
            }
            int number = Integer.parseInt(name.group(1));
            if (number != expected) {
                segments.forEach(Segment::close);
                throw new IllegalStateException(dir + ": segment " + expected + " is missing (found " + file.getFileName() + ")");
            }
            segments.add(Segment.open(file, number));
            expected++;
        }
        return segments;
    }

    /** The tree stored must reproduce the root its own latest checkpoint signed. */
    private void checkAgainstCheckpoint() {
        View current = view;
        SignedCheckpoint checkpoint = current.checkpoint();
        if (checkpoint == null) {
            return;
        }
        if (checkpoint.treeSize() > current.size()) {
            throw new IllegalStateException(logId + ": checkpoint covers " + checkpoint.treeSize()
                    + " leaves but only " + current.size() + " are stored");
        }
        byte[] root = new MerkleTree(nodes(current), new TreeHasher()).root(checkpoint.treeSize());
        if (!Arrays.equals(root, checkpoint.checkpoint().rootHash())) {
            throw new IllegalStateException(logId + ": stored tree does not match its signed checkpoint at size "
                    + checkpoint.treeSize() + "; the data in " + dir + " is damaged");
        }
    }

    public LogId logId() {
        return logId;
    }

    Path dir() {
        return dir;
    }

    int tileHeight() {
        return tileHeight;
    }

    View view() {
        return view;
    }

    /** Durable number of leaves. */
    public long committedSize() {
        return view.size();
    }

    /** The latest durable checkpoint, or {@code null} before the first one. */
    public SignedCheckpoint latestCheckpoint() {
        return view.checkpoint();
    }

    void publish(View next) {
        view = next;
    }

    Segment activeSegment() {
        List<Segment> segments = view.segments();
        return segments.get(segments.size() - 1);
    }

    /** Hashes stored in tile {@code (level, index)} as of the view, at least the ones the view's size implies. */
    byte[] tileHashes(View at, int level, long index) {
        int width = 1 << tileHeight;
        long coverageEnd = saturatingShift(index + 1, tileHeight * (level + 1));
        long needed = Math.min(width, (at.size() - saturatingShift(index, tileHeight * (level + 1)))
                >> (tileHeight * level));
        if (needed <= 0) {
            throw new IllegalArgumentException(logId + ": tile " + level + "/" + index + " is empty at size " + at.size());
        }
        byte[] cached = cache.get(logId, level, index);
        if (cached != null) {
            return cached;
        }
        Segment segment = segmentHolding(at, Math.min(coverageEnd, at.size()) - 1);
        byte[] stored = segment.tile(level, index);
        if (stored == null) {
            throw new IllegalStateException(segment.file() + ": tile " + level + "/" + index + " is missing");
        }
        byte[] hashes = StoredValues.tileHashes(stored, segment.where("tile " + level + "/" + index));
        if (hashes.length < needed * StoredValues.HASH_BYTES) {
            throw new IllegalStateException(segment.file() + ": tile " + level + "/" + index + " holds "
                    + hashes.length / StoredValues.HASH_BYTES + " hashes, the tree needs " + needed);
        }
        if (hashes.length == width * StoredValues.HASH_BYTES) {
            cache.put(logId, level, index, hashes);
        }
        return hashes;
    }

    /** The entry bundle holding leaf {@code leafIndex}, as of the view. */
    StoredValues.Bundle bundleOf(View at, long leafIndex) {
        long bundle = leafIndex >>> tileHeight;
        long coverageEnd = (bundle + 1) << tileHeight;
        Segment segment = segmentHolding(at, Math.min(coverageEnd, at.size()) - 1);
        byte[] stored = segment.bundle(bundle);
        if (stored == null) {
            throw new IllegalStateException(segment.file() + ": entry bundle " + bundle + " is missing");
        }
        return StoredValues.bundle(stored, segment.where("bundle " + bundle));
    }

    /** When the first leaf of the bundle holding {@code leafIndex} was appended, by the writer's clock. */
    long appendMillisOf(View at, long leafIndex) {
        long bundle = leafIndex >>> tileHeight;
        long coverageEnd = (bundle + 1) << tileHeight;
        Segment segment = segmentHolding(at, Math.min(coverageEnd, at.size()) - 1);
        byte[] stored = segment.bundle(bundle);
        if (stored == null) {
            throw new IllegalStateException(segment.file() + ": entry bundle " + bundle + " is missing");
        }
        return StoredValues.bundleFirstAppendMillis(stored, segment.where("bundle " + bundle));
    }

    byte[] entry(View at, long index) {
        if (index < 0 || index >= at.size()) {
            throw new IllegalArgumentException(logId + ": leaf " + index + " does not exist (size " + at.size() + ")");
        }
        List<byte[]> entries = bundleOf(at, index).entries();
        int offset = (int) (index & ((1L << tileHeight) - 1));
        if (offset >= entries.size()) {
            throw new IllegalStateException(logId + ": entry bundle for leaf " + index + " holds only " + entries.size() + " entries");
        }
        return entries.get(offset);
    }

    /** Complete-subtree hashes of the tree as of the view, folded from the tile that holds their children. */
    NodeSource nodes(View at) {
        TreeHasher hasher = new TreeHasher();
        return (height, index) -> {
            int level = height / tileHeight;
            int heightInTile = height % tileHeight;
            long firstChild = index << heightInTile;
            long tile = firstChild >>> tileHeight;
            int offset = (int) (firstChild & ((1L << tileHeight) - 1));
            int count = 1 << heightInTile;
            if (saturatingShift(index + 1, height) > at.size()) {
                throw new IllegalArgumentException(logId + ": subtree " + height + "/" + index + " is not complete at size "
                        + at.size());
            }
            byte[] hashes = tileHashes(at, level, tile);
            return fold(hashes, offset, count, hasher);
        };
    }

    private static byte[] fold(byte[] hashes, int offset, int count, TreeHasher hasher) {
        int hashBytes = StoredValues.HASH_BYTES;
        byte[] work = Arrays.copyOfRange(hashes, offset * hashBytes, (offset + count) * hashBytes);
        for (int width = count; width > 1; width >>= 1) {
            for (int i = 0; i < width / 2; i++) {
                hasher.nodeHash(work, 2 * i * hashBytes, (2 * i + 1) * hashBytes, work, i * hashBytes);
            }
        }
        return Arrays.copyOf(work, hashBytes);
    }

    private Segment segmentHolding(View at, long leaf) {
        List<Segment> segments = at.segments();
        int low = 0;
        int high = segments.size() - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (segments.get(mid).firstLeaf() <= leaf) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return segments.get(low);
    }

    static long saturatingShift(long value, int shift) {
        if (shift >= 63 || value > (Long.MAX_VALUE >>> shift)) {
            return value == 0 ? 0 : Long.MAX_VALUE;
        }
        return value << shift;
    }

    @Override
    public void close() {
        for (Segment segment : view.segments()) {
            segment.close();
        }
    }
}
