package dev.provingground.trackrecord.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import org.mapdb.DataInput2;
import org.mapdb.volume.Volume;
import java.io.File;

/**
 * A MapDB volume whose every {@link #sync()} is atomic on disk. Writes are held in memory, page by page; {@code sync}
 * writes those pages to a redo file with a checksum and forces it, then writes them into the main file and forces
 * that, then empties the redo file. {@link #recover} replays a complete redo file and drops an incomplete one (whose
 * commit never reached the main file).
 *
 * <p>Why: MapDB 3.1.0's StoreWAL copies a commit into the main file in place and never replays its write-ahead log
 * on open, so a process killed in mid-commit leaves a store that no longer opens ("Broken bit parity"). StoreWAL
 * writes the main file only inside {@code commit()}, which ends with {@code sync()}, so making {@code sync()} atomic
 * makes each MapDB commit atomic.
 */
final class RedoLogVolume extends Volume {

    static final int PAGE = 4096;
    private static final long MAGIC = 0x5047_5245_444f_0001L;
    private static final long END_OF_PAGES = -1L;

    private final Volume base;
    private final Path redoFile;
    private final FileChannel redo;
    private final TreeMap<Long, byte[]> dirty = new TreeMap<>();
    /**
     * Page buffers and the redo record's buffer of earlier commits, reused: made anew for every commit they were
     * most of a commit's garbage ({@code bench garbage}). Kept up to a bound, so one large commit is not held on to.
     */
    private final ArrayDeque<byte[]> freePages = new ArrayDeque<>();
    private static final int KEPT_PAGES = 256;
    private ByteBuffer recordBuffer = ByteBuffer.allocate(0);
    private static final int KEPT_RECORD_BYTES = KEPT_PAGES * (PAGE + Long.BYTES) + 4 * Long.BYTES;
    /** Lets reads skip the overlay when no commit is being written, which is nearly always. */
    private volatile boolean hasDirty;
    /** Why the last commit is durable in the redo file but not in the main file; null while intact. */
    private Exception inDoubt;

