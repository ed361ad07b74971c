package dev.provingground.server.store;

import dev.provingground.server.support.Await;
import dev.provingground.server.support.PrometheusText;
import dev.provingground.server.support.SmallDisk;
import dev.provingground.server.support.TestRobot;
import dev.provingground.server.support.TestServer;
import dev.provingground.trackrecord.checkpoint.VerifierKey;
import dev.provingground.trackrecord.verify.BundleVerifier;
import dev.provingground.trackrecord.verify.VerifyResult;
import dev.provingground.vda5050.Connection;
import dev.provingground.vda5050.ConnectionState;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.provingground.server.support.Bundles.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real server whose data directory is a small filesystem that fills up and is freed again, with robots over MQTT
 * and an operator over HTTP: the server says it is down and why, refuses changes without storing them, holds the
 * robots' events, and comes back by itself with every event in each firm's verifying export.
 */
class DiskFullIT {

    private static final Duration RECOVERY = Duration.ofSeconds(15);
    /** Per robot: its connect, 8 times OFFLINE and ONLINE (2 before, 1 and 3 during, 2 after the outage), its disconnect. */
    private static final int LINK_EVENTS = 1 + 8 * 2 + 1;

    @TempDir
    Path scratch;
    @TempDir
    Path out;
    SmallDisk disk;
    TestServer server;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        Path mountPoint = Files.createDirectories(scratch.resolve("disk"));
        disk = SmallDisk.mount(mountPoint, scratch, 16);
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.stop();
        if (disk != null) disk.close();
    }

    @Test
    void aFullDiskTakesTheServerDownWithoutLosingAnAcknowledgedEventAndItComesBackByItselfWhenFreed() throws Exception {
        Path data = disk.root().resolve("data");
        server = TestServer.start(data);
        server.registerFirm("acme");
        server.registerFirm("bolt");
        List<TestRobot> robots = new ArrayList<>();
        try {
            robots.add(online("acme", "Acme", "A-1"));
            robots.add(online("bolt", "Bolt", "B-1"));
            toggleLinks(robots, 2);
            Await.until("the first events recorded", Duration.ofSeconds(10), () -> linkEvents().size() >= 2 + 2 * 2 * 2);
            assertThat(health().getString("status")).isEqualTo("UP");

            disk.fill();
            toggleLinks(robots, 1);
            // A commit under way while the filler ran may free a few pages afterwards; topping up until both stores
            // have failed leaves none, so neither can succeed again before the disk is freed.
            Await.until("health DOWN with both stores failing", RECOVERY, () -> {
                disk.fill();
                JsonObject storage = health().getJsonObject("storage");
                return "DOWN".equals(storage.getJsonObject("database").getString("status"))
                        && "DOWN".equals(storage.getJsonObject("trackRecord").getString("status"));
            });
            JsonObject down = health();
            assertThat(down.getString("status")).isEqualTo("DOWN");
            var open = server.get("/api/v1/health", null);
            assertThat(open.statusCode()).as("health without a token").isEqualTo(503);
            assertThat(open.bodyAsJsonObject().getString("status")).isEqualTo("DOWN");
            assertThat(open.bodyAsJsonObject().fieldNames()).containsExactlyInAnyOrder("status", "time");
            assertThat(down.getJsonObject("storage").getString("reason")).contains("storage cannot write");
            assertThat(down.getJsonObject("storage").getJsonObject("trackRecord").getString("reason"))
                    .contains("No space left on device");

            var firm = server.post("/api/v1/firms", server.operatorToken,
                    new JsonObject().put("id", "cobalt").put("name", "Cobalt"));
            assertThat(firm.statusCode()).as(firm.bodyAsString()).isEqualTo(503);
            assertThat(firm.getHeader("Retry-After")).isEqualTo("5");
            var robot = server.post("/api/v1/robots", server.operatorToken, new JsonObject().put("manufacturer", "Acme")
                    .put("serialNumber", "A-2").put("firm", "acme").put("profile", "indoor-delivery").put("site", "test"));
            assertThat(robot.statusCode()).as(robot.bodyAsString()).isEqualTo(503);

            toggleLinks(robots, 3);
            Await.until("the robots' events held", RECOVERY, () -> health().getJsonObject("storage")
                    .getJsonObject("trackRecord").getInteger("heldEvents") > 0);

            disk.free();
            Await.until("health UP again by itself", RECOVERY, () -> "UP".equals(health().getString("status")));
            JsonObject up = health().getJsonObject("storage").getJsonObject("trackRecord");
            assertThat(up.getInteger("heldEvents")).isZero();
            assertThat(up.getLong("droppedEvents")).isZero();
            assertThat(up.getLong("outages")).isEqualTo(1);
            String metrics = server.get("/metrics", server.operatorToken).bodyAsString();
            assertThat(PrometheusText.value(metrics, "pg_storage_failing{store=\"trackRecord\"}")).isZero();
            assertThat(PrometheusText.value(metrics, "pg_storage_outages_total{store=\"trackRecord\"}")).isEqualTo(1);
            assertThat(PrometheusText.value(metrics, "pg_storage_dropped_events_total{store=\"trackRecord\"}")).isZero();
            toggleLinks(robots, 2);
            // /events reads the durable record: the connect, 2 + 1 + 3 + 2 OFFLINE/ONLINE pairs of each robot.
            Await.until("the events before, during and after the outage recorded", Duration.ofSeconds(10),
                    () -> linkEvents().size() == 2 * (LINK_EVENTS - 1));
        } finally {
            robots.forEach(TestRobot::close);
        }
        Await.until("the robots' disconnects emitted", Duration.ofSeconds(10), () -> linkEvents().size() == 2 * LINK_EVENTS);

        // Every event the server emitted (and the robots saw acknowledged) before, during and after the outage.
        Map<String, List<String>> emitted = server.get("/api/v1/events?limit=10000", server.operatorToken)
                .bodyAsJsonObject().getJsonArray("events").stream().map(e -> (JsonObject) e)
                .filter(e -> e.getString("firm") != null)
                .collect(Collectors.groupingBy(e -> e.getString("firm"), Collectors.mapping(JsonObject::encode,
                        Collectors.toList())));
        for (String firm : List.of("acme", "bolt")) {
            Path bundle = export(firm);
            List<String> recorded = entry(bundle, "events.jsonl").lines().toList();
            List<String> recordedLinks = recorded.stream().filter(l -> l.contains("\"type\":\"robot.link\"")).toList();
            assertThat(recordedLinks).as(firm + ": every link event of its robot").hasSize(LINK_EVENTS);
            assertThat(recorded.stream().map(l -> new JsonObject(l).encode()).toList())
                    .as(firm + ": every event emitted is in the verified export").containsAll(emitted.get(firm));
            assertThat(recorded).noneMatch(l -> l.contains("record.gap"));
        }

        assertNothingRefusedWasStored();
        server.stop();
        server = TestServer.start(data);
        assertNothingRefusedWasStored();
    }

    private void assertNothingRefusedWasStored() {
        assertThat(server.get("/api/v1/firms", server.operatorToken).bodyAsString()).doesNotContain("cobalt");
        assertThat(server.get("/api/v1/robots", server.operatorToken).bodyAsString()).doesNotContain("A-2");
    }

    private TestRobot online(String firm, String manufacturer, String serial) {
        JsonObject robot = server.registerRobot(firm, manufacturer, serial, "indoor-delivery");
        TestRobot r = TestRobot.create(server.vertx, manufacturer, serial, robot.getString("id"),
                robot.getJsonObject("mqtt").getString("password"));
        r.connectOnline(server.server.mqttPort());
        r.sendState("L1", 1, 0, 80);
        return r;
    }

    /** Each robot reports OFFLINE then ONLINE {@code times} times: two robot.link events each time, each PUBACKed. */
    private static void toggleLinks(List<TestRobot> robots, int times) {
        for (int i = 0; i < times; i++) {
            for (TestRobot r : robots) {
                r.publish(Connection.create(ConnectionState.OFFLINE));
                r.publish(Connection.create(ConnectionState.ONLINE));
                r.sendState("L1", 1 + i, 0, 80);
            }
        }
    }

    private List<Object> linkEvents() {
        return server.get("/api/v1/events?type=robot.link&limit=10000", server.operatorToken).bodyAsJsonObject()
                .getJsonArray("events").getList();
    }

    private JsonObject health() {
        return server.get("/api/v1/health", server.operatorToken).bodyAsJsonObject();
    }

    private Path export(String firm) throws Exception {
        var res = server.get("/api/v1/reports/export?site=test&firm=" + firm, server.operatorToken);
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
        Path bundle = out.resolve(firm + ".zip");
        Files.write(bundle, res.body().getBytes());
        VerifierKey key = VerifierKey.parse(server.get("/api/v1/sites/test/log/key?firm=" + firm, server.operatorToken)
                .bodyAsString().trim());
        VerifyResult verified = new BundleVerifier().verify(bundle, key);
        assertThat(verified.ok()).as(verified.firstProblem()).isTrue();
        return bundle;
    }
}
