package dev.provingground.bench.server;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One stretch of measurement shared by every robot: a fixed number of slots (violations or pings) that the robots
 * claim one at a time, concurrently, and fill with the latency they saw or mark as never answered. Over when every
 * robot has stopped claiming.
 */
final class LatencyPhase {

    /** What the robots do in this phase. */
    enum Kind {
        /** Drive into the keep-out zone and wait for {@code startPause}. */
        ENFORCEMENT,
        /** PINGREQ and wait for PINGRESP: the same connections' bare MQTT round trip. */
        ROUND_TRIP
    }

    private static final long UNANSWERED = -1;

    private final Kind kind;
    private final long[] nanos;
    private final AtomicInteger claimed = new AtomicInteger();
    private final AtomicInteger running;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    LatencyPhase(Kind kind, int slots, int robots) {
        if (slots < 1) throw new IllegalArgumentException("slots: must be at least 1, got " + slots);
        if (robots < 1) throw new IllegalArgumentException("robots: must be at least 1, got " + robots);
        this.kind = kind;
        this.nanos = new long[slots];
        Arrays.fill(nanos, UNANSWERED);
        this.running = new AtomicInteger(robots);
    }

    Kind kind() {
        return kind;
    }

    /** @return the slot the caller now measures, or -1 when all are taken and the caller should stop */
    int claim() {
        int slot = claimed.getAndIncrement();
        return slot < nanos.length ? slot : -1;
    }

    void record(int slot, long latencyNanos) {
        nanos[slot] = latencyNanos;
    }

    /** One robot is done with this phase (all slots taken, or it gave up). */
    void robotStopped() {
        if (running.decrementAndGet() == 0) finished.complete(null);
    }

    CompletableFuture<Void> finished() {
        return finished;
    }

    /** Meaningful once {@link #finished()}: every robot's writes happen before its stop, and the last stop ends it. */
    Latencies answered() {
        return Latencies.of(Arrays.stream(nanos).filter(n -> n != UNANSWERED).toArray());
    }

    /** Slots claimed but never answered, plus slots no robot was left to claim. */
    int unanswered() {
        return (int) Arrays.stream(nanos).filter(n -> n == UNANSWERED).count();
    }

    int slots() {
        return nanos.length;
    }
}
