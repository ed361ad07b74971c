package dev.provingground.sim.load;

import java.util.Arrays;

/**
 * Times from a robot publishing its first message inside the keep-out zone to its {@code startPause} arriving, in
 * nanoseconds, collected from every event loop of the generator and taken out in one go by whoever measures.
 */
final class EnforcementTimes {

    private long[] nanos = new long[1024];
    private int count;

    synchronized void add(long latencyNanos) {
        if (count == nanos.length) nanos = Arrays.copyOf(nanos, count * 2);
        nanos[count++] = latencyNanos;
    }

    /** Every time recorded since the last drain. */
    synchronized long[] drain() {
        long[] out = Arrays.copyOf(nanos, count);
        count = 0;
        return out;
    }
}
