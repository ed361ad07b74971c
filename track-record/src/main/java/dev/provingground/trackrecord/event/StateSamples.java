package dev.provingground.trackrecord.event;

import java.time.Instant;
import java.util.List;

/**
 * {@code state.samples}: a batch of one robot's state samples over an interval, oldest first. The envelope's
 * {@code time} is the first sample's time.
 *
 * @param samples 1 to 1,000 samples in time order (a batch stays well under the store's event size limit)
 * @param late    true for samples the robot kept while its link was down and sent afterwards (its
 *                {@code stateBackfill}): recorded when they arrived, timed when they were taken, so they fill the gap
 *                in the robot's travel rather than extend it; null (absent) for live samples
 */
public record StateSamples(List<Sample> samples, Boolean late) implements EventBody {

    public static final int MAX_SAMPLES = 1_000;

    /** VDA 5050 operatingMode. */
    public enum OperatingMode { AUTOMATIC, SEMIAUTOMATIC, MANUAL, SERVICE, TEACHIN }

    /** Where the robot is, as the site's zones classify it. */
    public enum AreaClass { INDOOR, SIDEWALK, CROSSWALK, ELEVATOR, OTHER }

    /**
     * One sample.
     *
     * @param time    when it was taken (UTC)
     * @param mapId   the map (level) the position refers to, as VDA 5050 agvPosition.mapId
     * @param x       metres in the map frame
     * @param y       metres in the map frame
     * @param speed   m/s, non-negative
     * @param mode    operating mode
     * @param area    area class at the position
     * @param battery battery charge in percent (0–100), when reported
     * @param jump    true when the server found the change from the robot's previous position implausible (a
     *                {@code position.jump} event): the step from the previous sample to this one is unexplained
     *                displacement, not distance driven (version 2); null (absent) otherwise
     */
    public record Sample(Instant time, String mapId, double x, double y, double speed, OperatingMode mode,
                         AreaClass area, Double battery, Boolean jump) {
        public Sample {
            Require.present(time, "samples[].time");
            Require.text(mapId, "samples[].mapId");
            Require.finite(x, "samples[].x");
            Require.finite(y, "samples[].y");
            Require.nonNegative(speed, "samples[].speed");
            Require.present(mode, "samples[].mode");
            Require.present(area, "samples[].area");
            if (battery != null && (!Double.isFinite(battery) || battery < 0 || battery > 100)) {
                throw new IllegalArgumentException("samples[].battery must be between 0 and 100, got " + battery);
            }
            time = TrackEvent.canonicalTime(time);
            // One spelling for a plain sample, so its canonical bytes are what they always were.
            if (Boolean.FALSE.equals(jump)) jump = null;
        }

        /** A sample reached by an ordinary step. */
        public Sample(Instant time, String mapId, double x, double y, double speed, OperatingMode mode,
                      AreaClass area, Double battery) {
            this(time, mapId, x, y, speed, mode, area, battery, null);
        }

        /** Whether the step to this sample was a position jump. */
        public boolean afterJump() {
            return Boolean.TRUE.equals(jump);
        }
    }

    /** Live samples. */
    public StateSamples(List<Sample> samples) {
        this(samples, null);
    }

    /** Whether these are late samples (a backfill). */
    public boolean fromBackfill() {
        return Boolean.TRUE.equals(late);
    }

    public StateSamples {
        // One spelling for live batches, so their canonical bytes are what they always were.
        if (Boolean.FALSE.equals(late)) late = null;
        Require.present(samples, "samples");
        if (samples.isEmpty() || samples.size() > MAX_SAMPLES) {
            throw new IllegalArgumentException("samples must hold 1 to " + MAX_SAMPLES + " samples, got " + samples.size());
        }
        samples = List.copyOf(samples);
        for (int i = 1; i < samples.size(); i++) {
            if (samples.get(i).time().isBefore(samples.get(i - 1).time())) {
                throw new IllegalArgumentException("samples[" + i + "].time " + samples.get(i).time()
                        + " is before samples[" + (i - 1) + "].time " + samples.get(i - 1).time());
            }
        }
    }
}
