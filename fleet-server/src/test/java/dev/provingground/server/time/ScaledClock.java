package dev.provingground.server.time;

import java.time.Duration;
import java.time.Instant;

/**
 * A real clock that runs {@code scale} times faster than the wall clock from the moment it is made: for a real-clock
 * test of something slow (a demo delivery across floors) where the server, the simulated fleet and the lifts all read
 * this one clock and schedule on {@link ScaledScheduler}, so speeds, timeouts and rates stay consistent among them.
 * Readable from any thread; never runs backwards.
 */
public final class ScaledClock extends UtcClock {

    private final Instant origin;
    private final long originNanos;
    private final double scale;

    public ScaledClock(double scale) {
        if (!(scale >= 1)) throw new IllegalArgumentException("scale: must be >= 1, got " + scale);
        this.origin = Instant.now();
        this.originNanos = System.nanoTime();
        this.scale = scale;
    }

    /** Scaled seconds per wall-clock second. */
    public double scale() {
        return scale;
    }

    /** The wall-clock time that passes while this clock moves on by {@code scaled}. */
    public Duration toWall(Duration scaled) {
        return Duration.ofNanos((long) (scaled.toNanos() / scale));
    }

    @Override
    public Instant instant() {
        return origin.plusNanos((long) ((System.nanoTime() - originNanos) * scale));
    }
}
