package dev.provingground.server.mqtt;

import dev.provingground.server.support.Await;
import dev.provingground.server.support.TestRobot;
import dev.provingground.server.support.TcpProxy;
import dev.provingground.server.support.TestServer;
import dev.provingground.vda5050.Topic;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import dev.provingground.server.config.MqttConfig;
import dev.provingground.vda5050.HeaderCounter;
import dev.provingground.vda5050.Vda5050Codec;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import java.util.Arrays;

/** The embedded MQTT endpoint over real TCP on loopback, with robots logging in as real MQTT clients. */
class EmbeddedEndpointIT {

    @TempDir
    Path data;
    TestServer server;
    JsonObject alpha;
    JsonObject beta;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(data);
        server.registerFirm("acme");
        server.registerFirm("bolt");
        alpha = server.registerRobot("acme", "Acme", "A-1", "indoor-delivery");
        beta = server.registerRobot("bolt", "Bolt", "B-1", "serving");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private TestRobot robot(JsonObject r) {
        return TestRobot.create(server.vertx, r.getString("manufacturer"), r.getString("serialNumber"),
                r.getJsonObject("mqtt").getString("username"), r.getJsonObject("mqtt").getString("password"));
    }

    private JsonObject view(JsonObject r) {
        return server.get("/api/v1/robots/" + r.getString("id"), server.operatorToken).bodyAsJsonObject();
    }

    @Test
    void robotWithItsCredentialsComesOnlineAndItsStateReachesTheRegistry() {
        try (TestRobot a = robot(alpha)) {
            a.connectOnline(server.server.mqttPort());
            a.sendState("L1", 3.5, 1.25, 87.0);
            Await.until("alpha's position", Duration.ofSeconds(5), () -> view(alpha).getJsonObject("position") != null);
            JsonObject v = view(alpha);
            assertThat(v.getString("connection")).isEqualTo("ONLINE");
            assertThat(v.getJsonObject("position").getDouble("x")).isEqualTo(3.5);
            assertThat(v.getJsonObject("position").getDouble("y")).isEqualTo(1.25);
            assertThat(v.getJsonObject("position").getString("mapId")).isEqualTo("L1");
            assertThat(v.getDouble("battery")).isEqualTo(87.0);
        }
    }

