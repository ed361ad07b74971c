package dev.provingground.scenarios.tasks;

import dev.provingground.scenarios.harness.Simulation;
import dev.provingground.server.support.Zones;
import dev.provingground.server.tasks.TaskStatus;
import dev.provingground.sim.demo.DemoSite;
import dev.provingground.sim.robot.SimRobot;
import dev.provingground.sim.robot.SimRobotSpec;
import dev.provingground.site.Site;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A disinfection waits for its zone's closure and keeps the lamp inside it; a robot low on battery goes to charge. */
class DisinfectionAndChargingTest {

    @TempDir
    Path data;

    private static SimRobot oneRobot(Simulation sim, Site site, String serial, String profile, String place, double battery) {
        sim.api().registerFirm("acme");
        JsonObject r = sim.api().post("/api/v1/robots", sim.operatorToken(), new JsonObject().put("manufacturer", "Acme")
                .put("serialNumber", serial).put("firm", "acme").put("profile", profile).put("site", "demo"))
                .bodyAsJsonObject().getJsonObject("robot");
        var p = site.place(place).orElseThrow();
        var w = site.waypoint(p.waypoint()).orElseThrow();
        SimRobot robot = sim.addRobot(new SimRobotSpec("Acme", serial, profile, r.getString("id"),
                r.getJsonObject("mqtt").getString("password"), p.level(), w.x(), w.y(), 0, battery)).robot();
        sim.run(Duration.ofSeconds(1));
        return robot;
    }

    @Test
    void disinfectionWaitsForTheClosureAndTheLampIsOnlyOnInsideTheClosedZone() throws Exception {
        Site site = DemoSite.load();
        try (Simulation sim = Simulation.start(data, List.of(site))) {
            SimRobot robot = oneRobot(sim, site, "C-1", "uvc-disinfection", "ward-302", 95);
            JsonObject ward = Zones.withProperty(Zones.rectangle("ward-301", "DISINFECTION", 0.5, 0.5, 10.5, 14.5),
                    "level", "L3");
            ward.getJsonObject("properties").put("onViolation", "ALERT");
            assertThat(sim.api().post("/api/v1/sites/demo/zones", sim.operatorToken(), ward).statusCode()).isEqualTo(201);

            var res = sim.api().post("/api/v1/tasks", sim.operatorToken(), new JsonObject().put("site", "demo")
                    .put("category", "disinfection").put("description", new JsonObject().put("zone", "ward-301")
                            .put("spacing", 2.0)));
            assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
            String id = res.bodyAsJsonObject().getJsonObject("booking").getString("id");
            sim.awaitTask(id, TaskStatus.STANDBY, Duration.ofSeconds(20));

            sim.api().post("/api/v1/sites/demo/zones/ward-301/close", sim.operatorToken(), new JsonObject());
            sim.awaitTask(id, TaskStatus.COMPLETED, Duration.ofMinutes(10));
            assertThat(sim.onServer(robot::isUvcLampOn)).isFalse();
            sim.settle();
            var geofence = sim.api().get("/api/v1/events?type=geofence", sim.operatorToken()).bodyAsJsonObject()
                    .getJsonArray("events").stream().map(JsonObject.class::cast).toList();
            assertThat(geofence).noneMatch(e -> "uvc-lamp-outside-closed-zone".equals(e.getString("rule")));
            assertThat(geofence).as("the robot went into the ward")
                    .anyMatch(e -> "ward-301".equals(e.getString("zone")) && "ENTER".equals(e.getString("transition")));
        }
    }

    @Test
    void robotLowOnBatteryIsSentToCharge() throws Exception {
        Site site = DemoSite.load();
        try (Simulation sim = Simulation.start(data, List.of(site))) {
            SimRobot robot = oneRobot(sim, site, "D-9", "indoor-delivery", "table-2", 15);
            sim.runUntil("charging", Duration.ofMinutes(6), robot::isCharging);
            var tasks = sim.api().get("/api/v1/tasks", sim.operatorToken()).bodyAsJsonObject().getJsonArray("tasks");
            assertThat(tasks).hasSize(1);
            assertThat(tasks.getJsonObject(0).getString("category")).isEqualTo("charge");
        }
    }
}
