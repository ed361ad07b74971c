package dev.provingground.scenarios.tasks;

import dev.provingground.scenarios.harness.Simulation;
import dev.provingground.server.tasks.TaskStatus;
import dev.provingground.sim.demo.DemoSite;
import dev.provingground.sim.robot.SimRobotSpec;
import dev.provingground.site.Site;
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

/** Tasks over the REST API, dispatched to simulated robots on the demo building and driven to completion. */
class TasksOnTheDemoSiteTest {

    @TempDir
    Path data;
    Simulation sim;
    Site site;

    @BeforeEach
    void start() throws Exception {
        site = DemoSite.load();
        sim = Simulation.start(data, List.of(site));
        sim.api().registerFirm("acme");
        String[][] robots = {{"D-1", "indoor-delivery", "L1", "lobby-desk"}, {"D-2", "indoor-delivery", "L2", "mail-room"},
                {"S-1", "serving", "L1", "kitchen-pass"}};
        for (String[] r : robots) {
            var registered = sim.api().post("/api/v1/robots", sim.operatorToken(), new JsonObject()
                    .put("manufacturer", "Acme").put("serialNumber", r[0]).put("firm", "acme").put("profile", r[1])
                    .put("site", "demo")).bodyAsJsonObject().getJsonObject("robot");
            var w = site.place(r[3]).flatMap(p -> site.waypoint(p.waypoint())).orElseThrow();
            sim.addRobot(new SimRobotSpec("Acme", r[0], r[1], registered.getString("id"),
                    registered.getJsonObject("mqtt").getString("password"), r[2], w.x(), w.y(), 0, 90));
        }
        sim.runUntil("robots online", Duration.ofSeconds(5), () -> sim.server().registry().all().stream()
                .allMatch(r -> sim.server().registry().status(r.id()).position() != null));
    }

    @AfterEach
    void stop() {
        if (sim != null) sim.stop();
    }

    private JsonObject submit(JsonObject request) {
        var res = sim.api().post("/api/v1/tasks", sim.operatorToken(), request.put("site", "demo"));
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
        return res.bodyAsJsonObject();
    }

    private JsonObject task(String id) {
        return sim.api().get("/api/v1/tasks/" + id, sim.operatorToken()).bodyAsJsonObject();
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
        sim.awaitTask(deliveryId, TaskStatus.COMPLETED, Duration.ofMinutes(6));
        sim.awaitTask(servingId, TaskStatus.COMPLETED, Duration.ofMinutes(6));

        JsonObject done = task(deliveryId);
        String deliveryRobot = done.getJsonObject("assigned_to").getString("name");
        assertThat(sim.api().get("/api/v1/robots/" + deliveryRobot, sim.operatorToken()).bodyAsJsonObject()
                .getString("kind")).isEqualTo("DELIVERY");
        assertThat(done.getJsonObject("dispatch").getJsonArray("decisions")).isNotEmpty();
        assertThat(done.getJsonArray("completed")).hasSize(2);
        assertThat(task(servingId).getJsonObject("assigned_to").getString("name")).isNotEqualTo(deliveryRobot);

        var lifecycle = sim.api().get("/api/v1/events?type=task", sim.operatorToken()).bodyAsJsonObject()
                .getJsonArray("events").stream().map(JsonObject.class::cast)
                .filter(e -> deliveryId.equals(e.getString("taskId"))).map(e -> e.getString("phase")).toList();
        assertThat(lifecycle).contains("ASSIGNED", "COMPLETED");
        var assigned = sim.api().get("/api/v1/events?type=task", sim.operatorToken()).bodyAsJsonObject()
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
        var unknownPlace = sim.api().post("/api/v1/tasks", sim.operatorToken(), new JsonObject().put("site", "demo")
                .put("category", "go_to_place").put("description", new JsonObject().put("place", "narnia")));
        assertThat(unknownPlace.statusCode()).isEqualTo(400);
        assertThat(unknownPlace.bodyAsJsonObject().getJsonObject("error").getString("message")).contains("narnia");

        var noKind = sim.api().post("/api/v1/tasks", sim.operatorToken(), new JsonObject().put("site", "demo")
                .put("category", "disinfection").put("description", new JsonObject().put("zone", "nowhere")));
        assertThat(noKind.statusCode()).isEqualTo(400);

        var unreachable = sim.api().post("/api/v1/tasks", sim.operatorToken(), new JsonObject().put("site", "demo")
                .put("category", "serving").put("description", new JsonObject()
                        .put("from", new JsonObject().put("place", "kitchen-pass"))
                        .put("tables", new JsonArray().add("office-201"))));
        assertThat(unreachable.statusCode()).as(unreachable.bodyAsString()).isEqualTo(400);
        assertThat(unreachable.bodyAsJsonObject().getJsonObject("error").getString("message")).contains("cannot be done");
        assertThat(sim.api().get("/api/v1/tasks", sim.operatorToken()).bodyAsJsonObject().getJsonArray("tasks")).isEmpty();
    }

    @Test
    void canceledTaskStopsAndQueuedTasksSurviveARestart() throws Exception {
        JsonObject far = submit(new JsonObject().put("category", "go_to_place")
                .put("description", new JsonObject().put("place", "office-206")));
        String id = far.getJsonObject("booking").getString("id");
        sim.awaitTask(id, TaskStatus.UNDERWAY, Duration.ofSeconds(10));
        var canceled = sim.api().post("/api/v1/tasks/" + id + "/cancel", sim.operatorToken(), new JsonObject());
        assertThat(canceled.statusCode()).isEqualTo(200);
        assertThat(canceled.bodyAsJsonObject().getString("status")).isEqualTo("canceled");
        sim.settle();
        assertThat(sim.api().get("/api/v1/events?type=task", sim.operatorToken()).bodyAsJsonObject()
                .getJsonArray("events").stream().map(JsonObject.class::cast))
                .as("the cancellation on the record")
                .anyMatch(e -> id.equals(e.getString("taskId")) && "CANCELLED".equals(e.getString("phase"))
                        && e.getString("reason").startsWith("canceled by operator") && e.getString("robot") != null);

        JsonObject later = submit(new JsonObject().put("category", "go_to_place")
                .put("unix_millis_earliest_start_time", sim.clock().millis() + 3_600_000)
                .put("description", new JsonObject().put("place", "table-2")));
        String laterId = later.getJsonObject("booking").getString("id");
        var clock = sim.clock();
        sim.stop();
        sim = Simulation.start(data, List.of(site), clock);
        assertThat(task(laterId).getString("status")).isEqualTo("queued");
        assertThat(task(id).getString("status")).isEqualTo("canceled");
    }
}
