package dev.provingground.geofence.route;

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
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.provingground.geofence.GeofenceConfig;
import dev.provingground.geofence.Position;
import dev.provingground.geofence.TestZones;
import dev.provingground.geofence.WeeklySchedule;
import dev.provingground.geofence.Zone;
import dev.provingground.geofence.ZoneKind;
import dev.provingground.geofence.ZoneRules;
import dev.provingground.geofence.ZoneState;
import dev.provingground.geofence.index.ZoneSet;
import java.util.stream.IntStream;

class RouteCheckerTest {

    private final RouteChecker checker = new RouteChecker(GeofenceConfig.defaults(), TIME_ZONE);
    private static final RobotTraits DELIVERY = new RobotTraits("d1", "DELIVERY", "acme", null);

    private static List<Position> path(double... xy) {
        return IntStream.range(0, xy.length / 2).mapToObj(i -> new Position(xy[2 * i], xy[2 * i + 1]))
                .toList();
    }

    @Test
    void routeThroughAKeepOutIsForbiddenOnTheStretchInside() {
        ZoneSet zones = ZoneSet.of(List.of(zone("kitchen", ZoneKind.KEEP_OUT, rectangle(4, -1, 6, 1))));
        RouteCheck check = checker.check(zones, LEVEL, path(0, 0, 10, 0), DELIVERY, MONDAY_10);

        assertThat(check.forbidden()).isTrue();
        assertThat(check.zonesCrossed()).containsExactly("kitchen");
        assertThat(check.segments()).hasSize(3);
        RouteSegment inside = check.segments().get(1);
        assertThat(inside.from().x()).isCloseTo(4, within(1e-9));
        assertThat(inside.to().x()).isCloseTo(6, within(1e-9));
        assertThat(inside.forbidden()).isTrue();
        assertThat(inside.reason()).contains("keep-out zone 'kitchen'");
        assertThat(check.segments().get(0).forbidden()).isFalse();
        assertThat(check.segments().get(2).zoneIds()).isEmpty();
    }

    @Test
    void speedLimitIsGivenForEachPartOfTheRoute() {
        ZoneSet zones = ZoneSet.of(List.of(
                zone("hall", ZoneKind.SPEED_LIMIT, rectangle(0, -5, 20, 5), ZoneRules.NONE.withMaxSpeed(1.5)),
                zone("door", ZoneKind.CAUTION, rectangle(8, -1, 12, 1), ZoneRules.NONE.withMaxSpeed(0.4))));
        RobotTraits capped = new RobotTraits("c1", "DELIVERY", "acme", 1.2);
        RouteCheck check = checker.check(zones, LEVEL, path(-5, 0, 10, 0, 25, 0), capped, MONDAY_10);

        assertThat(check.forbidden()).isFalse();
        assertThat(check.segments()).extracting(RouteSegment::speedLimit)
                .containsExactly(1.2, 1.2, 0.4, 0.4, 1.2, 1.2);
        assertThat(check.segments()).extracting(s -> s.zoneIds())
                .containsExactly(List.of(), List.of("hall"), List.of("door", "hall"), List.of("door", "hall"),
                        List.of("hall"), List.of());
        double total = check.segments().stream().mapToDouble(RouteSegment::length).sum();
        assertThat(total).isCloseTo(30, within(1e-9));
    }

    @Test
    void closedDisinfectionZoneForbidsOtherRobotsButNotTheDisinfectionRobot() {
        ZoneSet zones = ZoneSet.of(List.of(new Zone("ward", null, SITE, LEVEL, rectangle(4, -1, 6, 1),
                ZoneKind.DISINFECTION, ZoneState.CLOSED, ZoneRules.NONE)));
        assertThat(checker.check(zones, LEVEL, path(0, 0, 10, 0), DELIVERY, MONDAY_10).forbidden()).isTrue();
        RobotTraits disinfector = new RobotTraits("uv", "disinfection", "cleanco", null);
        assertThat(checker.check(zones, LEVEL, path(0, 0, 10, 0), disinfector, MONDAY_10).forbidden()).isFalse();
    }

    @Test
    void leavingTheOperatingAreaIsForbidden() {
        ZoneSet zones = ZoneSet.of(List.of(zone("floor", ZoneKind.OPERATING_AREA, rectangle(0, -5, 10, 5))));
        RouteCheck check = checker.check(zones, LEVEL, path(5, 0, 15, 0), DELIVERY, MONDAY_10);
        assertThat(check.forbiddenSegments()).singleElement().satisfies(s -> {
            assertThat(s.from().x()).isCloseTo(10, within(1e-9));
            assertThat(s.reason()).contains("outside every operating area");
        });
    }

    @Test
    void crosswalkNotAdmittingTheRobotsKindIsForbidden() {
        ZoneSet zones = ZoneSet.of(List.of(zone("crossing", ZoneKind.CROSSWALK, rectangle(4, -3, 6, 3),
                ZoneRules.NONE.withRobotKinds(Set.of("SERVING")))));
        RouteCheck check = checker.check(zones, LEVEL, path(0, 0, 10, 0), DELIVERY, MONDAY_10);
        assertThat(check.forbiddenSegments()).singleElement()
                .satisfies(s -> assertThat(s.reason()).contains("does not admit robots of kind 'DELIVERY'"));
    }

    @Test
    void zoneOutsideItsScheduleDoesNotForbidTheRoute() {
        WeeklySchedule nights = new WeeklySchedule(List.of(
                new WeeklySchedule.Window(DayOfWeek.MONDAY, LocalTime.of(22, 0), LocalTime.of(6, 0))));
        ZoneSet zones = ZoneSet.of(List.of(zone("kitchen", ZoneKind.KEEP_OUT, rectangle(4, -1, 6, 1),
                ZoneRules.NONE.withSchedule(nights))));
        assertThat(checker.check(zones, LEVEL, path(0, 0, 10, 0), DELIVERY, MONDAY_10).forbidden()).isFalse();
        assertThat(checker.check(zones, LEVEL, path(0, 0, 10, 0), DELIVERY, TestZones.at(23, 0)).forbidden()).isTrue();
    }

    @Test
    void routeOnALevelWithoutZonesIsOneFreeStretchPerLeg() {
        RouteCheck check = checker.check(ZoneSet.empty(), "L7", path(0, 0, 3, 4, 3, 4, 6, 8), DELIVERY, MONDAY_10);
        assertThat(check.segments()).hasSize(2);
        assertThat(check.segments()).allSatisfy(s -> {
            assertThat(s.forbidden()).isFalse();
            assertThat(s.speedLimit()).isNull();
            assertThat(s.length()).isCloseTo(5, within(1e-12));
        });
    }

    @Test
    void routeOfFewerThanTwoPointsIsRefused() {
        assertThatThrownBy(() -> checker.check(ZoneSet.empty(), LEVEL, path(1, 1), DELIVERY, MONDAY_10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 points, got 1");
        assertThatThrownBy(() -> checker.check(ZoneSet.empty(), LEVEL, List.of(new Position(0, 0),
                new Position(Double.NaN, 1)), DELIVERY, MONDAY_10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("route[1]");
    }
}
