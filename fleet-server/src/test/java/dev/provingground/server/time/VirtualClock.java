package dev.provingground.server.time;

import java.time.Duration;
import java.time.Instant;

/** A clock that stands still until a {@link VirtualScheduler} moves it; readable from any thread. */
public final class VirtualClock extends UtcClock {

    private volatile Instant now;

    public VirtualClock(Instant start) {
        this.now = start;
    }

    void set(Instant instant) {
        if (instant.isBefore(now)) throw new IllegalArgumentException("virtual time runs forward only: " + instant
                + " is before " + now);
        now = instant;
    }

    /** Time since {@code start}, for reports. */
    public Duration since(Instant start) {
        return Duration.between(start, now);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
