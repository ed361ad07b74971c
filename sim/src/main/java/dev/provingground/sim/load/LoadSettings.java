package dev.provingground.sim.load;

/**
 * What the load generator offers: {@code robots} connections, each publishing its state {@code stateHz} times a second
 * and its visualization {@code visualizationHz} times a second (0: none), a share of them ({@code crossingShare})
 * driving in and out of the hall's keep-out zone, spread over {@code threads} event loops. {@code seed} places each
 * robot somewhere along its shuttle, so runs with the same seed start alike.
 */
public record LoadSettings(int robots, double stateHz, double visualizationHz, double crossingShare, int threads,
                           long seed) {

    /** Enough for any machine this runs on; the hall's keep-out zone covers as many lanes. */
    public static final int MAX_ROBOTS = LoadHall.MAX_ROBOTS;
    /** A VDA 5050 robot sends its state on events and at least every 30 s; more than 50 Hz is no robot's pace. */
    public static final double MAX_HZ = 50;

    public LoadSettings {
        if (robots < 1 || robots > MAX_ROBOTS)
            throw new IllegalArgumentException("--robots: must be 1.." + MAX_ROBOTS + ", got " + robots);
        if (!(stateHz > 0 && stateHz <= MAX_HZ))
            throw new IllegalArgumentException("--rate: state messages per second per robot must be above 0 and at most "
                    + MAX_HZ + ", got " + stateHz);
        if (!(visualizationHz >= 0 && visualizationHz <= MAX_HZ))
            throw new IllegalArgumentException("--visualization-rate: must be 0.." + MAX_HZ + " per second, got "
                    + visualizationHz);
        if (!(crossingShare >= 0 && crossingShare <= 1))
            throw new IllegalArgumentException("--crossing-share: must be 0..1, got " + crossingShare);
        if (threads < 1 || threads > 64)
            throw new IllegalArgumentException("--threads: must be 1..64, got " + threads);
    }

    public static LoadSettings defaults() {
        return new LoadSettings(1000, 2, 1, 0.1, 2, 20_261_206L);
    }

    public LoadSettings withRobots(int n) {
        return new LoadSettings(n, stateHz, visualizationHz, crossingShare, threads, seed);
    }

    public LoadSettings withStateHz(double hz) {
        return new LoadSettings(robots, hz, visualizationHz, crossingShare, threads, seed);
    }

    public LoadSettings withVisualizationHz(double hz) {
        return new LoadSettings(robots, stateHz, hz, crossingShare, threads, seed);
    }

    public LoadSettings withCrossingShare(double share) {
        return new LoadSettings(robots, stateHz, visualizationHz, share, threads, seed);
    }

    public LoadSettings withThreads(int n) {
        return new LoadSettings(robots, stateHz, visualizationHz, crossingShare, n, seed);
    }

    public LoadSettings withSeed(long s) {
        return new LoadSettings(robots, stateHz, visualizationHz, crossingShare, threads, s);
    }

    /** State messages per second the whole fleet offers. */
    public double offeredStatesPerSecond() {
        return robots * stateHz;
    }

    /** Whether robot {@code index} is one of the crossing share: spread evenly, exactly round(robots x share) of them. */
    public boolean crosses(int index) {
        return Math.floor((index + 1) * crossingShare) > Math.floor(index * crossingShare);
    }
}
