package dev.provingground.scenarios.tasks;

import dev.provingground.geofence.Zone;
import dev.provingground.scenarios.harness.EventTally;
import dev.provingground.scenarios.harness.LinkedCar;
import dev.provingground.scenarios.harness.LinkedRobot;
import dev.provingground.scenarios.harness.Simulation;
import dev.provingground.server.tasks.Task;
import dev.provingground.server.tasks.TaskProgress;
import dev.provingground.server.tasks.TaskStatus;
import dev.provingground.sim.demo.DemoFleet;
import dev.provingground.sim.demo.DemoSite;
import dev.provingground.sim.elevator.SimElevatorCar;
import dev.provingground.sim.elevator.SimElevatorSpec;
import dev.provingground.sim.robot.LiftDoors;
import dev.provingground.sim.robot.SimRobot;
import dev.provingground.sim.robot.SimRobotSpec;
import dev.provingground.site.ElevatorCar;
import dev.provingground.site.Site;
import dev.provingground.site.lift.LiftMode;
import dev.provingground.trackrecord.log.LogId;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance scenario of the demo building, in virtual time: eight robots of four firms, two elevators with
 * simulated passengers calling them, thirty mixed tasks across three floors, a fire alarm in the car that first carries
 * a robot — and the building's rules watched from the simulation's side after every step, not from the server's.
 */
final class ElevatorScenario {

    static final String WARD = "ward-301";
    static final Duration BUDGET = Duration.ofMinutes(45);

    /**
     * What one run came to, in terms two runs must agree on.
     *
     * @param tasks       per task in the order submitted: category, status, robot, attempts, seconds from start to end
     * @param events      events published, by type
     * @param logSizes    leaves of each track-record log
     * @param took        virtual time until the last task completed
     */
    record Outcome(List<String> tasks, Map<String, Integer> events, Map<String, Long> logSizes, Duration took,
                   List<String> breaches, List<String> fireDrills, Map<String, Integer> boardings,
                   List<String> rideCars) {
    }

    private final Simulation sim;
    private final Site site;
    private final List<String> breaches = new ArrayList<>();
    private final Map<String, Integer> boardings = new TreeMap<>();
    private final List<String> fireDrills = new ArrayList<>();
    private final EventTally tally = new EventTally();
    private final Set<String> completed = new HashSet<>();

    private ElevatorScenario(Simulation sim, Site site) {
        this.sim = sim;
        this.site = site;
    }

    static Outcome run(Path data) throws Exception {
        Site site = DemoSite.load();
        try (Simulation sim = Simulation.start(data, List.of(site))) {
            return new ElevatorScenario(sim, site).play();
        }
    }

    private Outcome play() {
        var start = sim.clock().instant();
        sim.onServer(() -> sim.server().events().addSink(tally));
        // E1 keeps its robot-only rules; E2 is shared with people, two robots at a time.
        var shared = sim.api().call(HttpMethod.PUT, "/api/v1/sites/demo/elevators/E2/rules", sim.operatorToken(),
                new JsonObject().put("allowedKinds", new JsonArray().add("DELIVERY").add("DISINFECTION"))
                        .put("maxRobotsPerCar", 2).put("passengerPolicy", "SHARED"));
        assertThat(shared.statusCode()).as(shared.bodyAsString()).isEqualTo(200);
        var zones = sim.api().call(HttpMethod.PUT, "/api/v1/sites/demo/zones", sim.operatorToken(),
                new JsonObject(DemoSite.zones()));
        assertThat(zones.statusCode()).as(zones.bodyAsString()).isEqualTo(200);
        startElevators();
        startFleet();

        List<String> ids = new ArrayList<>();
        for (JsonObject task : mixedTasks()) ids.add(submit(task));
        ids.add(submit(new JsonObject().put("category", "disinfection")
                .put("description", new JsonObject().put("zone", WARD).put("spacing", 1.5))));
        assertThat(ids).hasSize(30);
        watchTheBuilding(sim.server().zones().zone("demo", WARD).orElseThrow());
        assertThat(sim.api().post("/api/v1/sites/demo/zones/" + WARD + "/close", sim.operatorToken(), new JsonObject())
                .statusCode()).isEqualTo(200);
        fireDrillOnTheFirstCarThatCarriesARobot();

        sim.runUntil("all 30 tasks completed", BUDGET, () -> allCompleted(ids));
        Duration took = Duration.between(start, sim.clock().instant());
        sim.settle();

        List<String> rideCars = sim.api().get("/api/v1/events?type=elevator.ride", sim.operatorToken())
                .bodyAsJsonObject().getJsonArray("events").stream().map(JsonObject.class::cast)
                .map(r -> r.getString("car")).toList();
        List<String> tasks = sim.onServer(() -> ids.stream().map(id -> sim.server().tasks().find(id).orElseThrow())
                .map(t -> t.request().category().wireName() + " " + outcome(t.progress(), start)).toList());
        Map<String, Long> logSizes = new TreeMap<>();
        for (LogId log : sim.server().trackRecord().logs()) logSizes.put(log.origin(), sim.server().trackRecord().size(log));
        return sim.onServer(() -> new Outcome(tasks, tally.byType(), logSizes, took, List.copyOf(breaches),
                List.copyOf(fireDrills), Collections.unmodifiableMap(new TreeMap<>(boardings)), rideCars));
    }

