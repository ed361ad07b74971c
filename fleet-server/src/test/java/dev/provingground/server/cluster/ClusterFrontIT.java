package dev.provingground.server.cluster;

import dev.provingground.server.config.HttpConfig;
import dev.provingground.server.support.Await;
import dev.provingground.server.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node's front over real loopback sockets, in front of a real fleet server: a request under
 * {@code /site/{site}} crosses the event bus to the site's relay and the server's answer comes back unchanged;
 * a site without owner, a site the cluster does not have and an oversize body are answered by the front itself.
 */
class ClusterFrontIT {

    @TempDir
    Path dir;
    TestServer site;
    ClusterFront front;
    SiteApiRelay relay;

    @BeforeEach
    void start() throws Exception {
        site = TestServer.start(dir.resolve("data"));
        front = new ClusterFront(site.vertx, new HttpConfig("127.0.0.1", 0, 4096), Set.of("test", "spare"),
                () -> new JsonObject().put("sites", "as the claims say"));
        Await.result(front.start());
        relay = new SiteApiRelay(site.vertx, "test", site.server.httpPort());
        Await.result(relay.start());
    }

    @AfterEach
    void stop() {
        if (relay != null) Await.result(relay.stop());
        if (front != null) Await.result(front.stop());
        if (site != null) site.close();
    }

    private HttpResponse<Buffer> call(HttpMethod method, String uri, String token, Buffer body) {
        var req = site.http.request(method, front.port(), "127.0.0.1", uri);
        if (token != null) req.putHeader("Authorization", "Bearer " + token);
        if (body != null) req.putHeader("Content-Type", "application/json");
        return Await.result(body == null ? req.send() : req.sendBuffer(body));
    }

    @Test
    void aRequestForASiteIsAnsweredByItsServerWithStatusHeadersAndBodyUnchanged() {
        var created = call(HttpMethod.POST, "/site/test/api/v1/firms", site.operatorToken,
                Buffer.buffer(new JsonObject().put("id", "acme").put("name", "Acme").encode()));
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        assertThat(created.bodyAsJsonObject().getJsonObject("firm").getString("id")).isEqualTo("acme");
        var direct = site.get("/api/v1/robots?firm=acme", site.operatorToken);
        var forwarded = call(HttpMethod.GET, "/site/test/api/v1/robots?firm=acme", site.operatorToken, null);
        assertThat(forwarded.statusCode()).isEqualTo(direct.statusCode());
        assertThat(forwarded.bodyAsJsonObject()).isEqualTo(direct.bodyAsJsonObject());
        assertThat(forwarded.getHeader("Content-Type")).isEqualTo(direct.getHeader("Content-Type"));
    }

    @Test
    void theSitesOwnAuthenticationAnswersThroughTheFront() {
        var refused = call(HttpMethod.GET, "/site/test/api/v1/firms", "pg.not.a-token", null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("unauthorized");
    }

    @Test
    void aSiteWithoutOwnerIsUnavailableForNowAndSaysWhenToRetry() {
        var res = call(HttpMethod.GET, "/site/spare/api/v1/sites", site.operatorToken, null);
        assertThat(res.statusCode()).isEqualTo(503);
        assertThat(res.getHeader("Retry-After")).isEqualTo("2");
        assertThat(res.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("site_unavailable");
    }

    @Test
    void aSiteNotInTheClusterIsNotFoundAndTheSitesAreNamed() {
        var res = call(HttpMethod.GET, "/site/elsewhere/api/v1/sites", site.operatorToken, null);
        assertThat(res.statusCode()).isEqualTo(404);
        assertThat(res.bodyAsJsonObject().getJsonObject("error").getString("message")).contains("[spare, test]");
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItCrossesTheBus() {
        var res = call(HttpMethod.POST, "/site/test/api/v1/firms", site.operatorToken, Buffer.buffer("x".repeat(5000)));
        assertThat(res.statusCode()).isEqualTo(413);
        assertThat(site.get("/api/v1/firms", site.operatorToken).bodyAsJsonObject().encode()).doesNotContain("x".repeat(50));
    }

    @Test
    void theClusterStatusIsServedAndOtherPathsAreNotFound() {
        assertThat(call(HttpMethod.GET, "/api/v1/cluster", null, null).bodyAsJsonObject().getString("sites"))
                .isEqualTo("as the claims say");
        assertThat(call(HttpMethod.GET, "/api/v1/sites", site.operatorToken, null).statusCode()).isEqualTo(404);
        assertThat(call(HttpMethod.DELETE, "/api/v1/cluster", null, null).statusCode()).isEqualTo(405);
    }
}
