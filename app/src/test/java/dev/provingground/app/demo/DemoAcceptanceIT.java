package dev.provingground.app.demo;

import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.support.Await;
import dev.provingground.server.support.TestServer;
import dev.provingground.sim.demo.DemoFleet;
import dev.provingground.sim.demo.DemoSite;
import dev.provingground.sim.fleet.SimFleet;
import dev.provingground.site.Site;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo as a user sees it: its firms, robots, zones and elevator rules registered through the API, at least 12
 * robots of three kinds online on the demo site and moving, and demo tasks, kept to the demo's firms, done.
 */
class DemoAcceptanceIT {

    @TempDir
    Path data;

    @Test
    void theDemoSetsItselfUpThroughTheApiAndItsTasksGetDone() throws Exception {
        Site site = DemoSite.load();
        try (TestServer server = TestServer.start(data, MqttConfig.defaults().withPort(0), List.of(site))) {
            DemoLauncher demo = new DemoLauncher(server.vertx, Endpoints.of(server), site);
            demo.start(12, DemoLauncher.Settings.defaults().withFleet(SimFleet.Settings.defaults().withTimeScale(3)));
            try {
                // The 12 simulated robots and the demo's ROS robots, each located before the positions are compared.
                Await.until("every demo robot online and located", Duration.ofSeconds(30), () -> robots(server).stream()
                        .filter(r -> "ONLINE".equals(r.getString("connection")) && r.getJsonObject("position") != null)
                        .count() >= 12 + DemoLauncher.ROS_ROBOTS);
                List<JsonObject> robots = robots(server);
                assertThat(robots.stream().map(r -> r.getString("kind")).collect(Collectors.toSet()))
                        .containsAll(Set.of("DELIVERY", "SERVING", "DISINFECTION"));
                assertThat(robots.stream().map(r -> r.getString("site")).collect(Collectors.toSet()))
                        .containsExactly("demo");
                assertThat(robots).extracting(r -> r.getString("dispatch")).containsOnly("SERVER");
                assertThat(demo.robotIds()).containsExactlyInAnyOrderElementsOf(robots.stream()
                        .map(r -> r.getString("id")).toList());
                assertThat(server.get("/api/v1/firms", server.operatorToken).bodyAsJsonObject().getJsonArray("firms")
                        .stream().map(f -> ((JsonObject) f).getString("id")).toList())
                        .containsExactlyInAnyOrderElementsOf(demoFirms());
                assertThat(server.get("/api/v1/sites/demo/zones", server.operatorToken).bodyAsJsonObject()
                        .getJsonArray("features")).hasSize(12);
                assertThat(server.get("/api/v1/sites/demo/elevators", server.operatorToken).bodyAsJsonObject()
                        .getJsonArray("elevators").stream().map(JsonObject.class::cast)
                        .collect(Collectors.toMap(e -> e.getString("id"),
                                e -> e.getJsonObject("rules").getString("passengerPolicy"))))
                        .isEqualTo(Map.of("E1", "SHARED_OUTSIDE_PEAK", "E2", "ROBOT_ONLY"));

                Map<String, JsonObject> start = positions(server);
                Await.until("nearly every robot on the move", Duration.ofSeconds(60), () -> {
                    Map<String, JsonObject> now = positions(server);
                    return start.keySet().stream().filter(id -> !start.get(id).equals(now.get(id))).count() >= 10;
                });
                Await.until("three demo tasks done", Duration.ofSeconds(120), () -> server.get(
                        "/api/v1/tasks?status=completed", server.operatorToken).bodyAsJsonObject()
                        .getJsonArray("tasks").stream().map(JsonObject.class::cast)
                        .filter(t -> t.getJsonObject("booking").getJsonArray("labels").contains("demo")).count() >= 3);
                JsonArray tasks = server.get("/api/v1/tasks", server.operatorToken).bodyAsJsonObject()
                        .getJsonArray("tasks");
                assertThat(tasks.stream().map(JsonObject.class::cast)
                        .filter(t -> t.getJsonObject("booking").getJsonArray("labels").contains("demo")))
                        .as("demo tasks").isNotEmpty()
                        .allSatisfy(t -> assertThat(demoFirms()).containsAll(t.getJsonArray("firms").getList()));
            } finally {
                demo.stop();
            }
        }
    }

    private static List<String> demoFirms() {
        return DemoFleet.firms().stream().map(DemoFleet.FirmSpec::id).toList();
    }

    private static List<JsonObject> robots(TestServer server) {
        return server.get("/api/v1/robots", server.operatorToken).bodyAsJsonObject().getJsonArray("robots").stream()
                .map(JsonObject.class::cast).toList();
    }

    private static Map<String, JsonObject> positions(TestServer server) {
        Map<String, JsonObject> out = new HashMap<>();
        robots(server).forEach(r -> out.put(r.getString("id"), r.getJsonObject("position")));
        return out;
    }
}
