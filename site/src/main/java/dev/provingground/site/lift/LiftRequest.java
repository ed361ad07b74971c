package dev.provingground.site.lift;

import java.time.Instant;
import java.util.Objects;

/**
 * Server → elevator controller, on {@code lifts/{site}/{lift_name}/request}. Modelled on Open-RMF's
 * {@code rmf_lift_msgs/LiftRequest}; see docs/ELEVATORS.md.
 *
 * @param liftName         the car addressed (the site's elevator car id)
 * @param requestTime      when the server sent it; a controller may drop requests older than the last one it obeyed
 * @param sessionId        who asks; the car obeys only the session that holds it until that session ends it
 * @param destinationFloor a floor of the car's {@code available_floors}; empty for {@link LiftRequestType#END_SESSION}
 * @param doorState        the door state wanted once the car stands at the destination
 */
public record LiftRequest(String liftName, Instant requestTime, String sessionId, LiftRequestType requestType,
                          String destinationFloor, LiftDoorState doorState) {

    public LiftRequest {
        Objects.requireNonNull(liftName, "lift_name");
        Objects.requireNonNull(requestTime, "request_time");
        Objects.requireNonNull(sessionId, "session_id");
        Objects.requireNonNull(requestType, "request_type");
        destinationFloor = destinationFloor == null ? "" : destinationFloor;
        Objects.requireNonNull(doorState, "door_state");
    }

    public static LiftRequest agvMode(String liftName, Instant time, String sessionId, String floor, LiftDoorState door) {
        return new LiftRequest(liftName, time, sessionId, LiftRequestType.AGV_MODE, floor, door);
    }

    public static LiftRequest endSession(String liftName, Instant time, String sessionId) {
        return new LiftRequest(liftName, time, sessionId, LiftRequestType.END_SESSION, "", LiftDoorState.CLOSED);
    }
}
