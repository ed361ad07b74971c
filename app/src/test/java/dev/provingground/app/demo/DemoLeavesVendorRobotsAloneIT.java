package dev.provingground.app.demo;

import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.support.Await;
import dev.provingground.server.support.TestRobot;
import dev.provingground.server.support.TestServer;
import dev.provingground.sim.demo.DemoSite;
import dev.provingground.sim.fleet.SimFleet;
import dev.provingground.site.Site;
import dev.provingground.vda5050.State;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A vendor connects robots to the trial zone while the demo runs: they get no demo task and no command of the demo's
 * remote operator, over a stretch in which the demo's tasks are dispatched and done and its operator resumes one of
 * its own robots that enforcement paused. The vendor's robots are dispatched by the server (the default), so only the
 * demo keeping to its own robots keeps them out of its work.
 */
class DemoLeavesVendorRobotsAloneIT {

    @TempDir
    Path data;

    /** A vendor's robot standing still and reporting twice a second; paused once the server tells it to pause. */
    private record VendorRobot(String id, TestRobot mqtt, String level, double x, double y) {

        boolean paused() {
            return received("startPause") && !received("stopPause");
        }

        boolean received(String actionType) {
            return mqtt.received.stream().anyMatch(m -> m.contains("\"actionType\":\"" + actionType + "\""));
        }

        void report() {
            State s = mqtt.state(level, x, y, 100);
            mqtt.publish(new State(0, null, null, s.manufacturer(), s.serialNumber(), s.maps(), s.orderId(),
                    s.orderUpdateId(), null, s.lastNodeId(), s.lastNodeSequenceId(), false, paused(), false, 0.0,
                    s.operatingMode(), List.of(), List.of(), s.agvPosition(), s.velocity(), List.of(), List.of(),
                    s.batteryState(), List.of(), List.of(), s.safetyState()));
        }

        List<String> instantActionTypes() {
            return mqtt.received.stream().filter(m -> m.contains("\"actionType\""))
                    .flatMap(m -> new JsonObject(m).getJsonArray("actions").stream()
                            .map(a -> ((JsonObject) a).getString("actionType"))).toList();
        }
    }

    @Test
    void aVendorsRobotsGetNoDemoTaskAndNoRemoteOperatorCommandWhileTheDemoWorks() throws Exception {
        Site site = DemoSite.load();
        ScheduledExecutorService reporting = Executors.newSingleThreadScheduledExecutor();
        try (TestServer server = TestServer.start(data, MqttConfig.defaults().withPort(0), List.of(site))) {
            DemoLauncher demo = new DemoLauncher(server.vertx, Endpoints.of(server), site);
            demo.start(12, DemoLauncher.Settings.defaults().withAssistAfter(Duration.ofSeconds(1))
                    .withFleet(SimFleet.Settings.defaults().withTimeScale(3)));
            try {
                Instant connected = Instant.now();
                String vendor = server.registerFirm("outsider");
                // Idle at the lobby desk, where demo deliveries start: the dispatcher's pick, were it open to it.
                VendorRobot idle = connect(server, vendor, "OUT-1", "L1", 34.5, 9.5);
                // In the kitchen, a keep-out zone that pauses: the kind of robot the demo's operator resumes.
                VendorRobot pausedByZone = connect(server, vendor, "OUT-2", "L1", 10, 25);
                reporting.scheduleAtFixedRate(() -> {
                    idle.report();
                    pausedByZone.report();
                }, 0, 500, TimeUnit.MILLISECONDS);
                Await.until("the vendor's robot in the kitchen paused", Duration.ofSeconds(10),
                        () -> Boolean.TRUE.equals(robot(server, pausedByZone.id()).getBoolean("paused")));

                String helped = pauseADemoRobot(server, demo);
                Await.until("the demo's operator resuming " + helped, Duration.ofSeconds(30),
                        () -> !interventions(server, helped).isEmpty()
                                && Boolean.FALSE.equals(robot(server, helped).getBoolean("paused")));
                Await.until("demo tasks dispatched and done since the vendor connected", Duration.ofSeconds(120),
                        () -> taskEvents(server, connected, "ASSIGNED") >= 5
                                && taskEvents(server, connected, "COMPLETED") >= 2);

                assertThat(idle.mqtt().received).as("messages at the vendor's idle robot").isEmpty();
                assertThat(pausedByZone.mqtt().receivedTopics).as("topics at the vendor's paused robot")
                        .allMatch(t -> t.endsWith("/instantActions"));
                assertThat(pausedByZone.instantActionTypes()).as("instant actions at the vendor's paused robot")
                        .isNotEmpty().containsOnly("startPause");
                assertThat(interventions(server, idle.id())).isEmpty();
                assertThat(interventions(server, pausedByZone.id())).isEmpty();
                JsonArray tasks = server.get("/api/v1/tasks", server.operatorToken).bodyAsJsonObject()
                        .getJsonArray("tasks");
                assertThat(tasks.stream().map(JsonObject.class::cast).map(t -> t.getJsonObject("assigned_to"))
                        .filter(to -> to != null).map(to -> to.getString("name")))
                        .doesNotContain(idle.id(), pausedByZone.id());
            } finally {
                reporting.shutdownNow();
                demo.stop();
            }
        }
    }

