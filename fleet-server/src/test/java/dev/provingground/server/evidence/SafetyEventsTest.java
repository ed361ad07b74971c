package dev.provingground.server.evidence;

import dev.provingground.server.support.InProcessRobot;
import dev.provingground.server.support.VirtualServer;
import dev.provingground.server.support.TestServer;
import dev.provingground.vda5050.EStop;
import dev.provingground.vda5050.Info;
import dev.provingground.vda5050.InfoLevel;
import dev.provingground.vda5050.SafetyState;
import dev.provingground.vda5050.State;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** E-stops and UV-C lamp switching, as robots report them, become track-record evidence. */
class SafetyEventsTest {

    @TempDir
    Path data;

    private static State with(State s, EStop eStop, boolean lamp) {
        return new State(s.headerId(), s.timestamp(), s.version(), s.manufacturer(), s.serialNumber(), s.maps(),
                s.orderId(), s.orderUpdateId(), s.zoneSetId(), s.lastNodeId(), s.lastNodeSequenceId(), s.driving(),
                s.paused(), s.newBaseRequest(), s.distanceSinceLastNode(), s.operatingMode(), s.nodeStates(),
                s.edgeStates(), s.agvPosition(), s.velocity(), s.loads(), s.actionStates(), s.batteryState(), s.errors(),
                List.of(new Info("uvcLamp", List.of(), lamp ? "on" : "off", InfoLevel.INFO)), new SafetyState(eStop, false));
    }

    private static List<JsonObject> events(TestServer server, String type) {
        return server.get("/api/v1/events?type=" + type, server.operatorToken).bodyAsJsonObject().getJsonArray("events")
                .stream().map(JsonObject.class::cast).toList();
    }

    @Test
    void eStopAndRecoveryAndUvcLampTimeAreRecorded() throws Exception {
        try (VirtualServer virtual = VirtualServer.start(data)) {
            TestServer server = virtual.api();
            server.registerFirm("clean");
            JsonObject r = server.registerRobot("clean", "Clean", "C-1", "uvc-disinfection");
            try (InProcessRobot robot = virtual.robot("Clean", "C-1", r.getString("id"),
                    r.getJsonObject("mqtt").getString("password"))) {
                robot.connectOnline();
                State base = robot.state("L1", 1, 1, 80);
                robot.publish(with(base, EStop.NONE, false));
                robot.publish(with(base, EStop.MANUAL, false));
                robot.publish(with(base, EStop.NONE, true));
                virtual.advance(Duration.ofMillis(300));
                robot.publish(with(base, EStop.NONE, false));
                assertThat(events(server, "uvc.lamp")).as("lamp on and off recorded").hasSize(2);
            }
            List<JsonObject> estops = events(server, "estop");
            assertThat(estops).extracting(e -> e.getString("phase")).containsExactly("TRIGGERED", "RECOVERED");
            assertThat(estops).allSatisfy(e -> assertThat(e.getString("source")).isEqualTo("ROBOT_BUTTON"));
            JsonObject off = events(server, "uvc.lamp").get(1);
            assertThat(off.getString("phase")).isEqualTo("OFF");
            assertThat(off.getDouble("onSeconds")).isEqualTo(0.3);
            assertThat(off.getDouble("doseJPerM2")).isGreaterThan(0.0);
        }
    }
}
