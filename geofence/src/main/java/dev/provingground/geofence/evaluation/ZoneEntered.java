package dev.provingground.geofence.evaluation;

import java.time.Instant;

import dev.provingground.geofence.Position;
import dev.provingground.geofence.ZoneKind;

/**
 * A robot is now inside an active zone.
 *
 * @param betweenSamples true when the robot crossed the zone between two samples without being seen inside it;
 *                       {@code position} is then a point of the path inside the zone and a {@link ZoneExited}
 *                       follows at once
 */
public record ZoneEntered(String robot, String zoneId, ZoneKind kind, String level, Position position, Instant time,
                          boolean betweenSamples) implements GeofenceEvent {
}
