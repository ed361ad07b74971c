package dev.provingground.server.peer;

import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.mqtt.Rejection;
import dev.provingground.server.support.Await;
import dev.provingground.server.support.MosquittoBroker;
import dev.provingground.server.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interoperability with a VDA 5050 implementation not written here: the virtual AGV of npm {@code vda-5050-lib}
 * 1.4.0 (protocol 2.0.0) talks to the server through Debian's Mosquitto, the server running in EXTERNAL mode.
 */
class VdaLibPeerIT {

    private static final String FIRM = "peer-firm";
    private static final String MANUFACTURER = "VdaLib";
    private static final String SERIAL = "virtual-agv-1";
    private static final Duration WAIT = Duration.ofSeconds(15);
    // Inside the virtual AGV's default deviation tolerance (0.5 m): the library only accepts a new order whose
    // first node the vehicle already stands on.
    private static final double NODE_OFFSET_METRES = 0.3;

    @TempDir
    Path tmp;

    private MosquittoBroker broker;
    private TestServer server;
    private VirtualAgvProcess agv;
    private String robotId;

    @BeforeEach
    void startBrokerServerAndVirtualAgv() throws Exception {
        broker = MosquittoBroker.start(tmp.resolve("mosquitto"));
        server = TestServer.start(tmp.resolve("data"), MqttConfig.external("127.0.0.1", broker.port()));
        server.registerFirm(FIRM);
        robotId = server.registerRobot(FIRM, MANUFACTURER, SERIAL, "indoor-delivery").getString("id");
        agv = VirtualAgvProcess.start(tmp.resolve("agv"), broker.port(), MANUFACTURER, SERIAL);
        agv.awaitEvent("connected", WAIT);
        awaitRobot("the virtual AGV ONLINE with a position and battery from its state",
                r -> "ONLINE".equals(r.getString("connection")) && r.getJsonObject("position") != null
                        && r.getValue("battery") != null);
    }

    @AfterEach
    void stopVirtualAgvServerAndBroker() {
        try {
            if (agv != null) agv.close();
        } finally {
            try {
                if (server != null) server.close();
            } finally {
                if (broker != null) broker.close();
            }
        }
    }

    @Test
    void virtualAgvIsRegisteredOnlineWithThePositionAndBatteryItsStateReports() {
        JsonObject robot = robot();

        assertThat(robot.getString("connection")).isEqualTo("ONLINE");
        // The library's documented defaults: a fully charged AGV at the origin of map "local", in AUTOMATIC mode.
        JsonObject position = robot.getJsonObject("position");
        assertThat(position.getString("mapId")).isEqualTo("local");
        assertThat(position.getDouble("x")).isZero();
        assertThat(position.getDouble("y")).isZero();
        assertThat(position.getBoolean("initialized")).isTrue();
        assertThat(robot.getDouble("battery")).isEqualTo(100.0);
        assertThat(robot.getBoolean("driving")).isFalse();
        assertThat(robot.getString("operatingMode")).isEqualTo("AUTOMATIC");
        assertThat(robot.getJsonArray("errors")).isEmpty();
        assertNoMessageRejected();
    }

    @Test
    void virtualAgvExecutesAOneNodeOrderSentThroughTheServersOrderApi() {
        JsonObject at = robot().getJsonObject("position");
        String orderId = "peer-order-1";
        String nodeId = "reception-desk";
        JsonObject order = new JsonObject().put("orderId", orderId).put("nodes", new JsonArray().add(new JsonObject()
                .put("nodeId", nodeId)
                .put("x", at.getDouble("x") + NODE_OFFSET_METRES)
                .put("y", at.getDouble("y"))
                .put("mapId", at.getString("mapId"))));

        var sent = server.post("/api/v1/robots/" + robotId + "/orders", server.operatorToken, order);

        assertThat(sent.statusCode()).as(sent.bodyAsString()).isEqualTo(202);
        assertThat(sent.bodyAsJsonObject().getString("orderId")).isEqualTo(orderId);
        // An error event is how the AGV rejects an order; waiting for it too fails fast with the AGV's reason.
        JsonObject outcome = agv.awaitEvent("order " + orderId + " finished or an error",
                e -> "error".equals(e.getString("event"))
                        || "orderFinished".equals(e.getString("event")) && orderId.equals(e.getString("orderId")), WAIT);
        assertThat(agv.events("error")).as("errors the virtual AGV reported\n%s", agv.diagnostics()).isEmpty();
        assertThat(outcome.getString("lastNodeId")).isEqualTo(nodeId);
        assertThat(outcome.getInteger("nodeStates")).isZero();
        assertThat(outcome.getInteger("edgeStates")).isZero();
        awaitRobot("the server to show the virtual AGV's state with order " + orderId + " done at node " + nodeId,
                r -> orderId.equals(r.getString("orderId")) && nodeId.equals(r.getString("lastNodeId")));
        assertNoMessageRejected();
    }

    @Test
    void stoppingTheVirtualAgvMarksItOffline() {
        agv.close();

        assertThat(agv.isRunning()).isFalse();
        assertThat(agv.events("stopped")).as(agv.diagnostics()).hasSize(1);
        awaitRobot("the server to show the stopped virtual AGV OFFLINE", r -> "OFFLINE".equals(r.getString("connection")));
    }

    private JsonObject robot() {
        var res = server.get("/api/v1/robots/" + robotId, server.operatorToken);
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
        return res.bodyAsJsonObject();
    }

    private void awaitRobot(String what, Predicate<JsonObject> condition) {
        JsonObject[] last = {null};
        try {
            Await.until(what, WAIT, () -> condition.test(last[0] = robot()));
        } catch (AssertionError timedOut) {
            throw new AssertionError(timedOut.getMessage() + "\nlast robot JSON: " + last[0]
                    + "\nserver rejections: " + server.server.rejections().snapshot() + "\n" + agv.diagnostics()
                    + "\nmosquitto log (" + broker.logFile() + "):\n" + broker.log(), timedOut);
        }
    }

    private void assertNoMessageRejected() {
        Map<Rejection, Long> rejected = server.server.rejections().snapshot();
        assertThat(rejected.values()).as("server rejections %s\n%s", rejected, agv.diagnostics())
                .allMatch(n -> n == 0);
    }
}
