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

/**
 * Child process of {@link CrashRecoveryIT}: appends events as fast as the store takes them until it is killed, and
 * reports on stdout, every few leaves, an index known durable ({@code durable N}: all leaves up to N are durable)
 * and each new checkpoint it sees ({@code checkpoint <base64 note>}).
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
        Reporter reporter = new Reporter(store, new PrintStream(System.out, false, StandardCharsets.UTF_8));
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
                if (leaf.index() % REPORT_EVERY == 0) reporter.durable(leaf.index());
            });
        }
    }

    /** Leaves between two reports: often enough for the parent, seldom enough not to slow the writer. */
    private static final long REPORT_EVERY = 64;

    /** Reports from the writer's completions, as they happen, so no thread has to poll the store. */
    private static final class Reporter {
        private final TrackRecordStore store;
        private final PrintStream out;
        private String lastNote;

        Reporter(TrackRecordStore store, PrintStream out) {
            this.store = store;
            this.out = out;
        }

        synchronized void durable(long index) {
            out.println("durable " + index);
            SignedCheckpoint checkpoint = store.latestCheckpoint(LOG).orElse(null);
            if (checkpoint != null && !checkpoint.note().equals(lastNote)) {
                lastNote = checkpoint.note();
                out.println("checkpoint " + Base64.getEncoder().encodeToString(lastNote.getBytes(StandardCharsets.UTF_8)));
            }
            out.flush();
        }
    }
}
