package dev.provingground.trackrecord.event;

/**
 * {@code overspeed}: the robot went faster than the limit in force, reported once the episode ends. The server judges
 * speed on two sources: the velocity the robot reports and the speed it computes itself from the robot's consecutive
 * positions; either one above the limit is an overspeed.
 *
 * @param zone            zone whose limit applied, or {@code site} for the site-wide limit
 * @param limit           the limit, m/s
 * @param maxSpeed        the highest speed seen from either source, m/s (above {@code limit})
 * @param durationSeconds how long the robot was above the limit
 * @param source          which source went above the limit during the episode (version 2; absent in version 1,
 *                        which judged the reported velocity only)
 * @param computedSpeed   the highest speed computed from positions during the episode, m/s; absent when none could be
 *                        computed (version 2)
 * @param reportedSpeed   the highest velocity the robot reported during the episode, m/s; absent when it reported none
 *                        (version 2)
 */
public record Overspeed(String zone, double limit, double maxSpeed, double durationSeconds, Source source,
                        Double computedSpeed, Double reportedSpeed) implements EventBody {

    /** Which speed exceeded the limit: the robot's reported velocity, the speed computed from positions, or both. */
    public enum Source { REPORTED, COMPUTED, BOTH }

    public Overspeed {
        Require.text(zone, "zone");
        Require.nonNegative(limit, "limit");
        Require.nonNegative(maxSpeed, "maxSpeed");
        Require.nonNegative(durationSeconds, "durationSeconds");
        Require.optionalNonNegative(computedSpeed, "computedSpeed");
        Require.optionalNonNegative(reportedSpeed, "reportedSpeed");
        if (maxSpeed <= limit) {
            throw new IllegalArgumentException("maxSpeed " + maxSpeed + " must exceed limit " + limit);
        }
    }

    /** A version 1 overspeed: judged on the reported velocity alone. */
    public Overspeed(String zone, double limit, double maxSpeed, double durationSeconds) {
        this(zone, limit, maxSpeed, durationSeconds, null, null, null);
    }
}
