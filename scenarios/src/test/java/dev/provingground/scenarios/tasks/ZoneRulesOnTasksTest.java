package dev.provingground.scenarios.tasks;

import dev.provingground.scenarios.harness.LinkedRobot;
import dev.provingground.scenarios.harness.Simulation;
import dev.provingground.server.support.Zones;
import dev.provingground.server.tasks.TaskStatus;
import dev.provingground.sim.demo.DemoSite;
import dev.provingground.sim.robot.SimRobotSpec;
import dev.provingground.site.Site;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Zone rules that stop a task say so: which zone and which rule, on the record and in the API's answer. */
class ZoneRulesOnTasksTest {

    @TempDir
    Path data;
    Simulation sim;
    LinkedRobot robot;

    @BeforeEach
    void start() throws Exception {
        Site site = DemoSite.load();
        sim = Simulation.start(data, List.of(site));
        sim.api().registerFirm("acme");
        var registered = sim.api().post("/api/v1/robots", sim.operatorToken(), new JsonObject()
                .put("manufacturer", "Acme").put("serialNumber", "D-1").put("firm", "acme")
                .put("profile", "indoor-delivery").put("site", "demo")).bodyAsJsonObject().getJsonObject("robot");
        var desk = site.place("lobby-desk").flatMap(p -> site.waypoint(p.waypoint())).orElseThrow();
        robot = sim.addRobot(new SimRobotSpec("Acme", "D-1", "indoor-delivery", registered.getString("id"),
                registered.getJsonObject("mqtt").getString("password"), "L1", desk.x(), desk.y(), 0, 90));
        sim.runUntil("the robot located", Duration.ofSeconds(5), () -> sim.server().registry().all().stream()
                .allMatch(r -> sim.server().registry().status(r.id()).position() != null));
    }

    @AfterEach
    void stop() {
        if (sim != null) sim.stop();
    }

    private String goTo(String place) {
        var res = sim.api().post("/api/v1/tasks", sim.operatorToken(), new JsonObject().put("site", "demo")
                .put("category", "go_to_place").put("description", new JsonObject().put("place", place)));
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
        return res.bodyAsJsonObject().getJsonObject("booking").getString("id");
    }

    private void addZone(JsonObject feature) {
        var res = sim.api().post("/api/v1/sites/demo/zones", sim.operatorToken(), feature);
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
    }

    @Test
    void aTaskCancelledByAZoneCancelRuleNamesTheZoneAndTheRule() {
        String id = goTo("table-3");
        sim.awaitTask(id, TaskStatus.UNDERWAY, Duration.ofSeconds(10));
        sim.runUntil("the robot under way", Duration.ofSeconds(30), () -> robot.robot().speed() > 0.2);
        double x = sim.onServer(() -> robot.robot().x());
        double y = sim.onServer(() -> robot.robot().y());
        addZone(Zones.withProperty(Zones.rectangle("wet-floor", "KEEP_OUT", x - 2, y - 2, x + 2, y + 2),
                "onViolation", "CANCEL"));

        sim.awaitTask(id, TaskStatus.CANCELED, Duration.ofSeconds(30));
        String expected = "canceled by zone \"wet-floor\" (rule keep-out-entered, action CANCEL)";
        assertThat(sim.task(id).progress().reason()).startsWith(expected).endsWith(" on L1");
        sim.settle();
        List<JsonObject> record = sim.api().get("/api/v1/events?type=task", sim.operatorToken()).bodyAsJsonObject()
                .getJsonArray("events").stream().map(JsonObject.class::cast)
                .filter(e -> id.equals(e.getString("taskId"))).toList();
        assertThat(record).extracting(e -> e.getString("phase")).endsWith("CANCELLED").doesNotContain("FAILED");
        assertThat(record.get(record.size() - 1).getString("reason")).startsWith(expected);
    }

    @Test
    void aTaskAZoneMakesImpossibleIsRefusedNamingTheZone() {
        addZone(Zones.rectangle("spill", "KEEP_OUT", 13, 7, 15, 8.8));

        var res = sim.api().post("/api/v1/tasks", sim.operatorToken(), new JsonObject().put("site", "demo")
                .put("category", "go_to_place").put("description", new JsonObject().put("place", "table-3")));
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(400);
        assertThat(res.bodyAsJsonObject().getJsonObject("error").getString("message"))
                .contains("cannot reach every stop: the way is blocked by keep-out zone 'spill'");
    }

    @Test
    void aQueuedTaskAZoneLaterBlocksFailsOnTheRecordNamingTheZone() {
        var res = sim.api().post("/api/v1/tasks", sim.operatorToken(), new JsonObject().put("site", "demo")
                .put("category", "go_to_place").put("description", new JsonObject().put("place", "table-3"))
                .put("unix_millis_earliest_start_time", sim.clock().millis() + 60_000));
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
        String id = res.bodyAsJsonObject().getJsonObject("booking").getString("id");
        addZone(Zones.rectangle("spill", "KEEP_OUT", 13, 7, 15, 8.8));

        sim.awaitTask(id, TaskStatus.FAILED, Duration.ofMinutes(2));
        sim.settle();
        JsonObject failed = sim.api().get("/api/v1/events?type=task", sim.operatorToken()).bodyAsJsonObject()
                .getJsonArray("events").stream().map(JsonObject.class::cast)
                .filter(e -> id.equals(e.getString("taskId")) && "FAILED".equals(e.getString("phase")))
                .findFirst().orElseThrow();
        assertThat(failed.getString("reason")).contains("the way is blocked by keep-out zone 'spill'");
    }
}
