package dev.provingground.server.api;

import dev.provingground.server.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's files at / and Leaflet's from its webjar, beside an API that answers as before. */
class ConsoleRoutesTest {

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Files.createTempDirectory("console-routes"));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void theConsoleIsServedAtTheRootWithoutATokenAndWithItsContentSecurityPolicy() {
        var res = server.get("/", null);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.getHeader("content-type")).startsWith("text/html");
        assertThat(res.bodyAsString()).contains("<script type=\"module\" src=\"/js/main.js\">");
        assertThat(res.getHeader("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(res.getHeader("Cache-Control")).isEqualTo("no-cache");
        var module = server.get("/js/main.js", null);
        assertThat(module.statusCode()).isEqualTo(200);
        assertThat(module.getHeader("content-type")).startsWith("text/javascript");
    }

    @Test
    void leafletComesFromItsWebjar() {
        var res = server.get("/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js", null);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.bodyAsString()).contains("Leaflet 1.9.4");
        assertThat(server.get("/webjars/leaflet/1.9.4/dist/leaflet.css", null).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownPathsStillGetTheirOwnAnswers() {
        var api = server.get("/api/v1/no-such-thing", server.operatorToken);
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("not_found");
        assertThat(server.get("/no-such-page.html", null).statusCode()).isEqualTo(404);
        // A file under the API's path is never served from the console's files.
        assertThat(server.get("/api/v1/robots", null).statusCode()).isEqualTo(401);
    }

    @Test
    void whoamiTellsOperatorFromVendor() {
        JsonObject operator = server.get("/api/v1/whoami", server.operatorToken).bodyAsJsonObject();
        assertThat(operator.getString("role")).isEqualTo("operator");
        assertThat(operator.containsKey("firm")).isFalse();
        String vendor = server.registerFirm("whoami-firm");
        JsonObject v = server.get("/api/v1/whoami", vendor).bodyAsJsonObject();
        assertThat(v.getString("role")).isEqualTo("vendor");
        assertThat(v.getString("firm")).isEqualTo("whoami-firm");
        assertThat(v.getString("actor")).startsWith("vendor:whoami-firm:");
        assertThat(server.get("/api/v1/whoami", "not-a-token").statusCode()).isEqualTo(401);
    }

    @Test
    void theRobotFeedIsAWebSocketThatNeedsItsSiteForALevel() {
        assertThat(server.get("/api/v1/live/robots", server.operatorToken).bodyAsJsonObject().getJsonObject("error")
                .getString("code")).isEqualTo("not_websocket");
        assertThat(server.get("/api/v1/live/robots?access_token=nope", null).statusCode()).isEqualTo(401);
    }
}
