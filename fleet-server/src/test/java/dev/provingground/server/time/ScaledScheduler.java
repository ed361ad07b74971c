package dev.provingground.server.time;

import java.time.Duration;

/**
 * A {@link Scheduler} whose delays and periods pass on a {@link ScaledClock}: each is handed to the wall-clock
 * scheduler beneath shortened by the clock's scale, so a server whose clock runs k times faster also does its periodic
 * work (dispatch rounds, lift ticks, lease expiry, flushes) k times as often.
 */
public final class ScaledScheduler implements Scheduler {

    private final Scheduler wall;
    private final ScaledClock clock;

    public ScaledScheduler(Scheduler wall, ScaledClock clock) {
        this.wall = wall;
        this.clock = clock;
    }

    @Override
    public long periodic(Duration period, Runnable task) {
        return wall.periodic(clock.toWall(period), task);
    }

    @Override
    public long once(Duration delay, Runnable task) {
        return wall.once(clock.toWall(delay), task);
    }

    @Override
    public boolean cancel(long id) {
        return wall.cancel(id);
    }
}
