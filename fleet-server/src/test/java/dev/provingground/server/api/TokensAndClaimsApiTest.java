package dev.provingground.server.api;

import dev.provingground.server.support.TestServer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Listing, issuing and revoking tokens, manufacturer claims and the open health answer, over real HTTP on loopback. */
class TokensAndClaimsApiTest {

    @TempDir
    Path data;
    TestServer server;
    String acme;
    String bolt;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(data);
        acme = server.registerFirm("acme");
        bolt = server.registerFirm("bolt");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private static String idOf(String token) {
        return token.split("\\.")[1];
    }

    @Test
    void aVendorListsItsTokensWithoutSecretsRotatesOneAndTheRevokedOneGets401SayingRevoked() {
        var issued = server.post("/api/v1/firms/acme/tokens", acme, null);
        assertThat(issued.statusCode()).isEqualTo(201);
        String fresh = issued.bodyAsJsonObject().getString("secret");

        JsonArray listed = server.get("/api/v1/firms/acme/tokens", fresh).bodyAsJsonObject().getJsonArray("tokens");
        assertThat(listed).hasSize(2);
        assertThat(listed.encode()).doesNotContain(fresh.split("\\.")[2]).doesNotContain("hash").doesNotContain("salt");
        assertThat(listed.getJsonObject(0).getString("status")).isEqualTo("active");
        assertThat(listed.getJsonObject(0).getString("expiresAt")).isNotNull();

        var revoked = server.call(HttpMethod.DELETE, "/api/v1/tokens/" + idOf(acme), fresh, null);
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(revoked.bodyAsJsonObject().getJsonObject("token").getString("status")).isEqualTo("revoked");

        var refused = server.get("/api/v1/robots", acme);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.bodyAsJsonObject().getJsonObject("error").getJsonObject("details").getString("reason"))
                .isEqualTo("revoked");
        assertThat(server.get("/api/v1/robots", fresh).statusCode()).isEqualTo(200);
    }

    @Test
    void aVendorSeesNeitherTheTokensNorTheFirmOfAnother() {
        assertThat(server.get("/api/v1/firms/bolt/tokens", acme).statusCode()).isEqualTo(404);
        assertThat(server.post("/api/v1/firms/bolt/tokens", acme, null).statusCode()).isEqualTo(404);
        assertThat(server.call(HttpMethod.DELETE, "/api/v1/tokens/" + idOf(bolt), acme, null).statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/robots", bolt).statusCode()).isEqualTo(200);
        assertThat(server.get("/api/v1/firms/bolt/tokens", server.operatorToken).bodyAsJsonObject()
                .getJsonArray("tokens")).hasSize(1);
    }

    @Test
    void registeringUnderAnotherFirmsManufacturerNameIsRefused409NamingTheOwnerAndChangesNothing() {
        server.registerRobot("acme", "Acme", "A-1", "indoor-delivery");
        var refused = server.post("/api/v1/robots", server.operatorToken, new JsonObject().put("manufacturer", "Acme")
                .put("serialNumber", "B-1").put("firm", "bolt").put("profile", "serving").put("site", "test"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.bodyAsJsonObject().getJsonObject("error").getString("message")).contains("\"acme\"");
        assertThat(server.get("/api/v1/robots", server.operatorToken).bodyAsJsonObject().getJsonArray("robots"))
                .hasSize(1);

        var claimed = server.post("/api/v1/firms/bolt/manufacturers", bolt, new JsonObject().put("name", "Acme"));
        assertThat(claimed.statusCode()).isEqualTo(409);
        assertThat(server.post("/api/v1/firms/bolt/manufacturers", bolt, new JsonObject().put("name", "Bolt"))
                .statusCode()).isEqualTo(201);
        assertThat(server.get("/api/v1/manufacturers", bolt).bodyAsJsonObject().getJsonArray("manufacturers"))
                .extracting(c -> ((JsonObject) c).getString("name")).containsExactly("Bolt");
    }

    @Test
    void anOperatorReassignsANameAndOnlyThenTheOtherFirmRegistersUnderIt() {
        server.registerRobot("acme", "Acme", "A-1", "indoor-delivery");
        assertThat(server.call(HttpMethod.PUT, "/api/v1/manufacturers/Acme", acme, new JsonObject().put("firm", "acme"))
                .statusCode()).isEqualTo(403);
        var assigned = server.call(HttpMethod.PUT, "/api/v1/manufacturers/Acme", server.operatorToken,
                new JsonObject().put("firm", "bolt"));
        assertThat(assigned.statusCode()).isEqualTo(200);
        assertThat(assigned.bodyAsJsonObject().getString("firm")).isEqualTo("bolt");
        server.registerRobot("bolt", "Acme", "B-1", "serving");
        assertThat(server.post("/api/v1/robots", server.operatorToken, new JsonObject().put("manufacturer", "Acme")
                .put("serialNumber", "A-2").put("firm", "acme").put("profile", "serving").put("site", "test"))
                .statusCode()).isEqualTo(409);
    }

    @Test
    void healthWithoutATokenSaysOnlyStatusAndTimeAWrongTokenIsRefusedAndAValidOneSeesTheInternals() {
        JsonObject open = server.get("/api/v1/health", null).bodyAsJsonObject();
        assertThat(open.fieldNames()).containsExactlyInAnyOrder("status", "time");
        assertThat(open.getString("status")).isEqualTo("UP");
        // Otherwise health would tell a right token from a wrong one without the failed-login throttle.
        assertThat(server.get("/api/v1/health", "pg.nope.nope").statusCode()).isEqualTo(401);
        assertThat(server.get("/api/v1/health", acme).bodyAsJsonObject().fieldNames()).contains("mqtt", "robots");
    }
}
