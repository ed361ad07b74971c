package dev.provingground.server.sites;

import dev.provingground.server.sites.floorplans.FloorPlanImageCheck;
import dev.provingground.server.support.Await;
import dev.provingground.server.support.TestServer;
import dev.provingground.server.support.VirtualServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Floor-plan images over real HTTP: uploaded, placed, served with their type and cache headers, kept by earlier site
 * versions; refused, with nothing stored, when the bytes, the size, the placement, the level or the caller is wrong.
 */
class FloorPlanApiTest {

    private static final String PLAN = "/api/v1/sites/test/levels/L1/floor-plan";

    @TempDir
    Path data;
    VirtualServer virtual;
    TestServer server;
    String vendor;

    @BeforeEach
    void start() throws Exception {
        virtual = VirtualServer.start(data);
        server = virtual.api();
        vendor = server.registerFirm("acme");
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop();
    }

    static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) img.setRGB(x, height / 2, 0x3366cc);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, format, out)).as("a %s writer", format).isTrue();
        return out.toByteArray();
    }

    private HttpResponse<Buffer> upload(String path, String token, String type, byte[] bytes) {
        var req = server.http.request(HttpMethod.PUT, server.server.httpPort(), "127.0.0.1", path);
        if (token != null) req.putHeader("Authorization", "Bearer " + token);
        if (type != null) req.putHeader("content-type", type);
        return Await.result(req.sendBuffer(Buffer.buffer(bytes)));
    }

    private HttpResponse<Buffer> fetch(String path, String token, String ifNoneMatch) {
        var req = server.http.request(HttpMethod.GET, server.server.httpPort(), "127.0.0.1", path)
                .putHeader("Authorization", "Bearer " + token);
        if (ifNoneMatch != null) req.putHeader("If-None-Match", ifNoneMatch);
        return Await.result(req.send());
    }

    private JsonArray history() {
        return server.get("/api/v1/sites/test/history", vendor).bodyAsJsonObject().getJsonArray("history");
    }

    private JsonObject levelL1() {
        return server.get("/api/v1/sites/test", vendor).bodyAsJsonObject().getJsonArray("levels").getJsonObject(0);
    }

    private static JsonObject error(HttpResponse<Buffer> res) {
        return res.bodyAsJsonObject().getJsonObject("error");
    }

    private void assertNothingStored() throws IOException {
        assertThat(history()).as("site versions").hasSize(1);
        assertThat(levelL1().containsKey("floorPlan")).isFalse();
        Path images = data.resolve("floor-plans");
        if (Files.isDirectory(images)) try (var files = Files.list(images)) {
            assertThat(files.toList()).as("stored images").isEmpty();
        }
    }

    @Test
    void anUploadedPlanIsAnewSiteVersionServedWithItsTypeAndCacheHeaders() throws Exception {
        byte[] png = image("png", 200, 100);
        var res = upload(PLAN + "?metresPerPixel=0.05&originX=-2.5&originY=-1", server.operatorToken, "image/png", png);
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
        JsonObject plan = res.bodyAsJsonObject().getJsonObject("floorPlan");
        assertThat(plan.getString("mediaType")).isEqualTo("image/png");
        assertThat(plan.getInteger("widthPx")).isEqualTo(200);
        assertThat(plan.getInteger("heightPx")).isEqualTo(100);
        assertThat(plan.getDouble("metresPerPixel")).isEqualTo(0.05);
        assertThat(plan.getJsonObject("origin")).isEqualTo(new JsonObject().put("x", -2.5).put("y", -1.0));
        assertThat(res.bodyAsJsonObject().getLong("version")).isEqualTo(2L);
        assertThat(levelL1().getJsonObject("floorPlan")).isEqualTo(plan);
        assertThat(history()).extracting(v -> ((JsonObject) v).getString("change")).containsExactly("CONFIGURED", "UPDATED");

        var current = fetch(PLAN, vendor, null);
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(current.getHeader("content-type")).isEqualTo("image/png");
        assertThat(current.getHeader("cache-control")).isEqualTo("private, no-cache");
        assertThat(current.body().getBytes()).isEqualTo(png);
        String etag = current.getHeader("etag");
        assertThat(etag).isEqualTo("\"" + plan.getString("image") + "\"");
        assertThat(fetch(PLAN, vendor, etag).statusCode()).isEqualTo(304);

        var byHash = fetch(res.bodyAsJsonObject().getString("url"), vendor, null);
        assertThat(byHash.statusCode()).isEqualTo(200);
        assertThat(byHash.getHeader("cache-control")).isEqualTo("private, max-age=31536000, immutable");
        assertThat(byHash.body().getBytes()).isEqualTo(png);
    }

    @Test
    void earlierSiteVersionsKeepTheirImageAfterAReplacementAndARemoval() throws Exception {
        byte[] first = image("png", 40, 30);
        byte[] second = image("jpeg", 64, 48);
        var one = upload(PLAN + "?metresPerPixel=0.1", server.operatorToken, "image/png", first);
        assertThat(one.statusCode()).as(one.bodyAsString()).isEqualTo(200);
        var two = upload(PLAN + "?metresPerPixel=0.2", server.operatorToken, null, second);
        assertThat(two.statusCode()).as(two.bodyAsString()).isEqualTo(200);
        assertThat(two.bodyAsJsonObject().getJsonObject("floorPlan").getString("mediaType")).isEqualTo("image/jpeg");
        var removed = server.call(HttpMethod.DELETE, PLAN, server.operatorToken, null);
        assertThat(removed.statusCode()).as(removed.bodyAsString()).isEqualTo(200);
        assertThat(removed.bodyAsJsonObject().getValue("floorPlan")).isNull();
        assertThat(fetch(PLAN, vendor, null).statusCode()).isEqualTo(404);
        assertThat(server.call(HttpMethod.DELETE, PLAN, server.operatorToken, null).statusCode()).isEqualTo(404);

        JsonArray history = history();
        assertThat(history).hasSize(4);
        for (int v = 1; v <= 2; v++) {
            JsonObject plan = history.getJsonObject(v).getJsonObject("site").getJsonArray("levels").getJsonObject(0)
                    .getJsonObject("floorPlan");
            var image = fetch("/api/v1/sites/test/floor-plans/" + plan.getString("image"), vendor, null);
            assertThat(image.statusCode()).as("image of version %s", v + 1).isEqualTo(200);
            assertThat(image.getHeader("content-type")).isEqualTo(plan.getString("mediaType"));
            assertThat(image.body().getBytes()).isEqualTo(v == 1 ? first : second);
        }
        assertThat(history.getJsonObject(3).getJsonObject("site").getJsonArray("levels").getJsonObject(0)
                .containsKey("floorPlan")).isFalse();
        assertThat(fetch("/api/v1/sites/test/floor-plans/" + "0".repeat(64), vendor, null).statusCode()).isEqualTo(404);

        // The stored images and versions outlive a restart.
        String firstImage = history.getJsonObject(1).getJsonObject("site").getJsonArray("levels").getJsonObject(0)
                .getJsonObject("floorPlan").getString("image");
        server.stop();
        server = null;
        virtual = VirtualServer.start(data);
        server = virtual.api();
        assertThat(fetch("/api/v1/sites/test/floor-plans/" + firstImage, server.operatorToken, null).body().getBytes())
                .isEqualTo(first);
    }

    @Test
    void aFakePngIsRefusedNamingTheImageAndNothingIsStored() throws Exception {
        byte[] fake = Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 400);
        Arrays.fill(fake, 8, 400, (byte) 7);
        var res = upload(PLAN + "?metresPerPixel=0.05", server.operatorToken, "image/png", fake);
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(400);
        assertThat(error(res).getString("code")).isEqualTo("invalid_floor_plan");
        assertThat(error(res).getString("message")).contains("image: not a readable PNG").contains("nothing was changed");

        var text = upload(PLAN + "?metresPerPixel=0.05", server.operatorToken, "image/png", "<svg/>".getBytes());
        assertThat(error(text).getString("message")).contains("image: not a PNG or JPEG file");

        var truncated = upload(PLAN + "?metresPerPixel=0.05", server.operatorToken, "image/png",
                Arrays.copyOf(image("png", 300, 300), 60));
        assertThat(truncated.statusCode()).isEqualTo(400);
        assertThat(error(truncated).getString("message")).contains("image: not a readable PNG");

        var mislabelled = upload(PLAN + "?metresPerPixel=0.05", server.operatorToken, "image/jpeg", image("png", 8, 8));
        assertThat(error(mislabelled).getString("message"))
                .contains("Content-Type: says image/jpeg but the bytes are image/png");
        assertNothingStored();
    }

    @Test
    void anImageOverTheLimitIsRefusedNamingTheLimit() throws Exception {
        byte[] png = image("png", 16, 16);
        var res = upload(PLAN + "?metresPerPixel=0.05", server.operatorToken, "image/png",
                Arrays.copyOf(png, FloorPlanImageCheck.MAX_BYTES + 1));
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(413);
        assertThat(error(res).getString("code")).isEqualTo("payload_too_large");
        assertThat(error(res).getString("message"))
                .contains("exceeds the limit of " + FloorPlanImageCheck.MAX_BYTES + " bytes").contains("floor-plan image limit");
        // Up to the limit the body is read (the API's general limit here is 1 MiB) and checked as an image.
        byte[] fake = Arrays.copyOf(png, FloorPlanImageCheck.MAX_BYTES);
        Arrays.fill(fake, 8, fake.length, (byte) 7); // the PNG signature, then no valid chunk
        var atLimit = upload(PLAN + "?metresPerPixel=0.05", server.operatorToken, "image/png", fake);
        assertThat(atLimit.statusCode()).as(atLimit.bodyAsString()).isEqualTo(400);
        assertThat(error(atLimit).getString("message")).contains("image: not a readable PNG");
        assertNothingStored();
    }

    @Test
    void aBadScaleOrOriginIsRefusedNamingEachParameter() throws Exception {
        byte[] png = image("png", 16, 16);
        for (String scale : new String[] {"0", "-1", "NaN", "Infinity", "11", "abc"}) {
            var res = upload(PLAN + "?metresPerPixel=" + scale, server.operatorToken, "image/png", png);
            assertThat(res.statusCode()).as("scale %s: %s", scale, res.bodyAsString()).isEqualTo(400);
            assertThat(error(res).getString("message")).as("scale %s", scale).contains("metresPerPixel: ");
        }
        var missing = upload(PLAN + "?originX=1", server.operatorToken, "image/png", png);
        assertThat(error(missing).getString("message")).contains("metresPerPixel: required query parameter");
        var origin = upload(PLAN + "?metresPerPixel=0.05&originX=NaN&originY=1e9", server.operatorToken, "image/png", png);
        assertThat(origin.statusCode()).isEqualTo(400);
        assertThat(error(origin).getJsonObject("details").getJsonArray("problems")).hasSize(2);
        assertThat(error(origin).getString("message")).contains("originX: must be a finite number")
                .contains("originY: must be within ±100000 m");
        assertNothingStored();
    }

    @Test
    void anUnknownLevelIsNotFoundAndVendorsMayNotChangeAPlan() throws Exception {
        byte[] png = image("png", 16, 16);
        var level = upload("/api/v1/sites/test/levels/L9/floor-plan?metresPerPixel=0.05", server.operatorToken,
                "image/png", png);
        assertThat(level.statusCode()).isEqualTo(404);
        assertThat(error(level).getString("message")).contains("no level \"L9\"");
        var vendorUpload = upload(PLAN + "?metresPerPixel=0.05", vendor, "image/png", png);
        assertThat(vendorUpload.statusCode()).isEqualTo(403);
        assertThat(server.call(HttpMethod.DELETE, PLAN, vendor, null).statusCode()).isEqualTo(403);
        assertThat(upload(PLAN + "?metresPerPixel=0.05", null, "image/png", png).statusCode()).isEqualTo(401);
        assertNothingStored();
    }

    @Test
    void aSiteBodyNamingAnImageNeverUploadedIsRefused() {
        JsonObject site = server.get("/api/v1/sites/test", vendor).bodyAsJsonObject();
        site.getJsonArray("levels").getJsonObject(0).put("floorPlan", new JsonObject().put("image", "a".repeat(64))
                .put("mediaType", "image/png").put("widthPx", 10).put("heightPx", 10).put("metresPerPixel", 0.1)
                .put("origin", new JsonObject().put("x", 0).put("y", 0)));
        var res = server.call(HttpMethod.PUT, "/api/v1/sites/test", server.operatorToken, site);
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(400);
        assertThat(error(res).getString("message")).contains("levels[0].floorPlan.image: no image aaaa");
        assertThat(history()).hasSize(1);
    }
}
