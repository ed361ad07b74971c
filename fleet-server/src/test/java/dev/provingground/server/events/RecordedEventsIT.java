package dev.provingground.server.events;

import dev.provingground.server.support.Await;
import dev.provingground.server.support.TestRobot;
import dev.provingground.server.support.TestServer;
import dev.provingground.server.support.Zones;
import dev.provingground.trackrecord.TrackRecordStore;
import dev.provingground.trackrecord.log.LogId;
import dev.provingground.trackrecord.store.LogReader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/events?since=T} over a real server's HTTP API, checked against its track record read directly:
 * exactly the recorded events with time at or after T, in time order, for an operator and for a vendor — before and
 * after the server restarts. And the headerIds it sends a robot go on rising across the restart.
 */
class RecordedEventsIT {

    @TempDir
    Path data;

    @Test
    void eventsSinceATimeAreExactlyTheRecordedOnesFromThenInTimeOrderBeforeAndAfterARestart() throws Exception {
        TestServer server = TestServer.start(data);
        String acme = server.registerFirm("acme");
        server.registerFirm("bolt");
        JsonObject a = server.registerRobot("acme", "Acme", "A-1", "indoor-delivery");
        JsonObject b = server.registerRobot("bolt", "Bolt", "B-1", "indoor-delivery");
        // A zone before the robots' firm logs exist (their logs open with a snapshot of it) and one after (copied
        // into each firm log), incidents site-wide and per robot: every kind of entry the record holds.
        zone(server, "first", 0);
        try (TestRobot ra = server.connectRobot(a, "Acme", "A-1"); TestRobot rb = server.connectRobot(b, "Bolt", "B-1")) {
            for (int i = 0; i < 5; i++) {
                ra.sendState("L1", 1 + i, 1, 90);
                rb.sendState("L1", 2 + i, 2, 80);
            }
            zone(server, "second", 5);
            incident(server, server.operatorToken, null);
            incident(server, acme, a.getString("id"));
            incident(server, server.operatorToken, b.getString("id"));
            ra.disconnectCleanly();
            rb.disconnectCleanly();
        }
        Await.until("both robots offline", Duration.ofSeconds(10), () -> server.server.registry().all().stream()
                .allMatch(r -> server.server.registry().status(r.id()).connection().name().equals("OFFLINE")));
        List<String> recorded = recorded(server.server.trackRecord(), firm -> true);
        assertThat(recorded).hasSizeGreaterThanOrEqualTo(11);
        List<Instant> times = recorded.stream().map(RecordedEventsIT::time).sorted().toList();
        List<Instant> sinces = List.of(Instant.EPOCH, times.get(times.size() / 2), times.get(times.size() - 1),
                times.get(times.size() - 1).plusMillis(1));

        for (Instant since : sinces) {
            assertListedExactly(server, server.operatorToken, since, recorded(server.server.trackRecord(), f -> true));
            assertListedExactly(server, acme, since, recorded(server.server.trackRecord(), "acme"::equals));
        }
        List<String> beforeRestart = listed(server, server.operatorToken, Instant.EPOCH);
        server.stop();

        TestServer again = TestServer.start(data);
        try {
            List<String> afterRestart = listed(again, again.operatorToken, Instant.EPOCH);
            assertThat(afterRestart).containsAll(beforeRestart);
            for (Instant since : sinces) {
                assertListedExactly(again, again.operatorToken, since, recorded(again.server.trackRecord(), f -> true));
                assertListedExactly(again, acme, since, recorded(again.server.trackRecord(), "acme"::equals));
            }
        } finally {
            again.stop();
        }
    }

    @Test
    void theHeaderIdsSentToARobotGoOnRisingAfterTheServerRestarts() throws Exception {
        TestServer server = TestServer.start(data);
        server.registerFirm("acme");
        JsonObject a = server.registerRobot("acme", "Acme", "A-1", "indoor-delivery");
        long lastBefore;
        try (TestRobot robot = server.connectRobot(a, "Acme", "A-1")) {
            lastBefore = -1;
            for (int i = 0; i < 3; i++) {
                long id = sendInstantAction(server, a.getString("id"));
                assertThat(id).isGreaterThan(lastBefore);
                lastBefore = id;
            }
            robot.disconnectCleanly();
        }
        server.stop();

        TestServer again = TestServer.start(data);
        try (TestRobot robot = again.connectRobot(a, "Acme", "A-1")) {
            assertThat(sendInstantAction(again, a.getString("id"))).isGreaterThan(lastBefore);
            robot.disconnectCleanly();
        } finally {
            again.stop();
        }
    }

    private static void zone(TestServer server, String id, double x) {
        var res = server.post("/api/v1/sites/test/zones", server.operatorToken,
                Zones.rectangle(id, "CAUTION", x, 0, x + 1, 1));
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
    }

    private static void incident(TestServer server, String token, String robotId) {
        JsonObject body = new JsonObject().put("severity", "MINOR").put("description", "a guest tripped nearby");
        if (robotId != null) body.put("robot", robotId);
        var res = server.post("/api/v1/sites/test/incidents", token, body);
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
    }


    private static long sendInstantAction(TestServer server, String robotId) {
        var res = server.post("/api/v1/robots/" + robotId + "/instant-actions", server.operatorToken,
                new JsonObject().put("actions", new JsonArray().add(new JsonObject().put("actionType", "startPause"))));
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(202);
        return res.bodyAsJsonObject().getLong("headerId");
    }

    private static void assertListedExactly(TestServer server, String token, Instant since, List<String> recorded) {
        List<String> expected = recorded.stream().filter(e -> !time(e).isBefore(since)).toList();
        List<String> listed = listed(server, token, since);
        assertThat(listed).as("events since %s", since).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(listed.stream().map(RecordedEventsIT::time).toList()).as("time order").isSorted();
    }

    private static List<String> listed(TestServer server, String token, Instant since) {
        var res = server.get("/api/v1/events?since=" + since, token);
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
        assertThat(res.bodyAsJsonObject().getBoolean("truncated")).isFalse();
        List<String> out = new ArrayList<>();
        for (Object e : res.bodyAsJsonObject().getJsonArray("events")) out.add(((JsonObject) e).encode());
        return out;
    }

    /**
     * Every event in the record, once: site-wide changes are the same bytes in the site log and each firm log, and a
     * firm log opens with a snapshot of the rules in force, which is no event of its own. A vendor sees the site-wide
     * events and those of its own firm.
     */
    private static List<String> recorded(TrackRecordStore store, Predicate<String> firmVisible) throws Exception {
        store.flush().get();
        Set<String> distinct = new LinkedHashSet<>();
        for (LogId log : store.logs()) {
            if (!log.isSiteLog() && !firmVisible.test(log.firm())) continue;
            LogReader reader = store.reader(log);
            reader.forEachEntry(0, reader.size(), (i, json) -> {
                JsonObject event = new JsonObject(new String(json, StandardCharsets.UTF_8));
                if (!isRulesSnapshot(event)) distinct.add(event.encode());
            });
        }
        return distinct.stream().sorted(Comparator.comparing(RecordedEventsIT::time)).toList();
    }

    private static boolean isRulesSnapshot(JsonObject event) {
        return event.getValue("details") instanceof JsonObject details && "SNAPSHOT".equals(details.getString("change"));
    }

    private static Instant time(String event) {
        return Instant.parse(new JsonObject(event).getString("time"));
    }
}
