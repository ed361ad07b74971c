package dev.provingground.trackrecord.store;

import dev.provingground.trackrecord.log.LogId;
import dev.provingground.trackrecord.TrackRecordConfig;
import dev.provingground.trackrecord.TrackRecordStore;
import dev.provingground.trackrecord.checkpoint.SignedCheckpoint;
import dev.provingground.trackrecord.event.EventCodec;
import dev.provingground.trackrecord.event.TaskLifecycle;
import dev.provingground.trackrecord.event.TrackEvent;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Child process of {@link CrashRecoveryTest}: appends events as fast as the store takes them until it is killed, and
 * reports on stdout every index known durable ({@code durable N}: all leaves up to N are durable) and every checkpoint
 * it sees ({@code checkpoint <base64 note>}).
 */
public final class CrashAppender {

    static final LogId LOG = LogId.firmLog("crash-site", "acme");
    static final TrackRecordConfig CONFIG = TrackRecordConfig.defaults().withCheckpointInterval(Duration.ofMillis(500));
    private static final EventCodec CODEC = new EventCodec();
    private static final Instant START = Instant.parse("2026-05-01T00:00:00Z");

    private CrashAppender() {
    }

    /** The exact bytes appended as leaf {@code index}. */
    static byte[] event(long index) {
        return CODEC.encode(new TrackEvent(START.plusMillis(index), "crash-site", "acme", "r" + (index % 7),
                new TaskLifecycle("task-" + index, TaskLifecycle.Phase.ASSIGNED, "delivery", null)));
    }

    public static void main(String[] args) throws Exception {
        TrackRecordStore store = TrackRecordStore.open(Path.of(args[0]), CONFIG);
        long first = store.logs().contains(LOG) ? store.size(LOG) : 0;
        AtomicLong durable = new AtomicLong(first - 1);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        Thread reporter = new Thread(() -> report(store, durable, out), "reporter");
        reporter.setDaemon(true);
        reporter.start();
        Semaphore inFlight = new Semaphore(50_000);
        for (long index = first; ; index++) {
            inFlight.acquire();
            long expected = index;
            store.append(LOG, event(index)).whenComplete((leaf, error) -> {
                inFlight.release();
                if (error != null) {
                    error.printStackTrace();
                    return;
                }
                if (leaf.index() != expected) {
                    System.err.println("leaf " + expected + " landed at " + leaf.index());
                    return;
                }
                // Futures of one log complete in leaf order, so the highest completed index covers all below it.
                durable.accumulateAndGet(leaf.index(), Math::max);
            });
        }
    }

    private static void report(TrackRecordStore store, AtomicLong durable, PrintStream out) {
        long reported = Long.MIN_VALUE;
        String lastNote = null;
        while (true) {
            long now = durable.get();
            if (now != reported) {
                out.println("durable " + now);
                reported = now;
            }
            SignedCheckpoint checkpoint = store.latestCheckpoint(LOG).orElse(null);
            if (checkpoint != null && !checkpoint.note().equals(lastNote)) {
                lastNote = checkpoint.note();
                out.println("checkpoint " + Base64.getEncoder().encodeToString(lastNote.getBytes(StandardCharsets.UTF_8)));
            }
            out.flush();
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
