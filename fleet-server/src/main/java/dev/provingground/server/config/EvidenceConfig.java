package dev.provingground.server.config;

/**
 * How the server judges what robots report before it goes on the record (docs/EVENTS.md).
 *
 * @param clockSkewThresholdMillis  a robot's state timestamp further than this from the server's receive time is a
 *                                  {@code clock.skew}; it clears within half of it
 * @param jumpTimingAllowanceMillis added to the time between two positions before judging a {@code position.jump}
 *                                  (reports are timed on arrival; a network stall bunches them up)
 * @param jumpMarginMetres          added to the distance the robot's profile lets it drive (localisation noise)
 */
public record EvidenceConfig(long clockSkewThresholdMillis, long jumpTimingAllowanceMillis, double jumpMarginMetres) {

    public EvidenceConfig {
        if (clockSkewThresholdMillis < 100)
            throw new IllegalArgumentException("evidence.clockSkewThresholdMillis: must be >= 100, got "
                    + clockSkewThresholdMillis);
        if (jumpTimingAllowanceMillis < 0)
            throw new IllegalArgumentException("evidence.jumpTimingAllowanceMillis: must be >= 0, got "
                    + jumpTimingAllowanceMillis);
        if (!(jumpMarginMetres >= 0) || Double.isInfinite(jumpMarginMetres))
            throw new IllegalArgumentException("evidence.jumpMarginMetres: must be a number >= 0, got "
                    + jumpMarginMetres);
    }

    public static EvidenceConfig defaults() {
        return new EvidenceConfig(5_000, 1_000, 1.0);
    }
}
