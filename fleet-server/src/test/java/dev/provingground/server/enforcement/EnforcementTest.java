package dev.provingground.server.enforcement;

import dev.provingground.server.support.InProcessRobot;
import dev.provingground.server.support.VirtualServer;
import dev.provingground.server.support.TestServer;
import dev.provingground.server.support.Zones;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Zones held against robots reporting over real MQTT: events recorded, pauses sent. */
class EnforcementTest {

    @TempDir
    Path data;
    VirtualServer virtual;
    TestServer server;
    InProcessRobot alpha;
    InProcessRobot beta;
    String alphaId;
    String betaId;

    @BeforeEach
    void start() throws Exception {
        virtual = VirtualServer.start(data);
        server = virtual.api();
        server.registerFirm("acme");
        JsonObject a = server.registerRobot("acme", "Acme", "A-1", "indoor-delivery");
        JsonObject b = server.registerRobot("acme", "Acme", "A-2", "indoor-delivery");
        alphaId = a.getString("id");
        betaId = b.getString("id");
        alpha = virtual.robot("Acme", "A-1", alphaId, a.getJsonObject("mqtt").getString("password"));
        beta = virtual.robot("Acme", "A-2", betaId, b.getJsonObject("mqtt").getString("password"));
        alpha.connectOnline();
        beta.connectOnline();
    }

    @AfterEach
    void stop() {
        alpha.close();
        beta.close();
        server.stop();
    }

    private void addZone(JsonObject feature) {
        var res = server.post("/api/v1/sites/test/zones", server.operatorToken, feature);
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
    }

    private List<JsonObject> geofenceEvents(String robot) {
        JsonArray events = server.get("/api/v1/events?type=geofence&robot=" + robot, server.operatorToken)
                .bodyAsJsonObject().getJsonArray("events");
        return events.stream().map(JsonObject.class::cast).toList();
    }

    private static boolean received(InProcessRobot r, String actionType) {
        return r.received.stream().anyMatch(m -> m.contains("\"actionType\":\"" + actionType + "\""));
    }

    @Test
    void aRobotWhoseLastKnownPositionIsNotFiniteIsStillPausedAtItsNextRealPositionInAKeepOutZone() {
        addZone(Zones.withProperty(Zones.rectangle("pit", "KEEP_OUT", 4, -1, 6, 1), "onViolation", "PAUSE"));
        alpha.sendState("L1", 1, 0, 90);
        // What a server from before the decoder's bounds kept as the robot's position (and may still have stored):
        // it used to make every later update throw, so the robot was never judged again.
        virtual.onServer(() -> virtual.server().registry().applyState(alphaId,
                alpha.state("L1", Double.POSITIVE_INFINITY, 0, 90), virtual.clock().instant()));
        alpha.sendState("L1", 5, 0, 90);

        virtual.advanceUntil("startPause at the robot", Duration.ofSeconds(5), () -> received(alpha, "startPause"));
    }

    @Test
    void robotEnteringAKeepOutZoneIsRecordedAndPaused() {
        addZone(Zones.withProperty(Zones.rectangle("pit", "KEEP_OUT", 4, -1, 6, 1), "onViolation", "PAUSE"));
        alpha.sendState("L1", 1, 0, 90);
        alpha.sendState("L1", 5, 0, 90);
        virtual.advanceUntil("startPause at the robot", Duration.ofSeconds(5), () -> received(alpha, "startPause"));
        List<JsonObject> events = geofenceEvents(alphaId);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.getString("transition")).isEqualTo("VIOLATION_STARTED");
            assertThat(e.getString("zone")).isEqualTo("pit");
            assertThat(e.getString("rule")).isEqualTo("keep-out-entered");
            assertThat(e.getDouble("x")).isEqualTo(5.0);
            assertThat(e.getString("action")).isEqualTo("PAUSE");
        });
        assertThat(received(beta, "startPause")).isFalse();

        alpha.sendState("L1", 8, 0, 90);
        virtual.advanceUntil("the violation's end", Duration.ofSeconds(5), () -> geofenceEvents(alphaId).stream()
                .anyMatch(e -> "VIOLATION".equals(e.getString("transition"))));
        JsonObject ended = geofenceEvents(alphaId).stream().filter(e -> "VIOLATION".equals(e.getString("transition")))
                .findFirst().orElseThrow();
        assertThat(ended.getDouble("maxExcess")).isEqualTo(1.0);
        assertThat(ended.getDouble("durationSeconds")).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void crossingAThinKeepOutZoneBetweenTwoSamplesIsReported() {
        addZone(Zones.withProperty(Zones.rectangle("wire", "KEEP_OUT", 4.9, -1, 5.1, 1), "onViolation", "CANCEL"));
        alpha.sendState("L1", 1, 0, 90);
        alpha.sendState("L1", 9, 0, 90); // both samples outside; the path between them crosses the zone
        virtual.advanceUntil("the crossing", Duration.ofSeconds(5), () -> geofenceEvents(alphaId).stream()
                .anyMatch(e -> "wire".equals(e.getString("zone")) && e.getString("transition").startsWith("VIOLATION")));
        virtual.advanceUntil("cancelOrder at the robot", Duration.ofSeconds(5), () -> received(alpha, "cancelOrder"));
    }

    @Test
    void secondRobotInAOneRobotZoneIsAViolationAndLeavingClearsIt() {
        addZone(Zones.withProperty(Zones.rectangle("corridor", "CAUTION", 0, -1, 10, 1), "maxRobots", 1));
        alpha.sendState("L1", 2, 0, 90);
        virtual.advanceUntil("alpha inside", Duration.ofSeconds(5), () -> geofenceEvents(alphaId).stream()
                .anyMatch(e -> "ENTER".equals(e.getString("transition"))));
        beta.sendState("L1", 3, 0, 90);
        virtual.advanceUntil("beta's occupancy violation", Duration.ofSeconds(5), () -> geofenceEvents(betaId).stream()
                .anyMatch(e -> "VIOLATION_STARTED".equals(e.getString("transition"))
                        && "occupancy-exceeded".equals(e.getString("rule"))));
        assertThat(geofenceEvents(alphaId)).noneMatch(e -> e.getString("transition").startsWith("VIOLATION"));

        beta.sendState("L1", 3, 5, 90); // beta leaves the corridor
        virtual.advanceUntil("beta's violation cleared", Duration.ofSeconds(5), () -> geofenceEvents(betaId).stream()
                .anyMatch(e -> "VIOLATION".equals(e.getString("transition"))));
    }

    @Test
    void robotLeavingItsOperatingAreaIsPaused() {
        addZone(Zones.withProperty(Zones.rectangle("hall", "OPERATING_AREA", -1, -2, 12, 2), "onViolation", "PAUSE"));
        alpha.sendState("L1", 1, 0, 90);
        alpha.sendState("L1", 1, 4, 90);
        virtual.advanceUntil("startPause at the robot", Duration.ofSeconds(5), () -> received(alpha, "startPause"));
        assertThat(geofenceEvents(alphaId)).anySatisfy(e ->
                assertThat(e.getString("rule")).isEqualTo("operating-area-left"));
    }
}
