package dev.provingground.trackrecord.store;

import dev.provingground.trackrecord.log.LeafIndex;
import dev.provingground.trackrecord.log.LogId;
import dev.provingground.trackrecord.checkpoint.NoteSigner;
import dev.provingground.trackrecord.checkpoint.SignedCheckpoint;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * The one thread that owns every log's MapDB files. Callers hand it tasks and get futures back; it applies appends
 * in memory, commits in groups (when {@code commitMaxEvents} wait or the oldest has waited {@code commitInterval}),
 * completes the appends' futures only after their commit, rolls full segments and signs checkpoints.
 *
 * <p>Storage faults are survived. When a write fails (disk full, an I/O error) the writer keeps the events of the
 * failed batch and every event that arrives after it in memory, up to {@code maxHeldEvents}, and retries with
 * back-off: it reads each affected log again from disk (what the failed commit left is either fully there or not at
 * all, see {@link RedoLogVolume}), appends the held events again in the order they came, and commits. Their futures
 * complete only then, so an event is acknowledged once durable, never before. Events beyond the bound, and appends
 * refused because too many wait, are counted per log and written as a {@code record.gap} event once writing works.
 *
 * <p>Futures complete on this thread: callers should attach heavy continuations with the {@code *Async} variants.
 */
public final class GroupCommitWriter {

    /**
     * What governs commits, rolls and checkpoints.
     *
     * @param checkpointsOnOwnTimer true: the writer signs a log's checkpoint once {@code checkpointIntervalNanos}
     *                              has passed on its own clock; false: only when the owner calls
     *                              {@link #signCheckpoints()} (on the owner's schedule, virtual time in tests)
     */
    public record Policy(long commitIntervalNanos, int commitMaxEvents, long checkpointIntervalNanos,
                         long segmentMaxBytes, int maxPendingAppends, boolean checkpointsOnOwnTimer,
                         int maxHeldEvents, long retryMinNanos, long retryMaxNanos) {
    }

    /** Encodes the {@code record.gap} event that tells a log how many of its events were refused, and why. */
    @FunctionalInterface
    public interface GapEvents {
        byte[] encode(LogId log, long dropped, String reason);
    }

    private sealed interface Task permits Append, SiteWideAppend, EnsureLog, CheckpointNow, SignCheckpoints, Flush,
            Shutdown {
    }

    private record SignCheckpoints(CompletableFuture<Void> done) implements Task {
    }

    private record Append(LogId log, byte[] data, long appendMillis, CompletableFuture<LeafIndex> done) implements Task {
    }

    private record SiteWideAppend(String site, byte[] data, long appendMillis, CompletableFuture<List<LeafIndex>> done)
            implements Task {
    }

    private record EnsureLog(LogId log, CompletableFuture<Void> done) implements Task {
    }

    private record CheckpointNow(LogId log, CompletableFuture<SignedCheckpoint> done) implements Task {
    }

    private record Flush(CompletableFuture<Void> done) implements Task {
    }

    private record Shutdown(CompletableFuture<Void> done) implements Task {
    }

    /**
     * One accepted append: its bytes, the logs it goes to (one, or a site's logs for a site-wide event, fixed when
     * the writer first takes it) and, per log, the leaf index it got and whether that leaf is known to be durable.
     */
    private static final class Entry {
        final List<LogId> targets;
        final byte[] data;
        final long appendMillis;
        final CompletableFuture<?> done;
        final boolean siteWide;
        final long[] index;
        final boolean[] durable;

        Entry(List<LogId> targets, byte[] data, long appendMillis, CompletableFuture<?> done, boolean siteWide) {
            this.targets = targets;
            this.data = data;
            this.appendMillis = appendMillis;
            this.done = done;
            this.siteWide = siteWide;
            this.index = new long[targets.size()];
            this.durable = new boolean[targets.size()];
            java.util.Arrays.fill(index, -1);
        }

