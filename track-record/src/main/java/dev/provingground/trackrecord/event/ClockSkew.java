package dev.provingground.trackrecord.event;

/**
 * {@code clock.skew}: the timestamps in a robot's states stray from the server's receive time by more than the
 * threshold ({@code STARTED}), or are back within it ({@code CLEARED}). One event each way, never one per message.
 * While a skew lasts, durations still use server time, and late samples are put back on server time.
 *
 * @param phase            STARTED or CLEARED
 * @param skewSeconds      robot time minus server receive time of the state that started or cleared it (positive: the
 *                         robot's clock runs ahead)
 * @param thresholdSeconds the threshold in force
 * @param durationSeconds  for CLEARED: how long the skew lasted, server time; absent for STARTED
 */
public record ClockSkew(Phase phase, double skewSeconds, double thresholdSeconds, Double durationSeconds)
        implements EventBody {

    public enum Phase { STARTED, CLEARED }

    public ClockSkew {
        Require.present(phase, "phase");
        Require.finite(skewSeconds, "skewSeconds");
        Require.nonNegative(thresholdSeconds, "thresholdSeconds");
        Require.optionalNonNegative(durationSeconds, "durationSeconds");
        if ((phase == Phase.CLEARED) != (durationSeconds != null)) {
            throw new IllegalArgumentException("durationSeconds is required for CLEARED and absent for STARTED");
        }
    }
}
