package dev.provingground.server.registry;

import dev.provingground.server.support.Await;
import dev.provingground.server.support.TestRobot;
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
        try (TestServer first = TestServer.start(data)) {
            vendorToken = first.registerFirm("acme");
            JsonObject robot = first.registerRobot("acme", "Acme", "A-1", "indoor-delivery");
            robotId = robot.getString("id");
            password = robot.getJsonObject("mqtt").getString("password");
            try (TestRobot r = TestRobot.create(first.vertx, "Acme", "A-1", robotId, password)) {
                r.connectOnline(first.server.mqttPort());
                r.sendState("L1", 7.5, 2.5, 64);
                Await.until("state in registry", Duration.ofSeconds(5), () -> first.get("/api/v1/robots/" + robotId,
                        first.operatorToken).bodyAsJsonObject().getJsonObject("position") != null);
            }
        }
        try (TestServer second = TestServer.start(data)) {
            var res = second.get("/api/v1/robots/" + robotId, vendorToken);
            assertThat(res.statusCode()).isEqualTo(200);
            JsonObject v = res.bodyAsJsonObject();
            assertThat(v.getString("serialNumber")).isEqualTo("A-1");
            assertThat(v.getJsonObject("position").getDouble("x")).isEqualTo(7.5);
            assertThat(v.getDouble("battery")).isEqualTo(64.0);
            assertThat(v.getString("connection")).isEqualTo("OFFLINE");
            try (TestRobot r = TestRobot.create(second.vertx, "Acme", "A-1", robotId, password)) {
                r.connectOnline(second.server.mqttPort());
                Await.until("online after restart", Duration.ofSeconds(5), () -> "ONLINE".equals(second.get(
                        "/api/v1/robots/" + robotId, vendorToken).bodyAsJsonObject().getString("connection")));
            }
        }
    }
}
