package dev.provingground.trackrecord;

import dev.provingground.trackrecord.log.LeafIndex;

import dev.provingground.trackrecord.log.LogId;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.provingground.trackrecord.checkpoint.NoteSigner;
import dev.provingground.trackrecord.checkpoint.SignedCheckpoint;
import dev.provingground.trackrecord.checkpoint.SigningKeyFiles;
import dev.provingground.trackrecord.checkpoint.VerifierKey;
import dev.provingground.trackrecord.event.ConfigurationChange;
import dev.provingground.trackrecord.event.EventCodec;
import dev.provingground.trackrecord.event.RecordGap;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.trackrecord.export.BundleWriter;
import dev.provingground.trackrecord.export.ExportQuery;
import dev.provingground.trackrecord.export.ExportResult;
import dev.provingground.trackrecord.export.ProgressListener;
import dev.provingground.trackrecord.export.SiteBundleWriter;
import dev.provingground.trackrecord.merkle.ConsistencyProof;
import dev.provingground.trackrecord.merkle.InclusionProof;
import dev.provingground.trackrecord.store.CommitObserver;
import dev.provingground.trackrecord.store.GroupCommitWriter;
import dev.provingground.trackrecord.store.LogCatalog;
import dev.provingground.trackrecord.store.LogReader;
import dev.provingground.trackrecord.store.LogStorage;
import dev.provingground.trackrecord.store.StorageHealth;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * The track record: append-only, tamper-evident logs per (site, firm) plus one per site, in a data directory of its
 * own ({@code logs/}, the checkpoint key pair, a lock file).
 *
 * <p>Writes go to a single writer thread and return futures that complete once the event is durable (its group commit
 * is done); callers never block on the disk. Futures complete on the writer thread, so attach heavy continuations
 * with the {@code *Async} variants. Reads (checkpoints, proofs, entries, exports) are served from a snapshot of the
 * last commit on the caller's thread; they read files, so call them off an event loop.
 */
