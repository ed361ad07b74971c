package dev.provingground.server.live;

import dev.provingground.server.support.Await;
import dev.provingground.server.support.InProcessRobot;
import dev.provingground.server.support.VirtualServer;
import dev.provingground.server.support.TestServer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Events over REST and the live WebSocket, each seen only by whom it concerns. */
class EventsAndLiveFeedTest {

    @TempDir
    Path data;
    VirtualServer virtual;
    TestServer server;
    String acmeToken;
    JsonObject acmeRobot;
    JsonObject boltRobot;

    @BeforeEach
    void start() throws Exception {
        virtual = VirtualServer.start(data);
        server = virtual.api();
        acmeToken = server.registerFirm("acme");
        server.registerFirm("bolt");
        acmeRobot = server.registerRobot("acme", "Acme", "A-1", "indoor-delivery");
        boltRobot = server.registerRobot("bolt", "Bolt", "B-1", "serving");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private List<String> subscribe(String token) {
        List<String> received = new CopyOnWriteArrayList<>();
        WebSocketClient client = server.vertx.createWebSocketClient();
        var ws = Await.result(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
                .setPort(server.server.httpPort()).setURI("/api/v1/live?access_token=" + token)));
        ws.textMessageHandler(received::add);
        return received;
    }

    private void connect(JsonObject r) {
        InProcessRobot robot = virtual.robot(r.getString("manufacturer"), r.getString("serialNumber"),
                r.getString("id"), r.getJsonObject("mqtt").getString("password"));
        robot.connectOnline();
    }

    @Test
    void robotComingOnlineIsALinkEventOverRestAndLive() {
        List<String> operatorFeed = subscribe(server.operatorToken);
        List<String> acmeFeed = subscribe(acmeToken);
        connect(acmeRobot);
        connect(boltRobot);
        Await.until("two link events on the operator's feed", Duration.ofSeconds(5), () -> operatorFeed.size() == 2);
        Await.until("acme's own link event", Duration.ofSeconds(5), () -> acmeFeed.size() == 1);
        JsonObject event = new JsonObject(acmeFeed.get(0));
        assertThat(event.getString("type")).isEqualTo("robot.link");
        assertThat(event.getString("robot")).isEqualTo(acmeRobot.getString("id"));
        assertThat(event.getString("firm")).isEqualTo("acme");
        assertThat(event.getString("state")).isEqualTo("CONNECTED");

        var all = server.get("/api/v1/events?type=robot.link", server.operatorToken).bodyAsJsonObject();
        assertThat(all.getJsonArray("events")).hasSize(2);
        var own = server.get("/api/v1/events?type=robot.link", acmeToken).bodyAsJsonObject();
        assertThat(own.getJsonArray("events")).hasSize(1);
        var byRobot = server.get("/api/v1/events?type=robot.link&robot=" + boltRobot.getString("id"), server.operatorToken)
                .bodyAsJsonObject();
        assertThat(byRobot.getJsonArray("events")).hasSize(1);
        var future = server.get("/api/v1/events?since=2999-01-01T00:00:00Z", server.operatorToken).bodyAsJsonObject();
        assertThat(future.getJsonArray("events")).isEmpty();
    }

    @Test
    void badEventQueriesNameTheParameter() {
        var res = server.get("/api/v1/events?since=yesterday", server.operatorToken);
        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(res.bodyAsJsonObject().getJsonObject("error").getString("message")).startsWith("since:");
        assertThat(server.get("/api/v1/events?type=nonsense", server.operatorToken).statusCode()).isEqualTo(400);
    }

    @Test
    void liveFeedNeedsAToken() {
        WebSocketClient client = server.vertx.createWebSocketClient();
        Throwable refused = Await.failure(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
                .setPort(server.server.httpPort()).setURI("/api/v1/live")));
        assertThat(refused.getMessage()).contains("401");
    }
}
