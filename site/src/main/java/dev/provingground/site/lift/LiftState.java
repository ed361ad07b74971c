package dev.provingground.site.lift;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Elevator controller → server, on {@code lifts/{site}/{lift_name}/state}. Modelled on Open-RMF's
 * {@code rmf_lift_msgs/LiftState}, plus what trial-zone rules need to know and Open-RMF does not carry: who is in
 * the car. See docs/ELEVATORS.md.
 *
 * @param destinationFloor where the car is going or holding; in FIRE mode the recall floor, in EMERGENCY the floor it
 *                         stops at; empty when it has none
 * @param availableModes   the modes a request may select (HUMAN, AGV)
 * @param sessionId        the session holding the car, empty when none
 * @param passengers       people aboard as the car's load sensor or camera counts them; {@code null} when the car
 *                         cannot tell, which rules must treat as "maybe"
 * @param robots           ids of robots aboard
 */
public record LiftState(Instant liftTime, String liftName, List<String> availableFloors, String currentFloor,
                        String destinationFloor, LiftDoorState doorState, LiftMotionState motionState,
                        List<LiftMode> availableModes, LiftMode currentMode, String sessionId, Integer passengers,
                        List<String> robots) {

    public LiftState {
        Objects.requireNonNull(liftTime, "lift_time");
        Objects.requireNonNull(liftName, "lift_name");
        availableFloors = List.copyOf(availableFloors);
        Objects.requireNonNull(currentFloor, "current_floor");
        destinationFloor = destinationFloor == null ? "" : destinationFloor;
        Objects.requireNonNull(doorState, "door_state");
        Objects.requireNonNull(motionState, "motion_state");
        availableModes = List.copyOf(availableModes);
        Objects.requireNonNull(currentMode, "current_mode");
        sessionId = sessionId == null ? "" : sessionId;
        robots = List.copyOf(robots);
    }

    public boolean hasSession() {
        return !sessionId.isEmpty();
    }

    /** Standing at a floor with the doors fully open: the only time anyone may board or leave. */
    public boolean openAt(String floor) {
        return motionState == LiftMotionState.STOPPED && doorState == LiftDoorState.OPEN && currentFloor.equals(floor);
    }
}
