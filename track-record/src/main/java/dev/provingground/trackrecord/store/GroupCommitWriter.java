package dev.provingground.trackrecord.store;

import dev.provingground.trackrecord.log.LeafIndex;
import dev.provingground.trackrecord.log.LogId;
import dev.provingground.trackrecord.checkpoint.NoteSigner;
import dev.provingground.trackrecord.checkpoint.SignedCheckpoint;
import java.util.ArrayList;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The one thread that owns every log's MapDB files. Callers hand it tasks and get futures back; it applies appends
 * in memory, commits in groups (when {@code commitMaxEvents} wait or the oldest has waited {@code commitInterval}),
 * completes the appends' futures only after their commit, rolls full segments and signs checkpoints.
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
                         long segmentMaxBytes, int maxPendingAppends, boolean checkpointsOnOwnTimer) {
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

    private record Result<T>(CompletableFuture<T> future, T value) {
        void complete() {
            future.complete(value);
        }
    }

    private final LogCatalog catalog;
    private final NoteSigner signer;
    private final Policy policy;
    private final LongSupplier wallClockMillis;
    private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger pendingAppends = new AtomicInteger();
    private final Thread thread;
    private volatile boolean accepting = true;

    // Writer-thread state.
    private final Map<LogId, LogAppender> appenders = new HashMap<>();
    private final Set<LogAppender> uncommitted = new LinkedHashSet<>();
    private final List<Result<?>> awaitingCommit = new ArrayList<>();
    private volatile CommitObserver commitObserver = CommitObserver.NONE;
    private int batchEvents;
    private long batchStartNanos;
    private RuntimeException failure;

    public GroupCommitWriter(LogCatalog catalog, NoteSigner signer, Policy policy, LongSupplier wallClockMillis) {
        this.catalog = catalog;
        this.signer = signer;
        this.policy = policy;
        this.wallClockMillis = wallClockMillis;
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
        submitAppend(new Append(log, data, wallClockMillis.getAsLong(), done), done);
        return done;
    }

    public CompletableFuture<List<LeafIndex>> appendSiteWide(String site, byte[] data) {
        CompletableFuture<List<LeafIndex>> done = new CompletableFuture<>();
        submitAppend(new SiteWideAppend(site, data, wallClockMillis.getAsLong(), done), done);
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

    private void submitAppend(Task task, CompletableFuture<?> done) {
        if (pendingAppends.incrementAndGet() > policy.maxPendingAppends()) {
            pendingAppends.decrementAndGet();
            done.completeExceptionally(new RejectedExecutionException("track-record writer already has "
                    + policy.maxPendingAppends() + " appends waiting; event refused"));
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

    private void run() {
        boolean running = true;
        while (running) {
            try {
                Task task = queue.poll(waitNanos(), TimeUnit.NANOSECONDS);
                while (task != null) {
                    if (task instanceof Shutdown shutdown) {
                        commitBatch();
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
                if (batchEvents >= policy.commitMaxEvents()
                        || (batchEvents > 0 && System.nanoTime() - batchStartNanos >= policy.commitIntervalNanos())) {
                    commitBatch();
                }
                if (batchEvents == 0 && policy.checkpointsOnOwnTimer()) {
                    signDueCheckpoints();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(new IllegalStateException("track-record writer interrupted", e));
                running = false;
            } catch (RuntimeException | Error e) {
                fail(e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e));
            }
        }
    }

    private long waitNanos() {
        long now = System.nanoTime();
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
            if (rejectIfFailed(append.done())) {
                return;
            }
            try {
                LogAppender appender = appender(append.log());
                long index = appender.append(append.data(), append.appendMillis());
                stage(appender, new Result<>(append.done(), new LeafIndex(append.log(), index)));
            } catch (RuntimeException e) {
                append.done().completeExceptionally(e);
            }
        } else if (task instanceof SiteWideAppend siteWide) {
            pendingAppends.decrementAndGet();
            if (rejectIfFailed(siteWide.done())) {
                return;
            }
            try {
                List<LogId> targets = new ArrayList<>();
                targets.add(LogId.siteLog(siteWide.site()));
                targets.addAll(catalog.firmLogsOf(siteWide.site()));
                List<LeafIndex> landed = new ArrayList<>();
                for (LogId target : targets) {
                    LogAppender appender = appender(target);
                    landed.add(new LeafIndex(target, appender.append(siteWide.data(), siteWide.appendMillis())));
                    uncommitted.add(appender);
                }
                stage(null, new Result<>(siteWide.done(), List.copyOf(landed)));
            } catch (RuntimeException e) {
                siteWide.done().completeExceptionally(e);
            }
        } else if (task instanceof EnsureLog ensure) {
            if (rejectIfFailed(ensure.done())) {
                return;
            }
            try {
                appender(ensure.log());
                ensure.done().complete(null);
            } catch (RuntimeException e) {
                ensure.done().completeExceptionally(e);
            }
        } else if (task instanceof CheckpointNow request) {
            if (rejectIfFailed(request.done())) {
                return;
            }
            try {
                if (catalog.get(request.log()) == null) {
                    throw new IllegalArgumentException("no track-record log " + request.log().origin());
                }
                commitBatch();
                LogAppender appender = appender(request.log());
                SignedCheckpoint checkpoint = appender.checkpoint();
                if (checkpoint == null || checkpoint.treeSize() < appender.size()) {
                    checkpoint = appender.signCheckpoint(signer, System.nanoTime());
                }
                request.done().complete(checkpoint);
            } catch (RuntimeException e) {
                request.done().completeExceptionally(e);
            }
        } else if (task instanceof SignCheckpoints request) {
            if (rejectIfFailed(request.done())) {
                return;
            }
            commitBatch();
            if (failure != null) {
                request.done().completeExceptionally(failure);
                return;
            }
            try {
                long now = System.nanoTime();
                for (LogAppender appender : appenders.values()) {
                    if (appender.hasUncheckpointedLeaves()) {
                        appender.signCheckpoint(signer, now);
                    }
                }
                request.done().complete(null);
            } catch (RuntimeException e) {
                request.done().completeExceptionally(e);
            }
        } else if (task instanceof Flush flush) {
            if (rejectIfFailed(flush.done())) {
                return;
            }
            commitBatch();
            if (failure != null) {
                flush.done().completeExceptionally(failure);
            } else {
                flush.done().complete(null);
            }
        }
    }

    private void stage(LogAppender appender, Result<?> result) {
        if (appender != null) {
            uncommitted.add(appender);
        }
        if (batchEvents == 0) {
            batchStartNanos = System.nanoTime();
        }
        batchEvents++;
        awaitingCommit.add(result);
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

    /** Commits every log touched since the last commit, then completes the waiting futures in order. */
    private void commitBatch() {
        if (uncommitted.isEmpty() && awaitingCommit.isEmpty()) {
            return;
        }
        if (failure != null) {
            failAwaiting(failure);
            return;
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
            fail(new IllegalStateException("track-record commit failed: " + e.getMessage(), e));
            return;
        }
        for (LogAppender appender : touched) {
            appender.committed();
        }
        uncommitted.clear();
        List<Result<?>> done = new ArrayList<>(awaitingCommit);
        awaitingCommit.clear();
        batchEvents = 0;
        for (Result<?> result : done) {
            result.complete();
        }
        for (LogAppender appender : touched) {
            if (appender.shouldRoll(policy.segmentMaxBytes())) {
                try {
                    appender.roll();
                } catch (RuntimeException e) {
                    fail(new IllegalStateException(appender.logId() + ": rolling to a new segment failed: "
                            + e.getMessage(), e));
                    return;
                }
            }
        }
    }

    private void signDueCheckpoints() {
        if (failure != null) {
            return;
        }
        long now = System.nanoTime();
        for (LogAppender appender : appenders.values()) {
            if (appender.checkpointDue(now, policy.checkpointIntervalNanos())) {
                appender.signCheckpoint(signer, now);
            }
        }
    }

    private void finish(Shutdown shutdown) {
        try {
            if (failure == null) {
                long now = System.nanoTime();
                for (LogAppender appender : appenders.values()) {
                    if (appender.hasUncheckpointedLeaves()) {
                        appender.signCheckpoint(signer, now);
                    }
                }
            }
        } finally {
            Task left;
            while ((left = queue.poll()) != null) {
                failTask(left, new IllegalStateException("the track-record store is closed"));
            }
            if (failure != null) {
                shutdown.done().completeExceptionally(failure);
            } else {
                shutdown.done().complete(null);
            }
        }
    }

    private boolean rejectIfFailed(CompletableFuture<?> done) {
        if (failure != null) {
            done.completeExceptionally(new IllegalStateException("the track-record store stopped after an error: "
                    + failure.getMessage(), failure));
            return true;
        }
        return false;
    }

    /** After a failed write the in-memory trees may be ahead of the disk, so the writer refuses all further work. */
    private void fail(RuntimeException error) {
        if (failure == null) {
            failure = error;
        }
        failAwaiting(error);
    }

    private void failAwaiting(RuntimeException error) {
        for (Result<?> result : awaitingCommit) {
            result.future().completeExceptionally(error);
        }
        awaitingCommit.clear();
        uncommitted.clear();
        batchEvents = 0;
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
