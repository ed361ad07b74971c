package dev.provingground.server.time;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} on a virtual clock for tests: nothing runs until the test calls {@link #advanceBy}, which moves
 * the clock through everything due in time order — ties in the order they were scheduled — setting the clock to each
 * task's time before running it. Tasks run on the thread that advances; the harness does that on the server's
 * context, where the production scheduler runs them too.
 */
public final class VirtualScheduler implements Scheduler {

    private final VirtualClock clock;
    private final PriorityQueue<Entry> queue = new PriorityQueue<>((a, b) -> {
        int byTime = a.due.compareTo(b.due);
        return byTime != 0 ? byTime : Long.compare(a.sequence, b.sequence);
    });
    /** The entry currently scheduled for each live id; a cancelled id is absent, a rescheduled one points anew. */
    private final Map<Long, Entry> live = new HashMap<>();
    private long nextId;
    private long nextSequence;

    private record Entry(long id, long sequence, Instant due, Duration period, Runnable task) {
    }

    public VirtualScheduler(Instant start) {
        this(new VirtualClock(start));
    }

    /** A scheduler moving an existing clock on, e.g. for a server that takes over from one that is gone. */
    public VirtualScheduler(VirtualClock clock) {
        this.clock = clock;
    }

    public VirtualClock clock() {
        return clock;
    }

    @Override
    public synchronized long periodic(Duration period, Runnable task) {
        if (period.isZero() || period.isNegative()) throw new IllegalArgumentException("period must be positive: " + period);
        return add(++nextId, clock.instant().plus(period), period, task);
    }

    @Override
    public synchronized long once(Duration delay, Runnable task) {
        return add(++nextId, clock.instant().plus(delay.isNegative() ? Duration.ZERO : delay), null, task);
    }

    @Override
    public synchronized boolean cancel(long id) {
        return live.remove(id) != null;
    }

    /** Moves the clock by {@code step}, running every task that falls due on the way. */
    public synchronized void advanceBy(Duration step) {
        Instant target = clock.instant().plus(step);
        for (Entry next = queue.peek(); next != null && !next.due.isAfter(target); next = queue.peek()) {
            queue.poll();
            if (live.get(next.id) != next) continue;
            clock.set(next.due);
            if (next.period != null) add(next.id, next.due.plus(next.period), next.period, next.task);
            else live.remove(next.id);
            next.task.run();
        }
        clock.set(target);
    }

    /** Runs what is due now (zero-delay tasks among them) without moving the clock. */
    public void runDue() {
        advanceBy(Duration.ZERO);
    }

    /** Tasks waiting, periodic ones included. */
    public synchronized int pending() {
        return live.size();
    }

    private long add(long id, Instant due, Duration period, Runnable task) {
        Entry e = new Entry(id, nextSequence++, due, period, task);
        live.put(id, e);
        queue.add(e);
        return id;
    }
}
