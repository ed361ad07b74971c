package dev.provingground.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The demo site that {@code sim} ships: it must be valid, complete and drivable. */
class DemoSiteTest {

    private static final Site DEMO = SiteFormat.read(SiteFixtures.DEMO_SITE);
    private static final SiteGraph GRAPH = new SiteGraph(DEMO);
    private static final List<String> INDOOR = List.of("L1", "L2", "L3");

    @Test
    void theDemoSiteIsABuildingInSeoulWithThreeIndoorLevelsAndTheStreetOutside() {
        assertThat(DEMO.id()).isEqualTo("demo");
        assertThat(DEMO.timeZone()).isEqualTo(ZoneId.of("Asia/Seoul"));
        assertThat(DEMO.geoAnchor()).isNotNull();
        assertThat(DEMO.levelIds()).containsExactlyInAnyOrder("L1", "L2", "L3", "OUT");
        for (int floor = 1; floor <= 3; floor++) {
            Level level = DEMO.level("L" + floor).orElseThrow();
            assertThat(level.floor()).isEqualTo(floor);
            assertThat(level.outdoor()).isFalse();
            assertThat(level.waypoints()).hasSizeBetween(25, 40);
        }
        Level out = DEMO.level("OUT").orElseThrow();
        assertThat(out.outdoor()).isTrue();
        assertThat(out.floor()).isZero();
    }

    @Test
    void indoorWaypointsLieInsideTheSixtyByThirtyMetreFootprint() {
        for (String levelId : INDOOR) {
            assertThat(DEMO.level(levelId).orElseThrow().waypoints()).allSatisfy(w -> {
                assertThat(w.x()).isBetween(0.0, 60.0);
                assertThat(w.y()).isBetween(0.0, 30.0);
            });
        }
    }

    @Test
    void twoElevatorCarsServeL1ToL3WithDoorsOnTheCorridorGraph() {
        Map<String, String> aPlacePerLevel = Map.of("L1", "lobby-desk", "L2", "mail-room", "L3", "nurse-station");
        List<ElevatorCar> cars = DEMO.elevatorCars();

        assertThat(cars).hasSize(2);
        for (ElevatorCar car : cars) {
            assertThat(car.levels()).containsExactly("L1", "L2", "L3");
            assertThat(car.serves("L2")).isTrue();
            assertThat(car.serves("OUT")).isFalse();
            assertThat(car.doorWaypoints()).containsOnlyKeys(INDOOR);
            car.doorWaypoints().forEach((level, door) -> {
                assertThat(DEMO.levelOf(door).map(Level::id)).contains(level);
                assertThat(GRAPH.shortestPath(door, placeWaypoint(aPlacePerLevel.get(level))))
                        .as("route from the %s door %s into the corridors", car.id(), door).isPresent();
            });
        }
    }

    @Test
    void everyLevelHasAChargerAndTheStreetOneAtThePickupPoint() {
        for (String levelId : DEMO.levelIds()) {
            assertThat(DEMO.chargers()).as("chargers on %s", levelId).anyMatch(c -> c.level().equals(levelId));
        }
        Waypoint pickup = DEMO.waypoint(placeWaypoint("entrance-pickup")).orElseThrow();
        assertThat(DEMO.chargers()).filteredOn(c -> c.level().equals("OUT"))
                .anyMatch(c -> DEMO.waypoint(c.waypoint()).orElseThrow().distanceTo(pickup) < 5);
    }

    @Test
    void theDemoHasThePlacesTheScenariosUse() {
        List<String> expected = new ArrayList<>();
        IntStream.rangeClosed(1, 8).forEach(n -> expected.add("table-" + n));
        IntStream.rangeClosed(201, 206).forEach(n -> expected.add("office-" + n));
        IntStream.rangeClosed(301, 304).forEach(n -> expected.add("ward-" + n));
        expected.addAll(List.of("kitchen-pass", "lobby-desk", "main-entrance", "mail-room", "treatment-room",
                "nurse-station", "disinfection-store", "entrance-pickup", "cafe-across", "convenience-store"));

        assertThat(DEMO.places()).extracting(Place::name).containsAll(expected);
        assertThat(DEMO.place("table-3").map(Place::level)).contains("L1");
        assertThat(DEMO.place("office-204").map(Place::level)).contains("L2");
        assertThat(DEMO.place("ward-302").map(Place::level)).contains("L3");
        assertThat(DEMO.place("cafe-across").map(Place::level)).contains("OUT");
    }

