package dev.provingground.server.api;

import dev.provingground.server.mqtt.Rejection;
import dev.provingground.server.support.InProcessRobot;
import dev.provingground.server.support.TestServer;
import dev.provingground.server.support.VirtualServer;
import dev.provingground.vda5050.Topic;
import dev.provingground.vda5050.Header;
import dev.provingground.vda5050.Vda5050Codec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/rejections}: a vendor sees why its own robots' messages were refused, and no one else's.
 * Real server in virtual time, robots on its in-process link.
 */
class RejectionsApiTest {

    @TempDir
    Path data;
    VirtualServer virtual;
    TestServer server;
    String acmeToken;
    String boltToken;
    InProcessRobot acme;
    String acmeId;

    @BeforeEach
    void start() throws Exception {
        virtual = VirtualServer.start(data);
        server = virtual.api();
        acmeToken = server.registerFirm("acme");
        boltToken = server.registerFirm("bolt");
        JsonObject r = server.registerRobot("acme", "Acme", "A-1", "indoor-delivery");
        acmeId = r.getString("id");
        acme = virtual.robot("Acme", "A-1", r.getJsonObject("mqtt").getString("username"),
                r.getJsonObject("mqtt").getString("password"));
        acme.connectOnline();
    }

    @AfterEach
    void stop() {
        acme.close();
        virtual.stop();
    }

    /** A state whose battery charge is text: the decoder refuses it at {@code /batteryState/batteryCharge}. */
    private void sendStateWithTextBattery() {
        JsonObject state = new JsonObject(new String(new Vda5050Codec().encode(acme.state("L1", 1, 1, 80)
                .withHeader(new Header(7, virtual.clock().instant(), "2.1.0", "Acme", "A-1"))), StandardCharsets.UTF_8));
        state.getJsonObject("batteryState").put("batteryCharge", "full");
        acme.publishRaw(Topic.STATE, state.encode().getBytes(StandardCharsets.UTF_8));
    }

    private JsonArray rejections(String query, String token) {
        var res = server.get("/api/v1/rejections" + query, token);
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
        return res.bodyAsJsonObject().getJsonArray("rejections");
    }

    @Test
    void aRobotsSchemaInvalidStateShowsUpForItsVendorWithThePointer() {
        sendStateWithTextBattery();

        JsonArray seen = rejections("", acmeToken);
        assertThat(seen).hasSize(1);
        JsonObject r = seen.getJsonObject(0);
        assertThat(r.getString("robotId")).isEqualTo(acmeId);
        assertThat(r.getString("topic")).isEqualTo("uagv/v2/Acme/A-1/state");
        assertThat(r.getString("reason")).isEqualTo(Rejection.INVALID_MESSAGE.name());
        assertThat(r.getString("at")).isEqualTo(virtual.clock().instant().toString());
        JsonObject violation = r.getJsonArray("violations").getJsonObject(0);
        assertThat(violation.getString("pointer")).isEqualTo("/batteryState/batteryCharge");
        assertThat(violation.getString("message")).contains("full");
    }

    @Test
    void anotherVendorDoesNotSeeIt() {
        sendStateWithTextBattery();

        assertThat(rejections("", boltToken)).isEmpty();
        assertThat(rejections("?robot=" + acmeId, boltToken)).isEmpty();
        assertThat(rejections("", server.operatorToken)).hasSize(1);
    }

    @Test
    void aRefusalOfNoKnownRobotIsForOperatorsOnly() {
        virtual.onServer(() -> virtual.server().rejections().reject(Rejection.AUTH_FAILED, "x@10.0.0.9",
                "username \"nobody\""));

        assertThat(rejections("", acmeToken)).isEmpty();
        JsonObject r = rejections("", server.operatorToken).getJsonObject(0);
        assertThat(r.getString("reason")).isEqualTo("AUTH_FAILED");
        assertThat(r.containsKey("robotId")).isFalse();
    }

    @Test
    void theNewestComeFirstAndLimitAndSinceCutTheList() {
        sendStateWithTextBattery();
        virtual.advance(Duration.ofMinutes(1));
        var second = virtual.clock().instant();
        acme.publishRaw(Topic.STATE, "not json".getBytes(StandardCharsets.UTF_8));

        JsonArray all = rejections("", acmeToken);
        assertThat(all).hasSize(2);
        assertThat(all.getJsonObject(0).getString("reason")).isEqualTo("MALFORMED_JSON");
        assertThat(all.getJsonObject(0).getJsonArray("violations")).isEmpty();
        assertThat(rejections("?limit=1", acmeToken)).hasSize(1);
        assertThat(rejections("?since=" + second, acmeToken)).hasSize(1);
        assertThat(rejections("?robot=someone-else", acmeToken)).isEmpty();
    }

    @Test
    void badParametersGet400NamingTheParameter() {
        for (String[] bad : new String[][] {{"limit=0", "limit"}, {"limit=1001", "limit"}, {"limit=ten", "limit"},
                {"since=yesterday", "since"}, {"robot=", "robot"}}) {
            var res = server.get("/api/v1/rejections?" + bad[0], acmeToken);
            assertThat(res.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(res.bodyAsString()).as(bad[0]).contains(bad[1]);
        }
    }
}
