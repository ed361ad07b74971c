package dev.provingground.server.store;

import dev.provingground.server.config.StoreConfig;
import dev.provingground.server.support.Await;
import dev.provingground.server.support.TestRobot;
import dev.provingground.server.support.CapturedLog;
import dev.provingground.server.support.TestServer;
import dev.provingground.server.support.Zones;
import dev.provingground.site.SiteFormat;
import dev.provingground.trackrecord.verify.BundleVerifier;
import dev.provingground.trackrecord.checkpoint.VerifierKey;
import dev.provingground.trackrecord.verify.VerifyResult;
import dev.provingground.vda5050.Topic;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server always starts again on its own data: extreme numbers sent through every way in are refused, so a
 * restart finds nothing it cannot read and every firm's export verifies; and a stored record that cannot be read
 * (corrupt bytes, or a zone an older, laxer server accepted) is quarantined with a log line and shown to operators.
 */
class StartUpWithBadRecordsIT {

    private static final String[] EXTREMES = {"1e308", "-1e308", "1e400", "-1e300", "NaN", "Infinity"};

    @TempDir
    Path data;
    @TempDir
    Path out;

    @RegisterExtension
    final CapturedLog storeLog = CapturedLog.of(MapDbStore.class);

    @Test
    void extremeZonesSitesAndRobotStatesAreRefusedAndAfterARestartEveryFirmsExportVerifies() throws Exception {
        TestServer server = TestServer.start(data);
        try {
            server.registerFirm("acme");
            server.registerFirm("bolt");
            JsonObject a = server.registerRobot("acme", "Acme", "A-1", "indoor-delivery");
            JsonObject b = server.registerRobot("bolt", "Bolt", "B-1", "indoor-delivery");
            String rectangle = Zones.rectangle("far", "KEEP_OUT", 10, 10, 123.25, 20).encode();
            String site = otherSite();
            assertThat(site).contains("10.0");
            try (TestRobot ra = server.connectRobot(a, "Acme", "A-1"); TestRobot rb = server.connectRobot(b, "Bolt", "B-1")) {
                for (String extreme : EXTREMES) {
                    var zone = raw(server, HttpMethod.POST, "/api/v1/sites/test/zones", rectangle.replace("123.25", extreme));
                    assertThat(zone.statusCode()).as("zone vertex " + extreme + ": " + zone.bodyAsString()).isEqualTo(400);
                    var put = raw(server, HttpMethod.PUT, "/api/v1/sites/other", site.replace("10.0", extreme));
                    assertThat(put.statusCode()).as("site waypoint " + extreme + ": " + put.bodyAsString()).isEqualTo(400);
                    ra.sendState("L1", 1, 1, 90);
                    ra.publishRaw(ra.topic(Topic.STATE), ra.stateWithRawX(extreme));
                    rb.sendState("L1", 2, 2, 80);
                    rb.publishRaw(rb.topic(Topic.STATE), rb.stateWithRawX(extreme));
                }
                ra.sendState("L1", 3, 1, 90);
                rb.sendState("L1", 4, 2, 80);
                Await.until("every extreme state refused", Duration.ofSeconds(10), () -> server.server.rejections()
                        .recent().newestFirst(r -> true, 1000).size() == 2 * EXTREMES.length);
                ra.disconnectCleanly();
                rb.disconnectCleanly();
            }
            Await.result(io.vertx.core.Future.fromCompletionStage(server.server.store().flush()));
        } finally {
            server.stop();
        }

        TestServer again = TestServer.start(data);
        try {
            for (String firm : List.of("acme", "bolt")) exportVerifies(again, firm);
            assertThat(again.get("/api/v1/quarantine", again.operatorToken).bodyAsJsonObject()
                    .getJsonArray("records")).as("nothing stored was unreadable").isEmpty();
        } finally {
            again.stop();
        }
    }

