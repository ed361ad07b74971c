package dev.provingground.server.mqtt;

import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.support.PrometheusText;
import dev.provingground.server.support.TestRobot;
import dev.provingground.server.support.TestServer;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded endpoint's logins over real sockets: over-long CONNECT fields and wrong passwords are refused with
 * their CONNACK codes and counted, an address that failed too often is refused unchecked, and no more clients than
 * {@code mqtt.maxConnections} are let in.
 */
class MqttLoginGuardIT {

    @TempDir
    Path data;

    private TestServer server;
    private final List<TestRobot> robots = new ArrayList<>();

    @AfterEach
    void stop() {
        robots.forEach(TestRobot::close);
        if (server != null) server.stop();
    }

    @Test
    void anOverLongUsernameIsRefusedAsABadLoginAndCounted() throws Exception {
        server = TestServer.startWithMetricsOpenOnLoopback(data);
        assertThat(robot("Acme", "A-1", "u".repeat(300), "whatever").connect(server.server.mqttPort()))
                .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
        assertThat(server.server.rejections().count(Rejection.CONNECT_FIELD_TOO_LONG)).isEqualTo(1);
        assertThat(PrometheusText.value(metrics(), "pg_login_failures_total{kind=\"mqtt_password\"}")).isEqualTo(1);
    }

    @Test
    void afterTenWrongPasswordsEvenTheRightOneIsRefusedUncheckedForAWhile() throws Exception {
        server = TestServer.startWithMetricsOpenOnLoopback(data);
        server.registerFirm("acme");
        JsonObject mqtt = server.registerRobot("acme", "Acme", "A-1", "indoor-delivery").getJsonObject("mqtt");
        for (int i = 0; i < 10; i++)
            assertThat(robot("Acme", "A-1", mqtt.getString("username"), "wrong").connect(server.server.mqttPort()))
                    .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);

        assertThat(robot("Acme", "A-1", mqtt.getString("username"), mqtt.getString("password"))
                .connect(server.server.mqttPort())).isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE);
        assertThat(server.server.rejections().count(Rejection.AUTH_FAILED)).isEqualTo(10);
        assertThat(server.server.rejections().count(Rejection.LOGIN_BLOCKED)).isEqualTo(1);
        String metrics = metrics();
        assertThat(PrometheusText.value(metrics, "pg_login_failures_total{kind=\"mqtt_password\"}")).isEqualTo(10);
        assertThat(PrometheusText.value(metrics, "pg_login_blocked_total{kind=\"mqtt_password\"}")).isEqualTo(1);
    }

    @Test
    void noMoreClientsThanTheLimitAreLetInButARobotMayReplaceItsOwnSession() throws Exception {
        server = TestServer.start(data, new MqttConfig(MqttConfig.Mode.EMBEDDED, "127.0.0.1", 0, 256 * 1024, null,
                null, "unused", 2000, 1));
        server.registerFirm("acme");
        JsonObject first = server.registerRobot("acme", "Acme", "A-1", "indoor-delivery").getJsonObject("mqtt");
        JsonObject second = server.registerRobot("acme", "Acme", "A-2", "indoor-delivery").getJsonObject("mqtt");
        int port = server.server.mqttPort();
        assertThat(robot("Acme", "A-1", first.getString("username"), first.getString("password")).connect(port))
                .isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED);

        assertThat(robot("Acme", "A-2", second.getString("username"), second.getString("password")).connect(port))
                .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE);
        assertThat(server.server.rejections().count(Rejection.CONNECTION_LIMIT)).isEqualTo(1);
        assertThat(robot("Acme", "A-1", first.getString("username"), first.getString("password")).connect(port))
                .as("the same robot again").isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED);
    }

    private TestRobot robot(String manufacturer, String serial, String username, String password) {
        TestRobot robot = TestRobot.create(server.vertx, manufacturer, serial, username, password);
        robots.add(robot);
        return robot;
    }

    /** As a Prometheus on loopback reads it: the address is blocked for every login after the failures. */
    private String metrics() {
        return server.get("/metrics", null).bodyAsString();
    }
}
