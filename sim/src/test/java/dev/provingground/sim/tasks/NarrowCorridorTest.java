package dev.provingground.sim.tasks;

import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.support.Await;
import dev.provingground.server.support.TestServer;
import dev.provingground.server.support.Zones;
import dev.provingground.sim.fleet.SimFleet;
import dev.provingground.sim.robot.SimRobot;
import dev.provingground.sim.robot.SimRobotClient;
import dev.provingground.sim.robot.SimRobotSpec;
import dev.provingground.site.Site;
import dev.provingground.site.SiteFormat;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corridor is a zone with {@code maxRobots: 1}: of two robots sent through it at once, the second is released into
 * it only after the first has left, and both arrive.
 */
class NarrowCorridorTest {

    @TempDir
    Path data;

    static Site hall() {
        String json = """
                {"id": "hall", "name": "Hall", "timeZone": "UTC",
                 "levels": [{"id": "L1", "name": "Hall", "floor": 1, "outdoor": false,
                   "waypoints": [{"id": "w1", "x": 0, "y": 0}, {"id": "w2", "x": 0, "y": 3}, {"id": "b", "x": 5, "y": 0},
                                 {"id": "m", "x": 15, "y": 0}, {"id": "c", "x": 25, "y": 0},
                                 {"id": "e1", "x": 30, "y": 0}, {"id": "e2", "x": 30, "y": 3}],
                   "lanes": [{"from": "w1", "to": "b"}, {"from": "w2", "to": "b"}, {"from": "b", "to": "m"},
                             {"from": "m", "to": "c"}, {"from": "c", "to": "e1"}, {"from": "c", "to": "e2"}]}],
                 "places": [{"name": "west-1", "level": "L1", "waypoint": "w1"}, {"name": "west-2", "level": "L1", "waypoint": "w2"},
                            {"name": "east-1", "level": "L1", "waypoint": "e1"}, {"name": "east-2", "level": "L1", "waypoint": "e2"}],
                 "chargers": [], "elevators": []}
                """;
        return SiteFormat.read(json.getBytes(StandardCharsets.UTF_8), "hall.json");
    }

    @Test
    void secondRobotEntersTheCorridorOnlyAfterTheFirstHasLeftIt() throws Exception {
        try (TestServer server = TestServer.start(data, MqttConfig.defaults().withPort(0), List.of(hall()))) {
            var corridor = server.post("/api/v1/sites/hall/zones", server.operatorToken, Zones.withProperty(
                    Zones.rectangle("corridor", "CAUTION", 9, -2, 21, 2), "maxRobots", 1));
            assertThat(corridor.statusCode()).as(corridor.bodyAsString()).isEqualTo(201);
            server.registerFirm("acme");
            List<SimRobotSpec> specs = new ArrayList<>();
            double[][] starts = {{0, 0}, {0, 3}};
            for (int i = 0; i < 2; i++) {
                JsonObject r = server.post("/api/v1/robots", server.operatorToken, new JsonObject().put("manufacturer", "Acme")
                        .put("serialNumber", "N-" + i).put("firm", "acme").put("profile", "indoor-delivery")
                        .put("site", "hall")).bodyAsJsonObject().getJsonObject("robot");
                specs.add(new SimRobotSpec("Acme", "N-" + i, "indoor-delivery", r.getString("id"),
                        r.getJsonObject("mqtt").getString("password"), "L1", starts[i][0], starts[i][1], 0, 95));
            }
            SimFleet fleet = new SimFleet(server.vertx, ProfileCatalog.builtIn(), specs,
                    new SimFleet.Settings(50, 250, 0, 10).withTimeScale(4), Clock.systemUTC());
            Await.result(fleet.start("127.0.0.1", server.server.mqttPort()));
            AtomicInteger mostInside = new AtomicInteger();
            var watch = Executors.newSingleThreadScheduledExecutor();
            watch.scheduleAtFixedRate(() -> {
                int inside = 0;
                for (SimRobotClient c : fleet.clients()) {
                    SimRobot r = c.robot();
                    if (r.x() > 9 && r.x() < 21 && Math.abs(r.y()) < 2) inside++;
                }
                mostInside.accumulateAndGet(inside, Math::max);
            }, 0, 20, TimeUnit.MILLISECONDS);
            try {
                Await.until("both robots online", Duration.ofSeconds(10), () -> server.get("/api/v1/robots",
                        server.operatorToken).bodyAsJsonObject().getJsonArray("robots").stream().map(JsonObject.class::cast)
                        .allMatch(r -> r.getJsonObject("position") != null));
                List<String> ids = new ArrayList<>();
                for (String place : List.of("east-1", "east-2")) {
                    var res = server.post("/api/v1/tasks", server.operatorToken, new JsonObject().put("site", "hall")
                            .put("category", "go_to_place").put("description", new JsonObject().put("place", place)));
                    assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
                    ids.add(res.bodyAsJsonObject().getJsonObject("booking").getString("id"));
                }
                Await.until("both robots arrived", Duration.ofSeconds(90), () -> ids.stream().allMatch(id ->
                        "completed".equals(server.get("/api/v1/tasks/" + id, server.operatorToken).bodyAsJsonObject()
                                .getString("status"))));
                assertThat(mostInside.get()).as("robots in the corridor at once").isEqualTo(1);
                assertThat(server.get("/api/v1/events?type=geofence", server.operatorToken).bodyAsJsonObject()
                        .getJsonArray("events").stream().map(JsonObject.class::cast)
                        .filter(e -> String.valueOf(e.getString("rule")).toUpperCase().contains("OCCUPANCY"))).isEmpty();
            } finally {
                watch.shutdownNow();
                Await.result(fleet.stop());
            }
        }
    }
}
