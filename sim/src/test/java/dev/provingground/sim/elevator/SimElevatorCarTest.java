package dev.provingground.sim.elevator;

import dev.provingground.site.lift.LiftDoorState;
import dev.provingground.site.lift.LiftMode;
import dev.provingground.site.lift.LiftMotionState;
import dev.provingground.site.lift.LiftRequest;
import dev.provingground.site.lift.LiftRequestType;
import dev.provingground.site.lift.LiftState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.util.function.Predicate;

class SimElevatorCarTest {

    private static final List<String> FLOORS = List.of("L1", "L2", "L3");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    /** 2.5 s doors, 4 s dwell, 3 s per floor, 1.5 s per person, 30 s session time-out, start and recall at L1. */
    private static SimElevatorCar car() {
        return new SimElevatorCar(SimElevatorSpec.typical("A1", FLOORS));
    }

    private static LiftRequest agv(String session, String floor, LiftDoorState door) {
        return LiftRequest.agvMode("A1", T0, session, floor, door);
    }

    /** Advances in small steps until the condition holds; fails after {@code limit} simulated seconds. */
    private static double runUntil(SimElevatorCar car, double limit, Predicate<SimElevatorCar> done) {
        double t = 0;
        while (!done.test(car)) {
            assertThat(t).as("simulated seconds waiting; car: %s", car).isLessThan(limit);
            car.advance(0.1);
            t += 0.1;
        }
        return t;
    }

    @Test
    void doorsTakeTheConfiguredTimeToOpen() {
        SimElevatorCar car = car();
        assertThat(car.request(agv("s1", "L1", LiftDoorState.OPEN))).isEmpty();
        car.advance(1.0);
        assertThat(car.doorState()).isEqualTo(LiftDoorState.MOVING);
        car.advance(1.4);
        assertThat(car.doorState()).isEqualTo(LiftDoorState.MOVING);
        car.advance(0.2);
        assertThat(car.doorState()).isEqualTo(LiftDoorState.OPEN);
    }

    @Test
    void carTravelsTheConfiguredTimePerFloor() {
        SimElevatorCar car = car();
        car.request(agv("s1", "L3", LiftDoorState.CLOSED));
        car.advance(1.0);
        assertThat(car.motionState()).isEqualTo(LiftMotionState.UP);
        car.advance(4.8);
        assertThat(car.motionState()).isEqualTo(LiftMotionState.UP);
        assertThat(car.currentFloor()).isEqualTo("L3"); // rounded position: closer to L3 than to L2
        car.advance(0.3);
        assertThat(car.motionState()).isEqualTo(LiftMotionState.STOPPED);
        assertThat(car.state(T0).destinationFloor()).isEqualTo("L3");
        assertThat(car.doorState()).isEqualTo(LiftDoorState.CLOSED);
    }

    @Test
    void agvSessionHoldsTheDoorsOpenAtTheDestinationAsLongAsItIsRenewed() {
        SimElevatorCar car = car();
        car.request(agv("s1", "L2", LiftDoorState.OPEN));
        runUntil(car, 10, c -> c.doorState() == LiftDoorState.OPEN);
        for (int i = 0; i < 6; i++) {
            car.advance(10);
            assertThat(car.request(agv("s1", "L2", LiftDoorState.OPEN))).isEmpty();
            assertThat(car.doorState()).isEqualTo(LiftDoorState.OPEN);
        }
        LiftState state = car.state(T0);
        assertThat(state.currentMode()).isEqualTo(LiftMode.AGV);
        assertThat(state.sessionId()).isEqualTo("s1");
        assertThat(state.openAt("L2")).isTrue();
    }

    @Test
    void humanModeSessionLetsTheDoorsCloseAfterTheDwellTime() {
        SimElevatorCar car = car();
        car.request(new LiftRequest("A1", T0, "s1", LiftRequestType.HUMAN_MODE, "L1", LiftDoorState.OPEN));
        runUntil(car, 5, c -> c.doorState() == LiftDoorState.OPEN);
        runUntil(car, 10, c -> c.doorState() == LiftDoorState.CLOSED);
        assertThat(car.mode()).isEqualTo(LiftMode.HUMAN);
        assertThat(car.sessionId()).contains("s1");
    }

    @Test
    void requestsFromAnotherSessionAreIgnoredUntilTheHolderEndsItsSession() {
        SimElevatorCar car = car();
        car.request(agv("s1", "L2", LiftDoorState.OPEN));
        assertThat(car.request(agv("s2", "L3", LiftDoorState.OPEN))).hasValueSatisfying(why -> assertThat(why).contains("s1"));
        assertThat(car.request(LiftRequest.endSession("A1", T0, "s2"))).isPresent();
        assertThat(car.sessionId()).contains("s1");
        assertThat(car.request(LiftRequest.endSession("A1", T0, "s1"))).isEmpty();
        assertThat(car.sessionId()).isEmpty();
        assertThat(car.mode()).isEqualTo(LiftMode.HUMAN);
        assertThat(car.request(agv("s2", "L3", LiftDoorState.OPEN))).isEmpty();
        assertThat(car.sessionId()).contains("s2");
    }

