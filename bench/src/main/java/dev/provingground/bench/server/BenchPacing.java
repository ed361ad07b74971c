package dev.provingground.bench.server;

import java.util.Random;

/**
 * How busy the benchmark robots keep the server: after each answer a robot waits a random pause, uniform in
 * [{@code minPauseMillis}, {@code maxPauseMillis}], before its next violation or ping. With the defaults each
 * robot sends a state every 150 ms or so (two per violation), about 650 states a second from 100 robots: a fleet
 * reporting briskly, without the server being driven to saturation, where latency would measure queue length.
 */
record BenchPacing(long minPauseMillis, long maxPauseMillis) {

    BenchPacing {
        if (minPauseMillis < 1) throw new IllegalArgumentException("minPauseMillis: must be at least 1, got " + minPauseMillis);
        if (maxPauseMillis < minPauseMillis)
            throw new IllegalArgumentException("maxPauseMillis: must be at least minPauseMillis (" + minPauseMillis
                    + "), got " + maxPauseMillis);
    }

    static BenchPacing defaults() {
        return new BenchPacing(100, 500);
    }

    long pauseMillis(Random random) {
        return minPauseMillis + (long) (random.nextDouble() * (maxPauseMillis - minPauseMillis));
    }

    /** Where in its first pause a robot starts a phase, so the robots' starts spread over a whole pause. */
    long initialDelayMillis(Random random) {
        return 1 + (long) (random.nextDouble() * maxPauseMillis);
    }
}