    /**
     * On the server's context: true once every task completed; fails at once on one that failed or was canceled. A
     * completed task stays completed, so it is not read again (a finished task is read from the archive, after every
     * step of thousands).
     */
    private boolean allCompleted(List<String> ids) {
        for (String id : ids) {
            if (completed.contains(id)) continue;
            Task t = sim.server().tasks().find(id).orElseThrow();
            if (t.progress().status() == TaskStatus.FAILED || t.progress().status() == TaskStatus.CANCELED)
                throw new AssertionError("task " + id + " (" + t.request().category().wireName() + ") ended "
                        + t.progress().status().wireName() + ": " + t.progress().reason());
            if (t.progress().status() == TaskStatus.COMPLETED) completed.add(id);
        }
        return completed.size() == ids.size();
    }

    private void startElevators() {
        for (var elevator : site.elevators()) {
            for (ElevatorCar car : elevator.cars()) {
                JsonObject login = sim.api().post("/api/v1/sites/demo/elevators/" + elevator.id() + "/cars/"
                        + car.id() + "/credentials", sim.operatorToken(), new JsonObject()).bodyAsJsonObject();
                // Quick doors and travel; people call the car now and then, so sharing rules are put to the test.
                sim.addCar("demo", new SimElevatorSpec(car.id(), car.levels(), car.levels().get(0), car.levels().get(0),
                        0.8, 1.5, 1.5, 0.5, 8, 4, 30, car.id().hashCode()), login);
            }
        }
    }

    private void startFleet() {
        for (var firm : DemoFleet.firms()) sim.api().registerFirm(firm.id());
        for (DemoFleet.RobotPlan p : DemoFleet.plan(site, 8)) {
            JsonObject robot = sim.api().post("/api/v1/robots", sim.operatorToken(), new JsonObject()
                    .put("manufacturer", p.firm().manufacturer()).put("serialNumber", p.serialNumber())
                    .put("firm", p.firm().id()).put("profile", p.profile()).put("site", "demo"))
                    .bodyAsJsonObject().getJsonObject("robot");
            sim.addRobot(new SimRobotSpec(p.firm().manufacturer(), p.serialNumber(), p.profile(), robot.getString("id"),
                    robot.getJsonObject("mqtt").getString("password"), p.level(), p.start().x(), p.start().y(), 0, 95));
        }
        LiftDoors doors = recording(sim.doors());
        sim.onServer(() -> sim.robots().forEach(r -> r.robot().useLifts(doors)));
        sim.runUntil("robots online", Duration.ofSeconds(5), () -> sim.server().registry().all().stream()
                .allMatch(r -> sim.server().registry().status(r.id()).position() != null));
    }

    /** Every attempt to step into a car is checked against the car's mode at that moment. */
    private LiftDoors recording(LiftDoors building) {
        return new LiftDoors() {
            @Override
            public boolean board(String liftName, String floor, String robotId) {
                LiftMode mode = sim.car(liftName).car().mode();
                if (mode.outOfService()) breaches.add(robotId + " tried to board " + liftName + " in " + mode + " mode");
                boolean on = building.board(liftName, floor, robotId);
                if (on) boardings.merge(liftName, 1, Integer::sum);
                return on;
            }

            @Override
            public boolean alight(String liftName, String floor, String robotId) {
                return building.alight(liftName, floor, robotId);
            }
        };
    }

