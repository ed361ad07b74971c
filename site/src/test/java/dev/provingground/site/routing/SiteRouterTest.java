package dev.provingground.site.routing;

import static dev.provingground.site.routing.DemoSiteRouting.DELIVERY;
import static dev.provingground.site.routing.DemoSiteRouting.DELIVERY_WITHOUT_ELEVATORS;
import static dev.provingground.site.routing.DemoSiteRouting.DEMO_ZONES;
import static dev.provingground.site.routing.DemoSiteRouting.MONDAY_10;
import static dev.provingground.site.routing.DemoSiteRouting.SITE;
import static dev.provingground.site.routing.DemoSiteRouting.at;
import static dev.provingground.site.routing.DemoSiteRouting.rectangle;
import static dev.provingground.site.routing.DemoSiteRouting.router;
import static dev.provingground.site.routing.DemoSiteRouting.routing;
import static dev.provingground.site.routing.DemoSiteRouting.zone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.provingground.geofence.GeofenceConfig;
import dev.provingground.geofence.WeeklySchedule;
import dev.provingground.geofence.Zone;
import dev.provingground.geofence.ZoneKind;
import dev.provingground.geofence.ZoneRules;
import dev.provingground.geofence.ZoneState;
import dev.provingground.geofence.index.ZoneSet;
import dev.provingground.site.Level;
import dev.provingground.site.Place;
import dev.provingground.site.SiteGraph;

/** Routing on the demo building: three floors, two elevators, the street outside, and the zones sim ships. */
class SiteRouterTest {

    private static final SiteGraph LANES = new SiteGraph(SITE);
    private static final String LOBBY = "L1-lobby";
    /** Between the lobby and the hall on L1: the direct way from the entrance to the elevators. */
    private static final Zone LOBBY_TO_HALL_KEEP_OUT = zone("lobby-works", "L1", ZoneKind.KEEP_OUT,
            rectangle(30, 12, 32, 14), ZoneRules.NONE);

    @Test
    void everyPlaceAndChargerIsReachableFromTheLobbyForAnElevatorCapableRobot() {
        SiteRouter router = router(DEMO_ZONES, DELIVERY);

        for (Place place : SITE.places()) {
            assertThat(router.route(LOBBY, place.waypoint())).as(place.name()).isPresent();
        }
        SITE.chargers().forEach(c -> assertThat(router.seconds(LOBBY, c.waypoint())).as(c.name()).isFinite());
        assertThat(router.route(LOBBY, "L3-treatment").orElseThrow().elevatorCars()).hasSize(1);
    }

    @Test
    void robotWithoutElevatorsReachesTheGroundFloorAndTheStreetButNoUpperFloor() {
        SiteRouter router = router(DEMO_ZONES, DELIVERY_WITHOUT_ELEVATORS);

        for (Place place : SITE.places()) {
            boolean upstairs = place.level().equals("L2") || place.level().equals("L3");
            assertThat(router.route(LOBBY, place.waypoint()).isPresent()).as(place.name()).isEqualTo(!upstairs);
        }
        assertThat(router.route(LOBBY, "OUT-cafe").orElseThrow().legs())
                .anySatisfy(leg -> assertThat(leg).isInstanceOf(Leg.PassageCrossing.class))
                .noneSatisfy(leg -> assertThat(leg).isInstanceOf(Leg.ElevatorRide.class));
    }

    @Test
    void oneWayLanesAreOnlyDrivenInTheirDirection() {
        SiteRouter router = router(DEMO_ZONES, DELIVERY);

        // The serving loop runs pass → north-east → door → aisle → west → north-west → pass, never backwards.
        Route aroundTheLoop = router.route("L1-pass", "L1-r-nw").orElseThrow();
        assertThat(aroundTheLoop.waypoints()).containsSubsequence("L1-pass", "L1-r-ne", "L1-r-door", "L1-aisle-1",
                "L1-r-w", "L1-r-nw");
        // The clinic store is a one-way loop too: leaving it goes on through the clean side.
        assertThat(router.route("L3-store", "L3-c06").orElseThrow().waypoints())
                .containsSubsequence("L3-store", "L3-store-clean", "L3-store-out", "L3-c16", "L3-c06");
        for (Place place : SITE.places()) {
            for (Leg leg : router.route("L1-pass", place.waypoint()).orElseThrow().legs()) {
                if (leg instanceof Leg.Drive drive) {
                    List<String> w = drive.waypoints();
                    for (int i = 1; i < w.size(); i++) {
                        assertThat(LANES.lane(w.get(i - 1), w.get(i))).as(w.get(i - 1) + " -> " + w.get(i)).isPresent();
                    }
                }
            }
        }
    }

