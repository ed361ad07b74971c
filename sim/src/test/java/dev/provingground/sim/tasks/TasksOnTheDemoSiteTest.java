package dev.provingground.sim.tasks;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tasks over the REST API, dispatched to simulated robots on the demo building and driven to completion. */
class TasksOnTheDemoSiteTest {

    @TempDir
    Path data;
    TestServer server;
    SimFleet fleet;
    Site site;

    @BeforeEach
    void start() throws Exception {
        site = DemoSite.load();
        server = TestServer.start(data, MqttConfig.defaults().withPort(0), List.of(site));
        server.registerFirm("acme");
        List<SimRobotSpec> specs = new ArrayList<>();
        String[][] robots = {{"D-1", "indoor-delivery", "L1", "L1-desk"}, {"D-2", "indoor-delivery", "L2", "L2-mail"},
                {"S-1", "serving", "L1", "L1-pass"}};
        for (String[] r : robots) {
            var registered = server.post("/api/v1/robots", server.operatorToken, new JsonObject()
                    .put("manufacturer", "Acme").put("serialNumber", r[0]).put("firm", "acme").put("profile", r[1])
                    .put("site", "demo")).bodyAsJsonObject().getJsonObject("robot");
            var w = site.place(placeAt(r[3])).flatMap(p -> site.waypoint(p.waypoint())).orElseThrow();
            specs.add(new SimRobotSpec("Acme", r[0], r[1], registered.getString("id"),
                    registered.getJsonObject("mqtt").getString("password"), r[2], w.x(), w.y(), 0, 90));
        }
        fleet = new SimFleet(server.vertx, ProfileCatalog.builtIn(), specs, new SimFleet.Settings(50, 250, 0, 10).withTimeScale(4),
                Clock.systemUTC());
        Await.result(fleet.start("127.0.0.1", server.server.mqttPort()));
        Await.until("robots online", Duration.ofSeconds(10), () -> server.get("/api/v1/robots", server.operatorToken)
                .bodyAsJsonObject().getJsonArray("robots").stream().map(JsonObject.class::cast)
                .allMatch(r -> "ONLINE".equals(r.getString("connection")) && r.getJsonObject("position") != null));
    }

    /** The demo's place names by the waypoint shorthand used above. */
    private String placeAt(String shorthand) {
        return switch (shorthand) {
            case "L1-desk" -> "lobby-desk";
            case "L2-mail" -> "mail-room";
            default -> "kitchen-pass";
        };
    }

    @AfterEach
    void stop() {
        Await.result(fleet.stop());
        server.stop();
    }

    private JsonObject submit(JsonObject request) {
        var res = server.post("/api/v1/tasks", server.operatorToken, request.put("site", "demo"));
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
        return res.bodyAsJsonObject();
    }

    private JsonObject task(String id) {
        return server.get("/api/v1/tasks/" + id, server.operatorToken).bodyAsJsonObject();
    }

    private void awaitStatus(String id, String status, Duration within) {
        Await.until("task " + id + " " + status, within, () -> {
            String now = task(id).getString("status");
            if (!status.equals(now) && ("failed".equals(now) || "canceled".equals(now)))
                throw new AssertionError("task " + id + " ended " + now + ": " + task(id).getString("reason"));
            return status.equals(now);
        });
    }

