package dev.provingground.server.tasks;

import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.support.InProcessRobot;
import dev.provingground.server.support.VirtualServer;
import dev.provingground.server.support.TestServer;
import dev.provingground.site.SiteFormat;
import dev.provingground.vda5050.ErrorLevel;
import dev.provingground.vda5050.State;
import dev.provingground.vda5050.VdaError;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A robot that keeps refusing a task's orders gets it again a few times, then the task fails saying why. */
class RefusedOrdersTest {

    @TempDir
    Path data;

    @Test
    void taskWhoseOrdersAreRefusedIsRetriedThenFailsWithTheRobotsError() throws Exception {
        var site = SiteFormat.read(("""
                {"id": "hall", "name": "Hall", "timeZone": "UTC",
                 "levels": [{"id": "L1", "name": "Hall", "floor": 1, "outdoor": false,
                   "waypoints": [{"id": "a", "x": 0, "y": 0}, {"id": "b", "x": 10, "y": 0}],
                   "lanes": [{"from": "a", "to": "b"}]}],
                 "places": [{"name": "end", "level": "L1", "waypoint": "b"}], "chargers": [], "elevators": []}
                """).getBytes(StandardCharsets.UTF_8), "hall.json");
        try (VirtualServer virtual = VirtualServer.start(data, List.of(site))) {
            TestServer server = virtual.api();
            server.registerFirm("acme");
            JsonObject r = server.post("/api/v1/robots", server.operatorToken, new JsonObject().put("manufacturer", "Acme")
                    .put("serialNumber", "A-1").put("firm", "acme").put("profile", "indoor-delivery").put("site", "hall"))
                    .bodyAsJsonObject().getJsonObject("robot");
            try (InProcessRobot robot = virtual.robot("Acme", "A-1", r.getString("id"),
                    r.getJsonObject("mqtt").getString("password"))) {
                robot.connectOnline();
                robot.sendState("L1", 0, 0, 90);
                assertThat(server.get("/api/v1/robots/" + r.getString("id"), server.operatorToken).bodyAsJsonObject()
                        .getJsonObject("position")).as("robot known").isNotNull();

                var res = server.post("/api/v1/tasks", server.operatorToken, new JsonObject().put("site", "hall")
                        .put("category", "go_to_place").put("description", new JsonObject().put("place", "end")));
                assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
                String id = res.bodyAsJsonObject().getJsonObject("booking").getString("id");

                State base = robot.state("L1", 0, 0, 90);
                State refusing = new State(0, null, null, base.manufacturer(), base.serialNumber(), base.maps(), "own-order",
                        0, null, "", 0, false, false, false, 0.0, base.operatingMode(), List.of(), List.of(),
                        base.agvPosition(), base.velocity(), List.of(), List.of(), base.batteryState(),
                        List.of(VdaError.of("orderError", ErrorLevel.WARNING, "busy with its own work")), List.of(),
                        base.safetyState());
                // The robot keeps saying no, a state every 0.4 s, as a busy vehicle would.
                Instant deadline = virtual.clock().instant().plus(Duration.ofSeconds(40));
                String status = "queued";
                while (virtual.clock().instant().isBefore(deadline) && !"failed".equals(status)) {
                    robot.publish(refusing);
                    virtual.advance(Duration.ofMillis(400));
                    status = server.get("/api/v1/tasks/" + id, server.operatorToken).bodyAsJsonObject().getString("status");
                }
                JsonObject task = server.get("/api/v1/tasks/" + id, server.operatorToken).bodyAsJsonObject();
                assertThat(task.getString("status")).isEqualTo("failed");
                assertThat(task.getString("reason")).contains("refused the order").contains("orderError")
                        .contains("busy with its own work").contains("3 attempts");
                assertThat(task.getJsonObject("dispatch").getInteger("attempts")).isEqualTo(3);
                assertThat(robot.receivedTopics.stream().filter(t -> t.endsWith("/order")).count()).isEqualTo(3);
            }
        }
    }
}
