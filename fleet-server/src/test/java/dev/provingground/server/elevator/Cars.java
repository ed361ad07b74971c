package dev.provingground.server.elevator;

import dev.provingground.site.Elevator;
import dev.provingground.site.ElevatorCar;
import dev.provingground.site.lift.LiftDoorState;
import dev.provingground.site.lift.LiftMode;
import dev.provingground.site.lift.LiftMotionState;
import dev.provingground.site.lift.LiftState;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Arrays;

/** Elevators and car states for the elevator tests. */
final class Cars {

    private Cars() {
    }

    static ElevatorCar car(String id, List<String> floors) {
        Map<String, String> doors = new LinkedHashMap<>();
        floors.forEach(f -> doors.put(f, f + "-" + id + "-door"));
        return new ElevatorCar(id, floors, doors, 2);
    }

    static Elevator elevator(String id, List<String> floors, String... carIds) {
        return new Elevator(id, id, Arrays.stream(carIds).map(c -> car(c, floors)).toList());
    }

    /** A car standing at {@code floor}, doors closed, in normal service, nobody aboard. */
    static LiftState idle(String car, List<String> floors, String floor) {
        return new LiftState(Instant.EPOCH, car, floors, floor, "", LiftDoorState.CLOSED, LiftMotionState.STOPPED,
                List.of(LiftMode.HUMAN, LiftMode.AGV), LiftMode.HUMAN, "", 0, List.of());
    }

    /** A car standing open at {@code floor} for {@code session} in AGV mode. */
    static LiftState openFor(String car, List<String> floors, String floor, String session, Integer passengers,
                             List<String> robots) {
        return new LiftState(Instant.EPOCH, car, floors, floor, floor, LiftDoorState.OPEN, LiftMotionState.STOPPED,
                List.of(LiftMode.HUMAN, LiftMode.AGV), LiftMode.AGV, session, passengers, robots);
    }

    static LiftState inMode(LiftState s, LiftMode mode, String destination) {
        return new LiftState(s.liftTime(), s.liftName(), s.availableFloors(), s.currentFloor(), destination, s.doorState(),
                s.motionState(), s.availableModes(), mode, mode.outOfService() ? "" : s.sessionId(), s.passengers(), s.robots());
    }
}