    @Test
    void keepOutOverTheLobbyCorridorForcesADetourThroughTheWestHall() {
        Route direct = router(ZoneSet.empty(), DELIVERY).route("L1-entrance", "L1-e2").orElseThrow();
        Route detour = router(ZoneSet.of(List.of(LOBBY_TO_HALL_KEEP_OUT)), DELIVERY).route("L1-entrance", "L1-e2").orElseThrow();

        assertThat(direct.waypoints()).containsExactly("L1-entrance", "L1-lobby", "L1-hall", "L1-e2");
        assertThat(detour.waypoints()).containsExactly("L1-entrance", "L1-lobby", "L1-lobby-w", "L1-hall-w",
                "L1-hall", "L1-e2");
        assertThat(detour.seconds()).isCloseTo(direct.seconds() + (7 + 7.5 + 7 - 7.5) / 1.2, within(1e-9));
    }

    @Test
    void keepOutAcrossTheOnlyCorridorToTheEastWingMakesItUnreachable() {
        Zone blocked = zone("east-wing-works", "L1", ZoneKind.KEEP_OUT, rectangle(43, 16, 44, 18), ZoneRules.NONE);
        SiteRouter router = router(DEMO_ZONES.with(blocked), DELIVERY);

        assertThat(router.route(LOBBY, "L1-parcel")).isEmpty();
        assertThat(router.seconds(LOBBY, "L1-charger")).isInfinite();
        assertThat(router.secondsFrom(LOBBY)[router.waypointIndex("L1-c42")]).isFinite();
        assertThat(router.excludedLaneCount()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void speedLimitZoneMakesARouteSlower() {
        Zone slow = zone("entrance-hall", "L1", ZoneKind.SPEED_LIMIT, rectangle(30, 3, 32, 5),
                ZoneRules.NONE.withMaxSpeed(0.4));
        double free = router(ZoneSet.empty(), DELIVERY).seconds("L1-entrance", LOBBY);
        double limited = router(ZoneSet.of(List.of(slow)), DELIVERY).seconds("L1-entrance", LOBBY);

        // The 8 m lane is driven at the lowest limit along it: an order edge has one maxSpeed.
        assertThat(free).isCloseTo(8 / 1.2, within(1e-9));
        assertThat(limited).isCloseTo(8 / 0.4, within(1e-9));
    }

    @Test
    void zoneBindingAnotherKindOfRobotDoesNotSlowThisOne() {
        Zone slowForServing = zone("entrance-hall", "L1", ZoneKind.SPEED_LIMIT, rectangle(30, 3, 32, 5),
                ZoneRules.NONE.withMaxSpeed(0.4).withRobotKinds(Set.of("serving")));
        SiteRouting routing = routing(ZoneSet.of(List.of(slowForServing)));

        assertThat(routing.router(DELIVERY, MONDAY_10).seconds("L1-entrance", LOBBY)).isCloseTo(8 / 1.2, within(1e-9));
        RobotClass serving = new RobotClass("SERVING", "acme", 1.2, true);
        assertThat(routing.router(serving, MONDAY_10).seconds("L1-entrance", LOBBY)).isCloseTo(8 / 0.4, within(1e-9));
        // A faster robot of the same kind and firm reuses the lane checks already made.
        routing.router(new RobotClass("delivery", "acme", 2.0, false), MONDAY_10);
        assertThat(routing.laneCheckCount()).isEqualTo(2);
    }

    @Test
    void routeCostIsTheSumOfItsLegsAndAgreesWithEveryOtherQuery() {
        SiteRouter router = router(DEMO_ZONES, DELIVERY);
        Route route = router.route("L1-pass", "L3-303").orElseThrow();

        assertThat(route.legs()).extracting(leg -> leg.getClass().getSimpleName())
                .containsExactly("Drive", "ElevatorRide", "Drive");
        Leg.ElevatorRide ride = (Leg.ElevatorRide) route.legs().get(1);
        assertThat(ride.fromLevel()).isEqualTo("L1");
        assertThat(ride.toLevel()).isEqualTo("L3");
        assertThat(ride.seconds()).isEqualTo(30 + 2 * 3 + 10);
        assertThat(route.legs().stream().mapToDouble(Leg::seconds).sum()).isCloseTo(route.seconds(), within(1e-9));
        for (int i = 1; i < route.legs().size(); i++) {
            assertThat(route.legs().get(i).fromWaypoint()).isEqualTo(route.legs().get(i - 1).toWaypoint());
        }
        assertThat(router.seconds("L1-pass", "L3-303")).isEqualTo(route.seconds());
        assertThat(router.secondsFrom("L1-pass")[router.waypointIndex("L3-303")]).isCloseTo(route.seconds(), within(1e-9));
        assertThat(router.secondsTo("L3-303")[router.waypointIndex("L1-pass")]).isCloseTo(route.seconds(), within(1e-9));
    }

    @Test
    void routeBetweenFloorsCostsItsDrivesAtTheirLimitsPlusTheExpectedRide() {
        Route route = router(ZoneSet.empty(), DELIVERY).route(LOBBY, "L2-201").orElseThrow();

        double doorToCorridor = Math.hypot(2.5, 5.5);
        double atFullSpeed = (7.5 + doorToCorridor + doorToCorridor + 7 + 8 + 10 + 4.5) / 1.2;
        double throughTheDoorway = 2.5 / 0.5; // DOORWAY lane into office 201 at 0.5 m/s
        double ride = 30 + 1 * 3 + 10;
        assertThat(route.seconds()).isCloseTo(atFullSpeed + throughTheDoorway + ride, within(1e-9));
        assertThat(route.waypoints()).startsWith(LOBBY, "L1-hall").endsWith("L2-c06", "L2-201-door", "L2-201");
    }

    @Test
    void elevatorTimingPerCarSteersTheChoiceOfCar() {
        RoutingConfig slowPassengerLift = RoutingConfig.defaults().withCarTiming("E1-A", new ElevatorTiming(300, 3, 10));
        RoutingConfig slowServiceLift = RoutingConfig.defaults().withCarTiming("E2-A", new ElevatorTiming(300, 3, 10));
        GeofenceConfig geofence = GeofenceConfig.defaults();

        Route viaService = SiteRouter.build(SITE, ZoneSet.empty(), geofence, slowPassengerLift, DELIVERY, MONDAY_10)
                .route(LOBBY, "L2-mail").orElseThrow();
        Route viaPassenger = SiteRouter.build(SITE, ZoneSet.empty(), geofence, slowServiceLift, DELIVERY, MONDAY_10)
                .route(LOBBY, "L2-mail").orElseThrow();

        assertThat(viaService.elevatorCars()).containsExactly("E2-A");
        assertThat(viaPassenger.elevatorCars()).containsExactly("E1-A");
        assertThat(viaService.seconds()).isCloseTo(viaPassenger.seconds(), within(1e-9));
    }

    @Test
    void carsNotServingAreLeftOutAndWithoutAnyCarTheUpperFloorsAreOutOfReach() {
        SiteRouting routing = routing(ZoneSet.empty());

        Route withoutPassengerLift = routing.router(DELIVERY, MONDAY_10, Set.of("E1-A")).route(LOBBY, "L2-mail").orElseThrow();
        assertThat(withoutPassengerLift.elevatorCars()).containsExactly("E2-A");

        SiteRouter noCars = routing.router(DELIVERY, MONDAY_10, Set.of("E1-A", "E2-A"));
        assertThat(noCars.route(LOBBY, "L2-mail")).isEmpty();
        assertThat(noCars.route(LOBBY, "L1-entrance")).as("the ground floor needs no car").isPresent();
    }

    @Test
    void zoneInForceFromNineToSixAffectsARoutePlannedAtTenButNotAtEight() {
        List<WeeklySchedule.Window> nineToSix = Arrays.stream(DayOfWeek.values())
                .map(d -> new WeeklySchedule.Window(d, LocalTime.of(9, 0), LocalTime.of(18, 0))).toList();
        Zone daytimeWorks = LOBBY_TO_HALL_KEEP_OUT.withRules(ZoneRules.NONE.withSchedule(new WeeklySchedule(nineToSix)));
        SiteRouting routing = routing(ZoneSet.of(List.of(daytimeWorks)));

        Route atTen = routing.router(DELIVERY, at(10, 0)).route("L1-entrance", "L1-e2").orElseThrow();
        Route atEight = routing.router(DELIVERY, at(20, 0)).route("L1-entrance", "L1-e2").orElseThrow();

        assertThat(atTen.waypoints()).contains("L1-hall-w");
        assertThat(atEight.waypoints()).containsExactly("L1-entrance", "L1-lobby", "L1-hall", "L1-e2");
        assertThat(atTen.seconds()).isGreaterThan(atEight.seconds());
    }

    @Test
    void routerSaysItMustBeRebuiltAtTheNextScheduleBoundaryOrAfterAZoneEdit() {
        List<WeeklySchedule.Window> nineToSix = Arrays.stream(DayOfWeek.values())
                .map(d -> new WeeklySchedule.Window(d, LocalTime.of(9, 0), LocalTime.of(18, 0))).toList();
        ZoneSet zones = ZoneSet.of(List.of(
                LOBBY_TO_HALL_KEEP_OUT.withRules(ZoneRules.NONE.withSchedule(new WeeklySchedule(nineToSix)))));
        SiteRouter router = routing(zones).router(DELIVERY, at(10, 0));

        assertThat(router.validFrom()).isEqualTo(at(9, 0));
        assertThat(router.validUntil()).isEqualTo(at(18, 0));
        assertThat(router.isCurrentFor(zones, at(17, 59))).isTrue();
        assertThat(router.isCurrentFor(zones, at(18, 0))).isFalse();
        assertThat(router.isCurrentFor(zones, at(8, 59))).isFalse();
        assertThat(router.isCurrentFor(zones.without("lobby-works"), at(11, 0))).isFalse();
        SiteRouter unscheduled = router(ZoneSet.of(List.of(LOBBY_TO_HALL_KEEP_OUT)), DELIVERY);
        assertThat(unscheduled.validUntil()).isEqualTo(Instant.MAX);
        assertThat(unscheduled.isCurrentFor(unscheduled.zones(), at(23, 0))).isTrue();
    }

    @Test
    void closingADisinfectionZoneShutsOutDeliveryRobotsButNotTheDisinfectionRobot() {
        Zone ward = DEMO_ZONES.zones().stream().filter(z -> z.kind() == ZoneKind.DISINFECTION).findFirst().orElseThrow();
        ZoneSet closed = DEMO_ZONES.with(ward.withState(ZoneState.CLOSED));
        SiteRouter openRouter = router(DEMO_ZONES, DELIVERY);
        SiteRouting routing = routing(closed);

        assertThat(openRouter.route(LOBBY, "L3-301")).isPresent();
        assertThat(openRouter.isCurrentFor(closed, MONDAY_10)).isFalse();
        assertThat(routing.router(DELIVERY, MONDAY_10).route(LOBBY, "L3-301")).isEmpty();
        RobotClass disinfector = new RobotClass("disinfection", "cleanco", 0.8, true);
        assertThat(routing.router(disinfector, MONDAY_10).route(LOBBY, "L3-301")).isPresent();
    }

    @Test
    void routeFromAWaypointToItselfIsEmptyAndFree() {
        Route stay = router(DEMO_ZONES, DELIVERY).route(LOBBY, LOBBY).orElseThrow();
        assertThat(stay.legs()).isEmpty();
        assertThat(stay.seconds()).isZero();
        assertThat(stay.waypoints()).containsExactly(LOBBY);
    }

    @Test
    void unknownWaypointIsRefusedWithItsName() {
        SiteRouter router = router(DEMO_ZONES, DELIVERY);
        assertThatThrownBy(() -> router.route(LOBBY, "L9-nowhere")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown waypoint L9-nowhere on site demo");
        assertThatThrownBy(() -> router.secondsTo(router.waypointCount())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("waypoint number " + router.waypointCount() + " is out of range");
    }

    @Test
    void timingForAnElevatorCarTheSiteDoesNotHaveIsRefused() {
        RoutingConfig config = RoutingConfig.defaults().withCarTiming("E9-Z", ElevatorTiming.DEFAULTS);
        assertThatThrownBy(() -> new SiteRouting(SITE, DEMO_ZONES, GeofenceConfig.defaults(), config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("routing carTiming: site demo has no elevator car 'E9-Z' (its cars: E1-A, E2-A)");
    }

    @Test
    void impossibleRobotSpeedsAndElevatorTimingsAreRefused() {
        assertThatThrownBy(() -> new RobotClass("delivery", "acme", 0, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("speedCap").hasMessageContaining("got 0.0");
        assertThatThrownBy(() -> new ElevatorTiming(-1, 3, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expectedWaitSeconds").hasMessageContaining("-1.0");
        assertThatThrownBy(() -> new RoutingConfig(ElevatorTiming.DEFAULTS, null, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("passageSeconds");
    }

    @Test
    void everyLevelOfTheDemoIsOnTheRouterAndEveryWaypointHasANumber() {
        SiteRouter router = router(DEMO_ZONES, DELIVERY);
        int waypoints = SITE.levels().stream().mapToInt(l -> l.waypoints().size()).sum();
        assertThat(router.waypointCount()).isEqualTo(waypoints);
        for (Level level : SITE.levels()) {
            level.waypoints().forEach(w -> assertThat(router.waypointId(router.waypointIndex(w.id()))).isEqualTo(w.id()));
        }
    }
}