    @Test
    void deliveryAndServingTasksAreDispatchedToTheRightKindAndCompleted() {
        JsonObject delivery = submit(new JsonObject().put("category", "delivery").put("description", new JsonObject()
                .put("pickup", new JsonObject().put("place", "lobby-desk"))
                .put("dropoff", new JsonObject().put("place", "table-3"))));
        assertThat(delivery.getString("status")).isEqualTo("queued");
        assertThat(delivery.getJsonObject("booking").getString("id")).startsWith("task-");
        assertThat(delivery.getJsonObject("phases").fieldNames()).hasSize(2);

        JsonObject serving = submit(new JsonObject().put("category", "serving").put("description", new JsonObject()
                .put("from", new JsonObject().put("place", "kitchen-pass"))
                .put("tables", new JsonArray().add("table-1").add("table-6"))));

        String deliveryId = delivery.getJsonObject("booking").getString("id");
        String servingId = serving.getJsonObject("booking").getString("id");
        awaitStatus(deliveryId, "completed", Duration.ofSeconds(90));
        awaitStatus(servingId, "completed", Duration.ofSeconds(90));

        JsonObject done = task(deliveryId);
        String deliveryRobot = done.getJsonObject("assigned_to").getString("name");
        assertThat(server.get("/api/v1/robots/" + deliveryRobot, server.operatorToken).bodyAsJsonObject()
                .getString("kind")).isEqualTo("DELIVERY");
        assertThat(done.getJsonObject("dispatch").getJsonArray("decisions")).isNotEmpty();
        assertThat(done.getJsonArray("completed")).hasSize(2);
        assertThat(task(servingId).getJsonObject("assigned_to").getString("name")).isNotEqualTo(deliveryRobot);

        var lifecycle = server.get("/api/v1/events?type=task", server.operatorToken).bodyAsJsonObject()
                .getJsonArray("events").stream().map(JsonObject.class::cast)
                .filter(e -> deliveryId.equals(e.getString("taskId"))).map(e -> e.getString("phase")).toList();
        assertThat(lifecycle).contains("ASSIGNED", "COMPLETED");
        var assigned = server.get("/api/v1/events?type=task", server.operatorToken).bodyAsJsonObject()
                .getJsonArray("events").stream().map(JsonObject.class::cast)
                .filter(e -> deliveryId.equals(e.getString("taskId")) && "ASSIGNED".equals(e.getString("phase")))
                .findFirst().orElseThrow();
        assertThat(assigned.getString("reason")).as("the dispatch decision on the record")
                .startsWith(deliveryRobot + " finishes in ").contains(" Wh, earliest of 1 candidate;")
                // No lift controller reports in this test: the robot upstairs could only come down by a car that is not serving.
                .endsWith("left out: 1 needs an elevator car that is not serving now (E1-A, E2-A)");
    }

    @Test
    void taskNoRobotCanDoIsRejectedWithAReason() {
        var unknownPlace = server.post("/api/v1/tasks", server.operatorToken, new JsonObject().put("site", "demo")
                .put("category", "go_to_place").put("description", new JsonObject().put("place", "narnia")));
        assertThat(unknownPlace.statusCode()).isEqualTo(400);
        assertThat(unknownPlace.bodyAsJsonObject().getJsonObject("error").getString("message")).contains("narnia");

        var noKind = server.post("/api/v1/tasks", server.operatorToken, new JsonObject().put("site", "demo")
                .put("category", "disinfection").put("description", new JsonObject().put("zone", "nowhere")));
        assertThat(noKind.statusCode()).isEqualTo(400);

        var unreachable = server.post("/api/v1/tasks", server.operatorToken, new JsonObject().put("site", "demo")
                .put("category", "serving").put("description", new JsonObject()
                        .put("from", new JsonObject().put("place", "kitchen-pass"))
                        .put("tables", new JsonArray().add("office-201"))));
        assertThat(unreachable.statusCode()).as(unreachable.bodyAsString()).isEqualTo(400);
        assertThat(unreachable.bodyAsJsonObject().getJsonObject("error").getString("message")).contains("cannot be done");
        assertThat(server.get("/api/v1/tasks", server.operatorToken).bodyAsJsonObject().getJsonArray("tasks")).isEmpty();
    }

    @Test
    void canceledTaskStopsAndQueuedTasksSurviveARestart() throws Exception {
        JsonObject far = submit(new JsonObject().put("category", "go_to_place")
                .put("description", new JsonObject().put("place", "office-206")));
        String id = far.getJsonObject("booking").getString("id");
        awaitStatus(id, "underway", Duration.ofSeconds(10));
        var canceled = server.post("/api/v1/tasks/" + id + "/cancel", server.operatorToken, new JsonObject());
        assertThat(canceled.statusCode()).isEqualTo(200);
        assertThat(canceled.bodyAsJsonObject().getString("status")).isEqualTo("canceled");
        Await.until("the cancellation on the record", Duration.ofSeconds(5), () -> server.get("/api/v1/events?type=task",
                server.operatorToken).bodyAsJsonObject().getJsonArray("events").stream().map(JsonObject.class::cast)
                .anyMatch(e -> id.equals(e.getString("taskId")) && "CANCELLED".equals(e.getString("phase"))
                        && e.getString("reason").startsWith("canceled by operator") && e.getString("robot") != null));

        JsonObject later = submit(new JsonObject().put("category", "go_to_place")
                .put("unix_millis_earliest_start_time", System.currentTimeMillis() + 3_600_000)
                .put("description", new JsonObject().put("place", "table-2")));
        String laterId = later.getJsonObject("booking").getString("id");
        Await.result(fleet.stop());
        server.stop();
        server = TestServer.start(data, MqttConfig.defaults().withPort(0), List.of(site));
        fleet = new SimFleet(server.vertx, ProfileCatalog.builtIn(), List.of(), SimFleet.Settings.defaults(), Clock.systemUTC());
        assertThat(task(laterId).getString("status")).isEqualTo("queued");
        assertThat(task(id).getString("status")).isEqualTo("canceled");
    }
}
