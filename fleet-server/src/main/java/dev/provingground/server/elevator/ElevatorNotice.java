package dev.provingground.server.elevator;

import dev.provingground.site.lift.LiftMode;

/** What the elevator manager tells the rest of the server (dispatch, order execution, track record) after a tick. */
public sealed interface ElevatorNotice {

    String robotId();

    /** The robot's ride has a car: drive to {@code doorWaypoint} on {@code floor} and ask to board. */
    record CarAssigned(String robotId, String carId, String sessionId, String floor, String doorWaypoint) implements ElevatorNotice {
    }

    /** The car given to the robot went out of service before it boarded; the ride is back in the queue, in its place. */
    record Requeued(String robotId, String carId, String reason) implements ElevatorNotice {
    }

    /** The building took the car over (FIRE, EMERGENCY): the robot aboard must get off at {@code floor}. */
    record Evacuate(String robotId, String carId, String floor, LiftMode mode) implements ElevatorNotice {
    }

    /** The robot stopped renewing; its place or car is gone (the car was released). */
    record LeaseExpired(String robotId, String carId, boolean wasAboard) implements ElevatorNotice {
    }
}
