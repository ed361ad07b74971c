package dev.provingground.server.tasks;

import dev.provingground.server.support.InProcessRobot;
import dev.provingground.server.support.VirtualServer;
import dev.provingground.site.Site;
import dev.provingground.site.SiteFormat;
import dev.provingground.vda5050.OperatingMode;
import dev.provingground.vda5050.State;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dispatch reacts to what happens: a task submitted, a robot that comes online, one handed back to the fleet — each
 * starts a dispatch round at once, without the clock moving, rather than at the next safety poll.
 */
class DispatchOnEventsTest {

    @TempDir
    Path data;
    VirtualServer server;
    InProcessRobot robot;
    Instant start;

    static Site hall() {
        return SiteFormat.read(("""
                {"id": "hall", "name": "Hall", "timeZone": "UTC",
                 "levels": [{"id": "L1", "name": "Hall", "floor": 1, "outdoor": false,
                   "waypoints": [{"id": "a", "x": 0, "y": 0}, {"id": "b", "x": 10, "y": 0}],
                   "lanes": [{"from": "a", "to": "b"}]}],
                 "places": [{"name": "end", "level": "L1", "waypoint": "b"}], "chargers": [], "elevators": []}
                """).getBytes(StandardCharsets.UTF_8), "hall.json");
    }

    @BeforeEach
    void start() throws Exception {
        server = VirtualServer.start(data, List.of(hall()));
        server.api().registerFirm("acme");
        JsonObject r = server.api().post("/api/v1/robots", server.operatorToken(), new JsonObject()
                .put("manufacturer", "Acme").put("serialNumber", "A-1").put("firm", "acme")
                .put("profile", "indoor-delivery").put("site", "hall")).bodyAsJsonObject().getJsonObject("robot");
        robot = server.robot("Acme", "A-1", r.getString("id"), r.getJsonObject("mqtt").getString("password"));
        start = server.clock().instant();
    }

    @AfterEach
    void stop() {
        robot.close();
        server.stop();
    }

    private String submit() {
        var res = server.api().post("/api/v1/tasks", server.operatorToken(), new JsonObject().put("site", "hall")
                .put("category", "go_to_place").put("description", new JsonObject().put("place", "end")));
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
        return res.bodyAsJsonObject().getJsonObject("booking").getString("id");
    }

    private TaskStatus status(String id) {
        return server.onServer(() -> server.server().tasks().find(id).orElseThrow().progress().status());
    }

    @Test
    void aSubmittedTaskIsDispatchedAtOnce() {
        robot.connectOnline();
        robot.sendState("L1", 0, 0, 90);

        String id = submit();
        server.settle();

        assertThat(status(id)).isEqualTo(TaskStatus.UNDERWAY);
        assertThat(robot.receivedTopics).anyMatch(t -> t.endsWith("/order"));
        assertThat(server.clock().instant()).as("no time passed").isEqualTo(start);
    }

    @Test
    void aRobotThatComesOnlineTakesAWaitingTaskAtOnce() {
        String id = submit();
        server.settle();
        assertThat(status(id)).as("no robot online yet").isEqualTo(TaskStatus.QUEUED);

        robot.connectOnline();
        robot.sendState("L1", 0, 0, 90);

        assertThat(status(id)).isEqualTo(TaskStatus.UNDERWAY);
        assertThat(server.clock().instant()).as("no time passed").isEqualTo(start);
    }

    @Test
    void aRobotHandedBackToTheFleetTakesAWaitingTaskAtOnce() {
        robot.connectOnline();
        State base = robot.state("L1", 0, 0, 90);
        robot.publish(inMode(base, OperatingMode.MANUAL));
        String id = submit();
        server.settle();
        assertThat(status(id)).as("the only robot is driven by hand").isEqualTo(TaskStatus.QUEUED);

        robot.publish(inMode(base, OperatingMode.AUTOMATIC));

        assertThat(status(id)).isEqualTo(TaskStatus.UNDERWAY);
        assertThat(server.clock().instant()).as("no time passed").isEqualTo(start);
    }

    private static State inMode(State s, OperatingMode mode) {
        return new State(s.headerId(), s.timestamp(), s.version(), s.manufacturer(), s.serialNumber(), s.maps(),
                s.orderId(), s.orderUpdateId(), s.zoneSetId(), s.lastNodeId(), s.lastNodeSequenceId(), s.driving(),
                s.paused(), s.newBaseRequest(), s.distanceSinceLastNode(), mode, s.nodeStates(), s.edgeStates(),
                s.agvPosition(), s.velocity(), s.loads(), s.actionStates(), s.batteryState(), s.errors(),
                s.information(), s.safetyState());
    }
}
