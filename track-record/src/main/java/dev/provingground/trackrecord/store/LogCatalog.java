package dev.provingground.trackrecord.store;

import dev.provingground.trackrecord.log.LogId;
import dev.provingground.trackrecord.checkpoint.VerifierKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every log of a data directory, laid out as {@code logs/<site>/_site} for a site log and {@code logs/<site>/<firm>}
 * for a firm log (identifiers cannot start with '_', so the two never collide). Lookups are safe from any thread;
 * only the writer thread creates logs.
 *
 * <p>A log that cannot be opened (a damaged or missing segment, a checkpoint that does not verify or does not match
 * the stored tree) never keeps the others from opening: its directory is moved whole to
 * {@code quarantine/<site>/<log>} and the log starts again empty on its next event, so its later entries are
 * recorded rather than lost; {@link #setAside()} says which logs were moved and why.
 */
public final class LogCatalog implements AutoCloseable {

    static final String LOGS_DIR = "logs";
    static final String SITE_LOG_DIR = "_site";

    private final Path root;
    private final int tileHeight;
    private final TileCache cache;
    private final VerifierKey key;
    private final Map<LogId, LogStorage> logs = new ConcurrentHashMap<>();
    private final List<SetAsideLog> setAside = new ArrayList<>();

    static final String QUARANTINE_DIR = "quarantine";

    /**
     * A log that could not be opened and was moved aside.
     *
     * @param keptAt where its directory is now
     */
    public record SetAsideLog(LogId log, String reason, Path keptAt) {
    }

    private LogCatalog(Path dataDir, int tileHeight, int tileCacheSize, VerifierKey key) {
        this.root = dataDir.resolve(LOGS_DIR);
        this.tileHeight = tileHeight;
        this.cache = new TileCache(tileCacheSize);
        this.key = key;
    }

    /** Opens every log found under {@code dataDir}, checking each against its own latest checkpoint. */
    public static LogCatalog open(Path dataDir, int tileHeight, int tileCacheSize, VerifierKey key) {
        LogCatalog catalog = new LogCatalog(dataDir, tileHeight, tileCacheSize, key);
        try {
            Files.createDirectories(catalog.root);
            for (Path siteDir : list(catalog.root)) {
                String site = siteDir.getFileName().toString();
                if (!Files.isDirectory(siteDir) || !LogId.isIdentifier(site)) {
                    continue;
                }
                for (Path logDir : list(siteDir)) {
                    String name = logDir.getFileName().toString();
                    if (!Files.isDirectory(logDir)) {
                        continue;
                    }
                    LogId id;
                    if (name.equals(SITE_LOG_DIR)) {
                        id = LogId.siteLog(site);
                    } else if (LogId.isIdentifier(name)) {
                        id = LogId.firmLog(site, name);
                    } else {
                        continue;
                    }
                    try {
                        catalog.logs.put(id, LogStorage.open(id, logDir, tileHeight, catalog.cache, key));
                    } catch (RuntimeException damaged) {
                        catalog.setAside.add(new SetAsideLog(id, reasonOf(damaged),
                                moveAside(dataDir.resolve(QUARANTINE_DIR).resolve(site), logDir)));
                    }
                }
            }
        } catch (IOException e) {
            catalog.close();
            throw new UncheckedIOException("cannot open the track-record logs in " + catalog.root, e);
        } catch (RuntimeException e) {
            catalog.close();
            throw e;
        }
        return catalog;
    }

    /** The logs moved aside at open because they could not be opened. */
    public List<SetAsideLog> setAside() {
        return List.copyOf(setAside);
    }

    /** Moves {@code logDir} into {@code into}, under its own name or, if taken by an earlier one, a numbered one. */
    private static Path moveAside(Path into, Path logDir) throws IOException {
        Files.createDirectories(into);
        String name = logDir.getFileName().toString();
        Path target = into.resolve(name);
        for (int n = 2; Files.exists(target); n++) {
            target = into.resolve(name + "." + n);
        }
        Files.move(logDir, target);
        return target;
    }

    /** One line: the failure's message and its causes'. */
    private static String reasonOf(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null && out.length() < 1000; t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (out.indexOf(message) >= 0) continue;
            if (!out.isEmpty()) out.append(": ");
            out.append(message);
        }
        return out.toString().replaceAll("\\s+", " ");
    }

    private static List<Path> list(Path dir) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        }
        entries.sort(Comparator.naturalOrder());
        return entries;
    }

    public LogStorage get(LogId id) {
        return logs.get(id);
    }

    public LogStorage require(LogId id) {
        LogStorage storage = logs.get(id);
        if (storage == null) {
            throw new IllegalArgumentException("no track-record log " + id.origin());
        }
        return storage;
    }

    public Collection<LogStorage> all() {
        return logs.values();
    }

    /** Firm logs of a site, ordered by firm. */
    List<LogId> firmLogsOf(String site) {
        return logs.keySet().stream()
                .filter(id -> id.site().equals(site) && !id.isSiteLog())
                .sorted(Comparator.comparing(LogId::firm))
                .toList();
    }

    /** Writer thread only. */
    LogStorage create(LogId id) {
        Path dir = dirOf(id);
        LogStorage storage = LogStorage.create(id, dir, tileHeight, cache);
        logs.put(id, storage);
        return storage;
    }

    /**
     * Writer thread only, after a failed write: closes the log (dropping whatever it held uncommitted) and opens it
     * again from disk, as a restart would.
     *
     * @return the log as stored, or null when it was never created on disk
     */
    LogStorage reopen(LogId id) {
        LogStorage old = logs.remove(id);
        if (old != null) {
            try {
                old.close();
            } catch (RuntimeException e) {
                // A failed store may fail to close too; what counts is what is on disk, read below.
            }
        }
        Path dir = dirOf(id);
        if (!Files.isDirectory(dir)) {
            return null;
        }
        LogStorage storage = LogStorage.open(id, dir, tileHeight, cache, key);
        logs.put(id, storage);
        return storage;
    }

    private Path dirOf(LogId id) {
        return root.resolve(id.site()).resolve(id.isSiteLog() ? SITE_LOG_DIR : id.firm());
    }

    @Override
    public void close() {
        for (LogStorage storage : logs.values()) {
            storage.close();
        }
    }
}