    @Test
    void rotatingARobotsPasswordClosesTheSessionOpenedWithTheOldOne() {
        try (TestRobot a = robot(alpha); TestRobot b = robot(beta)) {
            a.connectOnline(server.server.mqttPort());
            b.connectOnline(server.server.mqttPort());

            var rotated = server.post("/api/v1/robots/" + alpha.getString("id") + "/credentials", server.operatorToken,
                    new JsonObject());
            assertThat(rotated.statusCode()).as(rotated.bodyAsString()).isEqualTo(200);

            Await.until("alpha's old session closed", Duration.ofSeconds(5), () -> !a.isConnected());
            assertThat(b.isConnected()).as("another robot's session").isTrue();
            TestRobot stale = TestRobot.create(server.vertx, "Acme", "A-1", alpha.getString("id"),
                    alpha.getJsonObject("mqtt").getString("password"));
            assertThat(stale.connect(server.server.mqttPort()))
                    .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
            try (TestRobot fresh = TestRobot.create(server.vertx, "Acme", "A-1", alpha.getString("id"),
                    rotated.bodyAsJsonObject().getJsonObject("mqtt").getString("password"))) {
                assertThat(fresh.connect(server.server.mqttPort())).isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED);
            }
        }
    }

    @Test
    void wrongPasswordIsRefusedAtConnect() {
        TestRobot impostor = TestRobot.create(server.vertx, "Acme", "A-1", alpha.getString("id"), "not-the-password");
        assertThat(impostor.connect(server.server.mqttPort()))
                .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
        assertThat(server.server.rejections().count(Rejection.AUTH_FAILED)).isEqualTo(1);
    }

    @Test
    void publishingOnAnotherRobotsTopicIsRefusedAndTheOtherRobotIsUntouched() {
        try (TestRobot a = robot(alpha); TestRobot b = robot(beta)) {
            b.connectOnline(server.server.mqttPort());
            b.sendState("L1", 1, 1, 50);
            Await.until("beta's first state", Duration.ofSeconds(5), () -> view(beta).getJsonObject("position") != null);

            a.connectOnline(server.server.mqttPort());
            TestRobot forger = TestRobot.create(server.vertx, "Bolt", "B-1", null, null);
            byte[] forged = new Vda5050Codec().encode(
                    forger.state("L1", 99, 99, 1).withHeader(new HeaderCounter("Bolt", "B-1")
                            .next(Topic.STATE)));
            a.publishRaw(b.topic(Topic.STATE), forged);
            a.publishRaw(b.topic(Topic.STATE), forged); // the connection remembers the topic: refused again all the same
            a.sendState("L1", 2, 2, 70); // a message after the forged ones: once it is in, they were handled

            Await.until("alpha's state", Duration.ofSeconds(5), () -> view(alpha).getJsonObject("position") != null);
            assertThat(server.server.rejections().count(Rejection.TOPIC_NOT_ALLOWED)).isEqualTo(2);
            JsonObject bView = view(beta);
            assertThat(bView.getJsonObject("position").getDouble("x")).isEqualTo(1.0);
            assertThat(bView.getDouble("battery")).isEqualTo(50.0);
            assertThat(a.isConnected()).isTrue();
        }
    }

    @Test
    void subscribingToAnotherRobotsOrdersIsRefused() {
        try (TestRobot a = robot(alpha)) {
            a.connectOnline(server.server.mqttPort());
            var ack = Await.result(a.client.subscribe("uagv/v2/Bolt/B-1/order", 0));
            Await.until("the refusal to be counted", Duration.ofSeconds(5),
                    () -> server.server.rejections().count(Rejection.SUBSCRIPTION_NOT_ALLOWED) == 1);
            assertThat(ack).isNotNull();
        }
    }

    @Test
    void badMessagesAreRefusedCountedAndTheLastGoodStateIsKept() {
        try (TestRobot a = robot(alpha)) {
            a.connectOnline(server.server.mqttPort());
            a.sendState("L1", 4, 4, 90);
            Await.until("a good state", Duration.ofSeconds(5), () -> view(alpha).getJsonObject("position") != null);
            String stateTopic = a.topic(Topic.STATE);
            String good = new String(new Vda5050Codec().encode(a.state("L1", 5, 5, 80)
                    .withHeader(new HeaderCounter("Acme", "A-1").next(Topic.STATE))),
                    StandardCharsets.UTF_8);

            a.publishRaw(stateTopic, "{not json".getBytes(StandardCharsets.UTF_8));
            a.publishRaw(stateTopic, new JsonObject(good).put("batteryState",
                    new JsonObject().put("batteryCharge", "full").put("charging", false)).encode().getBytes());
            JsonObject missing = new JsonObject(good);
            missing.remove("safetyState");
            a.publishRaw(stateTopic, missing.encode().getBytes());
            a.publishRaw("uagv/v2/Acme/A-1/nonsense", good.getBytes());
            a.publishRaw(stateTopic, new JsonObject(good).put("manufacturer", "Other").encode().getBytes());

            Await.until("five refusals", Duration.ofSeconds(5), () -> server.server.rejections().snapshot().values()
                    .stream().mapToLong(Long::longValue).sum() == 5);
            assertThat(server.server.rejections().count(Rejection.MALFORMED_JSON)).isEqualTo(1);
            assertThat(server.server.rejections().count(Rejection.INVALID_MESSAGE)).isEqualTo(2);
            assertThat(server.server.rejections().count(Rejection.UNKNOWN_TOPIC)).isEqualTo(1);
            assertThat(server.server.rejections().count(Rejection.HEADER_MISMATCH)).isEqualTo(1);
            assertThat(a.isConnected()).isTrue();
            JsonObject v = view(alpha);
            assertThat(v.getString("connection")).isEqualTo("ONLINE");
            assertThat(v.getJsonObject("position").getDouble("x")).isEqualTo(4.0);
            assertThat(v.getDouble("battery")).isEqualTo(90.0);

            var health = server.get("/api/v1/health", server.operatorToken).bodyAsJsonObject();
            assertThat(health.getJsonObject("mqtt").getJsonObject("rejected").getLong("malformed_json")).isEqualTo(1);
        }
    }

    @Test
    void oversizePayloadIsRefusedAndCounted() throws Exception {
        server.stop();
        server = TestServer.start(data, MqttConfig.defaults().withPort(0)
                .withMaxMessageSize(4096));
        try (TestRobot a = robot(alpha)) {
            a.connectOnline(server.server.mqttPort());
            a.sendState("L1", 4, 4, 90);
            Await.until("a good state", Duration.ofSeconds(5), () -> view(alpha).getJsonObject("position") != null);
            byte[] big = new byte[8192];
            Arrays.fill(big, (byte) ' ');
            a.client.publish(a.topic(Topic.STATE), Buffer.buffer(big),
                    io.netty.handler.codec.mqtt.MqttQoS.AT_MOST_ONCE, false, false);
            Await.until("the oversize refusal", Duration.ofSeconds(5),
                    () -> server.server.rejections().count(Rejection.OVERSIZE) == 1);
            assertThat(view(alpha).getJsonObject("position").getDouble("x")).isEqualTo(4.0);
            assertThat(a.isConnected()).isTrue();

            // A frame far over the limit is stopped by the transport before it is read: counted, link closed.
            a.client.publish(a.topic(Topic.STATE), Buffer.buffer(new byte[2 * 1024 * 1024]),
                    io.netty.handler.codec.mqtt.MqttQoS.AT_MOST_ONCE, false, false);
            Await.until("the transport-level refusal", Duration.ofSeconds(5),
                    () -> server.server.rejections().count(Rejection.OVERSIZE) == 2);
            Await.until("the link closed", Duration.ofSeconds(5), () -> !a.isConnected());
            assertThat(view(alpha).getJsonObject("position").getDouble("x")).isEqualTo(4.0);
        }
    }

    @Test
    void cleanDisconnectLeavesTheRobotOffline() {
        TestRobot a = robot(alpha);
        a.connectOnline(server.server.mqttPort());
        a.sendState("L1", 1, 1, 50);
        Await.until("online", Duration.ofSeconds(5), () -> "ONLINE".equals(view(alpha).getString("connection")));
        a.disconnectCleanly();
        Await.until("offline", Duration.ofSeconds(5), () -> "OFFLINE".equals(view(alpha).getString("connection")));
    }

    @Test
    void droppedSocketWithoutDisconnectMarksTheRobotConnectionBroken() {
        try (TcpProxy link = TcpProxy.start(server.vertx, server.server.mqttPort())) {
            TestRobot a = robot(alpha);
            a.connectOnline(link.port());
            a.sendState("L1", 1, 1, 50);
            Await.until("online", Duration.ofSeconds(5), () -> "ONLINE".equals(view(alpha).getString("connection")));
            link.cut();
            Await.until("broken", Duration.ofSeconds(5),
                    () -> "CONNECTIONBROKEN".equals(view(alpha).getString("connection")));
        }
    }

    @Test
    void serverSendsAnOrderOnlyToItsRobot() {
        try (TestRobot a = robot(alpha); TestRobot b = robot(beta)) {
            a.connectOnline(server.server.mqttPort());
            b.connectOnline(server.server.mqttPort());
            var res = server.post("/api/v1/robots/" + alpha.getString("id") + "/orders", server.operatorToken,
                    new JsonObject().put("orderId", "o-1").put("nodes", new JsonArray()
                            .add(new JsonObject().put("x", 1.0).put("y", 2.0).put("mapId", "L1"))
                            .add(new JsonObject().put("x", 5.0).put("y", 2.0).put("mapId", "L1"))));
            assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(202);
            Await.until("the order at alpha", Duration.ofSeconds(5), () -> !a.received.isEmpty());
            JsonObject order = new JsonObject(a.received.get(0));
            assertThat(a.receivedTopics.get(0)).isEqualTo("uagv/v2/Acme/A-1/order");
            assertThat(order.getString("orderId")).isEqualTo("o-1");
            assertThat(order.getJsonArray("nodes")).hasSize(2);
            assertThat(order.getJsonArray("edges")).hasSize(1);
            assertThat(order.getString("serialNumber")).isEqualTo("A-1");
            assertThat(b.received).isEmpty();
        }
    }
}
