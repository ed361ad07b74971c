package dev.provingground.site;

import java.util.Objects;

/**
 * A straight edge of a level's nav graph between two waypoints of that level; its length is the
 * distance between them.
 *
 * @param oneWay     when true robots may only drive {@code from → to}
 * @param speedLimit metres per second, or {@code null} when only the robot's and zone limits apply
 */
public record Lane(String from, String to, boolean oneWay, Double speedLimit, LaneKind kind) {

    public Lane {
        Objects.requireNonNull(from, "lane from");
        Objects.requireNonNull(to, "lane to");
        Objects.requireNonNull(kind, "lane kind");
        if (from.equals(to)) {
            throw new IllegalArgumentException("lane from and to are the same waypoint " + from);
        }
        if (speedLimit != null && !(speedLimit > 0 && Double.isFinite(speedLimit))) {
            throw new IllegalArgumentException("lane " + from + " -> " + to + " speedLimit must be a positive finite number, got " + speedLimit);
        }
    }
}
