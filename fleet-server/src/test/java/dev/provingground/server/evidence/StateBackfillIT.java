package dev.provingground.server.evidence;

import dev.provingground.server.support.Await;
import dev.provingground.server.support.TestRobot;
import dev.provingground.server.support.TestServer;
import dev.provingground.trackrecord.checkpoint.VerifierKey;
import dev.provingground.trackrecord.verify.BundleVerifier;
import dev.provingground.trackrecord.verify.VerifyResult;
import dev.provingground.vda5050.HeaderCounter;
import dev.provingground.vda5050.State;
import dev.provingground.vda5050.StateBackfill;
import dev.provingground.vda5050.Vda5050Codec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static dev.provingground.server.support.Bundles.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A robot's stateBackfill after a lost link: late samples in the track record, the live state left alone. */
class StateBackfillIT {

    @TempDir
    Path data;
    @TempDir
    Path out;
    TestServer server;
    String acmeToken;
    JsonObject robot;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(data);
        acmeToken = server.registerFirm("acme");
        robot = server.registerRobot("acme", "Acme", "A-1", "indoor-delivery");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void backfilledStatesCountInTheDistanceWithoutMovingTheLiveStateBackwards() throws Exception {
        Vda5050Codec codec = new Vda5050Codec();
        try (TestRobot r = TestRobot.create(server.vertx, "Acme", "A-1", robot.getString("id"),
                robot.getJsonObject("mqtt").getString("password"))) {
            r.connectOnline(server.server.mqttPort());
            r.sendState("L1", 100, 0, 80);
            Instant now = Instant.now();
            // The 100 s before: the robot drove from x = 0 to x = 99 at 1 m/s while its link was down.
            for (int i = 0; i < 100; i++) {
                Instant taken = now.minusSeconds(100 - i);
                HeaderCounter atThatTime = new HeaderCounter("Acme", "A-1", Clock.fixed(taken, ZoneOffset.UTC));
                State s = atThatTime.stamp(r.state("L1", i, 0, 81));
                r.publishRaw(StateBackfill.topic("Acme", "A-1"), codec.encode(s));
            }
            // Someone else's backfill topic is not this robot's to publish.
            r.publishRaw(StateBackfill.topic("Acme", "B-2"), codec.encode(r.state("L1", 0, 0, 50).withHeader(
                    new HeaderCounter("Acme", "B-2").next(dev.provingground.vda5050.Topic.STATE))));
            Await.until("the late samples recorded", Duration.ofSeconds(10), () ->
                    server.get("/api/v1/events?type=state.samples", server.operatorToken).bodyAsString().contains("\"late\":true"));
            JsonObject live = server.get("/api/v1/robots/" + robot.getString("id"), server.operatorToken).bodyAsJsonObject();
            assertThat(live.encode()).contains("\"x\":100.0");
            r.disconnectCleanly();
        }
        Await.until("the live batch written", Duration.ofSeconds(10), () -> {
            JsonArray events = server.get("/api/v1/events?type=state.samples", server.operatorToken).bodyAsJsonObject()
                    .getJsonArray("events");
            return events.size() >= 2;
        });
        var res = server.get("/api/v1/reports/export?site=test&firm=acme", acmeToken);
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
        Path bundle = out.resolve("acme.zip");
        Files.write(bundle, res.body().getBytes());
        VerifierKey key = VerifierKey.parse(server.get("/api/v1/sites/test/log/key?firm=acme", acmeToken).bodyAsString().trim());
        VerifyResult verified = new BundleVerifier().verify(bundle, key);
        assertThat(verified.ok()).as(verified.firstProblem()).isTrue();
        assertThat(entry(bundle, "events.jsonl")).contains("\"late\":true");
        JsonObject kpis = new JsonObject(entry(bundle, "kpis.json"));
        double km = kpis.getJsonArray("metrics").stream().map(m -> (JsonObject) m)
                .filter(m -> m.getString("name").equals("distance.total_km")).findFirst().orElseThrow().getDouble("value");
        assertThat(km).as("99 m of backfill and the 1 m into the live sample").isCloseTo(0.1, within(1e-6));
        assertThat(server.get("/api/v1/events?type=state.samples", server.operatorToken).bodyAsString()).doesNotContain("B-2");
    }
}
