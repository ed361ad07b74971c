package dev.provingground.server.elevator;

import dev.provingground.geofence.WeeklySchedule;
import dev.provingground.site.lift.LiftDoorState;
import dev.provingground.site.lift.LiftMode;
import dev.provingground.site.lift.LiftMotionState;
import dev.provingground.site.lift.LiftState;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoardingRulesTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final List<String> FLOORS = List.of("L1", "L2", "L3");
    /** Monday 2026-03-02 08:30 in Seoul. */
    private static final Instant MONDAY_0830 = Instant.parse("2026-03-01T23:30:00Z");
    /** Monday 2026-03-02 14:00 in Seoul. */
    private static final Instant MONDAY_1400 = Instant.parse("2026-03-02T05:00:00Z");
    private static final Instant MONDAY_2300 = Instant.parse("2026-03-02T14:00:00Z");
    private static final Rider DELIVERY = new Rider("r1", "DELIVERY");

    private static final List<WeeklySchedule.Window> MORNING_PEAK = List.of(
            new WeeklySchedule.Window(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(9, 30)));

    private static BoardingRules rules(int max, PassengerPolicy policy, WeeklySchedule hours) {
        return new BoardingRules(new ElevatorRules(Set.of("DELIVERY", "SERVING"), max, policy,
                policy == PassengerPolicy.SHARED_OUTSIDE_PEAK ? MORNING_PEAK : List.of(), hours), SEOUL);
    }

    private static LiftState open(Integer passengers, List<String> robots) {
        return Cars.openFor("A", FLOORS, "L1", "s1", passengers, robots);
    }

    @Test
    void robotMayBoardAnEmptyCarOpenForItsSession() {
        Decision d = rules(1, PassengerPolicy.ROBOT_ONLY, null).mayBoard(DELIVERY, "L1", "s1", open(0, List.of()), MONDAY_1400);
        assertThat(d.allowed()).isTrue();
        assertThat(d.refusal()).isNull();
    }

    @Test
    void robotOfAKindTheElevatorDoesNotTakeMayNotRideOrBoard() {
        BoardingRules r = rules(1, PassengerPolicy.SHARED, null);
        Rider uvc = new Rider("uv-1", "DISINFECTION");
        assertThat(r.mayRide(uvc, MONDAY_1400).refusal()).isEqualTo(Refusal.KIND_NOT_ALLOWED);
        Decision d = r.mayBoard(uvc, "L1", "s1", open(0, List.of()), MONDAY_1400);
        assertThat(d.refusal()).isEqualTo(Refusal.KIND_NOT_ALLOWED);
        assertThat(d.reason()).contains("uv-1").contains("DISINFECTION");
    }

    @Test
    void robotMayNotRideOutsideServiceHours() {
        WeeklySchedule officeHours = new WeeklySchedule(List.of(
                new WeeklySchedule.Window(DayOfWeek.MONDAY, LocalTime.of(7, 0), LocalTime.of(22, 0))));
        BoardingRules r = rules(1, PassengerPolicy.SHARED, officeHours);
        assertThat(r.mayRide(DELIVERY, MONDAY_1400).allowed()).isTrue();
        Decision late = r.mayBoard(DELIVERY, "L1", "s1", open(0, List.of()), MONDAY_2300);
        assertThat(late.refusal()).isEqualTo(Refusal.OUTSIDE_SERVICE_HOURS);
        assertThat(late.reason()).endsWith("only in its service hours (MONDAY 07:00–22:00, Asia/Seoul); it is MONDAY 23:00");
    }

    @Test
    void carWithTheMostRobotsAllowedIsFullButTheRobotItselfDoesNotCount() {
        BoardingRules r = rules(1, PassengerPolicy.SHARED, null);
        Decision full = r.mayBoard(DELIVERY, "L1", "s1", open(0, List.of("r9")), MONDAY_1400);
        assertThat(full.refusal()).isEqualTo(Refusal.CAR_FULL);
        assertThat(full.reason()).contains("r9").contains("at most 1");
        assertThat(r.mayBoard(DELIVERY, "L1", "s1", open(0, List.of("r1")), MONDAY_1400).allowed()).isTrue();
        assertThat(rules(2, PassengerPolicy.SHARED, null).mayBoard(DELIVERY, "L1", "s1", open(0, List.of("r9")), MONDAY_1400).allowed()).isTrue();
    }

    @Test
    void robotOnlyElevatorRefusesACarWithPeopleOrThatCannotCountThem() {
        BoardingRules r = rules(1, PassengerPolicy.ROBOT_ONLY, null);
        Decision people = r.mayBoard(DELIVERY, "L1", "s1", open(2, List.of()), MONDAY_1400);
        assertThat(people.refusal()).isEqualTo(Refusal.PASSENGERS_ABOARD);
        assertThat(people.reason()).contains("2 passenger").contains("robot-only");
        assertThat(r.mayBoard(DELIVERY, "L1", "s1", open(null, List.of()), MONDAY_1400).refusal())
                .isEqualTo(Refusal.PASSENGER_COUNT_UNKNOWN);
    }

    @Test
    void sharedElevatorTakesRobotsWithPeople() {
        assertThat(rules(1, PassengerPolicy.SHARED, null).mayBoard(DELIVERY, "L1", "s1", open(3, List.of()), MONDAY_0830).allowed()).isTrue();
    }

    @Test
    void sharedOutsidePeakIsRobotOnlyInThePeakWindowAndSharedOutsideIt() {
        BoardingRules r = rules(1, PassengerPolicy.SHARED_OUTSIDE_PEAK, null);
        Decision peak = r.mayBoard(DELIVERY, "L1", "s1", open(1, List.of()), MONDAY_0830);
        assertThat(peak.refusal()).isEqualTo(Refusal.PASSENGERS_ABOARD);
        assertThat(peak.reason()).contains("peak");
        assertThat(r.mayBoard(DELIVERY, "L1", "s1", open(0, List.of()), MONDAY_0830).allowed()).isTrue();
        assertThat(r.mayBoard(DELIVERY, "L1", "s1", open(1, List.of()), MONDAY_1400).allowed()).isTrue();
    }

    @Test
    void noBoardingInFireEmergencyOfflineOrUnknownMode() {
        BoardingRules r = rules(2, PassengerPolicy.SHARED, null);
        for (LiftMode mode : List.of(LiftMode.FIRE, LiftMode.EMERGENCY, LiftMode.OFFLINE, LiftMode.UNKNOWN)) {
            Decision d = r.mayBoard(DELIVERY, "L1", "", Cars.inMode(open(0, List.of()), mode, "L1"), MONDAY_1400);
            assertThat(d.refusal()).as(mode.name()).isEqualTo(Refusal.CAR_OUT_OF_SERVICE);
            assertThat(d.reason()).contains(mode.name());
        }
    }

    @Test
    void robotsBoardOnlyInAgvMode() {
        LiftState human = Cars.inMode(open(0, List.of()), LiftMode.HUMAN, "L1");
        assertThat(rules(1, PassengerPolicy.SHARED, null).mayBoard(DELIVERY, "L1", "s1", human, MONDAY_1400).refusal())
                .isEqualTo(Refusal.CAR_NOT_IN_AGV_MODE);
    }

    @Test
    void carHeldByAnotherSessionIsRefused() {
        Decision d = rules(1, PassengerPolicy.SHARED, null).mayBoard(DELIVERY, "L1", "s2", open(0, List.of()), MONDAY_1400);
        assertThat(d.refusal()).isEqualTo(Refusal.SESSION_NOT_HELD);
        assertThat(d.reason()).contains("s1").contains("s2");
    }

    @Test
    void carNotStandingOpenAtTheRobotsFloorIsRefused() {
        BoardingRules r = rules(1, PassengerPolicy.SHARED, null);
        assertThat(r.mayBoard(DELIVERY, "L2", "s1", open(0, List.of()), MONDAY_1400).refusal()).isEqualTo(Refusal.CAR_NOT_OPEN_AT_FLOOR);
        LiftState closing = new LiftState(Instant.EPOCH, "A", FLOORS, "L1", "L1", LiftDoorState.MOVING, LiftMotionState.STOPPED,
                List.of(LiftMode.AGV), LiftMode.AGV, "s1", 0, List.of());
        assertThat(r.mayBoard(DELIVERY, "L1", "s1", closing, MONDAY_1400).refusal()).isEqualTo(Refusal.CAR_NOT_OPEN_AT_FLOOR);
    }

    @Test
    void evacuationFloorIsTheRecallFloorInFireTheStopInEmergencyAndNoneOtherwise() {
        LiftState at3 = Cars.openFor("A", FLOORS, "L3", "s1", 0, List.of("r1"));
        assertThat(BoardingRules.evacuationFloor(Cars.inMode(at3, LiftMode.FIRE, "L1"))).contains("L1");
        assertThat(BoardingRules.evacuationFloor(Cars.inMode(at3, LiftMode.EMERGENCY, ""))).contains("L3");
        assertThat(BoardingRules.evacuationFloor(at3)).isEmpty();
        assertThat(BoardingRules.evacuationFloor(Cars.inMode(at3, LiftMode.OFFLINE, ""))).isEmpty();
    }

    @Test
    void rulesThatCannotWorkAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new ElevatorRules(Set.of("DRONE"), 1, PassengerPolicy.SHARED, List.of(), null))
                .hasMessageContaining("allowedKinds").hasMessageContaining("DRONE");
        assertThatThrownBy(() -> new ElevatorRules(Set.of("DELIVERY"), 0, PassengerPolicy.SHARED, List.of(), null))
                .hasMessageContaining("maxRobotsPerCar");
        assertThatThrownBy(() -> new ElevatorRules(Set.of("DELIVERY"), 1, PassengerPolicy.SHARED_OUTSIDE_PEAK, List.of(), null))
                .hasMessageContaining("peak window");
    }
}
