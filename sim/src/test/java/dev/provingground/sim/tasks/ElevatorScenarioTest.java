package dev.provingground.sim.tasks;

import dev.provingground.geofence.Zone;
import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.support.Await;
import dev.provingground.server.support.TestServer;
import dev.provingground.sim.demo.DemoFleet;
import dev.provingground.sim.demo.DemoSite;
import dev.provingground.sim.elevator.SimBuilding;
import dev.provingground.sim.elevator.SimElevatorCar;
import dev.provingground.sim.elevator.SimElevatorClient;
import dev.provingground.sim.elevator.SimElevatorSpec;
import dev.provingground.sim.fleet.SimFleet;
import dev.provingground.sim.robot.LiftDoors;
import dev.provingground.sim.robot.SimRobot;
import dev.provingground.sim.robot.SimRobotClient;
import dev.provingground.sim.robot.SimRobotSpec;
import dev.provingground.site.ElevatorCar;
import dev.provingground.site.Site;
import dev.provingground.site.lift.LiftCodec;
import dev.provingground.site.lift.LiftMode;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance scenario of the demo building: eight robots of four firms, two elevators with simulated passengers
 * calling them, thirty mixed tasks across three floors, a fire alarm in the middle — and the building's rules watched
 * from the simulation's side the whole time, not from the server's.
 */
class ElevatorScenarioTest {

    static final String WARD = "ward-301";

    @TempDir
    Path data;
    TestServer server;
    SimFleet fleet;
    final List<SimElevatorClient> cars = new ArrayList<>();
    final List<String> breaches = new CopyOnWriteArrayList<>();
    final Map<String, Integer> boardings = new ConcurrentHashMap<>();
    final List<String> fireDrills = new CopyOnWriteArrayList<>();
    ScheduledExecutorService watch;

    @AfterEach
    void stop() {
        if (watch != null) watch.shutdownNow();
        if (fleet != null) Await.result(fleet.stop());
        for (SimElevatorClient c : cars) Await.result(c.disconnect());
        if (server != null) server.stop();
    }

    @Test
    void thirtyMixedTasksCompleteAcrossFloorsWhileTheBuildingsRulesHold() throws Exception {
        Site site = DemoSite.load();
        server = TestServer.start(data, MqttConfig.defaults().withPort(0), List.of(site));
        // E1 keeps its robot-only rules; E2 is shared with people, two robots at a time.
        var shared = server.call(HttpMethod.PUT, "/api/v1/sites/demo/elevators/E2/rules", server.operatorToken, new JsonObject()
                .put("allowedKinds", new JsonArray().add("DELIVERY").add("DISINFECTION")).put("maxRobotsPerCar", 2).put("passengerPolicy", "SHARED"));
        assertThat(shared.statusCode()).as(shared.bodyAsString()).isEqualTo(200);
        var zones = server.call(HttpMethod.PUT, "/api/v1/sites/demo/zones", server.operatorToken,
                new JsonObject(DemoSite.zones()));
        assertThat(zones.statusCode()).as(zones.bodyAsString()).isEqualTo(200);
        startElevators(site);
        startFleet(site);

        List<String> ids = new ArrayList<>();
        for (JsonObject task : mixedTasks()) ids.add(submit(task));
        String disinfection = submit(new JsonObject().put("category", "disinfection")
                .put("description", new JsonObject().put("zone", WARD).put("spacing", 1.5)));
        ids.add(disinfection);
        assertThat(ids).hasSize(30);
        Zone ward = server.server.zones().zone("demo", WARD).orElseThrow();
        watchTheBuilding(site, ward);
        assertThat(server.post("/api/v1/sites/demo/zones/" + WARD + "/close", server.operatorToken, new JsonObject())
                .statusCode()).isEqualTo(200);

        fireDrillOnTheFirstCarThatCarriesARobot();

        awaitAllCompleted(ids, Duration.ofMinutes(8));
        assertThat(breaches).isEmpty();
        assertThat(fireDrills).as("a fire alarm while a robot rode").hasSize(1);
        assertThat(boardings.values().stream().mapToInt(Integer::intValue).sum())
                .as("robots boarded elevator cars").isGreaterThanOrEqualTo(10);
        List<JsonObject> rides = server.get("/api/v1/events?type=elevator.ride", server.operatorToken).bodyAsJsonObject()
                .getJsonArray("events").stream().map(JsonObject.class::cast).toList();
        assertThat(rides).isNotEmpty().allSatisfy(r -> assertThat(r.getString("car")).isIn("E1-A", "E2-A"));
    }

