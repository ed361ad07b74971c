package dev.provingground.geofence.evaluation;

import java.time.Duration;
import java.time.Instant;

import dev.provingground.geofence.Position;
import dev.provingground.geofence.ViolationAction;

/**
 * A broken rule, from when it started to when it ended. A violation that persists over many samples stays one
 * violation: its {@code maxExcess} grows, no new violation is opened.
 *
 * @param zoneId    the zone whose rule is broken; null for the robot profile's speed cap and the UV-C lamp rule
 * @param position  where the violation started
 * @param measured  the measured value when it started (unit: {@link ViolationRule#unit()})
 * @param limit     the limit in force when it started
 * @param end       when it ended; null while it lasts
 * @param maxExcess the largest {@code measured - limit} seen while it lasted
 */
public record Violation(String robot, String zoneId, ViolationRule rule, ViolationAction action, String level,
                        Position position, double measured, double limit, Instant start, Instant end,
                        double maxExcess) {

    public boolean isOpen() {
        return end == null;
    }

    /** How long it lasted; zero for a violation that is still open or that happened between two samples. */
    public Duration duration() {
        return end == null ? Duration.ZERO : Duration.between(start, end);
    }
}