        @SuppressWarnings("unchecked")
        void complete() {
            List<LeafIndex> landed = new ArrayList<>(targets.size());
            for (int i = 0; i < targets.size(); i++) {
                landed.add(new LeafIndex(targets.get(i), index[i]));
            }
            Object value = siteWide ? List.copyOf(landed) : landed.get(0);
            ((CompletableFuture<Object>) done).complete(value);
        }
    }

    private static final Logger LOG = Logger.getLogger(GroupCommitWriter.class.getName());

    private final LogCatalog catalog;
    private final NoteSigner signer;
    private final Policy policy;
    private final LongSupplier wallClockMillis;
    private final GapEvents gapEvents;
    private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger pendingAppends = new AtomicInteger();
    private final Thread thread;
    private volatile boolean accepting = true;

    // Refusals per log not yet written as record.gap, and why; any thread adds, the writer writes them.
    private final Map<LogId, Long> refusedByLog = new ConcurrentHashMap<>();
    private final Map<LogId, String> refusalReason = new ConcurrentHashMap<>();
    private final AtomicLong refusedTotal = new AtomicLong();

    // What health() reports; written by the writer thread only.
    private volatile String faultReason;
    private volatile long faultSinceMillis;
    private volatile int heldCount;
    private volatile long outages;

    // Writer-thread state.
    private final Map<LogId, LogAppender> appenders = new HashMap<>();
    private final Set<LogAppender> uncommitted = new LinkedHashSet<>();
    private final List<Entry> batch = new ArrayList<>();
    private final Deque<Entry> held = new ArrayDeque<>();
    private final Set<LogId> damaged = new LinkedHashSet<>();
    private volatile CommitObserver commitObserver = CommitObserver.NONE;
    private int batchEvents;
    private long batchStartNanos;
    private long retryAtNanos;
    private long backoffNanos;

    public GroupCommitWriter(LogCatalog catalog, NoteSigner signer, Policy policy, LongSupplier wallClockMillis,
                             GapEvents gapEvents) {
        this.catalog = catalog;
        this.signer = signer;
        this.policy = policy;
        this.wallClockMillis = wallClockMillis;
        this.gapEvents = gapEvents;
        this.thread = new Thread(this::run, "track-record-writer");
        this.thread.setDaemon(true);
    }

    /**
     * Picks up every existing log (so a log whose tail was left unsigned by a crash gets its checkpoint without
     * waiting for a new event) and starts the writer thread.
     */
    /** From now on, {@code observer} hears the duration of every group commit. */
    public void observeCommits(CommitObserver observer) {
        this.commitObserver = observer;
    }

    public void start() {
        long now = System.nanoTime();
        for (LogStorage storage : catalog.all()) {
            appenders.put(storage.logId(), LogAppender.resume(storage, now));
        }
        thread.start();
    }

    public CompletableFuture<LeafIndex> append(LogId log, byte[] data) {
        CompletableFuture<LeafIndex> done = new CompletableFuture<>();
        submitAppend(new Append(log, data, wallClockMillis.getAsLong(), done), log, done);
        return done;
    }

    public CompletableFuture<List<LeafIndex>> appendSiteWide(String site, byte[] data) {
        CompletableFuture<List<LeafIndex>> done = new CompletableFuture<>();
        submitAppend(new SiteWideAppend(site, data, wallClockMillis.getAsLong(), done), LogId.siteLog(site), done);
        return done;
    }

