package dev.provingground.sim.enforcement;

import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.server.support.Await;
import dev.provingground.server.support.TestServer;
import dev.provingground.server.support.Zones;
import dev.provingground.sim.fleet.SimFleet;
import dev.provingground.sim.robot.SimRobot;
import dev.provingground.sim.robot.SimRobotSpec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Geofence enforcement against a simulated robot driving a real order over real MQTT. */
class SimulatedRobotEnforcementTest {

    @TempDir
    Path data;

    private static List<JsonObject> violations(TestServer server, String robotId) {
        JsonArray events = server.get("/api/v1/events?type=geofence&robot=" + robotId, server.operatorToken)
                .bodyAsJsonObject().getJsonArray("events");
        return events.stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("transition").startsWith("VIOLATION")).toList();
    }

    private static SimFleet fleetOfOne(TestServer server) {
        server.registerFirm("acme");
        JsonObject r = server.registerRobot("acme", "Acme", "S-1", "indoor-delivery");
        SimRobotSpec spec = new SimRobotSpec("Acme", "S-1", "indoor-delivery", r.getString("id"),
                r.getJsonObject("mqtt").getString("password"), "L1", 0, 0, 0, 90);
        SimFleet fleet = new SimFleet(server.vertx, ProfileCatalog.builtIn(), List.of(spec),
                new SimFleet.Settings(50, 200, 0, 10), Clock.systemUTC());
        Await.result(fleet.start("127.0.0.1", server.server.mqttPort()));
        return fleet;
    }

    private static void drive(TestServer server, String id, double toX, double toY) {
        var res = server.post("/api/v1/robots/" + id + "/orders", server.operatorToken, new JsonObject()
                .put("nodes", new JsonArray().add(new JsonObject().put("x", 0.0).put("y", 0.0).put("mapId", "L1"))
                        .add(new JsonObject().put("x", toX).put("y", toY).put("mapId", "L1"))));
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(202);
    }

    @Test
    void keepOutZoneCreatedOverARobotsRouteRecordsAViolationAndPausesTheRobot() throws Exception {
        try (TestServer server = TestServer.start(data)) {
            SimFleet fleet = fleetOfOne(server);
            SimRobot robot = fleet.clients().get(0).robot();
            String id = server.get("/api/v1/robots", server.operatorToken).bodyAsJsonObject().getJsonArray("robots")
                    .getJsonObject(0).getString("id");
            var zone = server.post("/api/v1/sites/test/zones", server.operatorToken,
                    Zones.withProperty(Zones.rectangle("spill", "KEEP_OUT", 3, -1, 4, 1), "onViolation", "PAUSE"));
            assertThat(zone.statusCode()).isEqualTo(201);

            drive(server, id, 10, 0);
            Await.until("the robot paused by the server", Duration.ofSeconds(15), () -> robot.isPaused());
            assertThat(robot.x()).isBetween(2.5, 4.5);
            assertThat(violations(server, id)).anySatisfy(e -> {
                assertThat(e.getString("zone")).isEqualTo("spill");
                assertThat(e.getString("rule")).isEqualTo("keep-out-entered");
                assertThat(e.getString("action")).isEqualTo("PAUSE");
            });
            Await.result(fleet.stop());
        }
    }

    @Test
    void strayingRobotLeavesItsOperatingAreaAndIsPaused() throws Exception {
        try (TestServer server = TestServer.start(data)) {
            SimFleet fleet = fleetOfOne(server);
            SimRobot robot = fleet.clients().get(0).robot();
            String id = server.get("/api/v1/robots", server.operatorToken).bodyAsJsonObject().getJsonArray("robots")
                    .getJsonObject(0).getString("id");
            server.post("/api/v1/sites/test/zones", server.operatorToken,
                    Zones.withProperty(Zones.rectangle("hall", "OPERATING_AREA", -2, -2, 30, 2), "onViolation", "PAUSE"));

            drive(server, id, 25, 0);
            Await.until("the robot under way", Duration.ofSeconds(10), () -> robot.speed() > 0.2);
            server.vertx.runOnContext(v -> robot.strayOnce(6));
            Await.until("the stray robot paused", Duration.ofSeconds(15), () -> robot.isPaused());
            assertThat(Math.abs(robot.y())).isGreaterThan(2.0);
            assertThat(violations(server, id)).anySatisfy(e ->
                    assertThat(e.getString("rule")).isEqualTo("operating-area-left"));
            Await.result(fleet.stop());
        }
    }
}
