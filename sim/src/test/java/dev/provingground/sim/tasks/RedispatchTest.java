package dev.provingground.sim.tasks;

import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.support.Await;
import dev.provingground.server.support.TestServer;
import dev.provingground.sim.demo.DemoSite;
import dev.provingground.sim.fleet.SimFleet;
import dev.provingground.sim.robot.SimRobot;
import dev.provingground.sim.robot.SimRobotClient;
import dev.provingground.sim.robot.SimRobotSpec;
import dev.provingground.site.Site;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task whose robot drops out — off the link, broken down, or taken over by a person — goes to another robot, which
 * finishes it.
 */
class RedispatchTest {

    @TempDir
    Path data;
    TestServer server;
    SimFleet fleet;
    /** Serial number by robot id. */
    final Map<String, String> serials = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        Site site = DemoSite.load();
        server = TestServer.start(data, MqttConfig.defaults().withPort(0), List.of(site));
        server.registerFirm("acme");
        List<SimRobotSpec> specs = new ArrayList<>();
        for (String[] r : new String[][]{{"D-1", "lobby-desk"}, {"D-2", "main-entrance"}}) {
            var registered = server.post("/api/v1/robots", server.operatorToken, new JsonObject()
                    .put("manufacturer", "Acme").put("serialNumber", r[0]).put("firm", "acme")
                    .put("profile", "indoor-delivery").put("site", "demo")).bodyAsJsonObject().getJsonObject("robot");
            serials.put(registered.getString("id"), r[0]);
            var w = site.place(r[1]).flatMap(p -> site.waypoint(p.waypoint())).orElseThrow();
            specs.add(new SimRobotSpec("Acme", r[0], "indoor-delivery", registered.getString("id"),
                    registered.getJsonObject("mqtt").getString("password"), "L1", w.x(), w.y(), 0, 90));
        }
        fleet = new SimFleet(server.vertx, ProfileCatalog.builtIn(), specs,
                new SimFleet.Settings(50, 250, 0, 10).withTimeScale(4), Clock.systemUTC());
        Await.result(fleet.start("127.0.0.1", server.server.mqttPort()));
        Await.until("robots online", Duration.ofSeconds(10), () -> server.get("/api/v1/robots", server.operatorToken)
                .bodyAsJsonObject().getJsonArray("robots").stream().map(JsonObject.class::cast)
                .allMatch(r -> "ONLINE".equals(r.getString("connection")) && r.getJsonObject("position") != null));
    }

    @AfterEach
    void stop() {
        Await.result(fleet.stop());
        server.stop();
    }

    @Test
    void robotThatGoesOfflineHasItsTaskDispatchedToAnotherWhichCompletesIt() {
        String id = submitDelivery();
        String first = awaitUnderway(id);

        Await.result(client(first).disconnect());

        String second = awaitCompletedByAnother(id, first);
        JsonObject done = task(id);
        assertThat(done.getJsonObject("dispatch").getInteger("attempts")).isEqualTo(2);
        assertThat(lastDecisionAbout(done, first).getString("excludedBecause")).isEqualTo("not online");
        assertThat(second).isNotEqualTo(first);
        List<JsonObject> lifecycle = server.get("/api/v1/events?type=task", server.operatorToken).bodyAsJsonObject()
                .getJsonArray("events").stream().map(JsonObject.class::cast)
                .filter(e -> id.equals(e.getString("taskId"))).toList();
        assertThat(lifecycle).extracting(e -> e.getString("phase"))
                .containsSubsequence("ASSIGNED", "REQUEUED", "ASSIGNED", "COMPLETED");
        JsonObject requeued = lifecycle.stream().filter(e -> "REQUEUED".equals(e.getString("phase"))).findFirst().orElseThrow();
        assertThat(requeued.getString("robot")).isEqualTo(first);
        assertThat(requeued.getString("reason")).startsWith("robot " + first + " went ");
    }

    @Test
    void robotReportingAFatalErrorHasItsTaskDispatchedToAnotherAndIsNotChosenAgain() {
        String id = submitDelivery();
        String first = awaitUnderway(id);

        fleet.inject(serials.get(first), robot -> robot.breakDown("drive unit overheated"));

        awaitCompletedByAnother(id, first);
        JsonObject done = task(id);
        assertThat(done.getJsonObject("dispatch").getInteger("attempts")).isEqualTo(2);
        assertThat(lastDecisionAbout(done, first).getString("excludedBecause")).isEqualTo("reports a fatal error");
        JsonObject broken = server.get("/api/v1/robots/" + first, server.operatorToken).bodyAsJsonObject();
        assertThat(broken.getJsonArray("errors").encode()).contains("FATAL " + SimRobot.BREAKDOWN);
        // Repaired, it must not drive on with the task the other robot took over: the server canceled its order.
        AtomicBoolean idle = new AtomicBoolean();
        Await.until("the broken robot's order canceled", Duration.ofSeconds(5), () -> {
            fleet.inject(serials.get(first), robot -> idle.set(robot.isIdle()));
            return idle.get();
        });
    }

    @Test
    void robotThatBreaksDownWithTheLoadAboardKeepsItsTaskAndFinishesItOnceRepaired() {
        String id = submitDelivery();
        String first = awaitUnderway(id);
        Await.until("pickup done", Duration.ofSeconds(60), () -> task(id).getJsonArray("completed").contains(1));

        fleet.inject(serials.get(first), robot -> robot.breakDown("bumper switch stuck"));
        Await.until("task back in the queue", Duration.ofSeconds(10), () -> "queued".equals(task(id).getString("status")));
        assertThat(task(id).getString("reason")).contains("waiting for " + first + ", which carries the load");
        assertThat(task(id).getValue("assigned_to")).isNull();
        Await.until("the wait explained by the dispatcher", Duration.ofSeconds(5), () -> task(id).getString("reason")
                .equals("waiting for " + first + ", which carries the load; 1 reports a fatal error"));

        fleet.inject(serials.get(first), SimRobot::repair);
        Await.until("task completed", Duration.ofSeconds(60), () -> "completed".equals(task(id).getString("status")));
        JsonObject done = task(id);
        assertThat(done.getJsonObject("assigned_to").getString("name")).as("the robot with the load").isEqualTo(first);
        assertThat(done.getJsonObject("dispatch").getInteger("attempts")).isEqualTo(2);
    }

    @Test
    void robotTakenOverByHandHasItsTaskDispatchedToAnotherAndTheTakeoverGoesOnTheRecord() {
        String id = submitDelivery();
        String first = awaitUnderway(id);

        fleet.inject(serials.get(first), SimRobot::takeOverByHand);

        awaitCompletedByAnother(id, first);
        assertThat(lastDecisionAbout(task(id), first).getString("excludedBecause"))
                .isEqualTo("taken over by hand (operatingMode MANUAL)");
        fleet.inject(serials.get(first), SimRobot::handBack);
        Await.until("the takeover recorded as an on-site intervention", Duration.ofSeconds(5), () -> server.get(
                "/api/v1/events?type=intervention&robot=" + first, server.operatorToken).bodyAsJsonObject()
                .getJsonArray("events").stream().map(JsonObject.class::cast)
                .anyMatch(e -> "ON_SITE".equals(e.getString("kind")) && e.getDouble("resolveSeconds") > 0));
    }

    private String submitDelivery() {
        var res = server.post("/api/v1/tasks", server.operatorToken, new JsonObject().put("site", "demo")
                .put("category", "delivery").put("description", new JsonObject()
                        .put("pickup", new JsonObject().put("place", "parcel-room"))
                        .put("dropoff", new JsonObject().put("place", "staff-room"))));
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
        return res.bodyAsJsonObject().getJsonObject("booking").getString("id");
    }

    private String awaitUnderway(String id) {
        Await.until("task " + id + " underway", Duration.ofSeconds(10), () -> "underway".equals(task(id).getString("status")));
        return task(id).getJsonObject("assigned_to").getString("name");
    }

    /** Waits for the task to complete, failing at once if it fails or is canceled; returns the robot that did it. */
    private String awaitCompletedByAnother(String id, String first) {
        try {
            Await.until("task " + id + " completed", Duration.ofSeconds(90), () -> {
                JsonObject t = task(id);
                String status = t.getString("status");
                if ("failed".equals(status) || "canceled".equals(status))
                    throw new AssertionError("task " + id + " ended " + status + ": " + t.getString("reason"));
                return "completed".equals(status);
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; task now: " + task(id).encode(), e);
        }
        String by = task(id).getJsonObject("assigned_to").getString("name");
        assertThat(by).as("the robot that completed the task").isNotEqualTo(first);
        return by;
    }

    private SimRobotClient client(String robotId) {
        return fleet.clients().stream().filter(c -> c.robot().serialNumber().equals(serials.get(robotId))).findFirst()
                .orElseThrow();
    }

    private static JsonObject lastDecisionAbout(JsonObject task, String robotId) {
        var decisions = task.getJsonObject("dispatch").getJsonArray("decisions");
        return decisions.getJsonObject(decisions.size() - 1).getJsonArray("candidates").stream()
                .map(JsonObject.class::cast).filter(c -> robotId.equals(c.getString("robot"))).findFirst().orElseThrow();
    }

    private JsonObject task(String id) {
        return server.get("/api/v1/tasks/" + id, server.operatorToken).bodyAsJsonObject();
    }
}