    @Test
    void aCorruptRecordAndAZoneAnOlderServerAcceptedAreQuarantinedAndTheServerStarts() throws Exception {
        TestServer server = TestServer.start(data);
        try {
            server.registerFirm("acme");
            for (JsonObject zone : List.of(Zones.rectangle("good", "KEEP_OUT", 0, 0, 1, 1),
                    Zones.rectangle("broken", "KEEP_OUT", 2, 2, 3, 3),
                    Zones.rectangle("far", "KEEP_OUT", 4, 4, 123.25, 5))) {
                var res = server.post("/api/v1/sites/test/zones", server.operatorToken, zone);
                assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
            }
            var site = raw(server, HttpMethod.PUT, "/api/v1/sites/other", otherSite());
            assertThat(site.statusCode()).as(site.bodyAsString()).isEqualTo(201);
            Await.result(io.vertx.core.Future.fromCompletionStage(server.server.store().flush()));
        } finally {
            server.stop();
        }
        try (MapDbStore db = MapDbStore.open(data.resolve("fleet.db"), StoreConfig.defaults())) {
            MapDbStore.Table zones = db.table("zones");
            byte[] far = zones.readAll().get("test/far");
            String farText = new String(far, StandardCharsets.UTF_8);
            assertThat(farText).contains("123.25");
            // What a server before the bounds stored for a vertex at -1e300, and bytes that are no record at all.
            zones.put("test/far", farText.replace("123.25", "-1e300").getBytes(StandardCharsets.UTF_8)).join();
            zones.put("test/broken", new byte[]{1, '{', 'n', 'o', 't', ' ', 'j', 's', 'o', 'n'}).join();
            MapDbStore.Table sites = db.table("site-history");
            String otherKey = "other/000000000001";
            String other = new String(sites.readAll().get(otherKey), StandardCharsets.UTF_8);
            assertThat(other).contains("10.0");
            sites.put(otherKey, other.replace("10.0", "-1e300").getBytes(StandardCharsets.UTF_8)).join();
        }

        TestServer again = TestServer.start(data);
        try {
            JsonArray records = again.get("/api/v1/quarantine", again.operatorToken).bodyAsJsonObject()
                    .getJsonArray("records");
            assertThat(records.stream().map(r -> ((JsonObject) r).getString("table") + " " + ((JsonObject) r)
                    .getString("key"))).containsExactlyInAnyOrder("zones test/broken", "zones test/far",
                    "site-history other/000000000001");
            JsonObject far = records.stream().map(JsonObject.class::cast)
                    .filter(r -> r.getString("key").equals("test/far")).findFirst().orElseThrow();
            assertThat(far.getString("reason")).contains("-1.0E300 is outside -1e6..1e6 m");
            assertThat(far.getString("content")).contains("-1e300");
            assertThat(storeLog.lines()).anyMatch(l -> l.startsWith("SEVERE quarantined stored record zones/test/broken"));
            assertThat(storeLog.lines()).anyMatch(l -> l.startsWith("SEVERE quarantined stored record zones/test/far"));
            assertThat(again.get("/api/v1/quarantine", again.registerFirm("bolt")).statusCode())
                    .as("operators only").isEqualTo(403);
            assertThat(again.get("/api/v1/health", again.operatorToken).bodyAsJsonObject().getJsonObject("storage")
                    .getInteger("quarantinedRecords")).isEqualTo(3);
            assertThat(again.get("/api/v1/sites/other", again.operatorToken).statusCode())
                    .as("a site whose only version is quarantined is gone").isEqualTo(404);
            assertThat(again.get("/api/v1/sites/test", again.operatorToken).statusCode()).isEqualTo(200);
            JsonArray features = again.get("/api/v1/sites/test/zones", again.operatorToken).bodyAsJsonObject()
                    .getJsonArray("features");
            assertThat(features.stream().map(f -> ((JsonObject) f).getString("id"))).containsExactly("good");
            Await.result(io.vertx.core.Future.fromCompletionStage(again.server.store().flush()));
        } finally {
            again.stop();
        }

        storeLog.clear();
        TestServer third = TestServer.start(data);
        try {
            assertThat(third.get("/api/v1/quarantine", third.operatorToken).bodyAsJsonObject()
                    .getJsonArray("records")).as("kept across restarts").hasSize(3);
            assertThat(storeLog.lines()).as("set aside once, not again at every start")
                    .noneMatch(l -> l.contains("quarantined stored record"));
        } finally {
            third.stop();
        }
    }

    /** The test site under the id {@code other}, as its JSON document; its waypoint b is at x = 10.0. */
    private static String otherSite() {
        return new String(SiteFormat.write(TestServer.testSite()), StandardCharsets.UTF_8)
                .replace("\"test\"", "\"other\"");
    }

    private static HttpResponse<Buffer> raw(TestServer server, HttpMethod method, String path, String body) {
        return Await.result(server.http.request(method, server.server.httpPort(), "127.0.0.1", path)
                .putHeader("Authorization", "Bearer " + server.operatorToken)
                .putHeader("content-type", "application/json")
                .sendBuffer(Buffer.buffer(body)));
    }



    private void exportVerifies(TestServer server, String firm) throws Exception {
        var res = server.get("/api/v1/reports/export?site=test&firm=" + firm, server.operatorToken);
        assertThat(res.statusCode()).as(firm + ": " + res.bodyAsString()).isEqualTo(200);
        Path bundle = out.resolve(firm + ".zip");
        Files.write(bundle, res.body().getBytes());
        VerifierKey key = VerifierKey.parse(server.get("/api/v1/sites/test/log/key?firm=" + firm, server.operatorToken)
                .bodyAsString().trim());
        VerifyResult verified = new BundleVerifier().verify(bundle, key);
        assertThat(verified.ok()).as(firm + ": " + verified.firstProblem()).isTrue();
    }
}
