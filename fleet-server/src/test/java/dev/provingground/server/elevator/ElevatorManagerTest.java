package dev.provingground.server.elevator;

import dev.provingground.site.lift.LiftDoorState;
import dev.provingground.site.lift.LiftMode;
import dev.provingground.site.lift.LiftMotionState;
import dev.provingground.site.lift.LiftRequest;
import dev.provingground.site.lift.LiftRequestType;
import dev.provingground.site.lift.LiftState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import dev.provingground.geofence.WeeklySchedule;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;

class ElevatorManagerTest {

    private static final List<String> FLOORS = List.of("L1", "L2", "L3");
    private static final List<String> TALL = List.of("F1", "F2", "F3", "F4", "F5", "F6");
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final Rider R1 = new Rider("r1", "DELIVERY");
    private static final Rider R2 = new Rider("r2", "DELIVERY");
    private static final Rider R3 = new Rider("r3", "SERVING");

    private SteppedClock clock;

    @BeforeEach
    void startClock() {
        clock = new SteppedClock(Instant.parse("2026-03-02T05:00:00Z"));
    }

    /** Leases 30 s, states stale after 5 s, resend every 5 s, 3 s per floor, 2.5 s doors, 5 s on or off. */
    private ElevatorManager manager(List<String> floors, String... cars) {
        return new ElevatorManager(Cars.elevator("E1", floors, cars), ElevatorRules.robotOnly(), SEOUL, clock,
                ElevatorManagerConfig.defaults());
    }

    private static List<ElevatorNotice.CarAssigned> assigned(ManagerStep step) {
        return step.notices().stream().filter(ElevatorNotice.CarAssigned.class::isInstance)
                .map(ElevatorNotice.CarAssigned.class::cast).toList();
    }

    @Test
    void aCarServesOnlyWhileItsControllerReportsAndItIsInService() {
        ElevatorManager m = manager(FLOORS, "A", "B");
        assertThat(m.carsNotServing("DELIVERY")).as("no controller has reported yet").containsExactly("A", "B");

        m.onState(Cars.idle("A", FLOORS, "L1"));
        m.onState(Cars.inMode(Cars.idle("B", FLOORS, "L1"), LiftMode.FIRE, "L1"));
        assertThat(m.carsNotServing("DELIVERY")).containsExactly("B");

        clock.advanceSeconds(6);
        assertThat(m.carsNotServing("DELIVERY")).as("A's state went stale after 5 s").containsExactly("A", "B");
        m.onState(Cars.idle("A", FLOORS, "L2"));
        m.onState(Cars.idle("B", FLOORS, "L1"));
        assertThat(m.carsNotServing("DELIVERY")).isEmpty();
    }

    @Test
    void carsAreClosedToKindsTheRulesLeaveOutAndDoNotServeOutsideServiceHours() {
        ElevatorManager m = manager(FLOORS, "A", "B");
        m.onState(Cars.idle("A", FLOORS, "L1"));
        m.onState(Cars.idle("B", FLOORS, "L1"));
        // Monday 14:00 in Seoul; robots may ride on weekdays 09:00–15:00.
        var weekdays = Arrays.stream(DayOfWeek.values()).limit(5)
                .map(d -> new WeeklySchedule.Window(d, LocalTime.of(9, 0),
                        LocalTime.of(15, 0))).toList();
        m.setRules(new ElevatorRules(Set.of("DELIVERY"), 1, PassengerPolicy.ROBOT_ONLY, List.of(),
                new WeeklySchedule(weekdays)));

        assertThat(m.carsClosedTo("SERVING")).containsExactly("A", "B");
        assertThat(m.carsNotServing("SERVING")).containsExactly("A", "B");
        assertThat(m.carsClosedTo("DELIVERY")).isEmpty();
        assertThat(m.carsNotServing("DELIVERY")).isEmpty();

        clock.advance(Duration.ofHours(2));
        m.onState(Cars.idle("A", FLOORS, "L1"));
        m.onState(Cars.idle("B", FLOORS, "L1"));
        assertThat(m.carsNotServing("DELIVERY")).as("16:00, after service hours").containsExactly("A", "B");
        assertThat(m.carsClosedTo("DELIVERY")).as("only for now").isEmpty();
    }

