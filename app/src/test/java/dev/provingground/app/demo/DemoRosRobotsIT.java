package dev.provingground.app.demo;

import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.support.Await;
import dev.provingground.server.support.TestServer;
import dev.provingground.sim.demo.DemoSite;
import dev.provingground.sim.fleet.SimFleet;
import dev.provingground.site.Site;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's two ROS robots, each a simulated ROS robot behind rosbridge with a real robot agent in front, as the
 * server sees them: registered on the demo site for a demo firm, online with positions that change, doing demo tasks,
 * and offline once the demo stops.
 */
class DemoRosRobotsIT {

    @TempDir
    Path data;

    @Test
    void twoOfTheDemosRobotsJoinAsRosRobotsThroughTheAgentAndDoDemoTasks() throws Exception {
        Site site = DemoSite.load();
        try (TestServer server = TestServer.start(data, MqttConfig.defaults().withPort(0), List.of(site))) {
            DemoLauncher demo = new DemoLauncher(server.vertx, Endpoints.of(server), site);
            // One simulated robot beside them, so the demo's tasks mostly fall to the ROS robots and the test is short.
            demo.start(1, DemoLauncher.Settings.defaults().withFleet(SimFleet.Settings.defaults().withTimeScale(5)));
            boolean stopped = false;
            try {
                List<String> ros = demo.rosRobotIds();
                assertThat(ros).hasSize(DemoLauncher.ROS_ROBOTS);
                assertThat(demo.robotIds()).containsAll(ros);
                Await.until("the ROS robots online with positions", Duration.ofSeconds(20), () -> ros.stream()
                        .allMatch(id -> robot(server, id).map(r -> "ONLINE".equals(r.getString("connection"))
                                && r.getJsonObject("position") != null).orElse(false)));
                for (String id : ros) {
                    JsonObject r = robot(server, id).orElseThrow();
                    assertThat(r.getString("site")).isEqualTo("demo");
                    assertThat(r.getString("dispatch")).isEqualTo("SERVER");
                }
                assertThat(ros.stream().map(id -> robot(server, id).orElseThrow().getString("kind")))
                        .containsExactlyInAnyOrder("DELIVERY", "SERVING");

                Map<String, JsonObject> start = new HashMap<>();
                ros.forEach(id -> start.put(id, robot(server, id).orElseThrow().getJsonObject("position")));
                Await.until("both ROS robots on the move", Duration.ofSeconds(30), () -> ros.stream()
                        .allMatch(id -> !start.get(id).equals(robot(server, id).orElseThrow().getJsonObject("position"))));
                try {
                    Await.until("a demo task done by a ROS robot", Duration.ofSeconds(45), () -> server.get(
                            "/api/v1/tasks?status=completed", server.operatorToken).bodyAsJsonObject()
                            .getJsonArray("tasks").stream().map(JsonObject.class::cast)
                            .filter(t -> t.getJsonObject("booking").getJsonArray("labels").contains("demo"))
                            .anyMatch(t -> t.getJsonObject("assigned_to") != null
                                    && ros.contains(t.getJsonObject("assigned_to").getString("name"))));
                } catch (AssertionError e) {
                    // What the tasks and robots were doing is what tells why.
                    throw new AssertionError(e.getMessage() + "\ntasks: " + server.get("/api/v1/tasks",
                            server.operatorToken).bodyAsString() + "\nROS robots: " + ros.stream()
                            .map(id -> robot(server, id).orElseThrow().encode()).toList(), e);
                }

                demo.stop();
                stopped = true;
                Await.until("the ROS robots offline once the demo stops", Duration.ofSeconds(10), () -> ros.stream()
                        .allMatch(id -> "OFFLINE".equals(robot(server, id).orElseThrow().getString("connection"))));
            } finally {
                if (!stopped) demo.stop();
            }
        }
    }

    private static Optional<JsonObject> robot(TestServer server, String id) {
        return server.get("/api/v1/robots", server.operatorToken).bodyAsJsonObject().getJsonArray("robots").stream()
                .map(JsonObject.class::cast).filter(r -> id.equals(r.getString("id"))).findFirst();
    }
}
