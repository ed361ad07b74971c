package dev.provingground.scenarios.tasks;

import dev.provingground.scenarios.harness.LinkedRobot;
import dev.provingground.scenarios.harness.Simulation;
import dev.provingground.server.tasks.Task;
import dev.provingground.server.tasks.TaskStatus;
import dev.provingground.sim.demo.DemoSite;
import dev.provingground.sim.robot.SimRobot;
import dev.provingground.sim.robot.SimRobotSpec;
import dev.provingground.site.Site;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task whose robot drops out — off the link, broken down, or taken over by a person — goes to another robot, which
 * finishes it.
 */
class RedispatchTest {

    @TempDir
    Path data;
    Simulation sim;
    /** The simulated robot by its id at the server. */
    final Map<String, LinkedRobot> robots = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        Site site = DemoSite.load();
        sim = Simulation.start(data, List.of(site));
        sim.api().registerFirm("acme");
        for (String[] r : new String[][]{{"D-1", "lobby-desk"}, {"D-2", "main-entrance"}}) {
            var registered = sim.api().post("/api/v1/robots", sim.operatorToken(), new JsonObject()
                    .put("manufacturer", "Acme").put("serialNumber", r[0]).put("firm", "acme")
                    .put("profile", "indoor-delivery").put("site", "demo")).bodyAsJsonObject().getJsonObject("robot");
            var w = site.place(r[1]).flatMap(p -> site.waypoint(p.waypoint())).orElseThrow();
            robots.put(registered.getString("id"), sim.addRobot(new SimRobotSpec("Acme", r[0], "indoor-delivery",
                    registered.getString("id"), registered.getJsonObject("mqtt").getString("password"), "L1", w.x(), w.y(), 0, 90)));
        }
        sim.run(Duration.ofSeconds(1));
    }

    @AfterEach
    void stop() {
        if (sim != null) sim.stop();
    }

    @Test
    void robotThatGoesOfflineHasItsTaskDispatchedToAnotherWhichCompletesIt() {
        String id = submitDelivery();
        String first = awaitUnderway(id);

        sim.onServer(() -> robots.get(first).disconnect());

        String second = awaitCompletedByAnother(id, first);
        JsonObject done = task(id);
        assertThat(done.getJsonObject("dispatch").getInteger("attempts")).isEqualTo(2);
        assertThat(lastDecisionAbout(done, first).getString("excludedBecause")).isEqualTo("not online");
        assertThat(second).isNotEqualTo(first);
        List<JsonObject> lifecycle = sim.api().get("/api/v1/events?type=task", sim.operatorToken()).bodyAsJsonObject()
                .getJsonArray("events").stream().map(JsonObject.class::cast)
                .filter(e -> id.equals(e.getString("taskId"))).toList();
        assertThat(lifecycle).extracting(e -> e.getString("phase"))
                .containsSubsequence("ASSIGNED", "REQUEUED", "ASSIGNED", "COMPLETED");
        JsonObject requeued = lifecycle.stream().filter(e -> "REQUEUED".equals(e.getString("phase"))).findFirst().orElseThrow();
        assertThat(requeued.getString("robot")).isEqualTo(first);
        assertThat(requeued.getString("reason")).startsWith("robot " + first + " went ");
    }

    @Test
    void robotWhoseLinkBreaksHasItsTaskDispatchedToAnotherWhichCompletesIt() {
        String id = submitDelivery();
        String first = awaitUnderway(id);

        sim.onServer(() -> robots.get(first).dropLink());

        awaitCompletedByAnother(id, first);
        assertThat(task(id).getJsonObject("dispatch").getInteger("attempts")).isEqualTo(2);
        assertThat(sim.api().get("/api/v1/robots/" + first, sim.operatorToken()).bodyAsJsonObject()
                .getString("connection")).as("the last will acted on").isEqualTo("CONNECTIONBROKEN");
    }

    @Test
    void robotReportingAFatalErrorHasItsTaskDispatchedToAnotherAndIsNotChosenAgain() {
        String id = submitDelivery();
        String first = awaitUnderway(id);

        sim.onServer(() -> robots.get(first).robot().breakDown("drive unit overheated"));

        awaitCompletedByAnother(id, first);
        JsonObject done = task(id);
        assertThat(done.getJsonObject("dispatch").getInteger("attempts")).isEqualTo(2);
        assertThat(lastDecisionAbout(done, first).getString("excludedBecause")).isEqualTo("reports a fatal error");
        JsonObject broken = sim.api().get("/api/v1/robots/" + first, sim.operatorToken()).bodyAsJsonObject();
        assertThat(broken.getJsonArray("errors").encode()).contains("FATAL " + SimRobot.BREAKDOWN);
        // Repaired, it must not drive on with the task the other robot took over: the server canceled its order.
        sim.runUntil("the broken robot's order canceled", Duration.ofSeconds(20), robots.get(first).robot()::isIdle);
    }

    @Test
    void robotThatBreaksDownWithTheLoadAboardKeepsItsTaskAndFinishesItOnceRepaired() {
        String id = submitDelivery();
        String first = awaitUnderway(id);
        sim.runUntil("pickup done", Duration.ofMinutes(4), () -> sim.server().tasks().find(id).orElseThrow().progress().stopIndex() >= 1);

        sim.onServer(() -> robots.get(first).robot().breakDown("bumper switch stuck"));
        sim.awaitTask(id, TaskStatus.QUEUED, Duration.ofSeconds(40));
        assertThat(task(id).getString("reason")).contains("waiting for " + first + ", which carries the load");
        assertThat(task(id).getValue("assigned_to")).isNull();
        sim.runUntil("the wait explained by the dispatcher", Duration.ofSeconds(20), () -> sim.server().tasks().find(id)
                .orElseThrow().progress().reason().equals("waiting for " + first + ", which carries the load; 1 reports a fatal error"));

        sim.onServer(() -> robots.get(first).robot().repair());
        sim.awaitTask(id, TaskStatus.COMPLETED, Duration.ofMinutes(4));
        JsonObject done = task(id);
        assertThat(done.getJsonObject("assigned_to").getString("name")).as("the robot with the load").isEqualTo(first);
        assertThat(done.getJsonObject("dispatch").getInteger("attempts")).isEqualTo(2);
    }

    @Test
    void robotTakenOverByHandHasItsTaskDispatchedToAnotherAndTheTakeoverGoesOnTheRecord() {
        String id = submitDelivery();
        String first = awaitUnderway(id);

        sim.onServer(() -> robots.get(first).robot().takeOverByHand());

        awaitCompletedByAnother(id, first);
        assertThat(lastDecisionAbout(task(id), first).getString("excludedBecause"))
                .isEqualTo("taken over by hand (operatingMode MANUAL)");
        sim.onServer(() -> robots.get(first).robot().handBack());
        sim.run(Duration.ofSeconds(2));
        assertThat(sim.api().get("/api/v1/events?type=intervention&robot=" + first, sim.operatorToken())
                .bodyAsJsonObject().getJsonArray("events").stream().map(JsonObject.class::cast))
                .as("the takeover recorded as an on-site intervention")
                .anyMatch(e -> "ON_SITE".equals(e.getString("kind")) && e.getDouble("resolveSeconds") > 0);
    }

    private String submitDelivery() {
        var res = sim.api().post("/api/v1/tasks", sim.operatorToken(), new JsonObject().put("site", "demo")
                .put("category", "delivery").put("description", new JsonObject()
                        .put("pickup", new JsonObject().put("place", "parcel-room"))
                        .put("dropoff", new JsonObject().put("place", "staff-room"))));
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
        return res.bodyAsJsonObject().getJsonObject("booking").getString("id");
    }

    private String awaitUnderway(String id) {
        return sim.awaitTask(id, TaskStatus.UNDERWAY, Duration.ofSeconds(40)).progress().assignedTo();
    }

    /** Waits for the task to complete, failing at once if it fails or is canceled; returns the robot that did it. */
    private String awaitCompletedByAnother(String id, String first) {
        Task done = sim.awaitTask(id, TaskStatus.COMPLETED, Duration.ofMinutes(6));
        assertThat(done.progress().assignedTo()).as("the robot that completed the task").isNotEqualTo(first);
        return done.progress().assignedTo();
    }

    private static JsonObject lastDecisionAbout(JsonObject task, String robotId) {
        var decisions = task.getJsonObject("dispatch").getJsonArray("decisions");
        return decisions.getJsonObject(decisions.size() - 1).getJsonArray("candidates").stream()
                .map(JsonObject.class::cast).filter(c -> robotId.equals(c.getString("robot"))).findFirst().orElseThrow();
    }

    private JsonObject task(String id) {
        return sim.api().get("/api/v1/tasks/" + id, sim.operatorToken()).bodyAsJsonObject();
    }
}
