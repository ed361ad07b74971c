package dev.provingground.server.api;

import dev.provingground.server.support.Await;
import dev.provingground.server.support.TestRobot;
import dev.provingground.server.support.TestServer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** /api/v1/live/robots: a snapshot, then the changed robots a token may see on the level it asked for. */
class LiveRobotsIT {

    @TempDir
    Path data;
    private TestServer server;
    private String acmeToken;
    private JsonObject acme;
    private JsonObject bolt;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(data);
        acmeToken = server.registerFirm("acme");
        server.registerFirm("bolt");
        acme = server.registerRobot("acme", "Acme", "A-1", "indoor-delivery");
        bolt = server.registerRobot("bolt", "Bolt", "B-1", "serving");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private List<JsonObject> follow(String query) {
        List<JsonObject> received = new CopyOnWriteArrayList<>();
        WebSocketClient client = server.vertx.createWebSocketClient();
        // The handler is set as the socket opens, on its context: the snapshot follows the upgrade at once.
        Await.result(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
                .setPort(server.server.httpPort()).setURI("/api/v1/live/robots?" + query))
                .onSuccess(ws -> ws.textMessageHandler(text -> received.add(new JsonObject(text)))));
        Await.until("the snapshot", Duration.ofSeconds(5), () -> !received.isEmpty());
        return received;
    }

    private TestRobot online(JsonObject r) {
        TestRobot robot = TestRobot.create(server.vertx, r.getString("manufacturer"), r.getString("serialNumber"),
                r.getString("id"), r.getJsonObject("mqtt").getString("password"));
        robot.connectOnline(server.server.mqttPort());
        return robot;
    }

    private static List<String> ids(List<JsonObject> messages) {
        return messages.stream().flatMap(m -> m.getJsonArray("robots").stream())
                .map(r -> ((JsonObject) r).getString("id")).distinct().toList();
    }

    private static JsonObject last(List<JsonObject> messages, String id) {
        JsonObject found = null;
        for (JsonObject m : messages)
            for (Object r : m.getJsonArray("robots"))
                if (((JsonObject) r).getString("id").equals(id)) found = (JsonObject) r;
        return found;
    }

    @Test
    void aVendorFollowsOnlyItsOwnRobotsAndSeesThemMove() {
        List<JsonObject> operator = follow("access_token=" + server.operatorToken + "&site=test&level=L1");
        List<JsonObject> vendor = follow("access_token=" + acmeToken + "&site=test");
        assertThat(vendor.get(0).getBoolean("snapshot")).isTrue();
        assertThat(ids(vendor)).containsExactly(acme.getString("id"));

        TestRobot a = online(acme);
        TestRobot b = online(bolt);
        a.sendState("L1", 1, 0, 90);
        b.sendState("L1", 2, 0, 80);
        Await.until("both robots on the operator's L1 feed", Duration.ofSeconds(5),
                () -> last(operator, acme.getString("id")) != null && last(operator, bolt.getString("id")) != null
                        && last(operator, bolt.getString("id")).getJsonObject("position") != null);
        a.sendState("L1", 3, 0, 89);
        Await.until("acme's robot at x = 3 on its vendor's feed", Duration.ofSeconds(5), () -> {
            JsonObject r = last(vendor, acme.getString("id"));
            return r != null && r.getJsonObject("position") != null && r.getJsonObject("position").getDouble("x") == 3.0;
        });
        assertThat(ids(vendor)).containsExactly(acme.getString("id"));
        assertThat(last(vendor, acme.getString("id")).getDouble("battery")).isEqualTo(89.0);
    }

    @Test
    void aRobotLeavingTheLevelIsSentOnceMoreAndThenNoLonger() {
        TestRobot a = online(acme);
        a.sendState("L1", 1, 0, 90);
        Await.until("acme's robot on L1", Duration.ofSeconds(5), () -> {
            var r = server.get("/api/v1/robots/" + acme.getString("id"), server.operatorToken).bodyAsJsonObject();
            return r.getJsonObject("position") != null;
        });
        List<JsonObject> l1 = follow("access_token=" + server.operatorToken + "&site=test&level=L1");
        assertThat(ids(l1)).containsExactly(acme.getString("id"));
        a.sendState("L2", 5, 5, 90);
        Await.until("the robot's move to L2", Duration.ofSeconds(5), () -> "L2".equals(
                last(l1, acme.getString("id")).getJsonObject("position").getString("mapId")));
        int seen = l1.size();
        List<JsonObject> l2 = follow("access_token=" + server.operatorToken + "&site=test&level=L2");
        a.sendState("L2", 6, 5, 90);
        a.sendState("L2", 7, 5, 90);
        // The flush that brings x = 7 to the L2 client is the same that would have brought it to L1's.
        Await.until("the robot at x = 7 on L2's feed", Duration.ofSeconds(5), () -> last(l2, acme.getString("id"))
                .getJsonObject("position").getDouble("x") == 7.0);
        assertThat(l1).as("messages to the L1 client after the robot left L1").hasSize(seen);
    }

    @Test
    void aLevelNeedsItsSite() {
        var res = server.get("/api/v1/live/robots?level=L1", server.operatorToken);
        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(res.bodyAsJsonObject().getJsonObject("error").getString("message")).startsWith("level:");
    }
}
