package dev.provingground.agent.link;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * A bounded first-in first-out queue of byte records on disk, kept while the MQTT link is down: plain append files,
 * no database, so it survives an agent restart and costs a robot computer little. Records go into segment files
 * ({@code seg-<n>.log}: per record a 4-byte length, a 4-byte CRC-32 and the bytes); a {@code head} file says how many
 * records of the oldest segment are already taken. A torn record at the end of the newest segment (power lost
 * mid-write) is cut off on open. When {@code maxRecords} are held, each new record drops the oldest, and the drops are
 * counted and logged. Not thread-safe.
 */
public final class BackfillQueue implements Closeable {

    private static final Logger LOG = Logger.getLogger(BackfillQueue.class.getName());
    private static final String HEAD = "head";

    private final Path directory;
    private final int maxRecords;
    private final int segmentRecords;
    private final String owner;
    /** Segment numbers, oldest first, with how many records each holds. */
    private final Deque<long[]> segments = new ArrayDeque<>();
    private long headTaken;
    /** Byte offset of the first record not taken in the oldest segment: peeks and takes start there. */
    private long headOffset;
    private long size;
    private long dropped;
    private FileChannel tail;

    /**
     * @param owner who the queue belongs to, for the log (the robot's id)
     */
    public BackfillQueue(Path directory, int maxRecords, String owner) {
        if (maxRecords < 1) throw new IllegalArgumentException("maxRecords must be >= 1");
        this.directory = directory;
        this.maxRecords = maxRecords;
        this.segmentRecords = Math.max(1, Math.min(10_000, maxRecords / 8));
        this.owner = owner;
        try {
            Files.createDirectories(directory);
            open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the state backlog in " + directory, e);
        }
    }

    private void open() throws IOException {
        List<Long> numbers;
        try (Stream<Path> files = Files.list(directory)) {
            numbers = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("seg-\\d+\\.log"))
                    .map(n -> Long.parseLong(n.substring(4, n.length() - 4))).sorted().toList();
        }
        for (long n : numbers) {
            long count = countAndRepair(segment(n));
            segments.addLast(new long[]{n, count});
            size += count;
        }
        Path head = directory.resolve(HEAD);
        if (Files.exists(head) && !segments.isEmpty()) {
            String[] parts = Files.readString(head, StandardCharsets.US_ASCII).trim().split(" ");
            if (parts.length == 2 && Long.parseLong(parts[0]) == segments.peekFirst()[0]) {
                headTaken = Math.min(Long.parseLong(parts[1]), segments.peekFirst()[1]);
                size -= headTaken;
                try (FileChannel ch = FileChannel.open(segment(segments.peekFirst()[0]), StandardOpenOption.READ)) {
                    for (long i = 0; i < headTaken; i++) headOffset += 8 + recordLength(ch, headOffset);
                }
            }
        }
        if (size > 0) LOG.info(owner + ": " + size + " state samples waiting in the backlog " + directory);
    }

    /** Counts the whole records of a segment and cuts a torn one at its end. */
    private static long countAndRepair(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long pos = 0, count = 0, length = ch.size();
            ByteBuffer header = ByteBuffer.allocate(8);
            while (pos + 8 <= length) {
                header.clear();
                ch.read(header, pos);
                header.flip();
                int len = header.getInt();
                int crc = header.getInt();
                if (len < 0 || pos + 8 + len > length) break;
                ByteBuffer body = ByteBuffer.allocate(len);
                ch.read(body, pos + 8);
                if (crc(body.array()) != crc) break;
                pos += 8 + len;
                count++;
            }
            if (pos < length) ch.truncate(pos);
            return count;
        }
    }

    private Path segment(long n) {
        return directory.resolve("seg-" + n + ".log");
    }

    /** Adds a record at the end; drops the oldest first when the queue is full. */
    public void append(byte[] record) {
        try {
            if (size >= maxRecords) dropOldest();
            long[] last = segments.peekLast();
            if (last == null || last[1] >= segmentRecords) {
                if (tail != null) tail.close();
                long n = last == null ? 1 : last[0] + 1;
                tail = FileChannel.open(segment(n), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
                last = new long[]{n, 0};
                segments.addLast(last);
            } else if (tail == null) {
                tail = FileChannel.open(segment(last[0]), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            }
            ByteBuffer buf = ByteBuffer.allocate(8 + record.length);
            buf.putInt(record.length).putInt(crc(record)).put(record).flip();
            while (buf.hasRemaining()) tail.write(buf);
            last[1]++;
            size++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state backlog in " + directory, e);
        }
    }

    private void dropOldest() throws IOException {
        take(1);
        dropped++;
        if (dropped == 1 || dropped % 1000 == 0)
            LOG.warning(owner + ": state backlog full (" + maxRecords + " samples): dropped the oldest; " + dropped
                    + " dropped so far");
    }

    /** Up to {@code max} of the oldest records, left in the queue until {@link #remove}. */
    public List<byte[]> peek(int max) {
        List<byte[]> out = new ArrayList<>();
        boolean first = true;
        try {
            for (long[] seg : segments) {
                if (out.size() >= max) break;
                try (FileChannel ch = FileChannel.open(segment(seg[0]), StandardOpenOption.READ)) {
                    long pos = first ? headOffset : 0;
                    long records = first ? seg[1] - headTaken : seg[1];
                    for (long i = 0; i < records && out.size() < max; i++) {
                        int len = recordLength(ch, pos);
                        ByteBuffer body = ByteBuffer.allocate(len);
                        while (body.hasRemaining() && ch.read(body, pos + 8 + body.position()) > 0) {
                            // read until the record is whole
                        }
                        out.add(body.array());
                        pos += 8 + len;
                    }
                }
                first = false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the state backlog in " + directory, e);
        }
        return out;
    }

    private static int recordLength(FileChannel ch, long pos) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(8);
        while (header.hasRemaining() && ch.read(header, pos + header.position()) > 0) {
            // read until the header is whole
        }
        header.flip();
        return header.getInt();
    }

    /** Removes the {@code n} oldest records (those {@link #peek} gave and that were delivered). */
    public void remove(int n) {
        try {
            take(n);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the state backlog in " + directory, e);
        }
    }

    private void take(long n) throws IOException {
        long left = Math.min(n, size);
        while (left > 0) {
            long[] first = segments.peekFirst();
            long now = Math.min(left, first[1] - headTaken);
            try (FileChannel ch = FileChannel.open(segment(first[0]), StandardOpenOption.READ)) {
                for (long i = 0; i < now; i++) headOffset += 8 + recordLength(ch, headOffset);
            }
            headTaken += now;
            left -= now;
            size -= now;
            if (headTaken >= first[1]) {
                segments.pollFirst();
                if (segments.isEmpty() && tail != null) {
                    tail.close();
                    tail = null;
                }
                Files.deleteIfExists(segment(first[0]));
                headTaken = 0;
                headOffset = 0;
            }
        }
        long[] first = segments.peekFirst();
        Path head = directory.resolve(HEAD);
        if (first == null) Files.deleteIfExists(head);
        else Files.writeString(head, first[0] + " " + headTaken + "\n", StandardCharsets.US_ASCII);
    }

    public long size() {
        return size;
    }

    /** Records dropped because the queue was full, since it was opened. */
    public long dropped() {
        return dropped;
    }

    @Override
    public void close() {
        try {
            if (tail != null) {
                tail.force(false);
                tail.close();
                tail = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the state backlog in " + directory, e);
        }
    }

    private static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }
}
