package dev.provingground.geofence.route;

import java.util.List;

import dev.provingground.geofence.Position;

/**
 * A straight stretch of a route along which the same zones are in force.
 *
 * @param zoneIds    active zones the stretch lies in, sorted by id
 * @param speedLimit the lowest speed limit in force for the robot along it (m/s), or null for none
 * @param forbidden  whether the robot may not drive it
 * @param reason     why it is forbidden (all reasons, "; "-separated), or null
 */
public record RouteSegment(Position from, Position to, List<String> zoneIds, Double speedLimit, boolean forbidden,
                           String reason) {

    public double length() {
        return Math.hypot(to.x() - from.x(), to.y() - from.y());
    }
}
