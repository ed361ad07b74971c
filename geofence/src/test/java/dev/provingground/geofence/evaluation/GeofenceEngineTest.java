package dev.provingground.geofence.evaluation;

import static dev.provingground.geofence.TestZones.LEVEL;
import static dev.provingground.geofence.TestZones.MONDAY_10;
import static dev.provingground.geofence.TestZones.SITE;
import static dev.provingground.geofence.TestZones.TIME_ZONE;
import static dev.provingground.geofence.TestZones.rectangle;
import static dev.provingground.geofence.TestZones.zone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.provingground.geofence.GeofenceConfig;
import dev.provingground.geofence.Position;
import dev.provingground.geofence.TestZones;
import dev.provingground.geofence.ViolationAction;
import dev.provingground.geofence.WeeklySchedule;
import dev.provingground.geofence.Zone;
import dev.provingground.geofence.ZoneKind;
import dev.provingground.geofence.ZoneRules;
import dev.provingground.geofence.ZoneState;

class GeofenceEngineTest {

    private final GeofenceEngine engine = new GeofenceEngine(SITE, TIME_ZONE, GeofenceConfig.defaults());
    private Instant clock = MONDAY_10;

    /** A robot as the tests drive it: each call is the next sample, one second after the previous one. */
    private record Robot(String id, String kind, String firm, Double cap) {
    }

    private static final Robot DELIVERY = new Robot("d1", "delivery", "acme", null);
    private static final Robot SERVING = new Robot("s1", "SERVING", "bolt", null);
    private static final Robot DISINFECTOR = new Robot("uv1", "DISINFECTION", "cleanco", null);

    private Evaluation move(Robot r, double x, double y) {
        return move(r, x, y, 0.5, false);
    }

    private Evaluation move(Robot r, double x, double y, double speed, boolean lamp) {
        clock = clock.plusSeconds(1);
        return engine.evaluate(new RobotUpdate(r.id(), r.kind(), r.firm(), LEVEL, x, y, speed, r.cap(), lamp, clock, null));
    }

