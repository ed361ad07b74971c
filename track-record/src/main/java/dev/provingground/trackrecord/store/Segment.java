package dev.provingground.trackrecord.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.Serializer;

/**
 * One MapDB file of a log, holding what was written while it was the log's active segment: entry bundles, tiles and
 * the log's metadata as of its last commit. MapDB transactions are on (StoreWAL) and the file sits on a
 * {@link RedoLogVolume}, so a commit is atomic and durable once {@link #commit()} returns, even if the process is killed
 * in the middle of it.
 *
 * <p>Written only by the writer thread; MapDB's own locking makes concurrent reads safe.
 */
final class Segment implements AutoCloseable {

    static final String FILE_PREFIX = "segment-";
    static final String FILE_SUFFIX = ".mapdb";

    private static final String META_FORMAT = "format";
    private static final String META_ORIGIN = "origin";
    private static final String META_TILE_HEIGHT = "tile-height";
    private static final String META_FIRST_LEAF = "first-leaf";
    private static final String META_SIZE = "size";
    private static final String META_CHECKPOINT = "checkpoint";
    private static final long FORMAT = 1;

    private final int number;
    private final Path file;
    private final DB db;
    private final BTreeMap<Long, byte[]> bundles;
    private final BTreeMap<Long, byte[]> tiles;
    private final BTreeMap<String, byte[]> meta;
    /** Cached: read on every segment lookup, and fixed once the segment exists. */
    private volatile long firstLeaf = -1;

    private Segment(int number, Path file) {
        this.number = number;
        this.file = file;
        DB opened = null;
        try {
            opened = CrashSafeMapDb.open(file);
            // Values live outside the B-tree nodes: bundles and tiles are kilobytes, and inlining them would rewrite
            // whole nodes on every put.
            this.bundles = opened.treeMap("bundles", Serializer.LONG, Serializer.BYTE_ARRAY).valuesOutsideNodesEnable()
                    .createOrOpen();
            this.tiles = opened.treeMap("tiles", Serializer.LONG, Serializer.BYTE_ARRAY).valuesOutsideNodesEnable()
                    .createOrOpen();
            this.meta = opened.treeMap("meta", Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
            this.db = opened;
        } catch (RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            throw new IllegalStateException("cannot open track-record segment " + file + ": " + e.getMessage(), e);
        }
    }

    static Path fileName(Path logDir, int number) {
        return logDir.resolve(String.format("%s%06d%s", FILE_PREFIX, number, FILE_SUFFIX));
    }

    /** Creates segment {@code number} whose first new leaf will be {@code firstLeaf}; nothing is committed yet. */
    static Segment create(Path logDir, int number, String origin, int tileHeight, long firstLeaf) {
        Path file = fileName(logDir, number);
        if (Files.exists(file)) {
            throw new IllegalStateException("segment " + file + " already exists");
        }
        try {
            // A redo file without its segment can only be a leftover; it must not be replayed into a new file.
            Files.deleteIfExists(RedoLogVolume.redoFileOf(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear leftovers of " + file, e);
        }
        Segment segment = new Segment(number, file);
        segment.meta.put(META_FORMAT, StoredValues.number(FORMAT));
        segment.meta.put(META_ORIGIN, StoredValues.text(origin));
        segment.meta.put(META_TILE_HEIGHT, StoredValues.number(tileHeight));
        segment.meta.put(META_FIRST_LEAF, StoredValues.number(firstLeaf));
        segment.firstLeaf = firstLeaf;
        return segment;
    }

    static Segment open(Path file, int number) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("segment " + file + " does not exist");
        }
        Segment segment = new Segment(number, file);
        byte[] format = segment.meta.get(META_FORMAT);
        if (format != null && StoredValues.number(format, segment.where(META_FORMAT)) != FORMAT) {
            segment.close();
            throw new IllegalStateException(file + ": unknown segment format " + StoredValues.number(format, file.toString()));
        }
        return segment;
    }

    int number() {
        return number;
    }

    Path file() {
        return file;
    }

    /** False for a segment created but never committed (a crash during a roll); it holds nothing of value. */
    boolean hasCommittedState() {
        return meta.get(META_SIZE) != null && meta.get(META_FIRST_LEAF) != null;
    }

    String origin() {
        return StoredValues.text(requiredMeta(META_ORIGIN), where(META_ORIGIN));
    }

    int tileHeight() {
        return (int) StoredValues.number(requiredMeta(META_TILE_HEIGHT), where(META_TILE_HEIGHT));
    }

    long firstLeaf() {
        long cached = firstLeaf;
        if (cached < 0) {
            cached = StoredValues.number(requiredMeta(META_FIRST_LEAF), where(META_FIRST_LEAF));
            firstLeaf = cached;
        }
        return cached;
    }

    /** Tree size as of this segment's last commit. */
    OptionalLong committedSize() {
        byte[] size = meta.get(META_SIZE);
        return size == null ? OptionalLong.empty() : OptionalLong.of(StoredValues.number(size, where(META_SIZE)));
    }

    String checkpointNote() {
        byte[] note = meta.get(META_CHECKPOINT);
        return note == null ? null : StoredValues.text(note, where(META_CHECKPOINT));
    }

    void putSize(long size) {
        meta.put(META_SIZE, StoredValues.number(size));
    }

    void putCheckpointNote(String note) {
        meta.put(META_CHECKPOINT, StoredValues.text(note));
    }

    void putTile(int level, long index, byte[] stored) {
        tiles.put(tileKey(level, index), stored);
    }

    byte[] tile(int level, long index) {
        return tiles.get(tileKey(level, index));
    }

    void putBundle(long index, byte[] stored) {
        bundles.put(index, stored);
    }

    byte[] bundle(long index) {
        return bundles.get(index);
    }

    void commit() {
        db.commit();
    }

    /** Bytes on disk, main file plus redo file (emptied after each commit), for the roll decision. */
    long bytesOnDisk() {
        try {
            Path redo = RedoLogVolume.redoFileOf(file);
            return Files.size(file) + (Files.exists(redo) ? Files.size(redo) : 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure segment " + file, e);
        }
    }

    String where(String what) {
        return file + " [" + what + "]";
    }

    private byte[] requiredMeta(String key) {
        byte[] value = meta.get(key);
        if (value == null) {
            throw new IllegalStateException(file + ": metadata '" + key + "' is missing");
        }
        return value;
    }

    /** Tile keys: level in the top byte, tile index below; 2^56 tiles per level is more than any log reaches. */
    private static long tileKey(int level, long index) {
        return ((long) level << 56) | index;
    }

    @Override
    public void close() {
        if (!db.isClosed()) {
            db.close();
        }
    }

    /**
     * After its first commit failed: the segment holds nothing, so its files go, and a retry creates it afresh.
     * A failure to remove them is added to {@code failure}, which the caller throws.
     */
    void discardAfter(RuntimeException failure) {
        try {
            closeAndDelete();
        } catch (RuntimeException cleanup) {
            failure.addSuppressed(cleanup);
        }
    }

    /** Removes a never-committed segment's files. */
    void closeAndDelete() {
        close();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(file.getParent(), file.getFileName() + "*")) {
            for (Path part : files) {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove uncommitted segment " + file, e);
        }
    }
}