    public CompletableFuture<Void> ensureLog(LogId log) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        submit(new EnsureLog(log, done), done);
        return done;
    }

    public CompletableFuture<SignedCheckpoint> checkpointNow(LogId log) {
        CompletableFuture<SignedCheckpoint> done = new CompletableFuture<>();
        submit(new CheckpointNow(log, done), done);
        return done;
    }

    /** Commits what is pending and signs a checkpoint of every log that grew since its last one. */
    public CompletableFuture<Void> signCheckpoints() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        submit(new SignCheckpoints(done), done);
        return done;
    }

    public CompletableFuture<Void> flush() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        submit(new Flush(done), done);
        return done;
    }

    /** Whether writing works, and what is held or was refused; safe from any thread. */
    public StorageHealth health() {
        String reason = faultReason;
        return new StorageHealth(reason != null, reason, reason == null ? null : Instant.ofEpochMilli(faultSinceMillis),
                heldCount, refusedTotal.get(), outages);
    }

    /** Commits what is queued, signs final checkpoints and stops; later submissions fail. */
    public CompletableFuture<Void> shutdown() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (this) {
            if (!accepting) {
                return CompletableFuture.completedFuture(null);
            }
            accepting = false;
            queue.add(new Shutdown(done));
        }
        return done;
    }

    public void awaitTermination() throws InterruptedException {
        thread.join();
    }

    private void submitAppend(Task task, LogId log, CompletableFuture<?> done) {
        if (pendingAppends.incrementAndGet() > policy.maxPendingAppends()) {
            pendingAppends.decrementAndGet();
            String why = "the track-record writer already had " + policy.maxPendingAppends() + " appends waiting";
            countRefused(log, why);
            done.completeExceptionally(new RejectedExecutionException(why + "; event refused"));
            return;
        }
        if (!submit(task, done)) {
            pendingAppends.decrementAndGet();
        }
    }

    private boolean submit(Task task, CompletableFuture<?> done) {
        synchronized (this) {
            if (accepting) {
                queue.add(task);
                return true;
            }
        }
        done.completeExceptionally(new IllegalStateException("the track-record store is closed"));
        return false;
    }

    private void countRefused(LogId log, String why) {
        refusedByLog.merge(log, 1L, Long::sum);
        refusalReason.put(log, why);
        refusedTotal.incrementAndGet();
    }

    private boolean failing() {
        return faultReason != null;
    }

    private void run() {
        boolean running = true;
        while (running) {
            try {
                Task task = queue.poll(waitNanos(), TimeUnit.NANOSECONDS);
                while (task != null) {
                    if (task instanceof Shutdown shutdown) {
                        finish(shutdown);
                        running = false;
                        break;
                    }
                    handle(task);
                    task = batchEvents >= policy.commitMaxEvents() ? null : queue.poll();
                }
                if (!running) {
                    break;
                }
                if (failing()) {
                    if (System.nanoTime() - retryAtNanos >= 0) {
                        recover();
                    }
                    continue;
                }
                if (batchEvents >= policy.commitMaxEvents()
                        || (batchEvents > 0 && System.nanoTime() - batchStartNanos >= policy.commitIntervalNanos())) {
                    commitBatch();
                }
                if (!failing() && batchEvents == 0) {
                    writeGaps();
                }
                if (!failing() && batchEvents == 0 && policy.checkpointsOnOwnTimer()) {
                    signDueCheckpoints();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failAll(new IllegalStateException("track-record writer interrupted", e));
                running = false;
            } catch (RuntimeException | Error e) {
                storageFailed(e, List.of());
            }
        }
    }

    private long waitNanos() {
        long now = System.nanoTime();
        if (failing()) {
            return Math.max(0, retryAtNanos - now);
        }
        if (batchEvents > 0) {
            return Math.max(0, batchStartNanos + policy.commitIntervalNanos() - now);
        }
        long wait = TimeUnit.SECONDS.toNanos(1);
        if (!policy.checkpointsOnOwnTimer()) {
            return wait;
        }
        for (LogAppender appender : appenders.values()) {
            wait = Math.min(wait, appender.nanosUntilCheckpointDue(now, policy.checkpointIntervalNanos()));
        }
        return wait;
    }

    private void handle(Task task) {
        if (task instanceof Append append) {
            pendingAppends.decrementAndGet();
            accept(new Entry(List.of(append.log()), append.data(), append.appendMillis(), append.done(), false));
        } else if (task instanceof SiteWideAppend siteWide) {
            pendingAppends.decrementAndGet();
            List<LogId> targets = new ArrayList<>();
            targets.add(LogId.siteLog(siteWide.site()));
            targets.addAll(catalog.firmLogsOf(siteWide.site()));
            accept(new Entry(List.copyOf(targets), siteWide.data(), siteWide.appendMillis(), siteWide.done(), true));
        } else if (task instanceof EnsureLog ensure) {
            if (refuseWhileFailing(ensure.done())) {
                return;
            }
            try {
                appender(ensure.log());
                ensure.done().complete(null);
            } catch (RuntimeException e) {
                storageFailed(e, List.of(ensure.log()));
                ensure.done().completeExceptionally(e);
            }
        } else if (task instanceof CheckpointNow request) {
            if (refuseWhileFailing(request.done())) {
                return;
            }
            if (catalog.get(request.log()) == null) {
                request.done().completeExceptionally(
                        new IllegalArgumentException("no track-record log " + request.log().origin()));
                return;
            }
            if (!commitBatch()) {
                refuseWhileFailing(request.done());
                return;
            }
            try {
                LogAppender appender = appender(request.log());
                SignedCheckpoint checkpoint = appender.checkpoint();
                if (checkpoint == null || checkpoint.treeSize() < appender.size()) {
                    checkpoint = appender.signCheckpoint(signer, System.nanoTime());
                }
                request.done().complete(checkpoint);
            } catch (RuntimeException e) {
                storageFailed(e, List.of(request.log()));
                request.done().completeExceptionally(e);
            }
        } else if (task instanceof SignCheckpoints request) {
            if (refuseWhileFailing(request.done()) || !commitBatch() || !signAllGrown()) {
                refuseWhileFailing(request.done());
                return;
            }
            request.done().complete(null);
        } else if (task instanceof Flush flush) {
            if (refuseWhileFailing(flush.done()) || !commitBatch()) {
                refuseWhileFailing(flush.done());
                return;
            }
            flush.done().complete(null);
        }
    }

    /** Fails {@code done} with the storage fault in force; false (and {@code done} untouched) while writing works. */
    private boolean refuseWhileFailing(CompletableFuture<?> done) {
        if (!failing()) {
            return false;
        }
        done.completeExceptionally(new StorageUnavailableException("the track record cannot write: " + faultReason
                + "; retrying"));
        return true;
    }

    private void accept(Entry entry) {
        if (failing()) {
            hold(entry);
            return;
        }
        try {
            apply(entry);
        } catch (RuntimeException e) {
            storageFailed(e, entry.targets);
        }
    }

    private void hold(Entry entry) {
        if (held.size() >= policy.maxHeldEvents()) {
            String why = "storage failed (" + faultReason + ") and " + held.size() + " events were already held";
            for (LogId target : entry.targets) {
                countRefused(target, why);
            }
            entry.done.completeExceptionally(new StorageUnavailableException("the track record " + why
                    + "; event refused"));
            return;
        }
        held.addLast(entry);
        heldCount = held.size();
    }

    /** Appends the entry's leaves that are not yet durable, in memory; the next commit makes them durable. */
    private void apply(Entry entry) {
        // In the batch before touching any log, so a failure half-way hands it back to be held.
        if (batchEvents == 0) {
            batchStartNanos = System.nanoTime();
        }
        batch.add(entry);
        batchEvents++;
        for (int i = 0; i < entry.targets.size(); i++) {
            if (!entry.durable[i]) {
                LogAppender appender = appender(entry.targets.get(i));
                entry.index[i] = appender.append(entry.data, entry.appendMillis);
                uncommitted.add(appender);
            }
        }
    }

    private LogAppender appender(LogId log) {
        LogAppender appender = appenders.get(log);
        if (appender == null) {
            LogStorage storage = catalog.get(log);
            if (storage == null) {
                storage = catalog.create(log);
            }
            appender = LogAppender.resume(storage, System.nanoTime());
            appenders.put(log, appender);
        }
        return appender;
    }

    /**
     * Commits every log touched since the last commit, then completes the waiting futures in order.
     *
     * @return false when storage failed (the batch is then held for a retry)
     */
    private boolean commitBatch() {
        if (uncommitted.isEmpty() && batch.isEmpty()) {
            return true;
        }
        List<LogAppender> touched = new ArrayList<>(uncommitted);
        long commitStarted = System.nanoTime();
        try {
            for (LogAppender appender : touched) {
                appender.stageCommit();
                appender.activeSegment().commit();
            }
            if (!touched.isEmpty()) commitObserver.committed(System.nanoTime() - commitStarted);
        } catch (RuntimeException e) {
            storageFailed(e, touched.stream().map(LogAppender::logId).toList());
            return false;
        }
        for (LogAppender appender : touched) {
            appender.committed();
        }
        uncommitted.clear();
        List<Entry> done = new ArrayList<>(batch);
        batch.clear();
        batchEvents = 0;
        for (Entry entry : done) {
            entry.complete();
        }
        for (LogAppender appender : touched) {
            if (appender.shouldRoll(policy.segmentMaxBytes())) {
                try {
                    appender.roll();
                } catch (RuntimeException e) {
                    storageFailed(new IllegalStateException(appender.logId() + ": rolling to a new segment failed: "
                            + e.getMessage(), e), List.of(appender.logId()));
                    return false;
                }
            }
        }
        return true;
    }

    private boolean signAllGrown() {
        long now = System.nanoTime();
        for (LogAppender appender : appenders.values()) {
            if (appender.hasUncheckpointedLeaves()) {
                try {
                    appender.signCheckpoint(signer, now);
                } catch (RuntimeException e) {
                    storageFailed(e, List.of(appender.logId()));
                    return false;
                }
            }
        }
        return true;
    }

    private void signDueCheckpoints() {
        long now = System.nanoTime();
        for (LogAppender appender : appenders.values()) {
            if (appender.checkpointDue(now, policy.checkpointIntervalNanos())) {
                try {
                    appender.signCheckpoint(signer, now);
                } catch (RuntimeException e) {
                    storageFailed(e, List.of(appender.logId()));
                    return;
                }
            }
        }
    }

    /** Writes a {@code record.gap} event to every log that had events refused since its last one. */
    private void writeGaps() {
        for (LogId log : List.copyOf(refusedByLog.keySet())) {
            Long refused = refusedByLog.remove(log);
            if (refused == null || refused == 0) {
                continue;
            }
            String reason = refusalReason.getOrDefault(log, "events refused");
            accept(new Entry(List.of(log), gapEvents.encode(log, refused, reason), wallClockMillis.getAsLong(),
                    new CompletableFuture<LeafIndex>(), false));
        }
    }

    /**
     * A write failed: the logs it touched may be ahead of the disk in memory, so they are read again before the next
     * attempt; the batch's events go back, in order, to the front of those held.
     */
    private void storageFailed(Throwable error, Collection<LogId> logs) {
        damaged.addAll(logs);
        for (LogAppender appender : uncommitted) {
            damaged.add(appender.logId());
        }
        for (Entry entry : batch) {
            for (int i = 0; i < entry.targets.size(); i++) {
                if (!entry.durable[i] && entry.index[i] >= 0) {
                    damaged.add(entry.targets.get(i));
                }
            }
        }
        for (int i = batch.size() - 1; i >= 0; i--) {
            held.addFirst(batch.get(i));
        }
        batch.clear();
        uncommitted.clear();
        batchEvents = 0;
        heldCount = held.size();
        String reason = StorageHealth.reasonOf(error);
        if (!failing()) {
            faultSinceMillis = wallClockMillis.getAsLong();
            outages++;
            backoffNanos = policy.retryMinNanos();
            LOG.severe("track record cannot write (" + reason + "); holding up to " + policy.maxHeldEvents()
                    + " events in memory and retrying");
        } else {
            backoffNanos = Math.min(policy.retryMaxNanos(), backoffNanos * 2);
        }
        faultReason = reason;
        retryAtNanos = System.nanoTime() + backoffNanos;
    }

    /** Reads the damaged logs again from disk, writes what is held and signs what grew; on success, healthy again. */
    private void recover() {
        try {
            for (LogId log : List.copyOf(damaged)) {
                reopen(log);
                damaged.remove(log);
            }
        } catch (RuntimeException e) {
            storageFailed(e, List.of());
            return;
        }
        String reason = faultReason;
        int count = held.size();
        try {
            while (!held.isEmpty()) {
                apply(held.pollFirst());
            }
        } catch (RuntimeException e) {
            storageFailed(e, List.of());
            return;
        }
        heldCount = 0;
        if (!commitBatch() || !signAllGrown()) {
            return;
        }
        faultReason = null;
        LOG.warning("track record writes again after failing since " + Instant.ofEpochMilli(faultSinceMillis) + " ("
                + reason + "); " + count + " held events written");
        writeGaps();
    }

    /**
     * Drops a log's in-memory state and reads it from disk. A held entry's leaf below the size found on disk was
     * made durable by the commit that seemed to fail (its redo record was complete), so it is not appended again.
     */
    private void reopen(LogId log) {
        appenders.remove(log);
        LogStorage storage = catalog.reopen(log);
        long durableSize = storage == null ? 0 : storage.committedSize();
        for (Entry entry : held) {
            for (int i = 0; i < entry.targets.size(); i++) {
                if (entry.targets.get(i).equals(log) && !entry.durable[i]) {
                    if (entry.index[i] >= 0 && entry.index[i] < durableSize) {
                        entry.durable[i] = true;
                    } else {
                        entry.index[i] = -1;
                    }
                }
            }
        }
        if (storage != null) {
            appenders.put(log, LogAppender.resume(storage, System.nanoTime()));
        }
    }

    private void finish(Shutdown shutdown) {
        try {
            if (failing()) {
                recover();
            }
            if (!failing()) {
                writeGaps();
                if (commitBatch()) {
                    signAllGrown();
                }
            }
        } finally {
            RuntimeException closed = new IllegalStateException("the track-record store is closed");
            Task left;
            while ((left = queue.poll()) != null) {
                failTask(left, closed);
            }
            if (failing()) {
                IllegalStateException lost = new IllegalStateException("track record closed while storage failed ("
                        + faultReason + "): " + held.size() + " held events were not written");
                failAll(lost);
                shutdown.done().completeExceptionally(lost);
            } else {
                shutdown.done().complete(null);
            }
        }
    }

    private void failAll(RuntimeException error) {
        for (Entry entry : batch) {
            entry.done.completeExceptionally(error);
        }
        for (Entry entry : held) {
            entry.done.completeExceptionally(error);
        }
        batch.clear();
        held.clear();
        uncommitted.clear();
        batchEvents = 0;
        heldCount = 0;
    }

    private void failTask(Task task, RuntimeException error) {
        if (task instanceof Append a) {
            pendingAppends.decrementAndGet();
            a.done().completeExceptionally(error);
        } else if (task instanceof SiteWideAppend s) {
            pendingAppends.decrementAndGet();
            s.done().completeExceptionally(error);
        } else if (task instanceof EnsureLog e) {
            e.done().completeExceptionally(error);
        } else if (task instanceof CheckpointNow c) {
            c.done().completeExceptionally(error);
        } else if (task instanceof SignCheckpoints c) {
            c.done().completeExceptionally(error);
        } else if (task instanceof Flush f) {
            f.done().completeExceptionally(error);
        } else if (task instanceof Shutdown s) {
            s.done().complete(null);
        }
    }
}
