package dev.provingground.scenarios.overmqtt;

import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.support.Await;
import dev.provingground.server.support.TestServer;
import dev.provingground.sim.demo.DemoSite;
import dev.provingground.sim.fleet.SimFleet;
import dev.provingground.sim.robot.SimRobotSpec;
import dev.provingground.site.Site;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one scenario on the real clock over real MQTT: the production wiring end to end — Vert.x timers, the embedded
 * endpoint, simulated robots as MQTT clients on loopback — with a delivery and a serving task on the demo building
 * dispatched to the right kind of robot and completed. Everything else about tasks runs in virtual time.
 */
class TasksOverMqttIT {

    @TempDir
    Path data;
    TestServer server;
    SimFleet fleet;

    @AfterEach
    void stop() {
        if (fleet != null) Await.result(fleet.stop());
        if (server != null) server.stop();
    }

    @Test
    void deliveryAndServingTasksAreDispatchedOverMqttAndCompletedOnTheRealClock() throws Exception {
        Site site = DemoSite.load();
        server = TestServer.start(data, MqttConfig.defaults().withPort(0), List.of(site));
        server.registerFirm("acme");
        List<SimRobotSpec> specs = new ArrayList<>();
        String[][] robots = {{"D-1", "indoor-delivery", "L1", "lobby-desk"}, {"S-1", "serving", "L1", "kitchen-pass"}};
        for (String[] r : robots) {
            var registered = server.post("/api/v1/robots", server.operatorToken, new JsonObject()
                    .put("manufacturer", "Acme").put("serialNumber", r[0]).put("firm", "acme").put("profile", r[1])
                    .put("site", "demo")).bodyAsJsonObject().getJsonObject("robot");
            var w = site.place(r[3]).flatMap(p -> site.waypoint(p.waypoint())).orElseThrow();
            specs.add(new SimRobotSpec("Acme", r[0], r[1], registered.getString("id"),
                    registered.getJsonObject("mqtt").getString("password"), r[2], w.x(), w.y(), 0, 90));
        }
        fleet = new SimFleet(server.vertx, ProfileCatalog.builtIn(), specs,
                new SimFleet.Settings(50, 250, 0, 10).withTimeScale(4), Clock.systemUTC());
        Await.result(fleet.start("127.0.0.1", server.server.mqttPort()));
        Await.until("robots online", Duration.ofSeconds(10), () -> server.get("/api/v1/robots", server.operatorToken)
                .bodyAsJsonObject().getJsonArray("robots").stream().map(JsonObject.class::cast)
                .allMatch(r -> "ONLINE".equals(r.getString("connection")) && r.getJsonObject("position") != null));

        String delivery = submit(new JsonObject().put("category", "delivery").put("description", new JsonObject()
                .put("pickup", new JsonObject().put("place", "lobby-desk"))
                .put("dropoff", new JsonObject().put("place", "table-3"))));
        String serving = submit(new JsonObject().put("category", "serving").put("description", new JsonObject()
                .put("from", new JsonObject().put("place", "kitchen-pass"))
                .put("tables", new JsonArray().add("table-1").add("table-6"))));
        awaitCompleted(delivery);
        awaitCompleted(serving);

        String deliveryRobot = task(delivery).getJsonObject("assigned_to").getString("name");
        assertThat(server.get("/api/v1/robots/" + deliveryRobot, server.operatorToken).bodyAsJsonObject()
                .getString("kind")).isEqualTo("DELIVERY");
        assertThat(task(serving).getJsonObject("assigned_to").getString("name")).isNotEqualTo(deliveryRobot);
    }

    private String submit(JsonObject request) {
        var res = server.post("/api/v1/tasks", server.operatorToken, request.put("site", "demo"));
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
        return res.bodyAsJsonObject().getJsonObject("booking").getString("id");
    }

    private JsonObject task(String id) {
        return server.get("/api/v1/tasks/" + id, server.operatorToken).bodyAsJsonObject();
    }

    private void awaitCompleted(String id) {
        Await.until("task " + id + " completed", Duration.ofSeconds(90), () -> {
            String status = task(id).getString("status");
            if ("failed".equals(status) || "canceled".equals(status))
                throw new AssertionError("task " + id + " ended " + status + ": " + task(id).getString("reason"));
            return "completed".equals(status);
        });
    }
}
