package dev.provingground.scenarios.enforcement;

import dev.provingground.scenarios.harness.LinkedRobot;
import dev.provingground.scenarios.harness.Simulation;
import dev.provingground.server.support.TestServer;
import dev.provingground.server.support.Zones;
import dev.provingground.sim.robot.SimRobot;
import dev.provingground.sim.robot.SimRobotSpec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Geofence enforcement against a simulated robot driving a real order, in virtual time. */
class SimulatedRobotEnforcementTest {

    @TempDir
    Path data;
    Simulation sim;
    SimRobot robot;
    String id;

    @BeforeEach
    void start() throws Exception {
        sim = Simulation.start(data, List.of(TestServer.testSite()));
        sim.api().registerFirm("acme");
        JsonObject r = sim.api().registerRobot("acme", "Acme", "S-1", "indoor-delivery");
        id = r.getString("id");
        LinkedRobot linked = sim.addRobot(new SimRobotSpec("Acme", "S-1", "indoor-delivery", id,
                r.getJsonObject("mqtt").getString("password"), "L1", 0, 0, 0, 90));
        robot = linked.robot();
        sim.run(Duration.ofSeconds(1));
    }

    @AfterEach
    void stop() {
        if (sim != null) sim.stop();
    }

    private List<JsonObject> violations() {
        JsonArray events = sim.api().get("/api/v1/events?type=geofence&robot=" + id, sim.operatorToken())
                .bodyAsJsonObject().getJsonArray("events");
        return events.stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("transition").startsWith("VIOLATION")).toList();
    }

    private void drive(double toX, double toY) {
        var res = sim.api().post("/api/v1/robots/" + id + "/orders", sim.operatorToken(), new JsonObject()
                .put("nodes", new JsonArray().add(new JsonObject().put("x", 0.0).put("y", 0.0).put("mapId", "L1"))
                        .add(new JsonObject().put("x", toX).put("y", toY).put("mapId", "L1"))));
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(202);
    }

    @Test
    void keepOutZoneCreatedOverARobotsRouteRecordsAViolationAndPausesTheRobot() {
        var zone = sim.api().post("/api/v1/sites/test/zones", sim.operatorToken(),
                Zones.withProperty(Zones.rectangle("spill", "KEEP_OUT", 3, -1, 4, 1), "onViolation", "PAUSE"));
        assertThat(zone.statusCode()).isEqualTo(201);

        drive(10, 0);
        sim.runUntil("the robot paused by the server", Duration.ofSeconds(60), robot::isPaused);
        assertThat(sim.onServer(robot::x)).isBetween(2.5, 4.5);
        assertThat(violations()).anySatisfy(e -> {
            assertThat(e.getString("zone")).isEqualTo("spill");
            assertThat(e.getString("rule")).isEqualTo("keep-out-entered");
            assertThat(e.getString("action")).isEqualTo("PAUSE");
        });
    }

    @Test
    void strayingRobotLeavesItsOperatingAreaAndIsPaused() {
        sim.api().post("/api/v1/sites/test/zones", sim.operatorToken(),
                Zones.withProperty(Zones.rectangle("hall", "OPERATING_AREA", -2, -2, 30, 2), "onViolation", "PAUSE"));

        drive(25, 0);
        sim.runUntil("the robot under way", Duration.ofSeconds(30), () -> robot.speed() > 0.2);
        sim.onServer(() -> robot.strayOnce(6));
        sim.runUntil("the stray robot paused", Duration.ofSeconds(60), robot::isPaused);
        assertThat(Math.abs(sim.onServer(robot::y))).isGreaterThan(2.0);
        assertThat(violations()).anySatisfy(e -> assertThat(e.getString("rule")).isEqualTo("operating-area-left"));
    }
}