    @Test
    void requestOlderThanTheLastObeyedOneIsIgnored() {
        SimElevatorCar car = car();
        car.request(LiftRequest.agvMode("A1", T0.plusSeconds(5), "s1", "L2", LiftDoorState.OPEN));
        assertThat(car.request(LiftRequest.agvMode("A1", T0, "s1", "L3", LiftDoorState.OPEN))).isPresent();
        assertThat(car.state(T0).sessionId()).isEqualTo("s1");
        car.advance(0.1);
        assertThat(car.state(T0).destinationFloor()).isEqualTo("L2");
    }

    @Test
    void requestForAFloorTheCarDoesNotServeIsIgnored() {
        SimElevatorCar car = car();
        assertThat(car.request(agv("s1", "L9", LiftDoorState.OPEN))).hasValueSatisfying(why -> assertThat(why).contains("L9"));
        assertThat(car.sessionId()).isEmpty();
    }

    @Test
    void sessionThatIsNotRenewedIsDroppedAfterTheTimeout() {
        SimElevatorCar car = car();
        car.request(agv("s1", "L2", LiftDoorState.OPEN));
        car.advance(29);
        assertThat(car.sessionId()).contains("s1");
        car.advance(2);
        assertThat(car.sessionId()).isEmpty();
        assertThat(car.mode()).isEqualTo(LiftMode.HUMAN);
    }

    @Test
    void hallCallPassengerIsPickedUpAndGetsOffAtTheirFloor() {
        SimElevatorCar car = car();
        assertThat(car.hallCall("L2", "L3")).isTrue();
        runUntil(car, 30, c -> c.passengersAboard().size() == 1);
        assertThat(car.currentFloor()).isEqualTo("L2");
        assertThat(car.passengersWaiting()).isEmpty();
        runUntil(car, 30, c -> c.passengersAboard().isEmpty());
        assertThat(car.currentFloor()).isEqualTo("L3");
        runUntil(car, 30, c -> c.doorState() == LiftDoorState.CLOSED);
        assertThat(car.state(T0).destinationFloor()).isEmpty();
    }

    @Test
    void collectiveControlServesStopsAheadBeforeTurningBack() {
        SimElevatorCar car = car();
        car.hallCall("L1", "L3");
        runUntil(car, 30, c -> c.passengersAboard().size() == 1 && c.motionState() == LiftMotionState.UP);
        car.hallCall("L2", "L1"); // on the way up: the car stops at L2, then goes on to L3 before coming down
        runUntil(car, 30, c -> c.passengersAboard().size() == 2);
        assertThat(car.currentFloor()).isEqualTo("L2");
        runUntil(car, 30, c -> c.passengersAboard().size() == 1);
        assertThat(car.currentFloor()).isEqualTo("L3");
        runUntil(car, 30, c -> c.passengersAboard().isEmpty());
        assertThat(car.currentFloor()).isEqualTo("L1");
    }

    @Test
    void peopleStayOutOfACarHeldInAgvModeAndGetOnOnceItIsReleased() {
        SimElevatorCar car = car();
        car.request(agv("s1", "L1", LiftDoorState.OPEN));
        car.hallCall("L1", "L3");
        runUntil(car, 5, c -> c.doorState() == LiftDoorState.OPEN);
        car.advance(10);
        assertThat(car.passengersAboard()).as("reserved for the robot").isEmpty();
        assertThat(car.robotBoards("robot-1")).isTrue();
        car.request(agv("s1", "L2", LiftDoorState.OPEN));
        runUntil(car, 20, c -> c.state(T0).openAt("L2"));
        LiftState state = car.state(T0);
        assertThat(state.passengers()).isZero();
        assertThat(state.robots()).containsExactly("robot-1");
        assertThat(state.currentMode()).isEqualTo(LiftMode.AGV);
        assertThat(car.robotLeaves("robot-1")).isTrue();
        car.request(LiftRequest.endSession("A1", T0.plusSeconds(60), "s1"));
        runUntil(car, 40, c -> c.passengersAboard().size() == 1);
    }

    @Test
    void robotsBoardAndLeaveOnlyThroughOpenDoors() {
        SimElevatorCar car = car();
        assertThat(car.robotBoards("robot-1")).isFalse();
        car.request(agv("s1", "L1", LiftDoorState.OPEN));
        runUntil(car, 5, c -> c.doorState() == LiftDoorState.OPEN);
        assertThat(car.robotBoards("robot-1")).isTrue();
        car.request(agv("s1", "L3", LiftDoorState.OPEN));
        car.advance(3);
        assertThat(car.robotLeaves("robot-1")).isFalse();
        runUntil(car, 20, c -> c.state(T0).openAt("L3"));
        assertThat(car.robotLeaves("robot-1")).isTrue();
        assertThat(car.robotsAboard()).isEmpty();
    }

