package dev.provingground.server.mqtt;

import dev.provingground.server.support.Await;
import dev.provingground.server.support.TestRobot;
import dev.provingground.server.support.TestServer;
import dev.provingground.server.support.Zones;
import dev.provingground.vda5050.Topic;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A robot over real MQTT that interleaves impossible positions (1e400, a NaN token, 1e308) with real ones: each
 * impossible state is refused, counted and listed for its vendor, and the real positions are still judged, so
 * entering a KEEP_OUT zone pauses it. Before the decoder bounded numbers, the first 1e400 became the robot's
 * "previous position" and every later update failed, so the robot drove through the zone unjudged.
 */
class ExtremeRobotNumbersIT {

    @TempDir
    Path data;

    @Test
    void aRobotAlternatingImpossibleAndRealPositionsIsRefusedEachTimeAndStillPausedInAKeepOutZone() throws Exception {
        try (TestServer server = TestServer.start(data)) {
            String acme = server.registerFirm("acme");
            String bolt = server.registerFirm("bolt");
            JsonObject registered = server.registerRobot("acme", "Acme", "A-1", "indoor-delivery");
            var zone = server.post("/api/v1/sites/test/zones", server.operatorToken,
                    Zones.withProperty(Zones.rectangle("no-go", "KEEP_OUT", 10, 10, 20, 20), "onViolation", "PAUSE"));
            assertThat(zone.statusCode()).as(zone.bodyAsString()).isEqualTo(201);
            try (TestRobot robot = server.connectRobot(registered, "Acme", "A-1")) {
                robot.sendState("L1", 2, 2, 90);
                // Walking into the zone, every real step preceded by an impossible one.
                double[] steps = {4, 6, 8, 11, 13, 15};
                for (double x : steps) {
                    robot.publishRaw(robot.topic(Topic.STATE), robot.stateWithRawX("1e400"));
                    robot.publishRaw(robot.topic(Topic.STATE), robot.stateWithRawX("NaN"));
                    robot.publishRaw(robot.topic(Topic.STATE), robot.stateWithRawX("1e308"));
                    robot.sendState("L1", x, 15, 90);
                }

                Await.until("the robot is told to pause", Duration.ofSeconds(10),
                        () -> robot.received.stream().anyMatch(m -> m.contains("startPause")));
                // The pause comes at the first real step inside the zone; the steps after it may still be in flight.
                RejectionLog log = server.server.rejections();
                Await.until("every impossible state refused", Duration.ofSeconds(10),
                        () -> log.count(Rejection.NUMBER_OUT_OF_BOUNDS) + log.count(Rejection.MALFORMED_JSON) >= 18);
            }
            RejectionLog rejections = server.server.rejections();
            assertThat(rejections.count(Rejection.NUMBER_OUT_OF_BOUNDS)).isEqualTo(12);
            assertThat(rejections.count(Rejection.MALFORMED_JSON)).isEqualTo(6);

            JsonArray seen = server.get("/api/v1/rejections?limit=1000", acme).bodyAsJsonObject()
                    .getJsonArray("rejections");
            assertThat(seen).hasSize(18);
            JsonObject outOfBounds = seen.stream().map(JsonObject.class::cast)
                    .filter(r -> r.getString("reason").equals("NUMBER_OUT_OF_BOUNDS")).findFirst().orElseThrow();
            assertThat(outOfBounds.getString("robotId")).isEqualTo(registered.getString("id"));
            JsonObject violation = outOfBounds.getJsonArray("violations").getJsonObject(0);
            assertThat(violation.getString("pointer")).isEqualTo("/agvPosition/x");
            assertThat(violation.getString("message")).containsAnyOf("not finite", "outside -1e+06..1e+06");
            assertThat(server.get("/api/v1/rejections", bolt).bodyAsJsonObject().getJsonArray("rejections"))
                    .as("another vendor sees none of them").isEmpty();
        }
    }

}
