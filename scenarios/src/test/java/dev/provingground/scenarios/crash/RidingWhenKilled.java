package dev.provingground.scenarios.crash;

import dev.provingground.scenarios.harness.LinkedCar;
import dev.provingground.scenarios.harness.LinkedRobot;
import dev.provingground.scenarios.harness.Simulation;
import dev.provingground.sim.demo.DemoFleet;
import dev.provingground.sim.demo.DemoSite;
import dev.provingground.sim.elevator.SimElevatorSpec;
import dev.provingground.sim.robot.SimRobotSpec;
import dev.provingground.site.ElevatorCar;
import dev.provingground.site.Site;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The first half of the crash scenario, the same in the child JVM that is killed and in the parent that takes over:
 * the demo building's two elevators, its indoor-delivery robots and eight deliveries across floors, run in virtual time
 * until the first step at which a robot is aboard a car. Being deterministic, both runs reach the same point with the
 * robots and cars in the same state, which {@link #fingerprint} lets them compare.
 */
final class RidingWhenKilled {

    static final String[][] DELIVERIES = {{"lobby-desk", "office-201"}, {"mail-room", "nurse-station"},
            {"nurse-station", "parcel-room"}, {"parcel-room", "office-204"}, {"lobby-desk", "ward-302"},
            {"office-205", "staff-room"}, {"mail-room", "office-203"}, {"lobby-desk", "staff-room"}};

    final Simulation sim;
    final List<String> taskIds = new ArrayList<>();
    /** The logins this run's server issued: robot passwords by serial number, controller logins by car. */
    final Map<String, String> robotPasswords = new LinkedHashMap<>();
    final Map<String, JsonObject> carLogins = new LinkedHashMap<>();

    private RidingWhenKilled(Simulation sim) {
        this.sim = sim;
    }

    static Site site() {
        return DemoSite.load();
    }

    static RidingWhenKilled run(Path data) throws Exception {
        Site site = site();
        RidingWhenKilled run = new RidingWhenKilled(Simulation.start(data, List.of(site)));
        run.play(site);
        return run;
    }

    private void play(Site site) {
        for (var elevator : site.elevators()) {
            for (ElevatorCar car : elevator.cars()) {
                JsonObject login = sim.api().post("/api/v1/sites/demo/elevators/" + elevator.id() + "/cars/"
                        + car.id() + "/credentials", sim.operatorToken(), new JsonObject()).bodyAsJsonObject();
                carLogins.put(car.id(), login);
                sim.addCar("demo", new SimElevatorSpec(car.id(), car.levels(), car.levels().get(0), car.levels().get(0),
                        0.8, 1.5, 1.5, 0.5, 8, 0, 30, 1), login);
            }
        }
        for (var firm : DemoFleet.firms()) sim.api().registerFirm(firm.id());
        for (DemoFleet.RobotPlan p : DemoFleet.plan(site, 8)) {
            if (!p.profile().equals("indoor-delivery")) continue;
            JsonObject robot = sim.api().post("/api/v1/robots", sim.operatorToken(), new JsonObject()
                    .put("manufacturer", p.firm().manufacturer()).put("serialNumber", p.serialNumber())
                    .put("firm", p.firm().id()).put("profile", p.profile()).put("site", "demo"))
                    .bodyAsJsonObject().getJsonObject("robot");
            String password = robot.getJsonObject("mqtt").getString("password");
            robotPasswords.put(p.serialNumber(), password);
            sim.addRobot(new SimRobotSpec(p.firm().manufacturer(), p.serialNumber(), p.profile(), robot.getString("id"),
                    password, p.level(), p.start().x(), p.start().y(), 0, 95));
        }
        sim.onServer(() -> sim.robots().forEach(r -> r.robot().useLifts(sim.doors())));
        for (String[] d : DELIVERIES) {
            var res = sim.api().post("/api/v1/tasks", sim.operatorToken(), new JsonObject().put("site", "demo")
                    .put("category", "delivery").put("description", new JsonObject()
                            .put("pickup", new JsonObject().put("place", d[0])).put("dropoff", new JsonObject().put("place", d[1]))));
            if (res.statusCode() != 201) throw new AssertionError(res.bodyAsString());
            taskIds.add(res.bodyAsJsonObject().getJsonObject("booking").getString("id"));
        }
        sim.runUntil("a robot aboard a car", Duration.ofMinutes(10),
                () -> sim.cars().stream().anyMatch(c -> !c.car().robotsAboard().isEmpty()));
        sim.settle();
    }

    /** Where things stand, in terms a second run must reproduce exactly: virtual time, tasks, robots, cars. */
    String fingerprint() {
        return sim.onServer(() -> sim.clock().instant() + "; tasks " + taskIds.stream()
                .map(id -> sim.server().tasks().find(id).orElseThrow().progress())
                .map(p -> p.status().wireName() + "/" + p.assignedTo() + "/" + p.stopIndex()).toList()
                + "; robots " + sim.robots().stream().map(RidingWhenKilled::where).collect(Collectors.joining(", "))
                + "; cars " + sim.cars().stream().map(RidingWhenKilled::where).collect(Collectors.joining(", ")));
    }

    private static String where(LinkedRobot r) {
        return String.format("%s %s (%.3f, %.3f) %.2f%%", r.serialNumber(), r.robot().mapId(), r.robot().x(),
                r.robot().y(), r.robot().batteryPercent());
    }

    private static String where(LinkedCar c) {
        return c.liftName() + " " + c.car().currentFloor() + " " + c.car().doorState() + " " + c.car().robotsAboard();
    }
}
