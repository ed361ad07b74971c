package dev.provingground.agent.rosbridge;

import java.time.Duration;

/**
 * Delays between attempts to get a lost link back: doubling from {@code initial} up to {@code max}, back to
 * {@code initial} once a link holds. Doubling keeps a robot whose rosbridge is restarting from hammering it, the cap
 * keeps the wait after a long outage short. Not thread-safe.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    public Backoff(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero()) throw new IllegalArgumentException("initial back-off must be > 0");
        if (max.compareTo(initial) < 0) throw new IllegalArgumentException("max back-off must be >= initial");
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** The delay before the next attempt; each call without a {@link #reset()} doubles the one after. */
    public Duration next() {
        Duration delay = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return delay;
    }

    /** The link holds again: the next loss starts from the initial delay. */
    public void reset() {
        next = initial;
    }
}
