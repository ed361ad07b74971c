package dev.provingground.trackrecord.store;

import org.mapdb.DataIO;
import org.mapdb.DataInput2;
import org.mapdb.volume.Volume;

import java.io.File;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * MapDB's write-ahead log for one commit, in memory, on slices handed back for the next commit when it is closed.
 *
 * <p>Why: StoreWAL opens a new log volume for every commit and MapDB's own {@code ByteArrayVol} allocates its 1 MB
 * slices afresh each time. On a 1 GB heap every such array is a G1 humongous object, allocated straight in the old
 * generation; at several commits a second (the registry's status flush, the track record's group commits) they
 * were a quarter of the server's allocation and set off concurrent collection cycles. The slices are zeroed when
 * given back, so a volume reads as new, as {@code ByteArrayVol} does.
 */
final class RecycledMemoryVolume extends Volume {

    /** Slices kept for reuse, across all stores of the process: a bound on the memory held while nothing commits. */
    static final int POOLED_SLICES = 32;
    private static final Deque<byte[]> POOL = new ArrayDeque<>();

    private final int sliceShift;
    private final int sliceSize;
    private final int offsetInSlice;
    private volatile byte[][] slices = new byte[0][];

    RecycledMemoryVolume(int sliceShift) {
        this.sliceShift = sliceShift;
        this.sliceSize = 1 << sliceShift;
        this.offsetInSlice = sliceSize - 1;
    }

    /** How many slices wait for reuse; for tests. */
    static int pooled() {
        synchronized (POOL) {
            return POOL.size();
        }
    }

    private byte[] takeSlice() {
        synchronized (POOL) {
            byte[] slice = POOL.peekFirst();
            if (slice != null && slice.length == sliceSize) return POOL.pollFirst();
        }
        return new byte[sliceSize];
    }

    private static void giveBack(byte[] slice) {
        Arrays.fill(slice, (byte) 0);
        synchronized (POOL) {
            if (POOL.size() < POOLED_SLICES) POOL.addFirst(slice);
        }
    }

    private byte[] slice(long offset) {
        return slices[(int) (offset >>> sliceShift)];
    }

    private int at(long offset) {
        return (int) (offset & offsetInSlice);
    }

    @Override
    public synchronized void ensureAvailable(long offset) {
        int needed = (int) ((offset + sliceSize - 1) >>> sliceShift);
        if (needed <= slices.length) return;
        byte[][] grown = Arrays.copyOf(slices, needed);
        for (int i = slices.length; i < needed; i++) grown[i] = takeSlice();
        slices = grown;
    }

    @Override
    public synchronized void truncate(long size) {
        int kept = (int) ((size + sliceSize - 1) >>> sliceShift);
        if (kept >= slices.length) return;
        for (int i = kept; i < slices.length; i++) giveBack(slices[i]);
        slices = Arrays.copyOf(slices, kept);
    }

    @Override
    public void putLong(long offset, long value) {
        DataIO.putLong(slice(offset), at(offset), value);
    }

    @Override
    public void putInt(long offset, int value) {
        DataIO.putInt(slice(offset), at(offset), value);
    }

    @Override
    public void putByte(long offset, byte value) {
        slice(offset)[at(offset)] = value;
    }

    /** Also across slices: the log writes records wherever they fall ({@code putDataOverlap}). */
    @Override
    public void putData(long offset, byte[] source, int sourceOffset, int length) {
        while (length > 0) {
            int n = Math.min(length, sliceSize - at(offset));
            System.arraycopy(source, sourceOffset, slice(offset), at(offset), n);
            offset += n;
            sourceOffset += n;
            length -= n;
        }
    }

    @Override
    public void putDataOverlap(long offset, byte[] source, int sourceOffset, int length) {
        putData(offset, source, sourceOffset, length);
    }

    @Override
    public void putData(long offset, ByteBuffer buffer) {
        buffer.get(slice(offset), at(offset), buffer.remaining());
    }

    @Override
    public long getLong(long offset) {
        return DataIO.getLong(slice(offset), at(offset));
    }

    @Override
    public int getInt(long offset) {
        return DataIO.getInt(slice(offset), at(offset));
    }

    @Override
    public byte getByte(long offset) {
        return slice(offset)[at(offset)];
    }

    @Override
    public DataInput2 getDataInput(long offset, int size) {
        return new DataInput2.ByteArray(slice(offset), at(offset));
    }

    @Override
    public DataInput2 getDataInputOverlap(long offset, int size) {
        if (at(offset) + size <= sliceSize) return getDataInput(offset, size);
        byte[] copy = new byte[size];
        getData(offset, copy, 0, size);
        return new DataInput2.ByteArray(copy);
    }

    /** Also across slices, like {@link #putData(long, byte[], int, int)}. */
    @Override
    public void getData(long offset, byte[] target, int targetOffset, int length) {
        while (length > 0) {
            int n = Math.min(length, sliceSize - at(offset));
            System.arraycopy(slice(offset), at(offset), target, targetOffset, n);
            offset += n;
            targetOffset += n;
            length -= n;
        }
    }

    @Override
    public void clear(long startOffset, long endOffset) {
        for (long offset = startOffset; offset < endOffset; ) {
            int from = at(offset);
            int to = (int) Math.min(sliceSize, from + (endOffset - offset));
            Arrays.fill(slice(offset), from, to, (byte) 0);
            offset += to - from;
        }
    }

    @Override
    public synchronized void close() {
        if (!closed.compareAndSet(false, true)) return;
        for (byte[] slice : slices) giveBack(slice);
        slices = new byte[0][];
    }

    @Override
    public void sync() {
    }

    @Override
    public int sliceSize() {
        return sliceSize;
    }

    @Override
    public boolean isSliced() {
        return true;
    }

    @Override
    public long length() {
        return (long) slices.length << sliceShift;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public File getFile() {
        return null;
    }

    @Override
    public boolean getFileLocked() {
        return false;
    }
}
