package dev.provingground.server.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a {@link VirtualScheduler} moves it; readable from any thread. */
public final class VirtualClock extends Clock {

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

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (zone.equals(ZoneOffset.UTC)) return this;
        throw new UnsupportedOperationException("virtual time is kept in UTC");
    }
}
