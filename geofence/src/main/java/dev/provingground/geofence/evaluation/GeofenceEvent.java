package dev.provingground.geofence.evaluation;

import java.time.Instant;

/**
 * What evaluation reports. Every {@link ViolationStarted} is eventually followed by a {@link ViolationEnded} for
 * the same violation (at the latest when the robot is gone); the ended one is the complete record — start, end,
 * maximum excess — that belongs in the track record, the started one is what enforcement acts on.
 */
public sealed interface GeofenceEvent
        permits ZoneEntered, ZoneExited, ViolationStarted, ViolationEnded {

    String robot();

    Instant time();
}