    RedoLogVolume(Volume base, Path mainFile) {
        this.base = base;
        this.redoFile = redoFileOf(mainFile);
        try {
            this.redo = FileChannel.open(redoFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open redo file " + redoFile, e);
        }
    }

    static Path redoFileOf(Path mainFile) {
        return mainFile.resolveSibling(mainFile.getFileName() + ".redo");
    }

    /**
     * Finishes a commit a crash interrupted: a complete redo file is written into the main file; an incomplete one
     * is dropped. Call before MapDB opens the main file.
     */
    static void recover(Path mainFile) {
        Path redoFile = redoFileOf(mainFile);
        try {
            if (!Files.exists(redoFile) || Files.size(redoFile) == 0) {
                return;
            }
            List<Map.Entry<Long, byte[]>> pages = parse(ByteBuffer.wrap(Files.readAllBytes(redoFile)));
            if (pages != null) {
                try (FileChannel main = FileChannel.open(mainFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    for (Map.Entry<Long, byte[]> page : pages) {
                        writeFully(main, ByteBuffer.wrap(page.getValue()), page.getKey() * PAGE);
                    }
                    main.force(true);
                }
            }
            try (FileChannel channel = FileChannel.open(redoFile, StandardOpenOption.WRITE)) {
                channel.truncate(0);
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recover " + mainFile + " from " + redoFile, e);
        }
    }

    /** The pages of a complete redo record, or null when it is incomplete or damaged. */
    private static List<Map.Entry<Long, byte[]>> parse(ByteBuffer in) {
        try {
            if (in.getLong() != MAGIC) {
                return null;
            }
            int bodyStart = in.position();
            List<Map.Entry<Long, byte[]>> pages = new ArrayList<>();
            while (true) {
                long page = in.getLong();
                if (page == END_OF_PAGES) {
                    int bodyEnd = in.position() - Long.BYTES;
                    int count = in.getInt();
                    int checksum = in.getInt();
                    CRC32C crc = new CRC32C();
                    crc.update(in.array(), bodyStart, bodyEnd - bodyStart);
                    return count == pages.size() && checksum == (int) crc.getValue() ? pages : null;
                }
                byte[] content = new byte[PAGE];
                in.get(content);
                pages.add(Map.entry(page, content));
            }
        } catch (RuntimeException truncated) {
            return null;
        }
    }

    /**
     * The commit point is the forced redo record. A failure before it (no space for the file's growth or the record)
     * drops the commit's pages, so the volume is as of the last commit and a later commit cannot carry them to disk;
     * the caller's commit failed and nothing of it is stored. A failure after it (the main file, already allocated,
     * cannot be written) leaves a commit that is durable but not yet in place: the volume refuses all further work
     * until it is reopened, which replays the redo record.
     */
    @Override
    public synchronized void sync() {
        requireIntact();
        if (dirty.isEmpty()) {
            return;
        }
        try {
            // Allocates (zero-filled) before the commit point, so writing the main file after it never needs space.
            base.ensureAvailable((dirty.lastKey() + 1) * PAGE);
            ByteBuffer record = encode(dirty, recordBuffer);
            recordBuffer = record.capacity() <= KEPT_RECORD_BYTES ? record : ByteBuffer.allocate(0);
            redo.truncate(0);
            writeFully(redo, record, 0);
            redo.force(true);
        } catch (IOException | RuntimeException e) {
            dropUncommitted();
            truncateRedoQuietly();
            throw e instanceof IOException io
                    ? new UncheckedIOException("cannot commit to " + base.getFile() + " through " + redoFile, io)
                    : (RuntimeException) e;
        }
        try {
            for (Map.Entry<Long, byte[]> page : dirty.entrySet()) {
                base.putData(page.getKey() * PAGE, page.getValue(), 0, PAGE);
            }
            base.sync();
            redo.truncate(0);
            redo.force(true);
        } catch (IOException | RuntimeException e) {
            inDoubt = e;
            throw new IllegalStateException("commit to " + base.getFile() + " is durable in " + redoFile
                    + " but not in place; reopen to replay it: " + e.getMessage(), e);
        }
        dropUncommitted();
    }

    private void requireIntact() {
        if (inDoubt != null) {
            throw new IllegalStateException(base.getFile() + " must be reopened to replay its last commit: "
                    + inDoubt.getMessage(), inDoubt);
        }
    }

    /** Forgets the dirty pages (written or dropped), keeping their buffers for the next commit. */
    private void dropUncommitted() {
        for (byte[] page : dirty.values()) {
            if (freePages.size() >= KEPT_PAGES) break;
            freePages.push(page);
        }
        dirty.clear();
        hasDirty = false;
    }

    private void truncateRedoQuietly() {
        try {
            redo.truncate(0);
        } catch (IOException ignored) {
            // An incomplete record is dropped on the next open anyway.
        }
    }

    /** A redo record: magic, (page number, page)*, end marker, page count, CRC32C of the pages. */
    static ByteBuffer encode(Map<Long, byte[]> pages) {
        return encode(pages, ByteBuffer.allocate(0));
    }

    /** As {@link #encode(Map)}, into {@code reuse} when it is large enough. */
    private static ByteBuffer encode(Map<Long, byte[]> pages, ByteBuffer reuse) {
        int size = Long.BYTES + pages.size() * (Long.BYTES + PAGE) + Long.BYTES + 8;
        ByteBuffer record = reuse.capacity() >= size ? reuse.clear() : ByteBuffer.allocate(size);
        record.putLong(MAGIC);
        for (Map.Entry<Long, byte[]> page : pages.entrySet()) {
            record.putLong(page.getKey()).put(page.getValue());
        }
        CRC32C crc = new CRC32C();
        crc.update(record.array(), Long.BYTES, record.position() - Long.BYTES);
        record.putLong(END_OF_PAGES).putInt(pages.size()).putInt((int) crc.getValue());
        record.flip();
        return record;
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    private byte[] dirtyPage(long page) {
        byte[] content = dirty.get(page);
        if (content == null) {
            long start = page * PAGE;
            long length = base.length();
            content = freePages.isEmpty() ? new byte[PAGE] : freePages.pop();
            // What the main file does not cover reads as zeros, as in a new buffer.
            if (start + PAGE > length) Arrays.fill(content, (byte) 0);
            if (start < length) {
                base.getData(start, content, 0, (int) Math.min(PAGE, length - start));
            }
            dirty.put(page, content);
        }
        return content;
    }

    private synchronized void write(long offset, byte[] source, int sourceOffset, int length) {
        requireIntact();
        long at = offset;
        int from = sourceOffset;
        int left = length;
        while (left > 0) {
            long page = at / PAGE;
            int inPage = (int) (at % PAGE);
            int count = Math.min(left, PAGE - inPage);
            System.arraycopy(source, from, dirtyPage(page), inPage, count);
            at += count;
            from += count;
            left -= count;
        }
        hasDirty = true;
    }

    private void read(long offset, byte[] target, int targetOffset, int length) {
        if (!hasDirty) {
            base.getData(offset, target, targetOffset, length);
            return;
        }
        synchronized (this) {
            long at = offset;
            int to = targetOffset;
            int left = length;
            while (left > 0) {
                long page = at / PAGE;
                int inPage = (int) (at % PAGE);
                int count = Math.min(left, PAGE - inPage);
                byte[] content = dirty.get(page);
                if (content != null) {
                    System.arraycopy(content, inPage, target, to, count);
                } else {
                    base.getData(at, target, to, count);
                }
                at += count;
                to += count;
                left -= count;
            }
        }
    }

    /**
     * MapDB grows the file in the middle of copying a commit into the volume; when that fails (no space), the pages
     * copied so far are dropped, as the commit can no longer complete.
     */
    @Override
    public synchronized void ensureAvailable(long offset) {
        requireIntact();
        try {
            base.ensureAvailable(offset);
        } catch (RuntimeException e) {
            dropUncommitted();
            throw e;
        }
    }

    @Override
    public synchronized void truncate(long size) {
        if (hasDirty) {
            throw new IllegalStateException("cannot truncate " + base.getFile() + " in the middle of a commit");
        }
        base.truncate(size);
    }

    @Override
    public void putLong(long offset, long value) {
        write(offset, ByteBuffer.allocate(Long.BYTES).putLong(value).array(), 0, Long.BYTES);
    }

    @Override
    public void putInt(long offset, int value) {
        write(offset, ByteBuffer.allocate(Integer.BYTES).putInt(value).array(), 0, Integer.BYTES);
    }

    @Override
    public void putByte(long offset, byte value) {
        write(offset, new byte[] {value}, 0, 1);
    }

    @Override
    public void putData(long offset, byte[] source, int sourceOffset, int length) {
        write(offset, source, sourceOffset, length);
    }

    @Override
    public void putData(long offset, ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.get(copy);
        write(offset, copy, 0, copy.length);
    }

    @Override
    public void clear(long startOffset, long endOffset) {
        byte[] zeros = new byte[PAGE];
        for (long at = startOffset; at < endOffset; at += PAGE) {
            write(at, zeros, 0, (int) Math.min(PAGE, endOffset - at));
        }
    }

    @Override
    public long getLong(long offset) {
        if (!hasDirty) {
            return base.getLong(offset);
        }
        byte[] bytes = new byte[Long.BYTES];
        read(offset, bytes, 0, bytes.length);
        return ByteBuffer.wrap(bytes).getLong();
    }

    @Override
    public int getInt(long offset) {
        if (!hasDirty) {
            return base.getInt(offset);
        }
        byte[] bytes = new byte[Integer.BYTES];
        read(offset, bytes, 0, bytes.length);
        return ByteBuffer.wrap(bytes).getInt();
    }

    @Override
    public byte getByte(long offset) {
        if (!hasDirty) {
            return base.getByte(offset);
        }
        byte[] bytes = new byte[1];
        read(offset, bytes, 0, 1);
        return bytes[0];
    }

    @Override
    public DataInput2 getDataInput(long offset, int size) {
        if (!hasDirty) {
            return base.getDataInput(offset, size);
        }
        byte[] bytes = new byte[size];
        read(offset, bytes, 0, size);
        return new DataInput2.ByteArray(bytes);
    }

    @Override
    public void getData(long offset, byte[] target, int targetOffset, int length) {
        read(offset, target, targetOffset, length);
    }

    /** Uncommitted pages are dropped: closing without a commit is a rollback. */
    @Override
    public synchronized void close() {
        dropUncommitted();
        try {
            redo.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + redoFile, e);
        } finally {
            base.close();
        }
    }

    @Override
    public int sliceSize() {
        return base.sliceSize();
    }

    @Override
    public boolean isSliced() {
        return base.isSliced();
    }

    @Override
    public synchronized long length() {
        return dirty.isEmpty() ? base.length() : Math.max(base.length(), (dirty.lastKey() + 1) * PAGE);
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public File getFile() {
        return base.getFile();
    }

    @Override
    public boolean getFileLocked() {
        return base.getFileLocked();
    }
}