    @Test
    void fireAlarmRecallsTheCarToTheDesignatedFloorOpensItAndEmptiesIt() {
        SimElevatorCar car = car();
        car.hallCall("L1", "L3");
        runUntil(car, 10, c -> c.passengersAboard().size() == 1);
        car.request(agv("s1", "L1", LiftDoorState.OPEN));
        runUntil(car, 10, c -> c.state(T0).openAt("L1") && c.mode() == LiftMode.AGV);
        car.robotBoards("robot-1");
        car.request(agv("s1", "L3", LiftDoorState.OPEN));
        runUntil(car, 20, c -> c.state(T0).openAt("L3"));

        car.fireAlarm(true);
        car.advance(0.1);
        LiftState state = car.state(T0);
        assertThat(state.currentMode()).isEqualTo(LiftMode.FIRE);
        assertThat(state.sessionId()).isEmpty();
        assertThat(state.destinationFloor()).isEqualTo("L1");
        assertThat(car.request(agv("s1", "L2", LiftDoorState.OPEN))).hasValueSatisfying(why -> assertThat(why).contains("FIRE"));
        assertThat(car.hallCall("L2", "L3")).isFalse();

        runUntil(car, 20, c -> c.state(T0).openAt("L1"));
        assertThat(car.robotBoards("robot-2")).isFalse();
        runUntil(car, 10, c -> c.passengersAboard().isEmpty());
        assertThat(car.robotLeaves("robot-1")).isTrue();
        car.advance(60);
        assertThat(car.state(T0).openAt("L1")).as("doors stay open in fire mode").isTrue();

        car.fireAlarm(false);
        car.advance(0.1);
        assertThat(car.mode()).isEqualTo(LiftMode.HUMAN);
    }

    @Test
    void emergencyStopsTheCarAtTheNextFloorWithDoorsOpen() {
        SimElevatorCar car = car();
        car.request(agv("s1", "L3", LiftDoorState.CLOSED));
        car.advance(1.5); // half way between L1 and L2, going up
        assertThat(car.motionState()).isEqualTo(LiftMotionState.UP);
        car.emergency(true);
        runUntil(car, 10, c -> c.doorState() == LiftDoorState.OPEN);
        assertThat(car.currentFloor()).isEqualTo("L2");
        assertThat(car.mode()).isEqualTo(LiftMode.EMERGENCY);
        assertThat(car.state(T0).destinationFloor()).isEqualTo("L2");
        assertThat(car.request(agv("s1", "L3", LiftDoorState.OPEN))).isPresent();
    }

    @Test
    void offlineCarStopsWithDoorsClosedAndIgnoresRequests() {
        SimElevatorCar car = car();
        car.offline(true);
        assertThat(car.request(agv("s1", "L2", LiftDoorState.OPEN))).hasValueSatisfying(why -> assertThat(why).contains("OFFLINE"));
        car.advance(20);
        assertThat(car.currentFloor()).isEqualTo("L1");
        assertThat(car.doorState()).isEqualTo(LiftDoorState.CLOSED);
        assertThat(car.state(T0).currentMode()).isEqualTo(LiftMode.OFFLINE);
        car.offline(false);
        assertThat(car.request(agv("s1", "L2", LiftDoorState.OPEN))).isEmpty();
    }

    @Test
    void randomHallCallsComeOnlyWhileNoSessionHoldsTheCar() {
        SimElevatorCar held = new SimElevatorCar(SimElevatorSpec.typical("A1", FLOORS).withHallCalls(30, 7));
        held.request(agv("s1", "L1", LiftDoorState.CLOSED));
        for (int i = 0; i < 10; i++) {
            held.advance(20);
            held.request(agv("s1", "L1", LiftDoorState.CLOSED));
        }
        assertThat(held.passengersWaiting()).isEmpty();
        assertThat(held.passengersAboard()).isEmpty();

        SimElevatorCar free = new SimElevatorCar(SimElevatorSpec.typical("A1", FLOORS).withHallCalls(30, 7));
        int seen = 0;
        for (int i = 0; i < 2000; i++) {
            free.advance(0.1);
            seen = Math.max(seen, free.passengersWaiting().size() + free.passengersAboard().size());
        }
        assertThat(seen).isPositive();
    }

    @Test
    void changesAreFlaggedOnceForImmediatePublishing() {
        SimElevatorCar car = car();
        car.advance(0.1);
        assertThat(car.takeChanged()).isTrue();
        car.advance(0.1);
        assertThat(car.takeChanged()).isFalse();
        car.request(agv("s1", "L1", LiftDoorState.OPEN));
        car.advance(0.1);
        assertThat(car.takeChanged()).isTrue();
    }

    @Test
    void specThatCannotWorkIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new SimElevatorSpec("A1", FLOORS, "L1", "L7", 2, 4, 3, 1, 8, 0, 30, 1))
                .hasMessageContaining("fireRecallFloor").hasMessageContaining("L7");
        assertThatThrownBy(() -> new SimElevatorSpec("A1", FLOORS, "L1", "L1", 2, 4, 0, 1, 8, 0, 30, 1))
                .hasMessageContaining("secondsPerFloor");
        assertThatThrownBy(() -> SimElevatorSpec.typical("A1", List.of("L1"))).hasMessageContaining("floors");
    }
}
