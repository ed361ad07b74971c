package dev.provingground.server.time;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The production {@link Scheduler}: Vert.x timers whose handlers run on the server's context. */
public final class VertxScheduler implements Scheduler {

    private final Vertx vertx;
    private final Context context;
    private final AtomicLong ids = new AtomicLong();
    /** Our id to the Vert.x timer id; zero-delay tasks have none and are only marked cancelled. */
    private final Map<Long, Long> timers = new ConcurrentHashMap<>();

    public VertxScheduler(Vertx vertx, Context context) {
        this.vertx = vertx;
        this.context = context;
    }

    @Override
    public long periodic(Duration period, Runnable task) {
        long id = ids.incrementAndGet();
        timers.put(id, vertx.setPeriodic(millis(period), t -> onContext(task)));
        return id;
    }

    @Override
    public long once(Duration delay, Runnable task) {
        long id = ids.incrementAndGet();
        if (delay.isZero() || delay.isNegative()) {
            // Vert.x timers need at least a millisecond; "as soon as the context is free" is its task queue.
            timers.put(id, -1L);
            context.runOnContext(v -> {
                if (timers.remove(id) != null) task.run();
            });
        } else {
            timers.put(id, vertx.setTimer(millis(delay), t -> {
                timers.remove(id);
                onContext(task);
            }));
        }
        return id;
    }

    @Override
    public boolean cancel(long id) {
        Long timer = timers.remove(id);
        if (timer == null) return false;
        if (timer >= 0) vertx.cancelTimer(timer);
        return true;
    }

    /** Timers set from another thread would fire on a context of their own; the work belongs on the server's. */
    private void onContext(Runnable task) {
        if (Vertx.currentContext() == context) task.run();
        else context.runOnContext(v -> task.run());
    }

    private static long millis(Duration d) {
        return Math.max(1, d.toMillis());
    }
}