    /** Waits for every task to complete; fails at once on a task that failed or was canceled, and says which are left. */
    private void awaitAllCompleted(List<String> ids, Duration within) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + within.toNanos();
        long nextReport = start;
        List<String> open = new ArrayList<>(ids);
        while (!open.isEmpty()) {
            List<String> left = new ArrayList<>();
            for (String id : open) {
                JsonObject t = task(id);
                String status = t.getString("status");
                if ("failed".equals(status) || "canceled".equals(status))
                    throw new AssertionError("task " + id + " (" + t.getString("category") + ") ended " + status
                            + ": " + t.getString("reason"));
                if (!"completed".equals(status)) left.add(id + " " + status + " " + t.getValue("assigned_to")
                        + " " + t.getString("reason"));
            }
            if (left.isEmpty()) return;
            if (System.nanoTime() >= nextReport) {
                System.out.printf("scenario +%ds: %d of %d tasks completed; open: %s%n",
                        Duration.ofNanos(System.nanoTime() - start).toSeconds(), ids.size() - left.size(), ids.size(), left);
                nextReport = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            }
            if (System.nanoTime() > deadline)
                throw new AssertionError(left.size() + " of " + ids.size() + " tasks not completed in " + within + ": " + left);
            open = left.stream().map(l -> l.substring(0, l.indexOf(' '))).toList();
            Thread.sleep(500);
        }
    }

    private void startElevators(Site site) {
        for (var elevator : site.elevators()) {
            for (ElevatorCar car : elevator.cars()) {
                JsonObject credentials = server.post("/api/v1/sites/demo/elevators/" + elevator.id() + "/cars/"
                        + car.id() + "/credentials", server.operatorToken, new JsonObject()).bodyAsJsonObject();
                // Quick doors and travel; people call the car now and then, so sharing rules are put to the test.
                SimElevatorSpec spec = new SimElevatorSpec(car.id(), car.levels(), car.levels().get(0),
                        car.levels().get(0), 0.8, 1.5, 1.5, 0.5, 8, 4, 30, car.id().hashCode());
                SimElevatorClient client = new SimElevatorClient(server.vertx, new SimElevatorCar(spec), "demo",
                        new LiftCodec(), Clock.systemUTC(), 50);
                Await.result(client.connect("127.0.0.1", server.server.mqttPort(), credentials.getString("username"),
                        credentials.getString("password")));
                cars.add(client);
            }
        }
    }

    private void startFleet(Site site) {
        for (var firm : DemoFleet.firms()) server.registerFirm(firm.id());
        List<SimRobotSpec> specs = new ArrayList<>();
        for (DemoFleet.RobotPlan p : DemoFleet.plan(site, 8)) {
            JsonObject robot = server.post("/api/v1/robots", server.operatorToken, new JsonObject()
                    .put("manufacturer", p.firm().manufacturer()).put("serialNumber", p.serialNumber())
                    .put("firm", p.firm().id()).put("profile", p.profile()).put("site", "demo"))
                    .bodyAsJsonObject().getJsonObject("robot");
            specs.add(new SimRobotSpec(p.firm().manufacturer(), p.serialNumber(), p.profile(), robot.getString("id"),
                    robot.getJsonObject("mqtt").getString("password"), p.level(), p.start().x(), p.start().y(), 0, 95));
        }
        fleet = new SimFleet(server.vertx, ProfileCatalog.builtIn(), specs,
                new SimFleet.Settings(50, 250, 0, 10).withTimeScale(4), Clock.systemUTC())
                .useLifts(recording(new SimBuilding(cars)));
        Await.result(fleet.start("127.0.0.1", server.server.mqttPort()));
        Await.until("robots online", Duration.ofSeconds(15), () -> server.get("/api/v1/robots", server.operatorToken)
                .bodyAsJsonObject().getJsonArray("robots").stream().map(JsonObject.class::cast)
                .allMatch(r -> "ONLINE".equals(r.getString("connection")) && r.getJsonObject("position") != null));
    }

    /** Every attempt to step into a car is checked against the car's mode at that moment. */
    private LiftDoors recording(SimBuilding building) {
        return new LiftDoors() {
            @Override
            public boolean board(String liftName, String floor, String robotId) {
                LiftMode mode = car(liftName).withCar(SimElevatorCar::mode);
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

    private SimElevatorClient car(String liftName) {
        return cars.stream().filter(c -> c.withCar(SimElevatorCar::liftName).equals(liftName)).findFirst().orElseThrow();
    }

    /** Samples the cars and the UV-C robots every 50 ms for breaches of the building's rules. */
    private void watchTheBuilding(Site site, Zone ward) {
        GeometryFactory geometry = new GeometryFactory();
        watch = Executors.newSingleThreadScheduledExecutor();
        watch.scheduleAtFixedRate(() -> {
            for (SimElevatorClient c : cars) {
                String breach = c.withCar(car -> {
                    String name = car.liftName();
                    int max = name.startsWith("E2") ? 2 : 1;
                    if (car.robotsAboard().size() > max)
                        return name + " carries " + car.robotsAboard() + ", more than " + max;
                    if (name.startsWith("E1") && !car.robotsAboard().isEmpty() && !car.passengersAboard().isEmpty())
                        return "robot-only " + name + " carries " + car.robotsAboard() + " with "
                                + car.passengersAboard().size() + " passenger(s)";
                    return null;
                });
                if (breach != null) breaches.add(breach);
            }
            for (SimRobotClient r : fleet.clients()) {
                SimRobot robot = r.robot();
                if (!robot.isUvcLampOn()) continue;
                boolean inside = robot.mapId().equals(ward.level())
                        && ward.geometry().covers(geometry.createPoint(new Coordinate(robot.x(), robot.y())));
                boolean closed = server.server.zones().zone("demo", WARD).map(Zone::isClosedForDisinfection).orElse(false);
                if (!inside || !closed) breaches.add(robot.serialNumber() + " had its UV-C lamp on at "
                        + robot.mapId() + " (" + robot.x() + ", " + robot.y() + "), ward closed: " + closed);
            }
        }, 0, 50, TimeUnit.MILLISECONDS);
    }

    /** Pulls the fire alarm of the first car seen carrying a robot, and releases it after ten seconds. */
    private void fireDrillOnTheFirstCarThatCarriesARobot() {
        server.vertx.setPeriodic(100, id -> {
            var burning = cars.stream().filter(c -> !c.withCar(SimElevatorCar::robotsAboard).isEmpty()).findFirst();
            if (burning.isEmpty()) return;
            server.vertx.cancelTimer(id);
            fireDrills.add(burning.get().withCar(c -> {
                c.fireAlarm(true);
                return c.liftName() + " with " + c.robotsAboard();
            }));
            server.vertx.setTimer(10_000, t -> burning.get().withCar(c -> {
                c.fireAlarm(false);
                return null;
            }));
        });
    }

    private List<JsonObject> mixedTasks() {
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
        var res = server.post("/api/v1/tasks", server.operatorToken, request.put("site", "demo"));
        assertThat(res.statusCode()).as(request.encode() + " → " + res.bodyAsString()).isEqualTo(201);
        return res.bodyAsJsonObject().getJsonObject("booking").getString("id");
    }

    private JsonObject task(String id) {
        return server.get("/api/v1/tasks/" + id, server.operatorToken).bodyAsJsonObject();
    }
}
