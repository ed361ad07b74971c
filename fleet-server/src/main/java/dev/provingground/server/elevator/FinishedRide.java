package dev.provingground.server.elevator;

import dev.provingground.site.lift.LiftMode;

import java.time.Duration;
import java.time.Instant;

/**
 * One finished ride, what the track record keeps: which car, floors, how long the robot waited, when it got on and
 * off, whether people rode along, and the car's mode when the robot got off (FIRE for an evacuation).
 *
 * @param maxPassengers most people the car reported during the ride; {@code null} if it could not tell
 */
public record FinishedRide(String robotId, String elevatorId, String carId, String sessionId, String fromFloor,
                           String toFloor, String leftAtFloor, Instant requestedAt, Instant boardedAt,
                           Instant alightedAt, Integer maxPassengers, LiftMode mode) {

    public Duration waited() {
        return Duration.between(requestedAt, boardedAt);
    }

    public boolean withPassengers() {
        return maxPassengers == null || maxPassengers > 0;
    }
}
