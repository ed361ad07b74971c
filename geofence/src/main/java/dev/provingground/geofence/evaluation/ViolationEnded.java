package dev.provingground.geofence.evaluation;

import java.time.Instant;

/** A violation is over; carries the whole violation with its end and maximum excess. */
public record ViolationEnded(Violation violation) implements GeofenceEvent {

    @Override
    public String robot() {
        return violation.robot();
    }

    @Override
    public Instant time() {
        return violation.end();
    }
}
