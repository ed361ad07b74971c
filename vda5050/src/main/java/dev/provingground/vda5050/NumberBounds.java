package dev.provingground.vda5050;

import java.time.Instant;
import java.util.Map;

/**
 * The range every number a robot sends must lie in, by field name. A number outside its range (or not finite,
 * such as {@code 1e400}, which JSON parsers read as infinity) is refused like a wrong type: no sane vehicle reports
 * it, and letting it through would poison every sum, distance and geometry test it reaches. The table is
 * documented in docs/EVENTS.md ("Bounds of robot numbers"); keep the two together.
 */
final class NumberBounds {

    /** Positions, in metres from the map origin: a kilometre-scale site fits with three orders of magnitude left. */
    static final double MAX_COORDINATE = 1e6;
    /** Angles in radians: normalised (−π..π or 0..2π) or wound up to ten turns, as some odometries report. */
    static final double MAX_ANGLE = 20 * Math.PI;
    /** Any other number: finite and of a magnitude no VDA 5050 quantity (mm, ms, kg, m/s) plausibly has. */
    static final Range DEFAULT = new Range(-1e9, 1e9);

    /**
     * Timestamps: from the Unix epoch to 2100. A robot whose clock fell back to 1970 (no real-time clock, no time
     * sync yet) is still a robot in the zone: its state is taken, judged and recorded on server time, and its clock
     * shows up as clock skew; a year of 9999 is refused, not stored.
     */
    static final Instant EARLIEST = Instant.EPOCH;
    static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private static final Range COORDINATE = new Range(-MAX_COORDINATE, MAX_COORDINATE);
    private static final Range ANGLE = new Range(-MAX_ANGLE, MAX_ANGLE);
    private static final Range NON_NEGATIVE_ANGLE = new Range(0, MAX_ANGLE);
    private static final Range DISTANCE = new Range(0, MAX_COORDINATE);
    private static final Range PERCENT = new Range(0, 100);

    private static final Map<String, Range> BY_FIELD = Map.ofEntries(
            Map.entry("x", COORDINATE),
            Map.entry("y", COORDINATE),
            Map.entry("z", COORDINATE),
            Map.entry("theta", ANGLE),
            Map.entry("orientation", ANGLE),
            Map.entry("allowedDeviationTheta", NON_NEGATIVE_ANGLE),
            Map.entry("allowedDeviationXY", DISTANCE),
            Map.entry("deviationRange", DISTANCE),
            Map.entry("distanceSinceLastNode", new Range(0, 1e7)),
            Map.entry("vx", new Range(-100, 100)),
            Map.entry("vy", new Range(-100, 100)),
            Map.entry("omega", new Range(-100, 100)),
            Map.entry("batteryCharge", PERCENT),
            Map.entry("batteryHealth", PERCENT),
            Map.entry("batteryVoltage", new Range(0, 10_000)),
            Map.entry("reach", new Range(0, 1e9)),
            Map.entry("localizationScore", new Range(0, 1)),
            Map.entry("weight", new Range(0, 1e6)),
            Map.entry("length", DISTANCE),
            Map.entry("width", DISTANCE),
            Map.entry("height", DISTANCE));

    private NumberBounds() {
    }

    /** True for a time from {@link #EARLIEST} (included) to {@link #LATEST} (excluded). */
    static boolean isPlausibleTime(Instant time) {
        return !time.isBefore(EARLIEST) && time.isBefore(LATEST);
    }

    static Range of(String field) {
        return BY_FIELD.getOrDefault(field, DEFAULT);
    }

    /** A closed interval. */
    record Range(double min, double max) {

        boolean contains(double value) {
            return value >= min && value <= max;
        }

        @Override
        public String toString() {
            return format(min) + ".." + format(max);
        }

        private static String format(double d) {
            if (Math.abs(d) >= 1e5) return (d < 0 ? "-" : "") + String.format(java.util.Locale.ROOT, "%.0e", Math.abs(d));
            if (d == Math.rint(d)) return Long.toString((long) d);
            return String.format(java.util.Locale.ROOT, "%.4f", d);
        }
    }
}