    /** After every step: no car over its robot limit, no people in the robot-only car, no UV-C light outside the ward. */
    private void watchTheBuilding(Zone ward) {
        GeometryFactory geometry = new GeometryFactory();
        sim.afterEachStep(() -> {
            for (LinkedCar c : sim.cars()) {
                SimElevatorCar car = c.car();
                String name = car.liftName();
                int max = name.startsWith("E2") ? 2 : 1;
                if (car.robotsAboard().size() > max)
                    breaches.add(name + " carries " + car.robotsAboard() + ", more than " + max);
                if (name.startsWith("E1") && !car.robotsAboard().isEmpty() && !car.passengersAboard().isEmpty())
                    breaches.add("robot-only " + name + " carries " + car.robotsAboard() + " with "
                            + car.passengersAboard().size() + " passenger(s)");
            }
            for (LinkedRobot r : sim.robots()) {
                SimRobot robot = r.robot();
                if (!robot.isUvcLampOn()) continue;
                boolean inside = robot.mapId().equals(ward.level())
                        && ward.geometry().covers(geometry.createPoint(new Coordinate(robot.x(), robot.y())));
                boolean closed = sim.server().zones().zone("demo", WARD).map(Zone::isClosedForDisinfection).orElse(false);
                if (!inside || !closed) breaches.add(robot.serialNumber() + " had its UV-C lamp on at "
                        + robot.mapId() + " (" + robot.x() + ", " + robot.y() + "), ward closed: " + closed);
            }
        });
    }

    /** Pulls the fire alarm of the first car seen carrying a robot, and releases it ten seconds later. */
    private void fireDrillOnTheFirstCarThatCarriesARobot() {
        sim.afterEachStep(() -> {
            if (!fireDrills.isEmpty()) return;
            sim.cars().stream().map(LinkedCar::car).filter(c -> !c.robotsAboard().isEmpty()).findFirst().ifPresent(car -> {
                car.fireAlarm(true);
                fireDrills.add(car.liftName() + " with " + car.robotsAboard());
                sim.scheduler().once(Duration.ofSeconds(10), () -> car.fireAlarm(false));
            });
        });
    }

    private static List<JsonObject> mixedTasks() {
        List<JsonObject> tasks = new ArrayList<>();
        String[][] acrossFloors = {{"lobby-desk", "office-201"}, {"lobby-desk", "ward-302"}, {"mail-room", "nurse-station"},
                {"nurse-station", "parcel-room"}, {"parcel-room", "office-204"}, {"mail-room", "staff-room"},
                {"treatment-room", "meeting-room"}, {"lobby-desk", "ward-304"}, {"office-205", "parcel-room"},
                {"staff-room", "treatment-room"}};
        for (String[] d : acrossFloors) tasks.add(delivery(d[0], d[1]));
        String[][] sameFloor = {{"mail-room", "office-203"}, {"lobby-desk", "staff-room"}, {"nurse-station", "ward-303"},
                {"mail-room", "office-206"}, {"parcel-room", "lobby-desk"}, {"ward-302", "nurse-station"}};
        for (String[] d : sameFloor) tasks.add(delivery(d[0], d[1]));
        for (int i = 0; i < 8; i++) {
            tasks.add(new JsonObject().put("category", "serving").put("description", new JsonObject()
                    .put("from", new JsonObject().put("place", "kitchen-pass"))
                    .put("tables", new JsonArray().add("table-" + (1 + i)).add("table-" + (1 + (i + 3) % 8)))));
        }
        for (String place : List.of("office-202", "treatment-room", "main-entrance")) {
            tasks.add(new JsonObject().put("category", "go_to_place").put("description", new JsonObject().put("place", place)));
        }
        for (int i = 0; i < 2; i++) tasks.add(delivery("entrance-pickup", i == 0 ? "cafe-across" : "convenience-store"));
        return tasks;
    }

    private static JsonObject delivery(String from, String to) {
        return new JsonObject().put("category", "delivery").put("description", new JsonObject()
                .put("pickup", new JsonObject().put("place", from)).put("dropoff", new JsonObject().put("place", to)));
    }

    private String submit(JsonObject request) {
        var res = sim.api().post("/api/v1/tasks", sim.operatorToken(), request.put("site", "demo"));
        assertThat(res.statusCode()).as(request.encode() + " → " + res.bodyAsString()).isEqualTo(201);
        return res.bodyAsJsonObject().getJsonObject("booking").getString("id");
    }

    private static String outcome(TaskProgress p, Instant start) {
        return p.status().wireName() + " by " + p.assignedTo() + " in " + p.attempt() + " attempt(s), done at +"
                + Duration.between(start, p.finishedAt()).toMillis() + " ms";
    }
}