public final class TrackRecordStore implements AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String LOCK_FILE = "track-record.lock";
    /** First retry after a failed write; each further failure doubles the wait, up to {@link #RETRY_MAX}. */
    private static final Duration RETRY_MIN = Duration.ofMillis(100);
    private static final Duration RETRY_MAX = Duration.ofSeconds(2);

    private final Path dataDir;
    private final TrackRecordConfig config;
    private final NoteSigner signer;
    private final LogCatalog catalog;
    private final GroupCommitWriter writer;
    private final EventCodec codec = new EventCodec();
    private final Clock clock;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private boolean closed;

    /** Who decides when automatic checkpoints are signed. */
    public enum CheckpointTiming {
        /** The writer thread, every {@code checkpointInterval} of real time while a log grows. */
        OWN_TIMER,
        /**
         * The owner, by calling {@link #signCheckpoints()} on its own schedule: a server whose time is injected does
         * so every {@code checkpointInterval} of its clock, so in virtual time checkpoints fall the same way every run.
         */
        OWNER
    }

    private TrackRecordStore(Path dataDir, TrackRecordConfig config, Clock clock, CheckpointTiming timing,
                             FileChannel lockChannel, FileLock lock) {
        this.dataDir = dataDir;
        this.config = config;
        this.clock = clock;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.signer = SigningKeyFiles.loadOrCreate(dataDir, config.keyName());
        this.catalog = LogCatalog.open(dataDir, config.tileHeight(), config.tileCacheSize(), signer.verifierKey());
        this.writer = new GroupCommitWriter(catalog, signer, new GroupCommitWriter.Policy(
                config.commitInterval().toNanos(), config.commitMaxEvents(), config.checkpointInterval().toNanos(),
                config.segmentMaxBytes(), config.maxPendingAppends(), timing == CheckpointTiming.OWN_TIMER,
                config.maxHeldEvents(), RETRY_MIN.toNanos(), RETRY_MAX.toNanos()),
                clock::millis, this::gapEvent);
        try {
            this.writer.start();
        } catch (RuntimeException e) {
            catalog.close();
            throw e;
        }
    }

    /**
     * Opens (creating on first use) the store in {@code dataDir}: the checkpoint key pair is created there on first
     * start, every existing log is checked against its latest checkpoint, and the writer thread starts. A log that
     * cannot be opened is moved aside rather than failing the store ({@link #logsSetAside()}).
     *
     * @throws IllegalStateException when another process holds the directory, or the checkpoint key is damaged
     */
    public static TrackRecordStore open(Path dataDir, TrackRecordConfig config) {
        return open(dataDir, config, Clock.systemUTC());
    }

    /**
     * As {@link #open(Path, TrackRecordConfig)}, with the clock that stamps when events arrive (kept per entry bundle
     * so time-bounded exports need not scan the whole log) and when bundles are made.
     */
    public static TrackRecordStore open(Path dataDir, TrackRecordConfig config, Clock clock) {
        return open(dataDir, config, clock, CheckpointTiming.OWN_TIMER);
    }

    /** As {@link #open(Path, TrackRecordConfig, Clock)}, with automatic checkpoints signed as {@code timing} says. */
    public static TrackRecordStore open(Path dataDir, TrackRecordConfig config, Clock clock, CheckpointTiming timing) {
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("track-record data directory " + dataDir
                        + " is already open (in this or another process)");
            }
            return new TrackRecordStore(dataDir, config, clock, timing, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot open track-record data directory " + dataDir, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * The logs that could not be opened and were moved aside to {@code quarantine/} instead of keeping the store
     * from opening; each starts again empty on its next event.
     */
    public List<LogCatalog.SetAsideLog> logsSetAside() {
        return catalog.setAside();
    }

    public VerifierKey verifierKey() {
        return signer.verifierKey();
    }

    /**
     * Appends one event's exact JSON bytes to a log (created on first use).
     *
     * @return completes with the leaf index once the event is durable; fails at once for bytes that are not a single
     *         JSON object, contain a newline or exceed {@code maxEventBytes}, or when the writer is too far behind
     */
    public CompletableFuture<LeafIndex> append(LogId log, byte[] eventJson) {
        String problem = problemWith(eventJson);
        if (problem != null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(log.origin() + ": event refused: " + problem));
        }
        return writer.append(log, eventJson.clone());
    }

    /**
     * Appends a site-wide event to the site log and to every firm log of the site, in one group commit. Rule and
     * zone changes go this way, so each firm's record shows the rules in force.
     *
     * @return the leaves written, site log first, then firm logs ordered by firm
     */
    public CompletableFuture<List<LeafIndex>> appendSiteWide(String site, byte[] eventJson) {
        LogId siteLog;
        try {
            siteLog = LogId.siteLog(site);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        String problem = problemWith(eventJson);
        if (problem != null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(siteLog.origin() + ": event refused: " + problem));
        }
        return writer.appendSiteWide(site, eventJson.clone());
    }

    /**
     * Encodes a typed event and appends it where it belongs: an event with a firm to that firm's log; a site-wide
     * configuration change to the site log and every firm log of the site; any other site-wide event to the site log.
     */
    public CompletableFuture<List<LeafIndex>> record(TrackEvent event) {
        byte[] bytes = codec.encode(event);
        if (event.firm() == null && event.body() instanceof ConfigurationChange) {
            return appendSiteWide(event.site(), bytes);
        }
        return append(event.log(), bytes).thenApply(List::of);
    }

    /** Creates the log now if it does not exist, e.g. when a firm registers, so site-wide events reach it. */
    public CompletableFuture<Void> ensureLog(LogId log) {
        return writer.ensureLog(log);
    }

    /** Commits what is pending and signs a checkpoint of the log if it grew since the last one. */
    public CompletableFuture<SignedCheckpoint> checkpointNow(LogId log) {
        return writer.checkpointNow(log);
    }

    /**
     * Commits what is pending and signs a checkpoint of every log that grew since its last one; the automatic
     * checkpoints of a store opened with {@link CheckpointTiming#OWNER}.
     */
    public CompletableFuture<Void> signCheckpoints() {
        return writer.signCheckpoints();
    }

    /**
     * Whether the store can write now. While it cannot (disk full, I/O errors), appends are held in memory up to
     * {@code maxHeldEvents} and retried with back-off; their futures complete once they are durable.
     */
    public StorageHealth health() {
        return writer.health();
    }

    private byte[] gapEvent(LogId log, long dropped, String reason) {
        return codec.encode(new TrackEvent(clock.instant(), log.site(), log.isSiteLog() ? null : log.firm(), null,
                new RecordGap(dropped, reason)));
    }

    /** Completes once everything appended before it is durable. */
    /** Reports how long each group commit takes (a server's commit-latency histogram). */
    public void observeCommits(CommitObserver observer) {
        writer.observeCommits(observer);
    }

    public CompletableFuture<Void> flush() {
        return writer.flush();
    }

    public Set<LogId> logs() {
        return catalog.all().stream().map(LogStorage::logId)
                .collect(Collectors.toCollection(() -> new TreeSet<>(Comparator.comparing(LogId::origin))));
    }

    /** Committed (durable) number of leaves. */
    public long size(LogId log) {
        return catalog.require(log).committedSize();
    }

    public Optional<SignedCheckpoint> latestCheckpoint(LogId log) {
        LogStorage storage = catalog.get(log);
        return storage == null ? Optional.empty() : Optional.ofNullable(storage.latestCheckpoint());
    }

    /** A consistent snapshot of a log as of its last commit. */
    public LogReader reader(LogId log) {
        return new LogReader(catalog.require(log));
    }

    public byte[] entry(LogId log, long index) {
        return reader(log).entry(index);
    }

    /** Root hash of the log's first {@code treeSize} leaves. */
    public byte[] rootAt(LogId log, long treeSize) {
        LogReader reader = reader(log);
        requireWithin(reader, treeSize, "tree size");
        return reader.tree().root(treeSize);
    }

    public InclusionProof inclusionProof(LogId log, long leafIndex, long treeSize) {
        LogReader reader = reader(log);
        requireWithin(reader, treeSize, "tree size");
        return new InclusionProof(leafIndex, treeSize, reader.tree().inclusionPath(leafIndex, treeSize));
    }

    public ConsistencyProof consistencyProof(LogId log, long fromSize, long toSize) {
        LogReader reader = reader(log);
        requireWithin(reader, toSize, "second tree size");
        return new ConsistencyProof(fromSize, toSize, reader.tree().consistencyProof(fromSize, toSize));
    }

    /**
     * Writes an export bundle of the log up to its latest checkpoint; blocking, streams as it goes.
     *
     * @throws IllegalArgumentException for a bad query (e.g. a since-checkpoint that is not this log's)
     * @throws IllegalStateException    when the log has no checkpoint yet
     */
    public ExportResult export(LogId log, ExportQuery query, OutputStream target, ProgressListener progress)
            throws IOException {
        BundleWriter bundle = new BundleWriter(signer.verifierKey(), config.exportTimeSlack(), clock);
        try {
            return bundle.write(reader(log), query, target, progress);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Writes a site bundle: the bundle of every log of {@code site} that has a signed checkpoint (see
     * {@link SiteBundleWriter}).
     *
     * @throws IllegalArgumentException when the site has no log with a checkpoint
     */
    public List<ExportResult> exportSite(String site, ExportQuery query, OutputStream target) throws IOException {
        List<LogId> logs = logs().stream().filter(l -> l.site().equals(site))
                .filter(l -> latestCheckpoint(l).isPresent()).toList();
        if (logs.isEmpty()) throw new IllegalArgumentException("site " + site + " has no signed track record yet");
        return SiteBundleWriter.write(site, logs, query, clock.instant(),
                (log, q, out) -> export(log, q, out, ProgressListener.NONE), target);
    }

    /** Commits everything queued, signs final checkpoints and closes the files. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writer.shutdown().get();
            writer.awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("track record closed after a write failure: " + e.getCause().getMessage(),
                    e.getCause());
        } finally {
            catalog.close();
            try {
                lock.release();
            } catch (IOException ignored) {
                // The lock goes with the channel anyway.
            }
            closeQuietly(lockChannel);
        }
    }

    private String problemWith(byte[] json) {
        if (json == null || json.length == 0) {
            return "empty";
        }
        if (json.length > config.maxEventBytes()) {
            return json.length + " bytes exceed the limit of " + config.maxEventBytes();
        }
        for (byte b : json) {
            if (b == '\n') {
                return "contains a newline byte (leaves are exported one per line)";
            }
        }
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "not a JSON object";
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                return "trailing bytes after the JSON object";
            }
        } catch (IOException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            return "not valid UTF-8 JSON: " + message;
        }
        return null;
    }

    private static void requireWithin(LogReader reader, long treeSize, String what) {
        if (treeSize < 0 || treeSize > reader.size()) {
            throw new IllegalArgumentException(reader.logId() + ": " + what + " " + treeSize
                    + " is beyond the committed size " + reader.size());
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing more to release.
            }
        }
    }

}
