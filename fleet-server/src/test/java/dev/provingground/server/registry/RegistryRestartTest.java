package dev.provingground.server.registry;

import dev.provingground.server.support.InProcessRobot;
import dev.provingground.server.support.VirtualServer;
import dev.provingground.server.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryRestartTest {

    @TempDir
    Path data;

    @Test
    void restartingTheServerKeepsRobotsTheirLastStateFirmsAndTokens() throws Exception {
        String vendorToken;
        String robotId;
        String password;
        try (VirtualServer firstV = VirtualServer.start(data)) {
            TestServer first = firstV.api();
            vendorToken = first.registerFirm("acme");
            JsonObject robot = first.registerRobot("acme", "Acme", "A-1", "indoor-delivery");
            robotId = robot.getString("id");
            password = robot.getJsonObject("mqtt").getString("password");
            try (InProcessRobot r = firstV.robot("Acme", "A-1", robotId, password)) {
                r.connectOnline();
                r.sendState("L1", 7.5, 2.5, 64);
                firstV.advanceUntil("state in registry", Duration.ofSeconds(5), () -> first.get("/api/v1/robots/" + robotId,
                        first.operatorToken).bodyAsJsonObject().getJsonObject("position") != null);
            }
        }
        try (VirtualServer secondV = VirtualServer.start(data)) {
            TestServer second = secondV.api();
            var res = second.get("/api/v1/robots/" + robotId, vendorToken);
            assertThat(res.statusCode()).isEqualTo(200);
            JsonObject v = res.bodyAsJsonObject();
            assertThat(v.getString("serialNumber")).isEqualTo("A-1");
            assertThat(v.getJsonObject("position").getDouble("x")).isEqualTo(7.5);
            assertThat(v.getDouble("battery")).isEqualTo(64.0);
            assertThat(v.getString("connection")).isEqualTo("OFFLINE");
            try (InProcessRobot r = secondV.robot("Acme", "A-1", robotId, password)) {
                r.connectOnline();
                secondV.advanceUntil("online after restart", Duration.ofSeconds(5), () -> "ONLINE".equals(second.get(
                        "/api/v1/robots/" + robotId, vendorToken).bodyAsJsonObject().getString("connection")));
            }
        }
    }
}
