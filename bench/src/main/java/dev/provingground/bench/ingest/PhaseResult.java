package dev.provingground.bench.ingest;

import dev.provingground.bench.EventLoopLoad;
import dev.provingground.sim.load.Percentiles;

/**
 * One measured phase: per second over the measured window, the states the generator sent and the target delivered
 * (the server: handled to the end; Mosquitto: forwarded to its subscriber), CPU in cores, and the enforcement times.
 *
 * @param offered         states per second the settings ask for
 * @param skippedPerSecond states the generator could not send in time (it was behind by more than a period)
 * @param maxHeapBytes    the highest heap in use seen, or -1 where the target does not say
 * @param loadAverage     the machine's one-minute load average at the end of the phase
 * @param cores           the machine's cores
 * @param eventLoops      the cores each of the target's event loops used over the window (the server only; none for
 *                        Mosquitto)
 * @param apiNanos        answer times of {@code GET /api/v1/robots} during the window (the server only)
 * @param apiFailures     such requests that failed or timed out
 * @param stalls          how often the target's JVM ran a task late over the window ({@link StallFile})
 */
record PhaseResult(String target, double seconds, double offered, double sentPerSecond, double deliveredPerSecond,
                   double minDeliveredPerSecond, double skippedPerSecond, double targetCores, double generatorCores,
                   int generatorThreads, long maxHeapBytes, long[] enforcementNanos, long zoneEntries,
                   long unansweredEntries, long connectionsLost, double loadAverage, int cores,
                   EventLoopLoad eventLoops, long[] apiNanos, int apiFailures, StallFile.Stalls stalls) {

    double apiP99Millis() {
        return Percentiles.millis(apiNanos, 99);
    }

    double apiP50Millis() {
        return Percentiles.millis(apiNanos, 50);
    }

    double p50Millis() {
        return Percentiles.millis(enforcementNanos, 50);
    }

    double p99Millis() {
        return Percentiles.millis(enforcementNanos, 99);
    }

    /** Target CPU time per delivered state, in microseconds. */
    double targetMicrosPerState() {
        return deliveredPerSecond == 0 ? Double.NaN : targetCores * 1e6 / deliveredPerSecond;
    }

    /**
     * The generator is the limit when it sent noticeably less than offered, or when its event loops were nearly all
     * busy: then the target's figure says how much it was given, not how much it can take.
     */
    boolean generatorLimited() {
        return sentPerSecond < 0.95 * offered || generatorCores >= 0.85 * generatorThreads;
    }

    /** The target handled (nearly) all it was sent: its figure is the load, not its ceiling. */
    boolean keptUp() {
        return deliveredPerSecond >= 0.97 * sentPerSecond;
    }

    String verdict() {
        if (generatorLimited())
            return String.format(java.util.Locale.ROOT, "GENERATOR-LIMITED: it sent %.0f of %.0f states/s offered, using "
                    + "%.2f cores of its %d threads%s; the figure is what it could give, not the %s's ceiling",
                    sentPerSecond, offered, generatorCores, generatorThreads, generatorCores < 0.85 * generatorThreads
                            && loadAverage > cores ? String.format(java.util.Locale.ROOT, " (its threads waited for "
                            + "the machine, load average %.1f on %d cores)", loadAverage, cores) : "", target);
        if (keptUp())
            return "the " + target + " kept up with all it was sent: the figure is the load offered, not its ceiling";
        String saturated = String.format(java.util.Locale.ROOT, "the %s is SATURATED: it handled %.0f of the %.0f states/s "
                + "sent", target, deliveredPerSecond, sentPerSecond);
        if (loadAverage > cores)
            return saturated + String.format(java.util.Locale.ROOT, ", but the machine was busy (load average %.1f on %d "
                    + "cores) and the %s got only %.2f cores: a figure of this machine's load, not of the %s alone",
                    loadAverage, cores, target, targetCores, target);
        return saturated;
    }
}
