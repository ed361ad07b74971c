package dev.provingground.server.store;

import dev.provingground.server.sites.floorplans.CheckedImage;
import dev.provingground.server.sites.floorplans.FloorPlanImageStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Floor-plan images as files {@code DATA/floor-plans/<sha256>}: immutable, so they are served straight from disk
 * and never rewritten. A file is written to a temporary name, forced to disk and renamed, so a crash leaves either
 * the whole image or none; the site version naming it is committed only after that.
 */
public final class FileFloorPlanImageStore implements FloorPlanImageStore {

    private static final Pattern NAME = Pattern.compile("[0-9a-f]{64}");

    private final Path dir;
    private final Set<String> stored = ConcurrentHashMap.newKeySet();

    /** Lists the directory (blocking: the wiring builds the server on a worker). */
    public FileFloorPlanImageStore(Path dir) {
        this.dir = dir;
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString()).filter(n -> NAME.matcher(n).matches()).forEach(stored::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list floor-plan images in " + dir, e);
        }
    }

    @Override
    public boolean has(String sha256) {
        return stored.contains(sha256);
    }

    @Override
    public void save(CheckedImage image) {
        if (stored.contains(image.sha256())) return;
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".upload", ".tmp");
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(image.bytes());
                while (bytes.hasRemaining()) out.write(bytes);
                out.force(true);
            }
            Files.move(tmp, file(image.sha256()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            stored.add(image.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store floor-plan image " + image.sha256() + " in " + dir, e);
        }
    }

    @Override
    public Path file(String sha256) {
        if (!NAME.matcher(sha256).matches()) throw new IllegalArgumentException("not a SHA-256: " + sha256);
        return dir.resolve(sha256);
    }
}
