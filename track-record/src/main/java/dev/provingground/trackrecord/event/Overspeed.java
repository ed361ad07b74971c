package dev.provingground.trackrecord.event;

/**
 * {@code overspeed}: the robot went faster than the limit in force, reported once the episode ends.
 *
 * @param zone            zone whose limit applied, or {@code site} for the site-wide limit
 * @param limit           the limit, m/s
 * @param maxSpeed        the highest speed seen, m/s (above {@code limit})
 * @param durationSeconds how long the robot was above the limit
 */
public record Overspeed(String zone, double limit, double maxSpeed, double durationSeconds) implements EventBody {

    public Overspeed {
        Require.text(zone, "zone");
        Require.nonNegative(limit, "limit");
        Require.nonNegative(maxSpeed, "maxSpeed");
        Require.nonNegative(durationSeconds, "durationSeconds");
        if (maxSpeed <= limit) {
            throw new IllegalArgumentException("maxSpeed " + maxSpeed + " must exceed limit " + limit);
        }
    }
}
