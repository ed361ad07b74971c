package dev.provingground.server.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real, small filesystem to run out of space on: a tmpfs of the given size, or where tmpfs cannot be mounted, an
 * ext4 image on a loop device. Filling it makes every write fail with ENOSPC ("No space left on device"), the way a
 * full data disk does; freeing gives the space back. Needs root (mount); {@link #mount} says why when it cannot.
 */
public final class SmallDisk implements AutoCloseable {

    private static final String FILLER = "filler";

    private final Path mountPoint;
    private final Path image;

    private SmallDisk(Path mountPoint, Path image) {
        this.mountPoint = mountPoint;
        this.image = image;
    }

    /** Mounts a filesystem of {@code megabytes} at {@code mountPoint}, or skips (fails in CI) when it cannot. */
    public static SmallDisk mount(Path mountPoint, Path scratch, int megabytes) throws Exception {
        List<String> tried = new ArrayList<>();
        String tmpfs = run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", mountPoint.toString());
        if (tmpfs == null) return new SmallDisk(mountPoint, null);
        tried.add("tmpfs: " + tmpfs);
        Path image = scratch.resolve("small-disk.img");
        String loop = run("truncate", "-s", megabytes + "M", image.toString());
        if (loop == null) loop = run("mkfs.ext4", "-q", "-F", image.toString());
        if (loop == null) loop = run("mount", "-o", "loop", image.toString(), mountPoint.toString());
        if (loop == null) return new SmallDisk(mountPoint, image);
        tried.add("loop-mounted ext4: " + loop);
        RequiredPeer.assume(false, "a small filesystem to fill (" + String.join("; ", tried) + ")",
                "run the test as root with permission to mount (CI runs as root)");
        throw new IllegalStateException("unreachable");
    }

    public Path root() {
        return mountPoint;
    }

    /** Writes a filler file until the filesystem is full: from now on every write that needs space fails. */
    public void fill() {
        byte[] big = new byte[64 * 1024];
        byte[] small = new byte[512];
        try (OutputStream out = Files.newOutputStream(mountPoint.resolve(FILLER), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            writeUntilFull(out, big);
            writeUntilFull(out, small);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the filler on " + mountPoint, e);
        }
    }

    private static void writeUntilFull(OutputStream out, byte[] chunk) {
        try {
            while (true) {
                out.write(chunk);
                out.flush();
            }
        } catch (IOException full) {
            if (full.getMessage() == null || !full.getMessage().contains("No space left")) {
                throw new IllegalStateException("filling the disk failed otherwise than running out of space", full);
            }
        }
    }

    /** Deletes the filler: the space is back. */
    public void free() throws IOException {
        Files.deleteIfExists(mountPoint.resolve(FILLER));
    }

    @Override
    public void close() throws Exception {
        String failed = run("umount", mountPoint.toString());
        // Still busy (a test failed with files open): detach it now, the kernel frees it once they close.
        if (failed != null && run("umount", "-l", mountPoint.toString()) == null) failed = null;
        if (image != null) Files.deleteIfExists(image);
        if (failed != null) throw new IllegalStateException("cannot unmount " + mountPoint + ": " + failed);
    }

    /** Runs a command; null when it succeeded, else its output and exit code. */
    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return String.join(" ", command) + " timed out";
        }
        String output = new String(process.getInputStream().readAllBytes()).strip();
        return process.exitValue() == 0 ? null : String.join(" ", command) + " exited " + process.exitValue()
                + (output.isEmpty() ? "" : ": " + output);
    }
}
