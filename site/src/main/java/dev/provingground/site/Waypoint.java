package dev.provingground.site;

import java.util.Objects;

/**
 * A node of a level's nav graph.
 *
 * @param id unique across the whole site (so a waypoint id alone tells the level)
 * @param x  metres in the level's local frame, the same frame as VDA 5050 {@code agvPosition}
 * @param y  metres in the level's local frame
 */
public record Waypoint(String id, double x, double y) {

    public Waypoint {
        Objects.requireNonNull(id, "waypoint id");
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("waypoint " + id + " needs finite coordinates, got (" + x + ", " + y + ")");
        }
    }

    public double distanceTo(Waypoint other) {
        return Math.hypot(other.x - x, other.y - y);
    }
}
