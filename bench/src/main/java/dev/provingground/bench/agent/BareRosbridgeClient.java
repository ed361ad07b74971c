package dev.provingground.bench.agent;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URI;

/**
 * The agent benchmark's baseline, run as a process of its own: a bare Vert.x WebSocket client that subscribes to the
 * replayed topics and only parses each message (and reads its topic and body), doing nothing with it. Prints
 * {@code done <marker>} when a burst's end marker arrives. Usage: {@code BareRosbridgeClient ws://host:port}.
 */
public final class BareRosbridgeClient {

    private BareRosbridgeClient() {
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        Vertx vertx = Vertx.vertx();
        var client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(16 * 1024 * 1024));
        client.connect(new WebSocketConnectOptions().setHost(uri.getHost()).setPort(uri.getPort()).setURI("/"))
                .onSuccess(ws -> {
                    ws.textMessageHandler(text -> {
                        JsonObject msg = new JsonObject(text);
                        String topic = msg.getString("topic");
                        JsonObject body = msg.getJsonObject("msg");
                        if ("/diagnostics".equals(topic)) {
                            JsonArray status = body.getJsonArray("status");
                            System.out.println("done " + status.getJsonObject(0).getString("name"));
                            System.out.flush();
                        }
                    });
                    for (String topic : ReplayRosbridge.TOPICS) {
                        ws.writeTextMessage(new JsonObject().put("op", "subscribe").put("topic", topic).encode());
                    }
                })
                .onFailure(e -> {
                    System.err.println("bare client: " + e);
                    System.exit(1);
                });
        Thread.currentThread().join();
    }
}