    @Test
    void twoRobotsAndTwoCarsEachRobotGetsTheCarThatReachesItSoonest() {
        ElevatorManager m = manager(FLOORS, "A", "B");
        m.onState(Cars.idle("A", FLOORS, "L1"));
        m.onState(Cars.idle("B", FLOORS, "L3"));
        assertThat(m.requestRide(R1, "L3", "L1").allowed()).isTrue();
        assertThat(m.requestRide(R2, "L1", "L2").allowed()).isTrue();

        ManagerStep step = m.tick();

        // First come first served per car would hand r1 car A, two floors away, and make r2 wait or travel.
        assertThat(assigned(step)).extracting(ElevatorNotice.CarAssigned::robotId, ElevatorNotice.CarAssigned::carId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("r1", "B"), org.assertj.core.groups.Tuple.tuple("r2", "A"));
        assertThat(assigned(step).get(0).doorWaypoint()).isEqualTo("L3-B-door");
        assertThat(step.requests()).extracting(LiftRequest::liftName, LiftRequest::destinationFloor, LiftRequest::requestType,
                        LiftRequest::doorState)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("B", "L3", LiftRequestType.AGV_MODE, LiftDoorState.OPEN),
                        org.assertj.core.groups.Tuple.tuple("A", "L1", LiftRequestType.AGV_MODE, LiftDoorState.OPEN));
    }

    @Test
    void aRideWaitsForABusyCarThatWillServeItSoonerThanAFreeOneFarAway() {
        ElevatorManager m = manager(TALL, "A", "B");
        m.onState(Cars.idle("A", TALL, "F1"));
        m.onState(Cars.idle("B", TALL, "F6"));
        m.requestRide(R1, "F1", "F2");
        String session = m.tick().requests().get(0).sessionId();
        m.onState(Cars.openFor("A", TALL, "F1", session, 0, List.of()));
        m.boarded("r1");
        // A: 3 s to F2 + 2.5 s doors + 5 s off = free at F2 in 10.5 s. B: 4 floors from F6 = 12 s.
        m.requestRide(R2, "F2", "F1");
        ManagerStep step = m.tick();
        assertThat(assigned(step)).isEmpty();
        assertThat(m.queue()).containsExactly("r2");

        clock.advanceSeconds(3);
        m.onState(Cars.openFor("A", TALL, "F2", session, 0, List.of("r1")));
        m.onState(Cars.idle("B", TALL, "F6"));
        m.alighted("r1");
        m.onState(Cars.idle("A", TALL, "F2"));
        assertThat(assigned(m.tick())).extracting(ElevatorNotice.CarAssigned::carId).containsExactly("A");
    }

    @Test
    void threeRobotsAndOneCarAreServedInRequestOrderNotByDistance() {
        ElevatorManager m = manager(FLOORS, "A");
        m.onState(Cars.idle("A", FLOORS, "L3"));
        m.requestRide(R1, "L1", "L2");
        clock.advanceSeconds(1);
        m.requestRide(R2, "L2", "L1");
        clock.advanceSeconds(1);
        m.requestRide(R3, "L3", "L1"); // right where the car is, but asked last
        assertThat(m.queue()).containsExactly("r1", "r2", "r3");

        List<String> served = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ManagerStep step = m.tick();
            assertThat(assigned(step)).hasSize(1);
            ElevatorNotice.CarAssigned grant = assigned(step).get(0);
            served.add(grant.robotId());
            assertThat(m.tick().notices()).as("one car, one ride at a time").isEmpty();
            m.onState(Cars.openFor("A", FLOORS, grant.floor(), grant.sessionId(), 0, List.of()));
            m.boarded(grant.robotId());
            m.onState(Cars.openFor("A", FLOORS, "L1", grant.sessionId(), 0, List.of(grant.robotId())));
            m.alighted(grant.robotId());
            m.onState(Cars.idle("A", FLOORS, "L1"));
            for (String robot : List.of("r1", "r2", "r3")) m.renew(robot);
        }
        assertThat(served).containsExactly("r1", "r2", "r3");
    }

    @Test
    void boardingSendsTheCarToTheDestinationAndGettingOffEndsTheSession() {
        ElevatorManager m = manager(FLOORS, "A");
        m.onState(Cars.idle("A", FLOORS, "L1"));
        m.requestRide(R1, "L1", "L3");
        String session = m.tick().requests().get(0).sessionId();
        m.onState(Cars.openFor("A", FLOORS, "L1", session, 0, List.of()));
        assertThat(m.boarded("r1").allowed()).isTrue();
        assertThat(m.tick().requests()).extracting(LiftRequest::destinationFloor, LiftRequest::sessionId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("L3", session));
        m.onState(Cars.openFor("A", FLOORS, "L3", session, 0, List.of("r1")));
        assertThat(m.alighted("r1")).isPresent();
        assertThat(m.tick().requests()).extracting(LiftRequest::requestType, LiftRequest::sessionId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LiftRequestType.END_SESSION, session));
        assertThat(m.carOf("r1")).isEmpty();
    }

    @Test
    void requestsAreSentAgainEveryIntervalToKeepTheControllerSessionAlive() {
        ElevatorManager m = manager(FLOORS, "A");
        m.onState(Cars.idle("A", FLOORS, "L1"));
        m.requestRide(R1, "L2", "L3");
        assertThat(m.tick().requests()).hasSize(1);
        clock.advanceSeconds(4);
        m.renew("r1");
        m.onState(Cars.idle("A", FLOORS, "L1"));
        assertThat(m.tick().requests()).isEmpty();
        clock.advanceSeconds(1);
        assertThat(m.tick().requests()).extracting(LiftRequest::destinationFloor).containsExactly("L2");
    }

    @Test
    void robotThatStopsRenewingLosesItsCarWhichIsReleasedForTheNextRobot() {
        ElevatorManager m = manager(FLOORS, "A");
        m.onState(Cars.idle("A", FLOORS, "L1"));
        m.requestRide(R1, "L1", "L3");
        String session = m.tick().requests().get(0).sessionId();
        m.requestRide(R2, "L2", "L3");
        for (int s = 0; s < 30; s++) {
            clock.advanceSeconds(1);
            m.renew("r2");
            m.onState(Cars.openFor("A", FLOORS, "L1", session, 0, List.of()));
            m.tick();
        }
        clock.advanceSeconds(1);
        m.renew("r2");
        ManagerStep expiry = m.tick();
        assertThat(expiry.notices()).contains(new ElevatorNotice.LeaseExpired("r1", "A", false));
        assertThat(expiry.requests()).extracting(LiftRequest::requestType, LiftRequest::sessionId)
                .contains(org.assertj.core.groups.Tuple.tuple(LiftRequestType.END_SESSION, session));
        assertThat(m.carOf("r1")).isEmpty();
        assertThat(m.mayBoard("r1").refusal()).isEqualTo(Refusal.NO_RIDE);

        m.onState(Cars.idle("A", FLOORS, "L1")); // the controller has ended the session
        assertThat(assigned(m.tick())).extracting(ElevatorNotice.CarAssigned::robotId).containsExactly("r2");
    }

    @Test
    void queuedRobotThatStopsRenewingLosesItsPlace() {
        ElevatorManager m = manager(FLOORS, "A");
        m.requestRide(R1, "L1", "L3");
        clock.advance(Duration.ofSeconds(31));
        ManagerStep step = m.tick();
        assertThat(step.notices()).containsExactly(new ElevatorNotice.LeaseExpired("r1", null, false));
        assertThat(step.requests()).isEmpty();
        assertThat(m.queue()).isEmpty();
    }

    @Test
    void carTakenOverByTheBuildingBeforeBoardingPutsTheRideBackInItsPlace() {
        ElevatorManager m = manager(FLOORS, "A", "B");
        m.onState(Cars.idle("A", FLOORS, "L1"));
        m.requestRide(R1, "L1", "L3");
        m.tick();
        m.requestRide(R2, "L1", "L2");
        assertThat(m.carOf("r1")).contains("A");
        m.onState(Cars.inMode(Cars.idle("A", FLOORS, "L1"), LiftMode.FIRE, "L1"));
        ManagerStep step = m.tick();
        assertThat(step.notices()).anySatisfy(n -> assertThat(n).isInstanceOf(ElevatorNotice.Requeued.class)
                .extracting(ElevatorNotice::robotId).isEqualTo("r1"));
        assertThat(m.queue()).containsExactly("r1", "r2");
        assertThat(m.mayBoard("r1").refusal()).isEqualTo(Refusal.NO_RIDE);

        m.onState(Cars.idle("B", FLOORS, "L3"));
        assertThat(assigned(m.tick())).extracting(ElevatorNotice.CarAssigned::robotId, ElevatorNotice.CarAssigned::carId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("r1", "B"));
    }

    @Test
    void robotsAboardInFireModeAreToldToLeaveAtTheRecallFloorOnce() {
        ElevatorManager m = manager(FLOORS, "A");
        m.onState(Cars.idle("A", FLOORS, "L2"));
        m.requestRide(R1, "L2", "L3");
        String session = m.tick().requests().get(0).sessionId();
        m.onState(Cars.openFor("A", FLOORS, "L2", session, 0, List.of()));
        m.boarded("r1");
        m.tick();
        LiftState recalled = new LiftState(Instant.EPOCH, "A", FLOORS, "L2", "L1", LiftDoorState.CLOSED, LiftMotionState.DOWN,
                List.of(LiftMode.HUMAN, LiftMode.AGV), LiftMode.FIRE, "", 0, List.of("r1", "foreign-7"));
        m.onState(recalled);
        clock.advanceSeconds(6);
        m.renew("r1");
        m.onState(recalled);
        ManagerStep step = m.tick();
        assertThat(step.notices()).containsExactlyInAnyOrder(
                new ElevatorNotice.Evacuate("r1", "A", "L1", LiftMode.FIRE),
                new ElevatorNotice.Evacuate("foreign-7", "A", "L1", LiftMode.FIRE));
        assertThat(step.requests()).as("no requests to a car in fire mode").isEmpty();
        assertThat(m.tick().notices()).isEmpty();

        m.onState(Cars.inMode(Cars.openFor("A", FLOORS, "L1", "", 0, List.of("r1")), LiftMode.FIRE, "L1"));
        FinishedRide ride = m.alighted("r1").orElseThrow();
        assertThat(ride.leftAtFloor()).isEqualTo("L1");
        assertThat(ride.toFloor()).isEqualTo("L3");
        assertThat(ride.mode()).isEqualTo(LiftMode.FIRE);
    }

    @Test
    void carHeldByAnotherFleetsSessionOrSilentIsNotGiven() {
        ElevatorManager m = manager(FLOORS, "A", "B");
        m.onState(Cars.openFor("A", FLOORS, "L1", "other-fleet", 0, List.of()));
        m.onState(Cars.idle("B", FLOORS, "L1"));
        m.requestRide(R1, "L1", "L2");
        clock.advanceSeconds(6); // B's state is now stale; A is fresh but held
        m.renew("r1");
        m.onState(Cars.openFor("A", FLOORS, "L1", "other-fleet", 0, List.of()));
        assertThat(assigned(m.tick())).isEmpty();
        m.onState(Cars.idle("B", FLOORS, "L3"));
        assertThat(assigned(m.tick())).extracting(ElevatorNotice.CarAssigned::carId).containsExactly("B");
    }

    @Test
    void mayBoardAppliesTheElevatorRulesToTheAssignedCar() {
        ElevatorManager m = manager(FLOORS, "A");
        m.onState(Cars.idle("A", FLOORS, "L1"));
        m.requestRide(R1, "L1", "L2");
        assertThat(m.mayBoard("r1").refusal()).isEqualTo(Refusal.NO_RIDE);
        String session = m.tick().requests().get(0).sessionId();
        assertThat(m.mayBoard("r1").refusal()).isEqualTo(Refusal.CAR_NOT_IN_AGV_MODE);
        m.onState(Cars.openFor("A", FLOORS, "L1", session, 1, List.of()));
        assertThat(m.mayBoard("r1").refusal()).isEqualTo(Refusal.PASSENGERS_ABOARD);
        m.setRules(new ElevatorRules(Set.of("DELIVERY"), 1, PassengerPolicy.SHARED, List.of(), null));
        assertThat(m.mayBoard("r1").allowed()).isTrue();
        clock.advanceSeconds(6);
        assertThat(m.mayBoard("r1").refusal()).isEqualTo(Refusal.NO_CAR_STATE);
    }

    @Test
    void rideRequestsThatCannotBeServedAreRefusedWithAReason() {
        ElevatorManager m = manager(FLOORS, "A");
        m.setRules(new ElevatorRules(Set.of("DELIVERY"), 1, PassengerPolicy.SHARED, List.of(), null));
        Decision kind = m.requestRide(R3, "L1", "L2");
        assertThat(kind.refusal()).isEqualTo(Refusal.KIND_NOT_ALLOWED);
        Decision floor = m.requestRide(R1, "L1", "L9");
        assertThat(floor.refusal()).isEqualTo(Refusal.FLOOR_NOT_SERVED);
        assertThat(floor.reason()).contains("L9");
        assertThat(m.requestRide(R1, "L1", "L2").allowed()).isTrue();
        assertThat(m.requestRide(R1, "L2", "L3").refusal()).isEqualTo(Refusal.ALREADY_RIDING);
        assertThat(m.queue()).containsExactly("r1");
    }

    @Test
    void robotRecoveredFromTheCarItIsRidingKeepsItsRideToTheDestination() {
        ElevatorManager m = manager(FLOORS, "A", "B");
        m.onState(Cars.idle("A", FLOORS, "L1"));
        m.onState(Cars.idle("B", FLOORS, "L1"));
        m.requestRide(R1, "L1", "L3");
        String session = m.tick().requests().get(0).sessionId();
        String car = m.carOf("r1").orElseThrow();
        m.onState(Cars.openFor(car, FLOORS, "L1", session, 0, List.of()));
        m.boarded("r1");

        assertThat(m.recover(R1, car.equals("A") ? "B" : "A").refusal()).as("another car").isEqualTo(Refusal.ALREADY_RIDING);
        assertThat(m.recover(R1, car).allowed()).isTrue();
        assertThat(m.floorsOf("r1")).contains(List.of("L1", "L3"));
        assertThat(m.sessionOf("r1")).contains(session);
        assertThat(m.arrived("r1")).isFalse();
        m.onState(Cars.openFor(car, FLOORS, "L3", session, 0, List.of("r1")));
        assertThat(m.arrived("r1")).isTrue();
    }

    @Test
    void finishedRideRecordsWaitAndWhetherPeopleRodeAlong() {
        ElevatorManager m = manager(FLOORS, "A");
        m.setRules(new ElevatorRules(Set.of("DELIVERY"), 1, PassengerPolicy.SHARED, List.of(), null));
        m.onState(Cars.idle("A", FLOORS, "L1"));
        m.requestRide(R1, "L1", "L3");
        String session = m.tick().requests().get(0).sessionId();
        clock.advanceSeconds(12);
        m.onState(Cars.openFor("A", FLOORS, "L1", session, 0, List.of()));
        m.boarded("r1");
        m.onState(Cars.openFor("A", FLOORS, "L2", session, 2, List.of("r1"))); // people got on at L2
        clock.advanceSeconds(9);
        m.onState(Cars.openFor("A", FLOORS, "L3", session, 0, List.of("r1")));
        FinishedRide ride = m.alighted("r1").orElseThrow();
        assertThat(ride.waited()).isEqualTo(Duration.ofSeconds(12));
        assertThat(Duration.between(ride.boardedAt(), ride.alightedAt())).isEqualTo(Duration.ofSeconds(9));
        assertThat(ride.maxPassengers()).isEqualTo(2);
        assertThat(ride.withPassengers()).isTrue();
        assertThat(ride.carId()).isEqualTo("A");
        assertThat(ride.mode()).isEqualTo(LiftMode.AGV);
    }
}
