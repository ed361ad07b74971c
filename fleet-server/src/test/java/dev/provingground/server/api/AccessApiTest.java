package dev.provingground.server.api;

import dev.provingground.server.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import dev.provingground.server.support.Await;
import io.vertx.core.buffer.Buffer;

/** Bearer tokens on every call; vendors see and change only their own firm's robots. Real HTTP on loopback. */
class AccessApiTest {

    @TempDir
    Path data;
    TestServer server;
    String acmeToken;
    String boltToken;
    String acmeRobot;
    String boltRobot;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(data);
        acmeToken = server.registerFirm("acme");
        boltToken = server.registerFirm("bolt");
        acmeRobot = server.registerRobot("acme", "Acme", "A-1", "indoor-delivery").getString("id");
        boltRobot = server.registerRobot("bolt", "Bolt", "B-1", "serving").getString("id");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void callsWithoutATokenGet401() {
        var res = server.get("/api/v1/robots", null);
        assertThat(res.statusCode()).isEqualTo(401);
        assertThat(res.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("unauthorized");
        assertThat(server.get("/api/v1/sites", "pg.nope.nope").statusCode()).isEqualTo(401);
    }

    @Test
    void operatorTokenFileIsPrivate() throws Exception {
        assertThat(Files.getPosixFilePermissions(data.resolve("operator.token")))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void vendorListsOnlyItsOwnFirmsRobots() {
        var robots = server.get("/api/v1/robots", acmeToken).bodyAsJsonObject().getJsonArray("robots");
        assertThat(robots).hasSize(1);
        assertThat(robots.getJsonObject(0).getString("id")).isEqualTo(acmeRobot);
        assertThat(server.get("/api/v1/robots", server.operatorToken).bodyAsJsonObject().getJsonArray("robots"))
                .hasSize(2);
    }

    @Test
    void vendorGets403OnAnotherFirmsRobot() {
        assertThat(server.get("/api/v1/robots/" + boltRobot, acmeToken).statusCode()).isEqualTo(403);
        assertThat(server.post("/api/v1/robots/" + boltRobot + "/credentials", acmeToken, new JsonObject())
                .statusCode()).isEqualTo(403);
        assertThat(server.get("/api/v1/robots/" + acmeRobot, acmeToken).statusCode()).isEqualTo(200);
    }

    @Test
    void vendorCannotRegisterRobotsForAnotherFirmNorRegisterFirms() {
        var res = server.post("/api/v1/robots", acmeToken, new JsonObject().put("manufacturer", "Acme")
                .put("serialNumber", "A-2").put("firm", "bolt").put("profile", "serving"));
        assertThat(res.statusCode()).isEqualTo(403);
        assertThat(server.post("/api/v1/firms", acmeToken, new JsonObject().put("id", "evil").put("name", "Evil"))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void vendorRegistersItsOwnRobotAndGetsAnMqttPasswordOnce() {
        var res = server.post("/api/v1/robots", acmeToken, new JsonObject().put("manufacturer", "Acme")
                .put("serialNumber", "A-2").put("profile", "uvc-disinfection"));
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
        JsonObject robot = res.bodyAsJsonObject().getJsonObject("robot");
        assertThat(robot.getString("firm")).isEqualTo("acme");
        assertThat(robot.getString("kind")).isEqualTo("DISINFECTION");
        assertThat(robot.getString("site")).isEqualTo("test");
        assertThat(robot.getJsonObject("mqtt").getString("password")).hasSizeGreaterThan(20);
        var again = server.get("/api/v1/robots/" + robot.getString("id"), acmeToken).bodyAsJsonObject();
        assertThat(again.getJsonObject("mqtt").containsKey("password")).isFalse();
    }

    @Test
    void robotListHasTheDocumentedFields() {
        JsonObject r = server.get("/api/v1/robots", server.operatorToken).bodyAsJsonObject().getJsonArray("robots")
                .getJsonObject(0);
        assertThat(r.fieldNames()).contains("id", "manufacturer", "serialNumber", "firm", "kind", "profile",
                "connection", "position", "battery", "site", "updatedAt");
        assertThat(r.getString("connection")).isEqualTo("OFFLINE");
    }

    @Test
    void badRegistrationsNameTheFieldAndChangeNothing() {
        var unknownProfile = server.post("/api/v1/robots", server.operatorToken, new JsonObject()
                .put("manufacturer", "Acme").put("serialNumber", "A-3").put("firm", "acme").put("profile", "hovercraft"));
        assertThat(unknownProfile.statusCode()).isEqualTo(400);
        assertThat(unknownProfile.bodyAsJsonObject().getJsonObject("error").getString("message"))
                .contains("profile").contains("hovercraft");
        var badSerial = server.post("/api/v1/robots", server.operatorToken, new JsonObject()
                .put("manufacturer", "Acme").put("serialNumber", "A/3").put("firm", "acme").put("profile", "serving"));
        assertThat(badSerial.statusCode()).isEqualTo(400);
        assertThat(badSerial.bodyAsJsonObject().getJsonObject("error").getJsonObject("details").getString("field"))
                .isEqualTo("serialNumber");
        for (String serial : new String[] {"..", ".", "-x", ".hidden"}) {
            var dotted = server.post("/api/v1/robots", server.operatorToken, new JsonObject()
                    .put("manufacturer", "Acme").put("serialNumber", serial).put("firm", "acme").put("profile", "serving"));
            assertThat(dotted.statusCode()).as(serial).isEqualTo(400);
            assertThat(dotted.bodyAsJsonObject().getJsonObject("error").getJsonObject("details").getString("field"))
                    .as(serial).isEqualTo("serialNumber");
        }
        var dottedManufacturer = server.post("/api/v1/robots", server.operatorToken, new JsonObject()
                .put("manufacturer", "..").put("serialNumber", "A-4").put("firm", "acme").put("profile", "serving"));
        assertThat(dottedManufacturer.statusCode()).isEqualTo(400);
        assertThat(dottedManufacturer.bodyAsJsonObject().getJsonObject("error").getJsonObject("details")
                .getString("field")).isEqualTo("manufacturer");
        var duplicate = server.post("/api/v1/robots", server.operatorToken, new JsonObject()
                .put("manufacturer", "Acme").put("serialNumber", "A-1").put("firm", "acme").put("profile", "serving"));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        var notJson = server.http.post(server.server.httpPort(), "127.0.0.1", "/api/v1/robots")
                .putHeader("Authorization", "Bearer " + server.operatorToken)
                .sendBuffer(Buffer.buffer("{oops"));
        assertThat(Await.result(notJson).statusCode()).isEqualTo(400);
        assertThat(server.get("/api/v1/robots", server.operatorToken).bodyAsJsonObject().getJsonArray("robots"))
                .hasSize(2);
    }

    @Test
    void sitesListTheirLevels() {
        var sites = server.get("/api/v1/sites", acmeToken).bodyAsJsonObject().getJsonArray("sites");
        assertThat(sites).hasSize(1);
        assertThat(sites.getJsonObject(0).getString("id")).isEqualTo("test");
        assertThat(sites.getJsonObject(0).getJsonArray("levels").getJsonObject(0).getString("id")).isEqualTo("L1");
    }
}
