package dev.provingground.server.elevator;

import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.support.TestServer;
import dev.provingground.site.Site;
import dev.provingground.site.SiteFormat;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Elevators and their boarding rules over the API: listed, changed by operators only, kept across restarts. */
class ElevatorApiTest {

    @TempDir
    Path data;

    static Site twoFloors() {
        String json = """
                {"id": "tower", "name": "Tower", "timeZone": "Asia/Seoul",
                 "levels": [
                   {"id": "F1", "name": "Floor 1", "floor": 1, "outdoor": false,
                    "waypoints": [{"id": "f1-a", "x": 0, "y": 0}, {"id": "f1-door", "x": 5, "y": 0}],
                    "lanes": [{"from": "f1-a", "to": "f1-door"}]},
                   {"id": "F2", "name": "Floor 2", "floor": 2, "outdoor": false,
                    "waypoints": [{"id": "f2-a", "x": 0, "y": 0}, {"id": "f2-door", "x": 5, "y": 0}],
                    "lanes": [{"from": "f2-a", "to": "f2-door"}]}],
                 "places": [], "chargers": [],
                 "elevators": [{"id": "E1", "name": "Lift", "cars": [{"id": "E1-A", "levels": ["F1", "F2"],
                   "doorWaypoints": {"F1": "f1-door", "F2": "f2-door"}, "capacityRobots": 2}]}]}
                """;
        return SiteFormat.read(json.getBytes(StandardCharsets.UTF_8), "tower.json");
    }

    private static TestServer start(Path data) throws Exception {
        return TestServer.start(data, MqttConfig.defaults().withPort(0), List.of(twoFloors()));
    }

    @Test
    void elevatorsAreListedWithRobotOnlyRulesUntilAnOperatorChangesThem() throws Exception {
        String vendor;
        try (TestServer server = start(data)) {
            vendor = server.registerFirm("acme");
            JsonObject e = server.get("/api/v1/sites/tower/elevators", vendor).bodyAsJsonObject()
                    .getJsonArray("elevators").getJsonObject(0);
            assertThat(e.getString("id")).isEqualTo("E1");
            assertThat(e.getJsonArray("cars").getJsonObject(0).getJsonArray("levels")).containsExactly("F1", "F2");
            assertThat(e.getJsonObject("rules").getString("passengerPolicy")).isEqualTo("ROBOT_ONLY");

            JsonObject rules = new JsonObject().put("allowedKinds", new JsonArray().add("DELIVERY"))
                    .put("maxRobotsPerCar", 2).put("passengerPolicy", "SHARED_OUTSIDE_PEAK")
                    .put("peakWindows", new JsonArray().add(new JsonObject()
                            .put("days", new JsonArray().add("MONDAY").add("TUESDAY")).put("from", "08:00").put("to", "10:00")))
                    .put("serviceHours", new JsonArray().add(new JsonObject()
                            .put("days", new JsonArray().add("MONDAY")).put("from", "07:00").put("to", "22:00")));
            assertThat(server.call(HttpMethod.PUT, "/api/v1/sites/tower/elevators/E1/rules", vendor, rules).statusCode())
                    .isEqualTo(403);
            var res = server.call(HttpMethod.PUT, "/api/v1/sites/tower/elevators/E1/rules", server.operatorToken, rules);
            assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
            assertThat(res.bodyAsJsonObject().getJsonArray("peakWindows")).hasSize(2);

            var bad = server.call(HttpMethod.PUT, "/api/v1/sites/tower/elevators/E1/rules", server.operatorToken,
                    rules.copy().put("passengerPolicy", "SHARED_OUTSIDE_PEAK").put("peakWindows", new JsonArray()));
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.bodyAsJsonObject().getJsonObject("error").getString("message")).contains("peak window");
            assertThat(server.call(HttpMethod.PUT, "/api/v1/sites/tower/elevators/E9/rules", server.operatorToken, rules)
                    .statusCode()).isEqualTo(404);
            assertThat(server.get("/api/v1/events?type=config.change", server.operatorToken).bodyAsJsonObject()
                    .getJsonArray("events").stream().map(JsonObject.class::cast)
                    .anyMatch(ev -> "ELEVATOR".equals(ev.getString("target")))).isTrue();
        }
        try (TestServer server = start(data)) {
            JsonObject rules = server.get("/api/v1/sites/tower/elevators", vendor).bodyAsJsonObject()
                    .getJsonArray("elevators").getJsonObject(0).getJsonObject("rules");
            assertThat(rules.getString("passengerPolicy")).isEqualTo("SHARED_OUTSIDE_PEAK");
            assertThat(rules.getJsonArray("allowedKinds")).containsExactly("DELIVERY");
            assertThat(rules.getJsonArray("serviceHours")).hasSize(1);
        }
    }
}
