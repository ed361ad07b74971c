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
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Floor-plan images as files {@code DATA/floor-plans/<sha256>}: immutable, so they are served straight from disk
 * and never rewritten. A file is written to a temporary name, forced to disk and renamed, so a crash leaves either
 * the whole image or none; the site version naming it is committed only after that. At start-up every image is
 * read once: one whose bytes no longer hash to its name (damaged on disk) is moved to {@code quarantine/} and
 * reported as quarantined, and the server runs without it (its level shows no plan until it is uploaded again).
 */
public final class FileFloorPlanImageStore implements FloorPlanImageStore {

    private static final Pattern NAME = Pattern.compile("[0-9a-f]{64}");

    private final Path dir;
    private final Set<String> stored = ConcurrentHashMap.newKeySet();

    static final String QUARANTINE_DIR = "quarantine";
    /** How much of a quarantined image is shown to operators: enough to tell its format. */
    private static final int SHOWN_BYTES = 64;

    /**
     * Lists the directory and checks each image against its name (blocking: the wiring builds the server on a
     * worker); a damaged one is moved aside and reported to {@code quarantine}.
     */
    public FileFloorPlanImageStore(Path dir, MapDbStore quarantine) {
        this.dir = dir;
        if (!Files.isDirectory(dir)) return;
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(f -> f.getFileName().toString()).filter(n -> NAME.matcher(n).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list floor-plan images in " + dir, e);
        }
        for (String name : names) {
            String problem = problemWith(dir.resolve(name), name);
            if (problem == null) stored.add(name);
            else setAside(name, problem, quarantine);
        }
    }

    /** Why the file cannot be served as the image {@code name} names, or null when it can. */
    private static String problemWith(Path file, String name) {
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
            return hash.equals(name) ? null : "floor-plan image is damaged: its bytes hash to " + hash;
        } catch (IOException e) {
            return "floor-plan image cannot be read: " + e.getMessage();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void setAside(String name, String problem, MapDbStore quarantine) {
        Path from = dir.resolve(name);
        byte[] head = new byte[0];
        try (InputStream in = Files.newInputStream(from)) {
            head = in.readNBytes(SHOWN_BYTES);
        } catch (IOException unreadable) {
            // Listed without content; the reason says why.
        }
        String keptAt;
        try {
            Path aside = Files.createDirectories(dir.resolve(QUARANTINE_DIR)).resolve(name);
            Files.move(from, aside, StandardCopyOption.REPLACE_EXISTING);
            keptAt = aside.toString();
        } catch (IOException e) {
            // Not served either way; left where it is, it is reported again at the next start.
            keptAt = from + " (it could not be moved: " + e.getMessage() + ")";
        }
        quarantine.quarantined("floor-plans", name, problem, keptAt, head);
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
