package dev.provingground.scenarios.tasks;

import dev.provingground.scenarios.harness.LinkedRobot;
import dev.provingground.scenarios.harness.Simulation;
import dev.provingground.server.support.Zones;
import dev.provingground.server.tasks.TaskStatus;
import dev.provingground.sim.robot.SimRobot;
import dev.provingground.sim.robot.SimRobotSpec;
import dev.provingground.site.Site;
import dev.provingground.site.SiteFormat;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        try (Simulation sim = Simulation.start(data, List.of(hall()))) {
            var corridor = sim.api().post("/api/v1/sites/hall/zones", sim.operatorToken(), Zones.withProperty(
                    Zones.rectangle("corridor", "CAUTION", 9, -2, 21, 2), "maxRobots", 1));
            assertThat(corridor.statusCode()).as(corridor.bodyAsString()).isEqualTo(201);
            sim.api().registerFirm("acme");
            double[][] starts = {{0, 0}, {0, 3}};
            for (int i = 0; i < 2; i++) {
                JsonObject r = sim.api().post("/api/v1/robots", sim.operatorToken(), new JsonObject().put("manufacturer", "Acme")
                        .put("serialNumber", "N-" + i).put("firm", "acme").put("profile", "indoor-delivery")
                        .put("site", "hall")).bodyAsJsonObject().getJsonObject("robot");
                sim.addRobot(new SimRobotSpec("Acme", "N-" + i, "indoor-delivery", r.getString("id"),
                        r.getJsonObject("mqtt").getString("password"), "L1", starts[i][0], starts[i][1], 0, 95));
            }
            // Watched after every step, from the simulation's side.
            AtomicInteger mostInside = new AtomicInteger();
            sim.afterEachStep(() -> {
                int inside = 0;
                for (LinkedRobot c : sim.robots()) {
                    SimRobot r = c.robot();
                    if (r.x() > 9 && r.x() < 21 && Math.abs(r.y()) < 2) inside++;
                }
                mostInside.accumulateAndGet(inside, Math::max);
            });
            sim.run(Duration.ofSeconds(1));
            List<String> ids = new ArrayList<>();
            for (String place : List.of("east-1", "east-2")) {
                var res = sim.api().post("/api/v1/tasks", sim.operatorToken(), new JsonObject().put("site", "hall")
                        .put("category", "go_to_place").put("description", new JsonObject().put("place", place)));
                assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
                ids.add(res.bodyAsJsonObject().getJsonObject("booking").getString("id"));
            }
            for (String id : ids) sim.awaitTask(id, TaskStatus.COMPLETED, Duration.ofMinutes(6));
            assertThat(mostInside.get()).as("robots in the corridor at once").isEqualTo(1);
            assertThat(sim.api().get("/api/v1/events?type=geofence", sim.operatorToken()).bodyAsJsonObject()
                    .getJsonArray("events").stream().map(JsonObject.class::cast)
                    .filter(e -> String.valueOf(e.getString("rule")).toUpperCase().contains("OCCUPANCY"))).isEmpty();
        }
    }
}