    @Test
    void everyPlaceChargerAndElevatorDoorIsReachableFromEveryOtherOnItsLevel() {
        for (Level level : DEMO.levels()) {
            List<String> stops = Stream.of(
                            DEMO.places().stream().filter(p -> p.level().equals(level.id())).map(Place::waypoint),
                            DEMO.chargers().stream().filter(c -> c.level().equals(level.id())).map(Charger::waypoint),
                            DEMO.elevatorCars().stream().map(car -> car.doorWaypoints().get(level.id())).filter(w -> w != null))
                    .flatMap(s -> s).distinct().toList();
            assertThat(stops).as("stops on %s", level.id()).hasSizeGreaterThan(2);
            for (String from : stops) {
                for (String to : stops) {
                    assertThat(GRAPH.shortestPath(from, to)).as("path %s → %s", from, to).isPresent();
                }
            }
        }
    }

    @Test
    void theRestaurantServingLoopIsOneWaySoReturningToThePassGoesAroundTheTables() {
        String pass = placeWaypoint("kitchen-pass");
        List<Waypoint> out = GRAPH.shortestPath(pass, "L1-r-nw").orElseThrow();
        List<Waypoint> back = GRAPH.shortestPath("L1-r-nw", pass).orElseThrow();

        assertThat(back).extracting(Waypoint::id).containsExactly("L1-r-nw", pass);
        assertThat(out).extracting(Waypoint::id).contains("L1-r-ne", "L1-r-door", "L1-r-w");
        assertThat(GRAPH.length(out)).isGreaterThan(3 * GRAPH.length(back));
    }

    @Test
    void theDisinfectionStoreIsEnteredOnlyByItsSoiledDoorAndLeftOnlyByItsCleanDoor() {
        String store = placeWaypoint("disinfection-store");
        List<String> in = ids(GRAPH.shortestPath("L3-c16", store).orElseThrow());
        List<String> out = ids(GRAPH.shortestPath(store, "L3-c06").orElseThrow());

        assertThat(in).contains("L3-store-in").doesNotContain("L3-store-out");
        assertThat(out).contains("L3-store-out").doesNotContain("L3-store-in");
    }

    @Test
    void theStreetHasAHundredAndFiftyMetresOfSidewalkAndACrosswalkToTheShopsOpposite() {
        Level out = DEMO.level("OUT").orElseThrow();
        List<Waypoint> sidewalk = out.lanes().stream().filter(l -> l.kind() == LaneKind.SIDEWALK)
                .flatMap(l -> Stream.of(l.from(), l.to())).map(id -> out.waypoint(id).orElseThrow()).toList();
        double span = sidewalk.stream().mapToDouble(Waypoint::x).max().orElseThrow()
                - sidewalk.stream().mapToDouble(Waypoint::x).min().orElseThrow();
        assertThat(span).isCloseTo(150.0, within(10.0));

        List<Waypoint> toCafe = GRAPH.shortestPath(placeWaypoint("entrance-pickup"), placeWaypoint("cafe-across")).orElseThrow();
        boolean crossesTheStreet = IntStream.range(1, toCafe.size()).anyMatch(i ->
                GRAPH.lane(toCafe.get(i - 1).id(), toCafe.get(i).id()).orElseThrow().kind() == LaneKind.CROSSWALK);
        assertThat(crossesTheStreet).isTrue();
    }

    @Test
    void theMainEntranceLinksTheLobbyToThePickupPointJustOutside() {
        String entrance = placeWaypoint("main-entrance");
        String pickup = placeWaypoint("entrance-pickup");

        assertThat(DEMO.passages()).anySatisfy(p -> {
            assertThat(p.from()).isEqualTo(entrance);
            assertThat(p.to()).isEqualTo(pickup);
            assertThat(p.oneWay()).isFalse();
        });
        // All demo levels share one frame, so the two sides of the door are close in x/y too.
        assertThat(DEMO.waypoint(entrance).orElseThrow().distanceTo(DEMO.waypoint(pickup).orElseThrow())).isLessThan(5);
    }

    @Test
    void narrowLanesHaveSpeedLimitsAndSomeLanesAreOneWay() {
        for (String levelId : INDOOR) {
            assertThat(DEMO.level(levelId).orElseThrow().lanes()).as("lanes of %s", levelId)
                    .filteredOn(l -> l.speedLimit() != null).hasSizeGreaterThanOrEqualTo(2);
        }
        assertThat(DEMO.levels()).flatExtracting(Level::lanes).filteredOn(Lane::oneWay).isNotEmpty();
    }

    private static String placeWaypoint(String place) {
        return DEMO.place(place).orElseThrow().waypoint();
    }

    private static List<String> ids(List<Waypoint> path) {
        return path.stream().map(Waypoint::id).toList();
    }
}
