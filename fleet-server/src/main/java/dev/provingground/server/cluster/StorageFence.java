package dev.provingground.server.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The fence on a site's data directory: an exclusive OS file lock on {@code owner.lock}, held for as long as a node
 * serves the site, and the ownership epoch in {@code owner.epoch}, which only ever rises. The kernel (or an NFSv4
 * server) drops the lock when the holding process dies, so a SIGKILLed owner frees its site at once, while an owner
 * that is alive but cut off from the cluster keeps it: the node the cluster chose instead cannot open the site's
 * stores until the old one has let go, so two nodes never write one site's log.
 */
final class StorageFence implements AutoCloseable {

    static final String LOCK_FILE = "owner.lock";
    static final String EPOCH_FILE = "owner.epoch";

    private final FileChannel channel;
    private final FileLock lock;
    private final long epoch;

    private StorageFence(FileChannel channel, FileLock lock, long epoch) {
        this.channel = channel;
        this.lock = lock;
        this.epoch = epoch;
    }

    /**
     * Takes the fence of {@code siteDir} without waiting.
     *
     * @param proposedEpoch the epoch the cluster handed out with the site's lock; the fence's epoch is the larger of
     *                      it and one more than the epoch on disk, so it rises even if the cluster's count was lost
     * @throws IllegalStateException when another process holds the fence
     */
    static StorageFence take(Path siteDir, long proposedEpoch) {
        try {
            Files.createDirectories(siteDir);
            FileChannel channel = FileChannel.open(siteDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("another process still holds " + siteDir.resolve(LOCK_FILE));
            }
            long epoch = Math.max(proposedEpoch, epochOnDisk(siteDir) + 1);
            Path tmp = siteDir.resolve(EPOCH_FILE + ".tmp");
            Files.writeString(tmp, epoch + "\n", StandardCharsets.UTF_8);
            try (FileChannel f = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                f.force(true);
            }
            Files.move(tmp, siteDir.resolve(EPOCH_FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return new StorageFence(channel, lock, epoch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fence " + siteDir + ": " + e.getMessage(), e);
        }
    }

    /** The last epoch written to {@code siteDir}; 0 when none was. */
    static long epochOnDisk(Path siteDir) throws IOException {
        Path file = siteDir.resolve(EPOCH_FILE);
        if (!Files.exists(file)) return 0;
        String text = Files.readString(file, StandardCharsets.UTF_8).trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException(file + " holds '" + text + "', not an epoch");
        }
    }

    long epoch() {
        return epoch;
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the fence: " + e.getMessage(), e);
        }
    }
}
