package dev.provingground.server.store;

import dev.provingground.server.config.StoreConfig;
import dev.provingground.server.support.Await;
import dev.provingground.server.support.CapturedLog;
import dev.provingground.server.support.PrometheusText;
import dev.provingground.server.support.TestServer;
import dev.provingground.server.support.VirtualServer;
import dev.provingground.server.support.Zones;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One unreadable record of every kind the server reads at start-up — each database table, a floor-plan image, a
 * track-record log — never stops it: each is quarantined with a log line, listed at {@code GET /api/v1/quarantine},
 * and health says {@code DEGRADED} with the reason until the next start.
 */
class QuarantineOfEveryStoreTest {

    private static final String PLAN = "/api/v1/sites/test/levels/L1/floor-plan";
    private static final byte[] GARBAGE = {1, '{', 'n', 'o', 't', ' ', 'a', ' ', 'r', 'e', 'c', 'o', 'r', 'd'};

    @TempDir
    Path data;

    @RegisterExtension
    final CapturedLog storeLog = CapturedLog.of(MapDbStore.class);

    @Test
    void anUnreadableRecordOfEveryKindIsQuarantinedListedAndLoggedAndTheServerStarts() throws Exception {
        byte[] png = png();
        String vendor;
        String imageName;
        try (VirtualServer first = VirtualServer.start(data)) {
            TestServer api = first.api();
            vendor = api.registerFirm("acme");
            api.registerFirm("bolt");
            api.registerRobot("acme", "Acme", "A-1", "indoor-delivery");
            assertThat(api.post("/api/v1/sites/test/zones", api.operatorToken,
                    Zones.rectangle("keep", "KEEP_OUT", 0, 0, 1, 1)).statusCode()).isEqualTo(201);
            var uploaded = uploadPlan(api, png);
            assertThat(uploaded.statusCode()).as(uploaded.bodyAsString()).isEqualTo(200);
            imageName = uploaded.bodyAsJsonObject().getJsonObject("floorPlan").getString("image");
            first.settle();
        }
        assertThat(data.resolve("track-record/logs/test/_site/segment-000001.mapdb")).exists();

        // One record of each table made unreadable: existing ones overwritten, the others added as they would be
        // stored, each under a key of its table's form.
        Map<String, String> broken = Map.ofEntries(
                Map.entry("firms", "bolt"),
                Map.entry("manufacturer-claims", "Acme"),
                Map.entry("robots", robotId()),
                Map.entry("zones", "test/keep"),
                Map.entry("zone-history", "test/keep/000000000009"),
                Map.entry("site-history", "test/000000000009"),
                Map.entry("tasks", "task-0badc0de-0000"),
                Map.entry("elevator-rules", "test/lift-a"),
                Map.entry("lift-credentials", "lift-test-a"),
                Map.entry("header-id-reservations", robotId() + "/order"));
        try (MapDbStore db = MapDbStore.open(data.resolve("fleet.db"), StoreConfig.defaults())) {
            String token = db.table("tokens").readAll().entrySet().stream()
                    .filter(e -> new String(e.getValue(), StandardCharsets.UTF_8).contains("\"bolt\""))
                    .map(Map.Entry::getKey).findFirst().orElseThrow();
            db.table("tokens").put(token, GARBAGE).join();
            broken.forEach((table, key) -> db.table(table).put(key, GARBAGE).join());
        }
        Path imageFile = data.resolve("floor-plans").resolve(imageName);
        byte[] damaged = Files.readAllBytes(imageFile);
        damaged[damaged.length / 2] ^= 1;
        Files.write(imageFile, damaged);
        Files.write(data.resolve("track-record/logs/test/_site/segment-000001.mapdb"), new byte[4096]);

        int expected = broken.size() + 3;
        try (VirtualServer second = VirtualServer.start(data)) {
            TestServer api = second.api();
            JsonArray records = api.get("/api/v1/quarantine", api.operatorToken).bodyAsJsonObject().getJsonArray("records");
            List<String> listed = records.stream().map(JsonObject.class::cast)
                    .map(r -> r.getString("table") + " " + r.getString("key")).toList();
            assertThat(listed).hasSize(expected);
            broken.forEach((table, key) -> assertThat(listed).contains(table + " " + key));
            assertThat(listed).anyMatch(l -> l.startsWith("tokens "));
            assertThat(listed).contains("floor-plans " + imageName, "track-record proving-ground/test");
            JsonObject log = records.stream().map(JsonObject.class::cast)
                    .filter(r -> r.getString("table").equals("track-record")).findFirst().orElseThrow();
            assertThat(log.getString("reason")).contains("track-record log cannot be opened")
                    .contains("starts again empty").contains(data.resolve("track-record/quarantine/test/_site").toString());
            assertThat(data.resolve("track-record/quarantine/test/_site/segment-000001.mapdb")).exists();
            assertThat(data.resolve("floor-plans/quarantine").resolve(imageName)).exists();
            assertThat(storeLog.lines().stream().filter(l -> l.startsWith("SEVERE quarantined stored record "))).hasSize(expected);

            var health = api.get("/api/v1/health", api.operatorToken);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.bodyAsJsonObject().getString("status")).isEqualTo("DEGRADED");
            assertThat(health.bodyAsJsonObject().getJsonObject("storage").getString("reason"))
                    .isEqualTo(expected + " stored records could not be read at start-up and were quarantined; "
                            + "the server runs without them (GET /api/v1/quarantine)");
            String scrape = api.get("/metrics", api.operatorToken).bodyAsString();
            assertThat(PrometheusText.value(scrape, "pg_health{status=\"DEGRADED\"}")).isEqualTo(1);
            assertThat(PrometheusText.value(scrape, "pg_health{status=\"UP\"}")).isZero();
            assertThat(PrometheusText.value(scrape, "pg_storage_quarantined_records")).isEqualTo(expected);
            var summary = api.get("/api/v1/health", null);
            assertThat(summary.statusCode()).isEqualTo(200);
            assertThat(summary.bodyAsJsonObject().fieldNames()).containsExactlyInAnyOrder("status", "time");
            assertThat(summary.bodyAsJsonObject().getString("status")).isEqualTo("DEGRADED");

            // What was readable is there; the damaged plan is missing until uploaded again; the site log records again
            // from its first leaf.
            var plan = api.get(PLAN, api.operatorToken);
            assertThat(plan.statusCode()).isEqualTo(404);
            assertThat(plan.bodyAsJsonObject().getJsonObject("error").getString("message"))
                    .contains("is not on this server (see GET /api/v1/quarantine); upload it again");
            assertThat(api.get("/api/v1/sites/test", api.operatorToken).statusCode()).isEqualTo(200);
            assertThat(uploadPlan(api, png).statusCode()).isEqualTo(200);
            assertThat(api.get(PLAN, api.operatorToken).statusCode()).isEqualTo(200);
            assertThat(api.get("/api/v1/robots", vendor).bodyAsJsonObject().getJsonArray("robots")).isEmpty();
            assertThat(api.post("/api/v1/sites/test/zones", api.operatorToken,
                    Zones.rectangle("again", "KEEP_OUT", 2, 2, 3, 3)).statusCode()).isEqualTo(201);
            second.settle();
            assertThat(second.server().trackRecord().size(
                    dev.provingground.trackrecord.log.LogId.siteLog("test"))).isPositive();
        }

        storeLog.clear();
        try (VirtualServer third = VirtualServer.start(data)) {
            TestServer api = third.api();
            assertThat(api.get("/api/v1/quarantine", api.operatorToken).bodyAsJsonObject().getJsonArray("records"))
                    .as("kept across restarts").hasSize(expected);
            assertThat(storeLog.lines()).as("set aside once").noneMatch(l -> l.contains("quarantined stored record"));
            assertThat(api.get("/api/v1/health", api.operatorToken).bodyAsJsonObject().getString("status"))
                    .as("reported at the start that found them").isEqualTo("UP");
        }
    }

    private static HttpResponse<Buffer> uploadPlan(TestServer api, byte[] image) {
        return Await.result(api.http.request(HttpMethod.PUT, api.server.httpPort(), "127.0.0.1",
                        PLAN + "?metresPerPixel=0.05").putHeader("Authorization", "Bearer " + api.operatorToken)
                .putHeader("content-type", "image/png").sendBuffer(Buffer.buffer(image)));
    }

    private static byte[] png() throws IOException {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) img.setRGB(x, 15, 0x3366cc);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static String robotId() {
        return dev.provingground.server.registry.RobotRegistry.idFor("Acme", "A-1");
    }
}
