package dev.provingground.sim.tasks;

import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.support.Await;
import dev.provingground.server.support.TestServer;
import dev.provingground.server.support.Zones;
import dev.provingground.sim.demo.DemoSite;
import dev.provingground.sim.fleet.SimFleet;
import dev.provingground.sim.robot.SimRobot;
import dev.provingground.sim.robot.SimRobotSpec;
import dev.provingground.site.Site;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A disinfection waits for its zone's closure and keeps the lamp inside it; a robot low on battery goes to charge. */
class DisinfectionAndChargingTest {

    @TempDir
    Path data;

    private static SimFleet oneRobot(TestServer server, Site site, String serial, String profile, String place,
                                     double battery) {
        server.registerFirm("acme");
        JsonObject r = server.post("/api/v1/robots", server.operatorToken, new JsonObject().put("manufacturer", "Acme")
                .put("serialNumber", serial).put("firm", "acme").put("profile", profile).put("site", "demo"))
                .bodyAsJsonObject().getJsonObject("robot");
        var p = site.place(place).orElseThrow();
        var w = site.waypoint(p.waypoint()).orElseThrow();
        SimFleet fleet = new SimFleet(server.vertx, ProfileCatalog.builtIn(), List.of(new SimRobotSpec("Acme", serial,
                profile, r.getString("id"), r.getJsonObject("mqtt").getString("password"), p.level(), w.x(), w.y(), 0,
                battery)), new SimFleet.Settings(50, 250, 0, 10).withTimeScale(4), Clock.systemUTC());
        Await.result(fleet.start("127.0.0.1", server.server.mqttPort()));
        Await.until("robot online", Duration.ofSeconds(10), () -> server.get("/api/v1/robots", server.operatorToken)
                .bodyAsJsonObject().getJsonArray("robots").getJsonObject(0).getJsonObject("position") != null);
        return fleet;
    }

    @Test
    void disinfectionWaitsForTheClosureAndTheLampIsOnlyOnInsideTheClosedZone() throws Exception {
        Site site = DemoSite.load();
        try (TestServer server = TestServer.start(data, MqttConfig.defaults().withPort(0), List.of(site))) {
            SimFleet fleet = oneRobot(server, site, "C-1", "uvc-disinfection", "ward-302", 95);
            JsonObject ward = Zones.withProperty(Zones.rectangle("ward-301", "DISINFECTION", 0.5, 0.5, 10.5, 14.5),
                    "level", "L3");
            ward.getJsonObject("properties").put("onViolation", "ALERT");
            assertThat(server.post("/api/v1/sites/demo/zones", server.operatorToken, ward).statusCode()).isEqualTo(201);

            var res = server.post("/api/v1/tasks", server.operatorToken, new JsonObject().put("site", "demo")
                    .put("category", "disinfection").put("description", new JsonObject().put("zone", "ward-301")
                            .put("spacing", 2.0)));
            assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
            String id = res.bodyAsJsonObject().getJsonObject("booking").getString("id");
            Await.until("waiting for the closure", Duration.ofSeconds(5), () -> "standby".equals(status(server, id)));

            server.post("/api/v1/sites/demo/zones/ward-301/close", server.operatorToken, new JsonObject());
            SimRobot robot = fleet.clients().get(0).robot();
            Await.until("disinfection done", Duration.ofSeconds(120), () -> {
                String s = status(server, id);
                if ("failed".equals(s)) throw new AssertionError(server.get("/api/v1/tasks/" + id, server.operatorToken).bodyAsString());
                return "completed".equals(s);
            });
            assertThat(robot.isUvcLampOn()).isFalse();
            var lampViolations = server.get("/api/v1/events?type=geofence", server.operatorToken).bodyAsJsonObject()
                    .getJsonArray("events").stream().map(JsonObject.class::cast)
                    .filter(e -> "uvc-lamp-outside-closed-zone".equals(e.getString("rule"))).toList();
            assertThat(lampViolations).isEmpty();
            var enteredWard = server.get("/api/v1/events?type=geofence", server.operatorToken).bodyAsJsonObject()
                    .getJsonArray("events").stream().map(JsonObject.class::cast)
                    .anyMatch(e -> "ward-301".equals(e.getString("zone")) && "ENTER".equals(e.getString("transition")));
            assertThat(enteredWard).as("the robot went into the ward").isTrue();
            Await.result(fleet.stop());
        }
    }

    @Test
    void robotLowOnBatteryIsSentToCharge() throws Exception {
        Site site = DemoSite.load();
        try (TestServer server = TestServer.start(data, MqttConfig.defaults().withPort(0), List.of(site))) {
            SimFleet fleet = oneRobot(server, site, "D-9", "indoor-delivery", "table-2", 15);
            SimRobot robot = fleet.clients().get(0).robot();
            Await.until("charging", Duration.ofSeconds(90), robot::isCharging);
            var tasks = server.get("/api/v1/tasks", server.operatorToken).bodyAsJsonObject().getJsonArray("tasks");
            assertThat(tasks).hasSize(1);
            assertThat(tasks.getJsonObject(0).getString("category")).isEqualTo("charge");
            Await.result(fleet.stop());
        }
    }

    private static String status(TestServer server, String id) {
        return server.get("/api/v1/tasks/" + id, server.operatorToken).bodyAsJsonObject().getString("status");
    }
}
