package dev.provingground.scenarios.overmqtt;

import dev.provingground.sim.fleet.SimFleet;
import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.support.Await;
import dev.provingground.server.support.MosquittoBroker;
import dev.provingground.server.support.TcpProxy;
import dev.provingground.server.support.TestServer;
import dev.provingground.sim.robot.SimRobotSpec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import java.time.Instant;

/** Simulated robots and a real fleet server, over real MQTT on loopback: embedded endpoint and Mosquitto. */
class SimFleetOverMqttIT {

    @TempDir
    Path dir;

    private static List<SimRobotSpec> register(TestServer server, int n) {
        server.registerFirm("acme");
        List<SimRobotSpec> specs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            JsonObject r = server.registerRobot("acme", "Acme", "S-" + i, i % 2 == 0 ? "indoor-delivery" : "serving");
            specs.add(new SimRobotSpec("Acme", "S-" + i, r.getString("profile"), r.getString("id"),
                    r.getJsonObject("mqtt").getString("password"), "L1", 0, i, 0, 80));
        }
        return specs;
    }

    private static JsonArray robots(TestServer server) {
        return server.get("/api/v1/robots", server.operatorToken).bodyAsJsonObject().getJsonArray("robots");
    }

    private static long online(TestServer server) {
        return robots(server).stream().map(JsonObject.class::cast)
                .filter(r -> "ONLINE".equals(r.getString("connection"))).count();
    }

    private static void sendStraightOrder(TestServer server, String robotId, double y) {
        var res = server.post("/api/v1/robots/" + robotId + "/orders", server.operatorToken, new JsonObject()
                .put("nodes", new JsonArray().add(new JsonObject().put("x", 0.0).put("y", y).put("mapId", "L1"))
                        .add(new JsonObject().put("x", 6.0).put("y", y).put("mapId", "L1"))));
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(202);
    }

    @Test
    void simulatedRobotsComeOnlineAndDriveTheOrdersTheServerSends() throws Exception {
        try (TestServer server = TestServer.start(dir.resolve("data"))) {
            List<SimRobotSpec> specs = register(server, 4);
            SimFleet fleet = new SimFleet(server.vertx, ProfileCatalog.builtIn(), specs,
                    new SimFleet.Settings(50, 200, 0, 10), Clock.systemUTC());
            Await.result(fleet.start("127.0.0.1", server.server.mqttPort()));
            Await.until("4 robots online", Duration.ofSeconds(10), () -> online(server) == 4);

            String id = specs.get(0).username();
            sendStraightOrder(server, id, 0);
            Await.until("the order driven to its end", Duration.ofSeconds(20), () -> {
                JsonObject r = server.get("/api/v1/robots/" + id, server.operatorToken).bodyAsJsonObject();
                return "n1".equals(r.getString("lastNodeId")) && r.getJsonObject("position").getDouble("x") > 5.99;
            });
            Await.result(fleet.stop());
            Await.until("all offline after a clean stop", Duration.ofSeconds(10), () -> robots(server).stream()
                    .map(JsonObject.class::cast).allMatch(r -> "OFFLINE".equals(r.getString("connection"))));
        }
    }

    @Test
    void robotWhoseLinkGoesSilentIsConnectionBrokenWithinOneAndAHalfKeepalives() throws Exception {
        int keepAlive = 2;
        try (TestServer server = TestServer.start(dir.resolve("data"));
             TcpProxy link = TcpProxy.start(server.vertx, server.server.mqttPort())) {
            List<SimRobotSpec> specs = register(server, 1);
            SimFleet fleet = new SimFleet(server.vertx, ProfileCatalog.builtIn(), specs,
                    new SimFleet.Settings(100, 1000, 0, keepAlive), Clock.systemUTC());
            Await.result(fleet.start("127.0.0.1", link.port()));
            Await.until("online", Duration.ofSeconds(10), () -> online(server) == 1);

            Instant cutAt = Instant.now();
            link.freeze(); // no FIN, no DISCONNECT: only the keepalive can tell
            Await.until("CONNECTIONBROKEN", Duration.ofSeconds(10), () -> "CONNECTIONBROKEN".equals(
                    robots(server).getJsonObject(0).getString("connection")));
            // When the server itself marked the link broken (its clock is this JVM's), not when polling saw it:
            // how fast the list answers under load is no part of the keepalive bound.
            Instant brokenAt = Instant.parse(robots(server).getJsonObject(0).getString("connectionChangedAt"));
            double seconds = Duration.between(cutAt, brokenAt).toNanos() / 1e9;
            // 100 ms on top of the bound for the idle timer's granularity and handing the link's end to the lane.
            assertThat(seconds).isLessThanOrEqualTo(1.5 * keepAlive + 0.1);
        }
    }

    @Test
    void serverAndSimulatedRobotsWorkThroughMosquitto() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start(dir.resolve("mosquitto"));
             TestServer server = TestServer.start(dir.resolve("data"), MqttConfig.external("127.0.0.1", broker.port()))) {
            List<SimRobotSpec> specs = register(server, 3).stream().map(s -> new SimRobotSpec(s.manufacturer(),
                    s.serialNumber(), s.profile(), null, null, s.mapId(), s.x(), s.y(), s.theta(), s.batteryPercent()))
                    .toList();
            SimFleet fleet = new SimFleet(server.vertx, ProfileCatalog.builtIn(), specs,
                    new SimFleet.Settings(50, 200, 0, 10), Clock.systemUTC());
            Await.result(fleet.start("127.0.0.1", broker.port()));
            Await.until("3 robots online via mosquitto", Duration.ofSeconds(10), () -> online(server) == 3);

            String id = robots(server).getJsonObject(1).getString("id");
            double y = robots(server).getJsonObject(1).getJsonObject("position").getDouble("y");
            sendStraightOrder(server, id, y);
            Await.until("the order driven via mosquitto", Duration.ofSeconds(20), () -> {
                JsonObject r = server.get("/api/v1/robots/" + id, server.operatorToken).bodyAsJsonObject();
                return "n1".equals(r.getString("lastNodeId"));
            });
            Await.result(fleet.stop());
        }
    }

    @Test
    void serverAndRobotsComeBackAfterTheBrokerRestarts() throws Exception {
        MosquittoBroker broker = MosquittoBroker.start(dir.resolve("mosquitto"));
        try (TestServer server = TestServer.start(dir.resolve("data"), new MqttConfig(MqttConfig.Mode.EXTERNAL,
                "127.0.0.1", broker.port(), 256 * 1024, null, null, "pg-test", 200))) {
            List<SimRobotSpec> specs = register(server, 1).stream().map(s -> new SimRobotSpec(s.manufacturer(),
                    s.serialNumber(), s.profile(), null, null, s.mapId(), s.x(), s.y(), s.theta(), s.batteryPercent()))
                    .toList();
            SimFleet fleet = new SimFleet(server.vertx, ProfileCatalog.builtIn(), specs,
                    new SimFleet.Settings(50, 200, 0, 10), Clock.systemUTC());
            Await.result(fleet.start("127.0.0.1", broker.port()));
            Await.until("online via mosquitto", Duration.ofSeconds(10), () -> online(server) == 1);

            broker = broker.restart();
            // A state sent before the restart may still be on its way through the server when the new broker is up:
            // only one from after the restart shows that the server is back on the broker.
            Instant restarted = Instant.now();
            String id = robots(server).getJsonObject(0).getString("id");
            Await.until("states flowing again after the restart", Duration.ofSeconds(15), () -> {
                String now = robots(server).getJsonObject(0).getString("lastStateAt");
                return now != null && Instant.parse(now).isAfter(restarted);
            });
            sendStraightOrder(server, id, robots(server).getJsonObject(0).getJsonObject("position").getDouble("y"));
            Await.until("an order sent after the restart is driven", Duration.ofSeconds(20), () ->
                    "n1".equals(server.get("/api/v1/robots/" + id, server.operatorToken).bodyAsJsonObject()
                            .getString("lastNodeId")));
            Await.result(fleet.stop());
        } finally {
            broker.close();
        }
    }
}
