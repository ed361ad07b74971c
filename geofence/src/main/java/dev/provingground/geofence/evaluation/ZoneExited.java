package dev.provingground.geofence.evaluation;

import java.time.Instant;

import dev.provingground.geofence.Position;
import dev.provingground.geofence.ZoneKind;

/**
 * A robot is no longer inside a zone: it left, the zone became inactive or was removed, or the robot is gone.
 *
 * @param position the robot's position when the exit was seen
 * @param betweenSamples true for the exit that closes a crossing between two samples
 */
public record ZoneExited(String robot, String zoneId, ZoneKind kind, String level, Position position, Instant time,
                         boolean betweenSamples) implements GeofenceEvent {
}