    private static <T extends GeofenceEvent> List<T> events(Evaluation e, Class<T> type) {
        return e.events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static List<Violation> started(Evaluation e) {
        return events(e, ViolationStarted.class).stream().map(ViolationStarted::violation).toList();
    }

    private static List<Violation> ended(Evaluation e) {
        return events(e, ViolationEnded.class).stream().map(ViolationEnded::violation).toList();
    }

    @Test
    void robotEnteringAndLeavingAZoneGetsOneEnterAndOneExit() {
        engine.put(zone("lobby", ZoneKind.SPEED_LIMIT, rectangle(0, 0, 10, 10)));
        assertThat(move(DELIVERY, -5, 5).events()).isEmpty();

        Evaluation in = move(DELIVERY, 2, 5);
        assertThat(events(in, ZoneEntered.class)).singleElement().satisfies(e -> {
            assertThat(e.zoneId()).isEqualTo("lobby");
            assertThat(e.position()).isEqualTo(new Position(2, 5));
            assertThat(e.betweenSamples()).isFalse();
        });
        assertThat(in.zonesInside()).containsExactly("lobby");
        assertThat(move(DELIVERY, 3, 5).events()).as("still inside: nothing new").isEmpty();

        Evaluation out = move(DELIVERY, 12, 5);
        assertThat(events(out, ZoneExited.class)).singleElement()
                .satisfies(e -> assertThat(e.zoneId()).isEqualTo("lobby"));
        assertThat(out.zonesInside()).isEmpty();
    }

    @Test
    void robotCrossingAThinKeepOutBetweenTwoSamplesIsReported() {
        engine.put(zone("cable", ZoneKind.KEEP_OUT, rectangle(5, 0, 5.1, 10)));
        move(DELIVERY, 4, 5);
        Evaluation e = move(DELIVERY, 6, 5); // both samples outside the 10 cm strip

        assertThat(e.events()).extracting(ev -> ev.getClass().getSimpleName())
                .containsExactly("ZoneEntered", "ViolationStarted", "ViolationEnded", "ZoneExited");
        ZoneEntered entered = events(e, ZoneEntered.class).get(0);
        assertThat(entered.betweenSamples()).isTrue();
        assertThat(entered.position().x()).isBetween(5.0, 5.1);
        Violation v = ended(e).get(0);
        assertThat(v.rule()).isEqualTo(ViolationRule.KEEP_OUT_ENTERED);
        assertThat(v.zoneId()).isEqualTo("cable");
        assertThat(v.robot()).isEqualTo("d1");
        assertThat(v.end()).isEqualTo(v.start());
        assertThat(e.zonesInside()).isEmpty();
        assertThat(engine.openViolations("d1")).isEmpty();
    }

    @Test
    void crossingUsesThePreviousPositionGivenWithTheUpdate() {
        engine.put(zone("cable", ZoneKind.KEEP_OUT, rectangle(5, 0, 5.1, 10)));
        Evaluation e = engine.evaluate(new RobotUpdate("d9", "DELIVERY", "acme", LEVEL, 6, 5, 1, null, false,
                MONDAY_10, new Position(4, 5)));
        assertThat(started(e)).extracting(Violation::rule).containsExactly(ViolationRule.KEEP_OUT_ENTERED);
    }

    @Test
    void movePassingBesideAZoneIsNoCrossing() {
        engine.put(zone("cable", ZoneKind.KEEP_OUT, rectangle(5, 0, 5.1, 10)));
        move(DELIVERY, 4, 11);
        assertThat(move(DELIVERY, 6, 11).events()).isEmpty();
    }

    @Test
    void keepOutEnteredIsAViolationCarryingZoneRuleRobotPositionMeasuredAndLimit() {
        engine.put(zone("kitchen", ZoneKind.KEEP_OUT, rectangle(0, 0, 10, 10),
                ZoneRules.NONE.withOnViolation(ViolationAction.PAUSE)));
        move(DELIVERY, -1, 5);
        Violation v = started(move(DELIVERY, 0.5, 5)).get(0);
        assertThat(v.zoneId()).isEqualTo("kitchen");
        assertThat(v.rule()).isEqualTo(ViolationRule.KEEP_OUT_ENTERED);
        assertThat(v.robot()).isEqualTo("d1");
        assertThat(v.position()).isEqualTo(new Position(0.5, 5));
        assertThat(v.measured()).as("depth inside, m").isCloseTo(0.5, within(1e-9));
        assertThat(v.limit()).isZero();
        assertThat(v.action()).isEqualTo(ViolationAction.PAUSE);
        assertThat(v.end()).isNull();
    }

    @Test
    void persistingViolationIsOneEventWithStartEndAndMaximumExcess() {
        engine.put(zone("kitchen", ZoneKind.KEEP_OUT, rectangle(0, 0, 10, 10)));
        move(DELIVERY, -1, 5);
        Evaluation first = move(DELIVERY, 1, 5);
        Instant start = clock;
        assertThat(started(first)).hasSize(1);
        int laterViolationEvents = 0;
        for (double x : new double[] {2, 4, 3, 1}) {
            Evaluation e = move(DELIVERY, x, 5);
            laterViolationEvents += started(e).size() + ended(e).size();
        }
        assertThat(laterViolationEvents).as("no duplicates while it lasts").isZero();
        assertThat(engine.openViolations("d1")).singleElement()
                .satisfies(v -> assertThat(v.maxExcess()).isCloseTo(4, within(1e-9)));

        Evaluation out = move(DELIVERY, -2, 5);
        Violation v = ended(out).get(0);
        assertThat(v.start()).isEqualTo(start);
        assertThat(v.end()).isEqualTo(clock);
        assertThat(v.maxExcess()).as("deepest point, x = 4").isCloseTo(4, within(1e-9));
        assertThat(v.measured()).as("at the start").isCloseTo(1, within(1e-9));
        assertThat(engine.openViolations("d1")).isEmpty();
    }

    @Test
    void robotLeavingTheOperatingAreaIsAViolationUntilItComesBack() {
        engine.put(zone("floor", ZoneKind.OPERATING_AREA, rectangle(0, 0, 20, 20)));
        assertThat(started(move(DELIVERY, 10, 10))).isEmpty();

        Evaluation out = move(DELIVERY, 23, 10);
        Violation v = started(out).get(0);
        assertThat(v.rule()).isEqualTo(ViolationRule.OPERATING_AREA_LEFT);
        assertThat(v.zoneId()).isEqualTo("floor");
        assertThat(v.measured()).as("metres outside").isCloseTo(3, within(1e-9));
        assertThat(started(move(DELIVERY, 25, 10))).as("one violation while outside").isEmpty();

        Violation back = ended(move(DELIVERY, 19, 10)).get(0);
        assertThat(back.rule()).isEqualTo(ViolationRule.OPERATING_AREA_LEFT);
        assertThat(back.maxExcess()).isCloseTo(5, within(1e-9));
    }

    @Test
    void robotStartingOutsideEveryOperatingAreaIsHeldToTheNearestOne() {
        engine.put(zone("east", ZoneKind.OPERATING_AREA, rectangle(100, 0, 120, 20)));
        engine.put(zone("west", ZoneKind.OPERATING_AREA, rectangle(0, 0, 20, 20)));
        Violation v = started(move(DELIVERY, 25, 10)).get(0);
        assertThat(v.zoneId()).isEqualTo("west");
        assertThat(v.measured()).isCloseTo(5, within(1e-9));
    }

    @Test
    void speedAboveTheLowestZoneLimitIsAViolationAgainstThatZone() {
        engine.put(zone("hall", ZoneKind.SPEED_LIMIT, rectangle(0, 0, 20, 20), ZoneRules.NONE.withMaxSpeed(1.2)));
        engine.put(zone("door", ZoneKind.CAUTION, rectangle(5, 5, 10, 10), ZoneRules.NONE.withMaxSpeed(0.5)));
        Evaluation hall = move(DELIVERY, 2, 2, 1.0, false);
        assertThat(hall.speedLimit()).isEqualTo(1.2);
        assertThat(started(hall)).isEmpty();

        Evaluation door = move(DELIVERY, 6, 6, 1.0, false);
        assertThat(door.speedLimit()).isEqualTo(0.5);
        Violation v = started(door).get(0);
        assertThat(v.rule()).isEqualTo(ViolationRule.SPEED_LIMIT_EXCEEDED);
        assertThat(v.zoneId()).isEqualTo("door");
        assertThat(v.measured()).isEqualTo(1.0);
        assertThat(v.limit()).isEqualTo(0.5);
        assertThat(v.maxExcess()).isCloseTo(0.5, within(1e-12));

        assertThat(ended(move(DELIVERY, 6, 7, 0.4, false))).extracting(Violation::rule)
                .containsExactly(ViolationRule.SPEED_LIMIT_EXCEEDED);
    }

    @Test
    void robotProfileCapIsALimitInForceWhenLowerThanTheZones() {
        engine.put(zone("hall", ZoneKind.SPEED_LIMIT, rectangle(0, 0, 20, 20), ZoneRules.NONE.withMaxSpeed(1.5)));
        Robot capped = new Robot("c1", "DELIVERY", "acme", 0.8);
        Evaluation e = move(capped, 2, 2, 1.0, false);
        assertThat(e.speedLimit()).isEqualTo(0.8);
        Violation v = started(e).get(0);
        assertThat(v.zoneId()).as("the profile cap belongs to no zone").isNull();
        assertThat(v.limit()).isEqualTo(0.8);
        assertThat(v.action()).isEqualTo(GeofenceConfig.defaults().defaultAction());

        Evaluation outside = move(capped, 40, 40, 0.9, false);
        assertThat(outside.speedLimit()).isEqualTo(0.8);
        assertThat(started(outside)).isEmpty();
        assertThat(ended(outside)).isEmpty(); // same violation (profile cap, no zone) continues
    }

    @Test
    void speedLimitAppliesOnlyToTheKindsAndFirmsItNames() {
        engine.put(zone("kids", ZoneKind.SPEED_LIMIT, rectangle(0, 0, 20, 20),
                ZoneRules.NONE.withMaxSpeed(0.3).withRobotKinds(Set.of("DELIVERY"))));
        engine.put(zone("vip", ZoneKind.SPEED_LIMIT, rectangle(0, 0, 20, 20),
                ZoneRules.NONE.withMaxSpeed(0.2).withFirms(Set.of("bolt"))));
        Evaluation delivery = move(DELIVERY, 5, 5, 1.0, false);
        assertThat(delivery.speedLimit()).as("kind filter is case-insensitive").isEqualTo(0.3);
        Evaluation serving = move(SERVING, 5, 5, 1.0, false);
        assertThat(serving.speedLimit()).isEqualTo(0.2);
        assertThat(started(serving)).extracting(Violation::zoneId).containsExactly("vip");
        Evaluation other = move(DISINFECTOR, 5, 5, 1.0, false);
        assertThat(other.speedLimit()).isNull();
        assertThat(started(other)).isEmpty();
    }

    @Test
    void keepOutNamingKindsBindsOnlyThoseKinds() {
        engine.put(zone("pantry", ZoneKind.KEEP_OUT, rectangle(0, 0, 10, 10),
                ZoneRules.NONE.withRobotKinds(Set.of("DELIVERY"))));
        assertThat(started(move(DELIVERY, 5, 5))).extracting(Violation::rule)
                .containsExactly(ViolationRule.KEEP_OUT_ENTERED);
        assertThat(started(move(SERVING, 5, 5))).isEmpty();
    }

    @Test
    void robotOfAKindOrFirmACrosswalkDoesNotAdmitIsAViolation() {
        engine.put(zone("crossing", ZoneKind.CROSSWALK, rectangle(0, 0, 10, 4),
                ZoneRules.NONE.withRobotKinds(Set.of("DELIVERY")).withFirms(Set.of("acme", "bolt"))));
        assertThat(started(move(DELIVERY, 5, 2))).isEmpty();
        assertThat(started(move(SERVING, 5, 2))).extracting(Violation::rule)
                .containsExactly(ViolationRule.KIND_NOT_ALLOWED);
        Robot foreign = new Robot("f1", "DELIVERY", "other", null);
        assertThat(started(move(foreign, 5, 2))).extracting(Violation::rule)
                .containsExactly(ViolationRule.FIRM_NOT_ALLOWED);
    }

    @Test
    void operatingAreaForOtherKindsIsKindNotAllowedButBindsNobodyElse() {
        engine.put(zone("outdoor", ZoneKind.OPERATING_AREA, rectangle(0, 0, 50, 50),
                ZoneRules.NONE.withRobotKinds(Set.of("DELIVERY"))));
        assertThat(started(move(SERVING, 10, 10))).extracting(Violation::rule)
                .containsExactly(ViolationRule.KIND_NOT_ALLOWED);
        Evaluation out = move(SERVING, 60, 10);
        assertThat(started(out)).as("serving robots are not held to it").isEmpty();
        assertThat(ended(out)).extracting(Violation::rule).containsExactly(ViolationRule.KIND_NOT_ALLOWED);
        assertThat(move(SERVING, 70, 10).events()).isEmpty();
    }

    @Test
    void nonDisinfectionRobotInsideAClosedDisinfectionZoneIsAViolation() {
        Zone ward = new Zone("ward", null, SITE, LEVEL, rectangle(0, 0, 10, 10), ZoneKind.DISINFECTION,
                ZoneState.OPEN, ZoneRules.NONE);
        engine.put(ward);
        assertThat(started(move(DELIVERY, 5, 5))).as("open").isEmpty();

        engine.setState("ward", ZoneState.CLOSED);
        assertThat(started(move(DELIVERY, 5, 6))).extracting(Violation::rule)
                .containsExactly(ViolationRule.DISINFECTION_ZONE_CLOSED);
        assertThat(started(move(DISINFECTOR, 5, 5))).as("the disinfection robot belongs there").isEmpty();

        engine.setState("ward", ZoneState.OPEN);
        assertThat(ended(move(DELIVERY, 5, 7))).extracting(Violation::rule)
                .containsExactly(ViolationRule.DISINFECTION_ZONE_CLOSED);
    }

    @Test
    void uvcLampOnOutsideAClosedDisinfectionZoneIsAViolation() {
        engine.put(new Zone("ward", null, SITE, LEVEL, rectangle(0, 0, 10, 10), ZoneKind.DISINFECTION,
                ZoneState.CLOSED, ZoneRules.NONE));
        assertThat(started(move(DISINFECTOR, 5, 5, 0.2, true))).as("lamp on inside the closed zone").isEmpty();

        Violation v = started(move(DISINFECTOR, 15, 5, 0.2, true)).get(0);
        assertThat(v.rule()).isEqualTo(ViolationRule.UVC_LAMP_OUTSIDE_CLOSED_ZONE);
        assertThat(v.zoneId()).isNull();
        assertThat(ended(move(DISINFECTOR, 16, 5, 0.2, false))).extracting(Violation::rule)
                .containsExactly(ViolationRule.UVC_LAMP_OUTSIDE_CLOSED_ZONE);

        engine.setState("ward", ZoneState.OPEN);
        assertThat(started(move(DISINFECTOR, 5, 5, 0.2, true))).as("lamp on in an open zone")
                .extracting(Violation::rule).containsExactly(ViolationRule.UVC_LAMP_OUTSIDE_CLOSED_ZONE);
    }

    @Test
    void secondRobotEnteringAZoneLimitedToOneIsAViolationAndLeavingClearsIt() {
        engine.put(zone("corridor", ZoneKind.SPEED_LIMIT, rectangle(0, 0, 20, 2), ZoneRules.NONE.withMaxRobots(1)));
        assertThat(started(move(DELIVERY, 5, 1))).isEmpty();
        assertThat(engine.occupants("corridor")).containsExactly("d1");

        Violation v = started(move(SERVING, 15, 1)).get(0);
        assertThat(v.rule()).isEqualTo(ViolationRule.OCCUPANCY_EXCEEDED);
        assertThat(v.robot()).isEqualTo("s1");
        assertThat(v.zoneId()).isEqualTo("corridor");
        assertThat(v.measured()).isEqualTo(2);
        assertThat(v.limit()).isEqualTo(1);
        assertThat(started(move(DELIVERY, 6, 1))).as("the first robot holds the zone").isEmpty();

        Evaluation leaving = move(SERVING, 15, 5);
        assertThat(ended(leaving)).extracting(Violation::rule).containsExactly(ViolationRule.OCCUPANCY_EXCEEDED);
        assertThat(engine.occupants("corridor")).containsExactly("d1");
    }

    @Test
    void robotOverTheLimitIsClearedAtItsNextUpdateOnceTheHolderLeaves() {
        engine.put(zone("corridor", ZoneKind.SPEED_LIMIT, rectangle(0, 0, 20, 2), ZoneRules.NONE.withMaxRobots(1)));
        move(DELIVERY, 5, 1);
        assertThat(started(move(SERVING, 15, 1))).hasSize(1);
        move(DELIVERY, 5, 5);
        assertThat(ended(move(SERVING, 15, 1.5))).extracting(Violation::rule)
                .containsExactly(ViolationRule.OCCUPANCY_EXCEEDED);
    }

    @Test
    void scheduledZoneIsEnforcedInsideItsWindowAndIgnoredOutside() {
        WeeklySchedule officeHours = new WeeklySchedule(List.of(
                new WeeklySchedule.Window(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(18, 0))));
        engine.put(zone("lobby", ZoneKind.KEEP_OUT, rectangle(0, 0, 10, 10), ZoneRules.NONE.withSchedule(officeHours)));

        clock = TestZones.at(10, 0).minusSeconds(1);
        Evaluation morning = move(DELIVERY, 5, 5);
        assertThat(started(morning)).extracting(Violation::rule).containsExactly(ViolationRule.KEEP_OUT_ENTERED);
        assertThat(morning.zonesInside()).containsExactly("lobby");

        clock = TestZones.at(20, 0).minusSeconds(1);
        Evaluation evening = move(SERVING, 5, 5);
        assertThat(evening.events()).isEmpty();
        assertThat(evening.zonesInside()).isEmpty();
    }

    @Test
    void zoneBecomingInactiveWhileARobotIsInsideEndsItsViolation() {
        WeeklySchedule untilSix = new WeeklySchedule(List.of(
                new WeeklySchedule.Window(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(18, 0))));
        engine.put(zone("lobby", ZoneKind.KEEP_OUT, rectangle(0, 0, 10, 10), ZoneRules.NONE.withSchedule(untilSix)));
        clock = TestZones.at(17, 59);
        assertThat(started(move(DELIVERY, 5, 5))).hasSize(1);
        clock = TestZones.at(18, 0);
        Evaluation after = move(DELIVERY, 5, 5);
        assertThat(ended(after)).hasSize(1);
        assertThat(events(after, ZoneExited.class)).hasSize(1);
    }

    @Test
    void goneRobotExitsItsZonesAndEndsItsViolations() {
        engine.put(zone("kitchen", ZoneKind.KEEP_OUT, rectangle(0, 0, 10, 10), ZoneRules.NONE.withMaxRobots(3)));
        move(DELIVERY, 5, 5);
        List<GeofenceEvent> gone = engine.robotGone("d1", clock.plusSeconds(30));
        assertThat(gone).extracting(e -> e.getClass().getSimpleName()).containsExactly("ZoneExited", "ViolationEnded");
        assertThat(((ViolationEnded) gone.get(1)).violation().end()).isEqualTo(clock.plusSeconds(30));
        assertThat(engine.occupants("kitchen")).isEmpty();
        assertThat(engine.robotGone("d1", clock)).as("already gone").isEmpty();
    }

    @Test
    void removedZoneIsExitedAndItsViolationEndsAtTheNextUpdate() {
        engine.put(zone("kitchen", ZoneKind.KEEP_OUT, rectangle(0, 0, 10, 10)));
        move(DELIVERY, 5, 5);
        assertThat(engine.remove("kitchen")).isTrue();
        Evaluation e = move(DELIVERY, 5, 6);
        assertThat(events(e, ZoneExited.class)).extracting(ZoneExited::zoneId).containsExactly("kitchen");
        assertThat(ended(e)).hasSize(1);
        assertThat(engine.remove("kitchen")).isFalse();
    }

    @Test
    void robotChangingLevelIsNotTreatedAsCrossingZonesOnTheWay() {
        engine.put(zone("cable", ZoneKind.KEEP_OUT, rectangle(5, 0, 5.1, 10)));
        move(DELIVERY, 4, 5);
        clock = clock.plusSeconds(1);
        engine.evaluate(new RobotUpdate("d1", "DELIVERY", "acme", "L2", 6, 5, 0.5, null, false, clock, null));
        clock = clock.plusSeconds(1);
        Evaluation back = engine.evaluate(new RobotUpdate("d1", "DELIVERY", "acme", LEVEL, 6, 5, 0.5, null, false,
                clock, null));
        assertThat(back.events()).isEmpty();
    }

    @Test
    void editsSwapTheZoneSetWithoutDisturbingASnapshotInUse() {
        engine.put(zone("a", ZoneKind.SPEED_LIMIT, rectangle(0, 0, 10, 10)));
        var snapshot = engine.zones();
        engine.put(zone("b", ZoneKind.SPEED_LIMIT, rectangle(20, 0, 30, 10)));
        engine.remove("a");
        assertThat(snapshot.zones()).extracting(Zone::id).containsExactly("a");
        assertThat(engine.zones().zones()).extracting(Zone::id).containsExactly("b");
    }

    @Test
    void zoneOfAnotherSiteIsRefusedAndChangesNothing() {
        engine.put(zone("a", ZoneKind.SPEED_LIMIT, rectangle(0, 0, 10, 10)));
        Zone foreign = new Zone("x", null, "busan", LEVEL, rectangle(0, 0, 1, 1), ZoneKind.KEEP_OUT, null, null);
        assertThatThrownBy(() -> engine.replaceAll(List.of(foreign)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x'").hasMessageContaining("busan");
        assertThat(engine.zones().zones()).extracting(Zone::id).containsExactly("a");
    }

    @Test
    void settingAStateOnAZoneThatIsNotForDisinfectionIsRefused() {
        engine.put(zone("a", ZoneKind.SPEED_LIMIT, rectangle(0, 0, 10, 10)));
        assertThatThrownBy(() -> engine.setState("a", ZoneState.CLOSED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DISINFECTION");
        assertThatThrownBy(() -> engine.setState("nope", ZoneState.CLOSED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nope'");
        assertThat(engine.zones().zone("a").orElseThrow().state()).isNull();
    }
}