    /** The vendor registers a robot of its own through the API and connects it over MQTT. */
    private static VendorRobot connect(TestServer server, String vendorToken, String serial, String level, double x,
                                       double y) {
        var res = server.post("/api/v1/robots", vendorToken, new JsonObject().put("manufacturer", "Outsider")
                .put("serialNumber", serial).put("profile", "indoor-delivery").put("site", "demo"));
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
        JsonObject r = res.bodyAsJsonObject().getJsonObject("robot");
        assertThat(r.getString("dispatch")).isEqualTo("SERVER");
        TestRobot mqtt = TestRobot.create(server.vertx, "Outsider", serial, r.getString("id"),
                r.getJsonObject("mqtt").getString("password"));
        mqtt.connectOnline(server.server.mqttPort());
        VendorRobot robot = new VendorRobot(r.getString("id"), mqtt, level, x, y);
        robot.report();
        return robot;
    }

    /**
     * As the trial-zone manager, draws a keep-out zone that pauses around a demo robot standing indoors, waits until the
     * robot is paused, and takes the zone away again; answers the robot's id.
     */
    private static String pauseADemoRobot(TestServer server, DemoLauncher demo) {
        JsonObject[] target = new JsonObject[1];
        Await.until("a demo robot standing indoors", Duration.ofSeconds(30), () -> {
            target[0] = demo.robotIds().stream().map(id -> robot(server, id))
                    .filter(r -> r.getJsonObject("position") != null && !"OUT".equals(r.getJsonObject("position")
                            .getString("mapId")) && !Boolean.TRUE.equals(r.getBoolean("driving")))
                    .findFirst().orElse(null);
            return target[0] != null;
        });
        String id = target[0].getString("id");
        JsonObject at = target[0].getJsonObject("position");
        double x = at.getDouble("x");
        double y = at.getDouble("y");
        JsonArray ring = new JsonArray().add(point(x - 2, y - 2)).add(point(x + 2, y - 2)).add(point(x + 2, y + 2))
                .add(point(x - 2, y + 2)).add(point(x - 2, y - 2));
        var added = server.post("/api/v1/sites/demo/zones", server.operatorToken, new JsonObject().put("type", "Feature")
                .put("id", "test-hold").put("geometry", new JsonObject().put("type", "Polygon")
                        .put("coordinates", new JsonArray().add(ring)))
                .put("properties", new JsonObject().put("name", "held for the test").put("level", at.getString("mapId"))
                        .put("kind", "KEEP_OUT").put("onViolation", "PAUSE")));
        assertThat(added.statusCode()).as(added.bodyAsString()).isEqualTo(201);
        Await.until(id + " paused by the zone", Duration.ofSeconds(15),
                () -> Boolean.TRUE.equals(robot(server, id).getBoolean("paused")) || !interventions(server, id).isEmpty());
        var removed = server.call(HttpMethod.DELETE, "/api/v1/sites/demo/zones/test-hold",
                server.operatorToken, null);
        assertThat(removed.statusCode()).as(removed.bodyAsString()).isBetween(200, 204);
        return id;
    }

    private static JsonArray point(double x, double y) {
        return new JsonArray().add(x).add(y);
    }

    private static JsonObject robot(TestServer server, String id) {
        return server.get("/api/v1/robots/" + id, server.operatorToken).bodyAsJsonObject();
    }

    private static List<JsonObject> interventions(TestServer server, String robot) {
        return server.get("/api/v1/events?type=intervention&robot=" + robot, server.operatorToken).bodyAsJsonObject()
                .getJsonArray("events").stream().map(JsonObject.class::cast).toList();
    }

    private static long taskEvents(TestServer server, Instant since, String phase) {
        return server.get("/api/v1/events?type=task&since=" + since, server.operatorToken).bodyAsJsonObject()
                .getJsonArray("events").stream().map(JsonObject.class::cast)
                .filter(e -> phase.equals(e.getString("phase"))).count();
    }
}
