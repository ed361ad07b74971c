package dev.provingground.geofence.evaluation;

import java.time.Instant;

/** A rule has started to be broken; {@code violation.end()} is null. */
public record ViolationStarted(Violation violation) implements GeofenceEvent {

    @Override
    public String robot() {
        return violation.robot();
    }

    @Override
    public Instant time() {
        return violation.start();
    }
}
